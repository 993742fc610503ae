// How the Xapian stock baseline lays out a letter: Xapian's own
// TermGenerator text terms, one boolean term per facet value (the
// QueryParser's boolean prefixes), and value slots for the date, the facet
// values (one slot per facet, values separated by '\n') and the item outcomes.
#pragma once

#include <array>
#include <string_view>

namespace imr::bench::stock {

struct FacetSlot {
  std::string_view field;   // contract facet name
  std::string_view prefix;  // boolean term prefix
  unsigned slot;
};

inline constexpr unsigned kDateSlot = 0;
inline constexpr unsigned kCaseSlot = 1;
inline constexpr unsigned kItemOutcomesSlot = 2;  // "drug\tdecision" per item drug, '\n'-separated
inline constexpr char kValueSeparator = '\n';

inline constexpr std::array kFacets{
    FacetSlot{"decision", "XDEC", 10},       FacetSlot{"drug", "XDRUG", 11},
    FacetSlot{"category", "XCAT", 12},       FacetSlot{"guideline", "XGUIDE", 13},
    FacetSlot{"outcome", "XOUT", 14},        FacetSlot{"drug_class", "XCLASS", 15},
    FacetSlot{"specialty", "XSPEC", 16},     FacetSlot{"license_state", "XSTATE", 17},
    FacetSlot{"decision_year", "XYEAR", 18},
};

}  // namespace imr::bench::stock
