// The searcher's expected answers computed straight from records, with no
// index: which letters a filter set keeps (same-item rule, same field = OR)
// and multi-select facet counts. Shared by the unit tests (synthetic
// records) and the integration tests (records of a generated corpus).
#pragma once

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "imr/schema/record.h"

namespace imr::test {

using FilterList = std::vector<std::pair<std::string, std::string>>;  // record field name, value

inline bool is_item_field(const std::string& f) {
  return f == "drug" || f == "drug_class" || f == "category" || f == "decision" || f == "guideline";
}

inline std::vector<std::string> values_of(const schema::Record& r, const std::string& f) {
  if (f == "outcome") return r.outcome ? std::vector{*r.outcome} : std::vector<std::string>{};
  if (f == "specialty") return r.reviewer.certifications;
  if (f == "license_state") return r.reviewer.license_states;
  if (f == "decision_year")
    return r.dates.decision ? std::vector{r.dates.decision->substr(0, 4)} : std::vector<std::string>{};
  if (f == "decision_month")
    return r.dates.decision ? std::vector{r.dates.decision->substr(0, 7)} : std::vector<std::string>{};
  return {};
}

inline std::vector<std::string> values_of(const schema::Item& item, const std::string& f) {
  if (f == "drug") return item.drugs;
  if (f == "drug_class") return item.drug_class ? std::vector{*item.drug_class} : std::vector<std::string>{};
  if (f == "category") return {item.category};
  if (f == "decision") return {item.decision};
  if (f == "guideline") return item.guidelines;
  return {};
}

inline std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// field -> accepted values (lower case); one entry per field, so same field = OR.
inline std::map<std::string, std::set<std::string>> grouped(const FilterList& filters, const std::string& skip = "") {
  std::map<std::string, std::set<std::string>> out;
  for (const auto& [f, v] : filters)
    if (f != skip) out[f].insert(lower(v));
  return out;
}

template <typename Values>
bool any_in(const Values& values, const std::set<std::string>& wanted) {
  return std::ranges::any_of(values, [&](const std::string& v) { return wanted.contains(lower(v)); });
}

inline bool item_ok(const schema::Item& item, const FilterList& filters, const std::string& skip = "") {
  for (const auto& [f, wanted] : grouped(filters, skip))
    if (is_item_field(f) && !any_in(values_of(item, f), wanted)) return false;
  return true;
}

inline bool letter_ok(const schema::Record& r, const FilterList& filters, const std::string& skip = "") {
  bool has_item_filter = false;
  for (const auto& [f, wanted] : grouped(filters, skip)) {
    if (is_item_field(f))
      has_item_filter = true;
    else if (!any_in(values_of(r, f), wanted))
      return false;
  }
  return !has_item_filter || std::ranges::any_of(r.items, [&](const auto& it) { return item_ok(it, filters, skip); });
}

// value -> letters, for one facet, with multi-select (the facet's own filter ignored).
inline std::map<std::string, unsigned> expected_facet(const std::vector<const schema::Record*>& matching,
                                                      const FilterList& filters, const std::string& facet) {
  std::map<std::string, unsigned> out;
  for (const schema::Record* r : matching) {
    if (!letter_ok(*r, filters, facet)) continue;
    std::set<std::string> values;
    if (is_item_field(facet)) {
      for (const auto& item : r->items)
        if (item_ok(item, filters, facet))
          for (const auto& v : values_of(item, facet)) values.insert(v);
    } else {
      for (const auto& v : values_of(*r, facet)) values.insert(v);
    }
    for (const auto& v : values) ++out[v];
  }
  return out;
}

}  // namespace imr::test
