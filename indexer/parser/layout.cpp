// Layout detection: each layout is known by phrases only it prints. More
// specific layouts come first, since later ones share their general headings.
#include "layout.h"

#include <algorithm>
#include <array>

#include "text_util.h"

namespace imr::indexer::parsing {
namespace {

struct Layout {
  std::string_view name;
  std::array<std::string_view, 2> markers;  // any one identifies the layout
};

constexpr std::array kLayouts{
    Layout{"notice-2013",
           {"Notice of Independent Medical Review Determination", "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE"}},
    Layout{"medical-professional-review", {"MEDICAL PROFESSIONAL REVIEW", "ISSUE AT DISPUTE"}},
    Layout{"maximus-inc", {"IMR DECISION(S) AND RATIONALE(S)", "MAXIMUS FEDERAL SERVICES, INC.\n"}},
    Layout{"credentials-2016", {"The Expert Reviewer has the following credentials", ""}},
    Layout{"case-number", {"IMR ISSUES, DECISIONS AND RATIONALES", "HOW THE IMR FINAL DETERMINATION WAS MADE"}},
};

// A marker in capitals is a heading, matched in its case: prose may use the
// same words ("relevant to the issue at dispute"). A line that is the marker
// alone is the heading in whatever case it was typed ("Clinical Case Summary").
bool has_marker(std::string_view whole_text, std::string_view marker) {
  if (std::ranges::any_of(marker, [](char c) { return c >= 'a' && c <= 'z'; }))
    return contains_icase(whole_text, marker);
  if (whole_text.find(marker) != std::string_view::npos) return true;
  std::size_t start = 0;
  while (start < whole_text.size()) {
    const std::size_t end = std::min(whole_text.find('\n', start), whole_text.size());
    const std::string_view line = trim_markup(whole_text.substr(start, end - start));
    if (line.size() == marker.size() && starts_with_icase(line, marker)) return true;
    start = end + 1;
  }
  return false;
}

}  // namespace

std::string_view layout_of(std::string_view whole_text) {
  for (const Layout& layout : kLayouts)
    for (const std::string_view marker : layout.markers)
      if (!marker.empty() && has_marker(whole_text, marker)) return layout.name;
  return kUnknownLayout;
}

}  // namespace imr::indexer::parsing
