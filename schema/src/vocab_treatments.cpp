// TreatmentTable: loading treatments.tsv and ranking the wordings found.
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
constexpr std::string_view kMedication = "medication";
constexpr std::string_view kOther = "other";

}  // namespace

// treatments.tsv: category, wording.
TreatmentTable::TreatmentTable(const DataReader& data) {
  std::optional<std::size_t> medication;
  for (const TsvRow& row : data.rows("treatments.tsv", 2, 2)) {
    const std::string& category = row.column(0);
    if (std::ranges::find(kCategories, category) == kCategories.end())
      row.fail("\"" + category + "\" is not a treatment category of the contract");
    const auto rank = static_cast<PhraseMatcher::Id>(categories_.size());
    if (wordings_.add(data.words(row, row.column(1)), rank) != rank)
      row.fail("\"" + row.column(1) + "\" is listed twice");
    if (category == kMedication && !medication) medication = rank;
    categories_.push_back(category);
  }
  if (!medication) throw std::runtime_error("schema/data/treatments.tsv has no medication row");
  medication_rank_ = *medication;
}

std::string TreatmentTable::category_of(std::span<const Token> treatment, bool has_drugs) const {
  std::size_t best = has_drugs ? medication_rank_ : categories_.size();
  for (const auto& m : wordings_.find_all(treatment)) best = std::min<std::size_t>(best, m.id);
  return best < categories_.size() ? categories_[best] : std::string(kOther);
}

}  // namespace imr::schema::vocab
