// Shared by the query parser tests: a small in-memory index of letters built
// through the real DocumentBuilder, and the parser pipeline with a thesaurus
// the test chooses.
#pragma once

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "imr/document/document_builder.h"
#include "imr/schema/analyzer.h"
#include "imr/schema/letter_identity.h"
#include "imr/schema/record.h"
#include "imr/schema/stored_letter.h"
#include "query/query_builder.h"

namespace query_test {

using imr::searcher::ParsedQuery;
using Names = std::vector<std::string>;

class TestIndex {
 public:
  // A letter whose record has just a case number and its text.
  void add(const std::string& case_number, std::string_view text) {
    imr::schema::Record r;
    r.case_number = case_number;
    add(r, text);
  }

  void add(imr::schema::Record record, std::string_view text) {
    record.source = "test/" + record.case_number.value_or("none") + ".txt";
    auto built = builder_.build(record, text, "hash-" + record.source);
    db_.replace_document(built.key_term, built.document);
    imr::schema::add_stem_words(db_, built.stems);
  }

  void remove(const std::string& case_number) { db_.delete_document(imr::schema::key_term(case_number)); }

  const Xapian::Database& db() const { return db_; }

  // Case numbers of the letters the query matches, best first.
  Names find(const Xapian::Query& query) const {
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    Names out;
    const Xapian::MSet mset = enquire.get_mset(0, db_.get_doccount() + 1);
    for (auto it = mset.begin(); it != mset.end(); ++it)
      out.push_back(*imr::schema::read_stored_letter(db_, it.get_document()).record.case_number);
    return out;
  }

 private:
  Xapian::WritableDatabase db_{"", Xapian::DB_BACKEND_INMEMORY};
  imr::indexer::DocumentBuilder builder_;
};

// Sorted, for checks that do not depend on ranking.
inline Names sorted(Names v) {
  std::ranges::sort(v);
  return v;
}

// A thesaurus with a few drugs and abbreviations, so synonym handling can be
// checked against known answers without the full vocabularies.
class SmallThesaurus final : public imr::searcher::Thesaurus {
 public:
  std::vector<std::string> generics_of(std::string_view name) const override {
    const auto it = generics_.find(std::string(name));
    return it == generics_.end() ? Names{} : it->second;
  }
  std::vector<std::string> names_of(std::string_view generic) const override {
    Names out;
    for (const auto& [name, generics] : generics_)
      if (std::ranges::find(generics, generic) != generics.end()) out.push_back(name);
    return out;
  }
  std::vector<std::vector<std::string>> synonyms_of(std::span<const std::string> terms) const override {
    const Names key(terms.begin(), terms.end());
    for (const auto& [a, b] : abbreviations_) {
      if (key == a) return {b};
      if (key == b) return {a};
    }
    return {};
  }
  std::optional<std::string> state_code(std::string_view name) const override {
    if (name == "california" || name == "ca") return "CA";
    return std::nullopt;
  }
  std::optional<std::string> specialty(std::span<const imr::schema::Token> wording) const override {
    Names terms;
    for (const auto& t : wording) terms.push_back(t.term);
    if (terms == Names{"physical", "medicine", "and", "rehabilitation"}) return "Physical Medicine & Rehabilitation";
    return std::nullopt;
  }

 private:
  std::map<std::string, Names> generics_{{"carisoprodol", {"carisoprodol"}},
                                         {"soma", {"carisoprodol"}},
                                         {"soma compound", {"carisoprodol", "aspirin"}},
                                         {"aspirin", {"aspirin"}},
                                         {"hydrocodone", {"hydrocodone"}},
                                         {"acetaminophen", {"acetaminophen"}},
                                         {"tylenol", {"acetaminophen"}},
                                         {"norco", {"hydrocodone", "acetaminophen"}},
                                         {"vicodin", {"hydrocodone", "acetaminophen"}}};
  std::vector<std::pair<Names, Names>> abbreviations_{{{"pt"}, {"physical", "therapy"}},
                                                      {{"mri"}, {"magnetic", "resonance", "imaging"}}};
};

// The parser pipeline with the given thesaurus and limits, expanding stems
// from the index's stem table when given one.
class Parser {
 public:
  explicit Parser(const imr::searcher::Thesaurus& thesaurus, imr::searcher::QueryLimits limits = {},
                  const TestIndex* index = nullptr)
      : thesaurus_(thesaurus), limits_(limits) {
    if (index) stems_.emplace(index->db());
    if (index) phrases_.emplace(index->db());
  }
  ParsedQuery parse(std::string_view q) const {
    return imr::searcher::parse_query(q, analyzer_, thesaurus_, limits_,
                                      {stems_ ? &*stems_ : nullptr, phrases_ ? &*phrases_ : nullptr});
  }

 private:
  const imr::searcher::Thesaurus& thesaurus_;
  imr::searcher::QueryLimits limits_;
  imr::schema::Analyzer analyzer_;
  std::optional<imr::schema::StemTable> stems_;
  std::optional<imr::schema::IndexedPhraseTable> phrases_;
};

}  // namespace query_test
