#include "letter_checks.h"

#include <algorithm>
#include <array>
#include <stdexcept>

#include "imr/schema/checks.h"

namespace imr::indexer::parsing {
namespace {

using schema::Record;

bool count_mismatch(const Record& r, const ReadingFacts& f) {
  if (f.summary.listed) return *f.summary.listed != r.items.size();
  return f.summary.several && r.items.size() < 2;
}

bool has_specialty(const Record& r) { return r.reviewer.specialty || !r.reviewer.certifications.empty(); }
bool has_state(const Record& r) { return !r.reviewer.license_states.empty(); }

struct Rule {
  std::string_view kind;
  bool (*fires)(const Record&, const ReadingFacts&);
};

constexpr std::array kRules{
    Rule{"item-count-mismatch", count_mismatch},
    Rule{"item-without-decision", [](const Record&, const ReadingFacts& f) { return f.undecided_items > 0; }},
    Rule{"item-without-category",
         [](const Record& r, const ReadingFacts&) {
           return std::ranges::any_of(r.items, [](const schema::Item& i) {
             return !i.decision.empty() && (i.category.empty() || i.category == "other");
           });
         }},
    Rule{"no-items", [](const Record& r, const ReadingFacts&) { return r.items.empty(); }},
    Rule{"no-reviewer", [](const Record& r, const ReadingFacts&) { return !has_specialty(r) && !has_state(r); }},
    Rule{"reviewer-incomplete", [](const Record& r, const ReadingFacts&) { return has_specialty(r) != has_state(r); }},
    Rule{"no-decision-date", [](const Record& r, const ReadingFacts&) { return !r.dates.decision.has_value(); }},
    Rule{"no-case-number", [](const Record& r, const ReadingFacts&) { return !r.case_number.has_value(); }},
};

}  // namespace

std::vector<std::string> letter_checks(const Record& record, const ReadingFacts& facts) {
  std::vector<std::string> out;
  for (const schema::CheckKind& kind : schema::check_kinds()) {
    const auto rule = std::ranges::find(kRules, kind.name, &Rule::kind);
    // A kind added to the table needs its rule here; the unit test says which.
    if (rule == kRules.end()) throw std::logic_error("no rule for the check kind " + kind.name);
    if (rule->fires(record, facts)) out.push_back(kind.name);
  }
  return out;
}

std::vector<std::string_view> checked_kinds() {
  std::vector<std::string_view> out;
  for (const Rule& r : kRules) out.push_back(r.kind);
  return out;
}

}  // namespace imr::indexer::parsing
