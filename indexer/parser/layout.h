// Which of the known letter layouts a text is written in. The layouts share
// their fields; the name is recorded so problems can be traced per layout.
#pragma once

#include <string_view>

namespace imr::indexer::parsing {

inline constexpr std::string_view kUnknownLayout = "unknown";

// "case-number", "credentials-2016", "maximus-inc", "medical-professional-review",
// "notice-2013", or kUnknownLayout.
std::string_view layout_of(std::string_view whole_text);

}  // namespace imr::indexer::parsing
