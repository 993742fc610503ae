// The true record of a generated letter: what the letter states, named the
// way the vocabulary names it, so generator and parser stay in step through
// the data files of schema/data.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "imr/schema/analyzer.h"
#include "imr/schema/record.h"
#include "imr/schema/vocabulary.h"
#include "letter_case.h"

namespace imr::generator {

// Not thread-safe (the analyser, the citation memo): one per thread.
class TruthMaker {
 public:
  explicit TruthMaker(const schema::Vocabulary& vocabulary) : vocabulary_(vocabulary) {}
  schema::Record record(const LetterCase& c, std::string source) const;

 private:
  schema::Item item(const CaseItem& c) const;
  std::vector<std::string> guidelines(const std::string& citation) const;

  const schema::Vocabulary& vocabulary_;
  schema::Analyzer analyzer_;
  // Citations come from a few hundred template lines: each is analysed once.
  mutable std::unordered_map<std::string, std::vector<std::string>> guidelines_of_;
};

}  // namespace imr::generator
