// Turns a parsed letter into the Xapian document the index stores: text terms
// with positions (none inside the standard passages), a term per place a
// frequent phrase stands (schema/indexed_phrases.h), no stems (the index's
// stem table answers them: schema/stem_table.h), a boolean term for every facet value, values for
// dates and the facet table, and the stored letter for display (compressed
// with the dictionary the caller names for the letter's key, the one of the
// shard it goes to; the index writer redoes it when that is not its own).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "imr/schema/analyzer.h"
#include "imr/schema/indexed_phrases.h"
#include "imr/schema/record.h"
#include "imr/schema/standard_passages.h"
#include "imr/schema/stem_table.h"
#include "imr/schema/stored_letter.h"

namespace imr::indexer {

struct BuiltDocument {
  Xapian::Document document;
  std::string key_term;         // unique id term ("Q" + case number or content key)
  schema::StoredLetter stored;  // what the document's data holds, for the writer to compress again
  // For the index's stem table, which whoever writes the document keeps (StemTableWriter, add_stem_words).
  std::vector<schema::StemmedWord> stems;
  // The dictionary the document's data was compressed with (null: none).
  std::shared_ptr<const schema::LetterDictionary> dictionary;
};

// The dictionary to compress a letter with, from its key term (null: none).
using DictionaryFor = std::function<std::shared_ptr<const schema::LetterDictionary>(const std::string& key_term)>;

// Each word's indexed stem term (Analyzer::indexed_stem_term), remembered:
// letters share most of their words, and Snowball cost more than all the rest
// of a letter's analysis but the word breaking. Bounded, so a run over
// letters full of unique words stops remembering instead of growing.
class StemCache {
 public:
  static constexpr std::size_t kMaxWords = 1 << 17;
  explicit StemCache(std::size_t max_words = kMaxWords) : max_words_(max_words) {}
  const std::string& indexed_stem_term(const schema::Analyzer& analyzer, const std::string& word);
  std::size_t size() const { return stems_.size(); }

 private:
  std::size_t max_words_;
  std::unordered_map<std::string, std::string> stems_;
  std::string uncached_;
};

// Not thread-safe (holds an Analyzer and a StemCache): one per thread.
class DocumentBuilder {
 public:
  BuiltDocument build(const schema::Record& record, std::string_view clean_text, std::string_view content_hash,
                      const DictionaryFor& dictionary_for = {}) const;

 private:
  schema::Analyzer analyzer_;
  mutable StemCache stems_;
  std::shared_ptr<const schema::StandardPassages> standard_ = schema::StandardPassages::builtin();
  std::shared_ptr<const schema::IndexedPhrases> phrases_ = schema::IndexedPhrases::builtin();
};

}  // namespace imr::indexer
