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

std::optional<std::regex> pattern_of(const TsvRow& row, std::string_view wording) {
  auto flags = std::regex::ECMAScript | std::regex::optimize;
  if (wording.starts_with(kPatternIgnoringCase)) {
    wording.remove_prefix(kPatternIgnoringCase.size());
    flags |= std::regex::icase;
  } else if (wording.starts_with(kPatternWithCase)) {
    wording.remove_prefix(kPatternWithCase.size());
  } else {
    return std::nullopt;
  }
  try {
    return std::regex(std::string(wording), flags);
  } catch (const std::regex_error& e) {
    row.fail("bad pattern \"" + std::string(wording) + "\": " + e.what());
  }
}

}  // namespace

// treatments.tsv: category, wording or pattern.
TreatmentTable::TreatmentTable(const DataReader& data) {
  std::optional<std::size_t> drug_rank;
  for (const TsvRow& row : data.rows("treatments.tsv", 2, 2)) {
    const std::string& category = row.column(0);
    const std::string& wording = row.column(1);
    if (category == kRestDecides) {
      auto prefix = pattern_of(row, wording);
      if (!prefix) row.fail("an @rest row needs a pattern (re:...)");
      prefixes_.push_back(std::move(*prefix));
      continue;
    }
    if (std::ranges::find(kCategories, category) == kCategories.end())
      row.fail("\"" + category + "\" is not a treatment category of the contract");
    const std::size_t rank = categories_.size();
    categories_.push_back(category);
    if (wording == kDrugWording) {
      if (drug_rank) row.fail("@drug is listed twice");
      drug_rank = rank;
    } else if (auto pattern = pattern_of(row, wording)) {
      patterns_.push_back(Pattern{rank, std::move(*pattern)});
    } else {
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
  for (const Pattern& p : patterns_) {
    if (p.rank >= best) break;
    if (std::regex_search(treatment.begin(), treatment.end(), p.regex)) {
      best = p.rank;
      break;
    }
  }
  return best < categories_.size() ? categories_[best] : std::string(kOther);
}

std::optional<std::size_t> TreatmentTable::rest_after_prefix(std::string_view treatment) const {
  treatment = treatment.substr(0, kPatternWindow);
  for (const std::regex& prefix : prefixes_) {
    std::match_results<std::string_view::const_iterator> m;
    if (std::regex_search(treatment.begin(), treatment.end(), m, prefix, std::regex_constants::match_continuous) &&
        m.length(0) > 0 && static_cast<std::size_t>(m.length(0)) < treatment.size())
      return static_cast<std::size_t>(m.length(0));
  }
  return std::nullopt;
}

}  // namespace imr::schema::vocab
