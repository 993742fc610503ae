// Treatment categories: ordered rules (treatments.tsv), each a wording or a
// text pattern with the contract's category. A treatment takes the category
// of its highest-priority rule, wherever it stands in the text.
#pragma once

#include <optional>
#include <regex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "imr/schema/analyzer.h"
#include "imr/schema/token.h"
#include "phrase_matcher.h"
#include "vocab_tsv.h"

namespace imr::schema::vocab {

class TreatmentTable {
 public:
  explicit TreatmentTable(const DataReader& data);
  // The category of a printed treatment and its tokens; has_drugs ranks it
  // as the "@drug" row.
  std::string category_of(std::string_view treatment, std::span<const Token> tokens, bool has_drugs) const;
  // Where the rest of the treatment starts when it opens with a prefix whose
  // rest decides ("Associated surgical service: Sling" -> "Sling"); nullopt
  // when it opens with none.
  std::optional<std::size_t> rest_after_prefix(std::string_view treatment) const;

  struct Pattern {
    std::size_t rank;
    std::regex regex;
    bool with_case;                   // "re-case:", else matched on lower-cased text
    std::vector<std::string> guards;  // tried only on a text holding one of them; empty: always
  };

 private:
  std::vector<std::string> categories_;  // by rank: the category of row i
  std::size_t drug_rank_ = 0;
  PhraseMatcher wordings_;         // id: rank
  std::vector<Pattern> patterns_;  // in rank order
  std::vector<std::regex> prefixes_;
};

}  // namespace imr::schema::vocab
