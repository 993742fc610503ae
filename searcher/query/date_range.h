// The value of a date field ("decided:2014..2015", "injury:2004-05-17",
// "decided:..2015") as an inclusive range of ISO dates, the form the index
// keeps dates in.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace imr::searcher {

struct DateRange {
  std::optional<std::string> from;  // yyyy-mm-dd, inclusive; nullopt: open
  std::optional<std::string> to;
};

// Ends may be yyyy (a whole year), yyyy-mm (a whole month), yyyy-mm-dd or
// mm/dd/yyyy; a single period stands for itself. Throws QueryError saying what
// is wrong with the value.
DateRange parse_date_range(std::string_view value);

}  // namespace imr::searcher
