// Guideline citations: wordings of the guidelines a letter cites, each with
// the contract's id (guidelines.tsv). Two reserved ids mark where a citation
// starts: "@citation" ("Decision based on") and "@non-mtus" ("Non-MTUS
// Citation"). Inside a non-MTUS citation a wording may take another id (ACOEM
// outside the MTUS is "acoem", not "mtus-acoem"), and a non-MTUS citation
// that names no known guideline is "other". A third, "@mtus-edition", marks
// the MTUS named by its edition ("MTUS 2009"): a part of the MTUS printed
// right beside it is what it cites ("MTUS 2009: ACOEM", "ACOEM (MTUS 2009)"
// are mtus-acoem alone), else the row's third column.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "imr/schema/analyzer.h"
#include "imr/schema/token.h"
#include "phrase_matcher.h"
#include "vocab_tsv.h"

namespace imr::schema::vocab {

class GuidelineTable {
 public:
  explicit GuidelineTable(const DataReader& data);
  std::vector<std::string> guidelines_in(std::span<const Token> citation) const;

 private:
  // non_mtus_mark starts a non-MTUS citation too, but right after a guideline,
  // with nothing named after it, it only says where that one stands.
  enum class Kind { guideline, citation_start, non_mtus_start, non_mtus_mark, mtus_edition };
  struct Wording {
    Kind kind;
    std::string id;           // for guidelines
    std::string non_mtus_id;  // the id inside a non-MTUS citation
  };
  std::vector<Wording> wordings_;
  PhraseMatcher matcher_;  // id: index into wordings_
};

}  // namespace imr::schema::vocab
