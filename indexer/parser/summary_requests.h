// How many requests a case summary says were made, for the self-check that
// compares it with the items read: an enumeration after a request ("The
// treating physician is requesting (a) Soma (b) Norco (c) physical therapy")
// gives the number; "denied the requests" says there were several.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace imr::indexer::parsing {

struct SummaryRequests {
  std::optional<std::size_t> listed;  // the longest enumeration of requests, when there is one of 2 or more
  bool several = false;               // the summary speaks of the requests in the plural
};

SummaryRequests summary_requests(std::string_view summary);

}  // namespace imr::indexer::parsing
