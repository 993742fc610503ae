// TreatmentSampler: class and category mixes, quantities, subjects.
#include "treatment_sampler.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <stdexcept>
#include <string_view>

#include "imr/schema/vocabulary_lists.h"

namespace imr::generator {
namespace {

constexpr double kMedicationShare = 0.48;
// Real letters word some treatments in ways the parser's vocabulary does not
// know; "<section>.unlisted" holds such wordings, so the accuracy test shows
// what the parser makes of them.
constexpr double kUnlistedShare = 0.06;

struct Share {
  std::string_view name;
  double weight;
};

// Roughly the mix of the real letters: opioids and muscle relaxants lead.
constexpr std::array kDrugKinds{Share{"opioid", 0.28},    Share{"muscle_relaxant", 0.15}, Share{"topical", 0.10},
                                Share{"compound", 0.08},  Share{"nsaid", 0.10},           Share{"anticonvulsant", 0.08},
                                Share{"gastro", 0.08},    Share{"antidepressant", 0.04},  Share{"benzodiazepine", 0.03},
                                Share{"sleep_aid", 0.04}, Share{"other_medication", 0.02}};

constexpr std::array kCategories{Share{"physical_therapy", 0.19},
                                 Share{"injection", 0.13},
                                 Share{"imaging", 0.12},
                                 Share{"dme", 0.09},
                                 Share{"surgery", 0.07},
                                 Share{"acupuncture", 0.06},
                                 Share{"chiropractic", 0.05},
                                 Share{"program", 0.05},
                                 Share{"psych", 0.05},
                                 Share{"lab", 0.05},
                                 Share{"evaluation", 0.06},
                                 Share{"electrodiagnostic", 0.04},
                                 Share{"home_health", 0.015},
                                 Share{"transportation", 0.01},
                                 Share{"other", 0.015}};

template <std::size_t N>
std::string_view draw(Random& random, const std::array<Share, N>& shares) {
  std::array<double, N> weights{};
  for (std::size_t i = 0; i < N; ++i) weights[i] = shares[i].weight;
  return shares[random.weighted(weights)].name;
}

std::string number(Random& random, int low, int high) { return std::to_string(random.between(low, high)); }

std::string lower_if_shouting(std::string text) {
  for (const char c : text)
    if (std::islower(static_cast<unsigned char>(c))) return text;
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text;
}

// "Carisoprodol (Soma) 350 mg #60" -> "Carisoprodol (Soma)": the words before the dose.
std::string name_part(std::string_view treatment) {
  std::string out;
  std::size_t pos = 0;
  while (pos < treatment.size()) {
    const auto end = std::min(treatment.find(' ', pos), treatment.size());
    const std::string_view word = treatment.substr(pos, end - pos);
    bool numeric = false;
    for (const char c : word) numeric = numeric || std::isdigit(static_cast<unsigned char>(c)) || c == '#';
    if (numeric || word.ends_with(':')) break;
    if (!out.empty()) out += ' ';
    out += word;
    pos = end + 1;
  }
  return out.empty() ? std::string(treatment) : lower_if_shouting(out);
}

// Where the quantity goes in a medication line until its dosage form is known.
constexpr std::string_view kQuantityMark = "\x1f";

// Whether one of words (lower case) stands as a whole word in text.
bool has_word(std::string_view text, const std::vector<std::string>& words) {
  std::string padded = " ";
  for (const char c : text)
    padded += std::isalnum(static_cast<unsigned char>(c))
                  ? static_cast<char>(std::tolower(static_cast<unsigned char>(c)))
                  : ' ';
  padded += ' ';
  return std::ranges::any_of(words,
                             [&](const std::string& w) { return padded.find(" " + w + " ") != std::string::npos; });
}

// The facts a treatment's template line must state; a missing one is a
// template bug, reported rather than guessed.
const std::string& one_fact(const Facts& facts, std::string_view key, std::string_view section) {
  const auto it = facts.find(key);
  if (it == facts.end() || it->second.size() != 1)
    throw std::runtime_error("template section \"" + std::string(section) + "\": a line states no single \"" +
                             std::string(key) + "\"");
  return it->second.front();
}

TreatmentFacts treatment_facts(const Facts& facts, std::string_view section) {
  TreatmentFacts out;
  out.category = one_fact(facts, "category", section);
  // A procedure may name its drug too ("Synvisc injection"): hyaluronic acid.
  if (const auto drugs = facts.find("drugs"); drugs != facts.end()) out.drugs = drugs->second;
  if (out.category == "medication") out.drug_class = one_fact(facts, "class", section);
  return out;
}

}  // namespace

std::string TreatmentSampler::section(const std::string& base, Random& random) const {
  const std::string unlisted = base + ".unlisted";
  return random.chance(kUnlistedShare) && book_.has(unlisted) ? unlisted : base;
}

TreatmentSampler::TreatmentSampler(const TemplateBook& book)
    : book_(book), applied_forms_(schema::applied_form_words()) {}

SampledTreatment TreatmentSampler::sample(Random& random) const {
  return random.chance(kMedicationShare) ? medication(random) : procedure(random);
}

SampledTreatment TreatmentSampler::medication(Random& random) const {
  const std::string kind(draw(random, kDrugKinds));
  // One draw per statement (see summary() in letter_parts.cpp).
  const int months = random.between(1, 4);
  const int doubled = random.chance(0.2) ? 2 : 1;
  const std::string n = std::to_string(30 * months * doubled);
  const std::string from = section("med." + kind, random);
  Filled filled = book_.fill_with_facts(from, {{"qty", std::string(kQuantityMark)}}, random);
  std::string& treatment = filled.text;
  // A cream or a patch is applied, never taken "1 tab by mouth".
  const std::string qty_kind = has_word(treatment, applied_forms_) ? "med.qty_applied" : "med.qty";
  std::string qty = book_.fill(qty_kind, {{"n", n}, {"refills", number(random, 1, 5)}}, random);
  if (!qty.empty()) qty.insert(qty.begin(), ' ');
  if (const auto at = treatment.find(kQuantityMark); at != std::string::npos)
    treatment.replace(at, kQuantityMark.size(), qty);
  std::string subject = kind == "compound" ? "the compounded cream" : name_part(treatment);
  return {treatment, std::move(subject), kind, true, treatment_facts(filled.facts, from)};
}

SampledTreatment TreatmentSampler::procedure(Random& random) const {
  const std::string kind(draw(random, kCategories));
  const Slots slots{{"n3", number(random, 2, 4)},
                    {"n6", number(random, 6, 12)},
                    {"body", random.pick(book_.lines("body_part"))},
                    {"level", random.pick(book_.lines("spine_level"))}};
  const std::string from = section("treatment." + kind, random);
  Filled filled = book_.fill_with_facts(from, slots, random);
  std::string subject = name_part(filled.text);
  if (subject.size() < 3) subject = "the requested treatment";
  return {std::move(filled.text), std::move(subject), kind, false, treatment_facts(filled.facts, from)};
}

}  // namespace imr::generator
