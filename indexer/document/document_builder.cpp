#include "imr/document/document_builder.h"

#include <unordered_set>

#include "imr/schema/facet_table.h"
#include "imr/schema/field.h"
#include "imr/schema/letter_identity.h"
#include "imr/schema/stored_letter.h"

namespace imr::indexer {
namespace {

namespace slot = schema::slot;

// The letter's words whose stem is another word, each once, for the index's
// stem table (schema/stem_table.h); the letter itself stores no stems.
std::vector<schema::StemmedWord> stemmed_words(const schema::Analyzer& analyzer, StemCache& stems,
                                               const std::vector<schema::Token>& tokens) {
  std::unordered_set<std::string_view> seen;
  std::vector<schema::StemmedWord> out;
  for (const schema::Token& t : tokens) {
    if (t.compound || !seen.insert(t.term).second) continue;
    if (const std::string& stem = stems.indexed_stem_term(analyzer, t.term); !stem.empty())
      out.push_back({t.term, stem});
  }
  return out;
}

std::vector<schema::StemmedWord> add_text(Xapian::Document& doc, const schema::Analyzer& analyzer, StemCache& stems,
                                          const schema::StandardPassages& standard,
                                          const schema::IndexedPhrases& phrases, std::string_view text) {
  const std::vector<schema::Token> tokens = analyzer.tokens(text);
  const std::vector<bool> positionless = standard.inside(tokens);
  for (const std::string& term : phrases.terms_in(tokens, positionless)) doc.add_term(term);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const schema::Token& t = tokens[i];
    // The position counter still moves past a standard passage, so no phrase
    // is found across one. A compound's own term ("l5-s1") needs no position
    // either: phrases are matched on its parts, which have theirs.
    if (positionless[i] || t.compound)
      doc.add_term(t.term);
    else
      doc.add_posting(t.term, t.position);
  }
  return stemmed_words(analyzer, stems, tokens);
}

void add_facets(Xapian::Document& doc, const schema::FacetTable& table) {
  for (const auto& v : table.letter) doc.add_boolean_term(schema::boolean_term(v.field, v.value));
  for (const auto& row : table.items)
    for (const auto& v : row) doc.add_boolean_term(schema::boolean_term(v.field, v.value));
}

void set_date(Xapian::Document& doc, unsigned slot_no, const std::optional<std::string>& date) {
  if (date) doc.add_value(slot_no, *date);
}

}  // namespace

const std::string& StemCache::indexed_stem_term(const schema::Analyzer& analyzer, const std::string& word) {
  if (const auto it = stems_.find(word); it != stems_.end()) return it->second;
  if (stems_.size() >= max_words_) {
    uncached_ = analyzer.indexed_stem_term(word);
    return uncached_;
  }
  return stems_.emplace(word, analyzer.indexed_stem_term(word)).first->second;
}

BuiltDocument DocumentBuilder::build(const schema::Record& record, std::string_view clean_text, std::string_view hash,
                                     const DictionaryFor& dictionary_for) const {
  Xapian::Document doc;
  std::vector<schema::StemmedWord> stems = add_text(doc, analyzer_, stems_, *standard_, *phrases_, clean_text);

  const schema::FacetTable table = schema::facet_table_of(record);
  add_facets(doc, table);
  doc.add_value(slot::facet_table, schema::encode_facet_table(table));

  const schema::Dates& d = record.dates;
  set_date(doc, slot::decision_date, d.decision);
  set_date(doc, slot::injury_date, d.injury);
  set_date(doc, slot::assigned_date, d.assigned);
  set_date(doc, slot::ur_denial_date, d.ur_denial);
  set_date(doc, slot::received_date, d.application_received);
  doc.add_value(slot::content_hash, std::string(hash));
  doc.add_value(slot::source_path, record.source);

  std::string key = schema::key_term(schema::letter_key(record, clean_text));
  doc.add_boolean_term(key);
  doc.add_boolean_term(schema::source_term(record.source));
  schema::StoredLetter stored{record, std::string(clean_text)};
  std::shared_ptr<const schema::LetterDictionary> dictionary = dictionary_for ? dictionary_for(key) : nullptr;
  doc.set_data(schema::encode_stored_letter(stored, dictionary.get()));
  return {std::move(doc), std::move(key), std::move(stored), std::move(stems), std::move(dictionary)};
}

}  // namespace imr::indexer
