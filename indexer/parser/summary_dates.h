// Dates a case summary states in prose when the letter has no header table:
// the injury ("reported an injury on 05/23/2004", "industrial injury date of
// October 10, 2007") and the UR decision ("Utilization review from 04/30/2014
// denied", "The utilization review determination being challenged is dated 11/10/14").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace imr::indexer::parsing {

struct SummaryDates {
  std::optional<std::string> injury;
  std::optional<std::string> ur_denial;
};

SummaryDates summary_dates(std::string_view summary);

}  // namespace imr::indexer::parsing
