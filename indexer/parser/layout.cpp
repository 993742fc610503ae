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
// same words ("relevant to the issue at dispute").
bool has_marker(std::string_view whole_text, std::string_view marker) {
  if (std::ranges::none_of(marker, [](char c) { return c >= 'a' && c <= 'z'; }))
    return whole_text.find(marker) != std::string_view::npos;
  return contains_icase(whole_text, marker);
}

}  // namespace

std::string_view layout_of(std::string_view whole_text) {
  for (const Layout& layout : kLayouts)
    for (const std::string_view marker : layout.markers)
      if (!marker.empty() && has_marker(whole_text, marker)) return layout.name;
  return kUnknownLayout;
}

}  // namespace imr::indexer::parsing
