// TreatmentTable: loading treatments.tsv and ranking the rules a treatment meets.
#include "vocab_treatments.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "vocab_tsv.h"

namespace imr::schema::vocab {
namespace {

// The contract's treatment categories (section 2).
constexpr std::array<std::string_view, 16> kCategories{
    "medication",  "physical_therapy", "acupuncture", "chiropractic", "imaging", "electrodiagnostic",
    "injection",   "surgery",          "dme",         "program",      "psych",   "lab",
    "home_health", "transportation",   "evaluation",  "other"};
constexpr std::string_view kOther = "other";
// Reserved names of treatments.tsv (see its header).
constexpr std::string_view kRestDecides = "@rest";
constexpr std::string_view kDrugWording = "@drug";
constexpr std::string_view kPatternIgnoringCase = "re:";
constexpr std::string_view kPatternWithCase = "re-case:";
// libstdc++'s regex recurses per character: patterns see at most this much of
// a treatment, far more than any printed treatment is long.
constexpr std::size_t kPatternWindow = 1024;

// libstdc++'s case-blind matching folds every character through the locale
// and costs several times the match itself, so "re:" patterns are written in
// lower case and see the text lower-cased once.
bool has_upper_case(std::string_view pattern) {
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\')
      ++i;
    else if (pattern[i] >= 'A' && pattern[i] <= 'Z')
      return true;
  }
  return false;
}

// A pattern row's third column: words one of which the text must contain
// before the pattern is tried, so that most texts never reach the regex engine.
std::vector<std::string> guards_of(const TsvRow& row, bool with_case) {
  std::vector<std::string> guards = split_list(row.column(2));
  if (!with_case)
    for (const std::string& g : guards)
      if (has_upper_case(g)) row.fail("the guard \"" + g + "\" of a re: pattern must be lower case");
  return guards;
}

std::optional<TreatmentTable::Pattern> pattern_of(const TsvRow& row, std::string_view wording, std::size_t rank) {
  bool with_case = false;
  if (wording.starts_with(kPatternIgnoringCase)) {
    wording.remove_prefix(kPatternIgnoringCase.size());
    if (has_upper_case(wording)) row.fail("a re: pattern is matched on lower-cased text: write it in lower case");
  } else if (wording.starts_with(kPatternWithCase)) {
    wording.remove_prefix(kPatternWithCase.size());
    with_case = true;
  } else {
    return std::nullopt;
  }
  try {
    return TreatmentTable::Pattern{rank,
                                   std::regex(std::string(wording), std::regex::ECMAScript | std::regex::optimize),
                                   with_case, guards_of(row, with_case)};
  } catch (const std::regex_error& e) {
    row.fail("bad pattern \"" + std::string(wording) + "\": " + e.what());
  }
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool found(const TreatmentTable::Pattern& p, std::string_view text) {
  if (!p.guards.empty() &&
      std::ranges::none_of(p.guards, [&](const std::string& g) { return text.find(g) != std::string_view::npos; }))
    return false;
  return std::regex_search(text.begin(), text.end(), p.regex);
}

}  // namespace

// treatments.tsv: category, wording or pattern.
TreatmentTable::TreatmentTable(const DataReader& data) {
  std::optional<std::size_t> drug_rank;
  for (const TsvRow& row : data.rows("treatments.tsv", 2, 3)) {
    const std::string& category = row.column(0);
    const std::string& wording = row.column(1);
    if (category == kRestDecides) {
      auto prefix = pattern_of(row, wording, 0);
      if (prefix && !prefix->guards.empty()) row.fail("an @rest row has no guard");
      if (!prefix || prefix->with_case) row.fail("an @rest row needs a pattern (re:...)");
      prefixes_.push_back(std::move(prefix->regex));
      continue;
    }
    if (std::ranges::find(kCategories, category) == kCategories.end())
      row.fail("\"" + category + "\" is not a treatment category of the contract");
    const std::size_t rank = categories_.size();
    categories_.push_back(category);
    if (wording == kDrugWording) {
      if (drug_rank) row.fail("@drug is listed twice");
      drug_rank = rank;
    } else if (auto pattern = pattern_of(row, wording, rank)) {
      patterns_.push_back(std::move(*pattern));
    } else {
      if (!row.column(2).empty()) row.fail("only a pattern row has a third column");
      const auto id = static_cast<PhraseMatcher::Id>(rank);
      if (wordings_.add(data.words(row, wording), id) != id) row.fail("\"" + wording + "\" is listed twice");
    }
  }
  if (!drug_rank) throw std::runtime_error("schema/data/treatments.tsv has no @drug row");
  drug_rank_ = *drug_rank;
}

std::string TreatmentTable::category_of(std::string_view treatment, std::span<const Token> tokens,
                                        bool has_drugs) const {
  std::size_t best = has_drugs ? drug_rank_ : categories_.size();
  for (const auto& m : wordings_.find_all(tokens)) best = std::min<std::size_t>(best, m.id);
  // Patterns cost more than wordings: only those that could still win are tried.
  treatment = treatment.substr(0, kPatternWindow);
  std::optional<std::string> lower;
  for (const Pattern& p : patterns_) {
    if (p.rank >= best) break;
    if (!p.with_case && !lower) lower = lower_ascii(treatment);
    if (found(p, p.with_case ? treatment : std::string_view(*lower))) {
      best = p.rank;
      break;
    }
  }
  return best < categories_.size() ? categories_[best] : std::string(kOther);
}

std::optional<std::size_t> TreatmentTable::rest_after_prefix(std::string_view treatment) const {
  const std::string lower = lower_ascii(treatment.substr(0, kPatternWindow));
  for (const std::regex& prefix : prefixes_) {
    std::smatch m;
    if (std::regex_search(lower, m, prefix, std::regex_constants::match_continuous) && m.length(0) > 0 &&
        static_cast<std::size_t>(m.length(0)) < treatment.size())
      return static_cast<std::size_t>(m.length(0));
  }
  return std::nullopt;
}

}  // namespace imr::schema::vocab
