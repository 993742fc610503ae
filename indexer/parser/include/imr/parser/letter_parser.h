// Parser: clean text (see reader/letter_reader.h) to the record of contract
// section 2. Detects the letter's layout and reads every field it can; never
// throws on content: what it cannot find stays null or empty.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "imr/layout/letter_labels.h"
#include "imr/parser/reading_version.h"
#include "imr/schema/analyzer.h"
#include "imr/schema/record.h"
#include "imr/schema/vocabulary.h"

namespace imr::indexer {
namespace parsing {
struct ItemRules;
}

struct ParsedLetter {
  schema::Record record;
  std::vector<std::string> warnings;  // for the user: what looked wrong
  // False when the text does not look like a determination letter at all
  // (no layout recognised, no items, no case number).
  bool is_letter = true;
};

// kReadingVersion (imr/parser/reading_version.h): the version of the
// reading (reader, layout, parser, document and the schema they use) that
// the index stores with every letter; re-indexing skips an unchanged file
// only when this version read it, so a newer parser reads every letter
// again. Derived by the build from those sources and data
// (indexer/parser/reading_version.cmake), never written by hand.

// Not thread-safe (holds an Analyzer): one per thread.
class LetterParser {
 public:
  explicit LetterParser(std::shared_ptr<const schema::Vocabulary> vocabulary,
                        std::shared_ptr<const layout::LetterLabels> labels = layout::LetterLabels::builtin());
  ParsedLetter parse(std::string_view clean_text, std::string source) const;

 private:
  std::shared_ptr<const schema::Vocabulary> vocabulary_;
  std::shared_ptr<const layout::LetterLabels> labels_;
  std::shared_ptr<const parsing::ItemRules> item_rules_;
  schema::Analyzer analyzer_;
};

}  // namespace imr::indexer
