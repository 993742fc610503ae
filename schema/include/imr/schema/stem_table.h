// Stems answered at query time. A letter stores its words, not their stems:
// the index keeps, in its metadata, a table from each stem to the words of
// its letters that have that stem and are not the stem itself ("medic" ->
// medical, medically), and a stemmed query word becomes the OR of those words
// (plus the stem itself when it is its own stem). One table entry per distinct
// word instead of one stem posting per letter and word.
//
// The table only grows: a word whose last letter was deleted stays listed and
// matches nothing, so the expansion stays exact through replacements and
// deletions. Each shard of a sharded index keeps the table of its own
// letters; a reader takes the union over the shards (a combined Database's
// get_metadata reads the first shard only).
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <xapian.h>

namespace imr::schema {

// A word of a letter's text and its stem term ("medically", "Zmedic").
struct StemmedWord {
  std::string word;
  std::string stem_term;
  auto operator<=>(const StemmedWord&) const = default;
};

// The index's metadata key naming how its text terms are written. An index
// without it but with letters was written by an imr-index that stored a stem
// term per word in every letter, which this searcher cannot answer exactly.
inline constexpr std::string_view kTermSchemeKey = "imr:term_scheme";
inline constexpr std::string_view kTermScheme = "query-time stems 1";

// Throws std::runtime_error, saying what to do, when db (or one of shards,
// when given) holds letters written with another term scheme.
void require_term_scheme(const Xapian::Database& db, const std::vector<Xapian::Database>& shards = {});
// Throws the same for an index about to be written to.
void require_writable_term_scheme(const Xapian::WritableDatabase& db, std::string_view where);

// Collects the stemmed words of the letters of one transaction and writes the
// new ones into the table before it commits. Not thread-safe: one per writer.
class StemTableWriter {
 public:
  void add(const std::vector<StemmedWord>& words);
  // Writes the words added since the last write, and the term scheme, inside
  // db's open transaction (or as its next commit's changes).
  void write(Xapian::WritableDatabase& db);
  // The transaction holding the writes is on disk: its words need no look-up again.
  void committed();
  // The open transaction was cancelled: what it added or wrote is not in the table.
  void cancel();

 private:
  // Words already in the table on disk: most of a letter's words are.
  std::unordered_set<std::string> known_;
  std::map<std::string, std::set<std::string>> pending_;  // stem term -> words
  std::vector<std::string> written_;                      // by write(), not yet committed
};

// One letter's words written at once, for writers without a batch (tests, tools).
void add_stem_words(Xapian::WritableDatabase& db, const std::vector<StemmedWord>& words);

// The words of db's letters with this stem term, from every shard when given
// (sorted, each once). Shards, when given, must outlive the reader.
class StemTable {
 public:
  explicit StemTable(const Xapian::Database& db, const std::vector<Xapian::Database>* shards = nullptr)
      : db_(db), shards_(shards) {}
  std::vector<std::string> words_of(std::string_view stem_term) const;

 private:
  const Xapian::Database& db_;
  const std::vector<Xapian::Database>* shards_;
};

}  // namespace imr::schema
