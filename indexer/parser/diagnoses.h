// The diagnoses a case summary states, as short strings: a "Diagnoses:" list,
// the conditions a claim was filed for, or "was diagnosed with" / "The diagnosis was".
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace imr::indexer::parsing {

std::vector<std::string> diagnoses_in(std::string_view summary);

}  // namespace imr::indexer::parsing
