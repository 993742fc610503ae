// The field table: which fields a letter has, how each is stored in Xapian
// (term prefix, value slot), whether it is a facet, and whether it belongs to
// the letter or to one of its items. Indexer and searcher both read it.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace imr::schema {

enum class FieldId : std::uint8_t {
  case_number,
  decision,
  outcome,
  drug,
  drug_class,
  category,
  guideline,
  claims_guideline,
  specialty,
  license_state,
  decision_year,
  priority,
  sex,
  check,  // the letter's self-checks (checks.h)
  // Last, so the field numbers stored in existing facet tables keep their meaning.
  decision_month,
};

enum class Level { letter, item };

struct Field {
  FieldId id;
  std::string_view name;    // facet / filter / record name ("drug_class")
  std::string_view alias;   // short query name ("class"); may equal name
  std::string_view prefix;  // Xapian boolean term prefix
  Level level;
  bool facet;  // offered in search results' facets
};

// Value slots. Dates are stored as ISO "yyyy-mm-dd" strings, which sort and
// range-compare correctly as bytes.
namespace slot {
inline constexpr unsigned decision_date = 0;
inline constexpr unsigned injury_date = 1;
inline constexpr unsigned assigned_date = 2;
inline constexpr unsigned ur_denial_date = 3;
inline constexpr unsigned received_date = 4;
inline constexpr unsigned facet_table = 5;   // see facet_table.h
inline constexpr unsigned content_hash = 6;  // of the source bytes; lets re-indexing skip unchanged files
inline constexpr unsigned source_path = 7;
inline constexpr unsigned reading_version = 8;  // of the reader and parser that read the letter
}  // namespace slot

// The index's metadata key holding the reading version of its last write.
inline constexpr std::string_view kReadingVersionKey = "imr:reading_version";

// The prefixes of terms that are not field values (fields carry theirs in the
// field table). Text terms carry no prefix.
namespace prefix {
// Stems of text terms, as Xapian's own TermGenerator makes them, without positions.
inline constexpr std::string_view stem = "Z";
// A letter's unique key (see letter_identity.h).
inline constexpr std::string_view key = "Q";
// A hash of the source file's name, which finds the letter read from it.
inline constexpr std::string_view source = "XSRC";
// A frequent phrase of the text (indexed_phrases.h), without positions.
inline constexpr std::string_view phrase = "XPH";
}  // namespace prefix

std::span<const Field> fields();
const Field& field(FieldId id);
// By record name or query alias, case-insensitive; nullopt when unknown.
std::optional<FieldId> find_field(std::string_view name);

// A date-range field of the query language ("injury:2004..2005").
struct DateField {
  std::string_view name;
  std::string_view alias;
  unsigned slot;
};
std::span<const DateField> date_fields();
const DateField* find_date_field(std::string_view name);

// The boolean term for a field value: prefix + lower-cased value.
std::string boolean_term(FieldId id, std::string_view value);

}  // namespace imr::schema
