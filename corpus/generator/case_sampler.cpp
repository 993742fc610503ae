// CaseSampler: the proportions of layouts, years, people and presentation.
#include "case_sampler.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <stdexcept>
#include <utility>

namespace imr::generator {
namespace {

constexpr std::string_view kHome = "California";
constexpr double kCaliforniaShare = 0.75;
constexpr double kSecondStateShare = 0.15;
constexpr double kVariantWordingShare = 0.25;
constexpr double kUnlistedWordingShare = 0.04;
constexpr int kLastYear = 2026;

Layout sample_layout(Random& random) {
  constexpr std::array kLayouts{Layout::notice_2013, Layout::case_number, Layout::maximus_inc,
                                Layout::professional_review, Layout::credentials_2016};
  return kLayouts[random.weighted({0.05, 0.35, 0.10, 0.05, 0.45})];
}

int decision_year(Layout layout, Random& random) {
  switch (layout) {
    case Layout::notice_2013:
      return 2013;
    case Layout::case_number:
      return 2013 + static_cast<int>(random.weighted({0.25, 0.45, 0.30}));
    case Layout::professional_review:
      return random.between(2014, kLastYear);
    default:
      return 2016 + static_cast<int>(random.weighted({12, 12, 11, 10, 10, 9, 9, 8, 7, 6, 6}));
  }
}

// How often each layout prints its header table in the extracted text.
double header_share(Layout layout) {
  switch (layout) {
    case Layout::notice_2013:
      return 1.0;
    case Layout::case_number:
      return 0.35;
    case Layout::credentials_2016:
      return 0.85;
    default:
      return 0.9;
  }
}

// Unique per letter, since the index keys letters by case number (a repeat
// would replace a letter): the serial is the letter's number through a
// bijection of [0, 9999999), scrambled so that neighbours look unrelated.
std::string case_number(int year, std::uint64_t number) {
  constexpr std::uint64_t kSerials = 9'999'999, kStride = 7'919, kOffset = 1'234'567;
  const std::uint64_t serial = 1 + (number % kSerials * kStride + kOffset) % kSerials;
  char buf[24];
  std::snprintf(buf, sizeof buf, "CM%02d-%07llu", year % 100, static_cast<unsigned long long>(serial));
  return buf;
}

std::vector<std::string> distinct(const std::vector<std::string>& pool, std::size_t n, Random& random) {
  std::vector<std::string> out;
  while (out.size() < n && out.size() < pool.size())
    if (const std::string& x = random.pick(pool); std::ranges::find(out, x) == out.end()) out.push_back(x);
  return out;
}

}  // namespace

CaseSampler::CaseSampler(const TemplateBook& book)
    : book_(book),
      items_(book),
      specialties_(book.lines("reviewer.specialty")),
      subspecialties_(book.lines("reviewer.subspecialty")),
      wordings_(wordings_of(book, "reviewer.specialty_wording")),
      unlisted_wordings_(wordings_of(book, "reviewer.specialty_wording.unlisted")) {
  const auto& names = book.lines("reviewer.state");
  const auto& facts = book.facts("reviewer.state");
  for (std::size_t i = 0; i < names.size(); ++i) {
    const auto code = facts[i].find("code");
    if (code == facts[i].end() || code->second.size() != 1)
      throw std::runtime_error("template section \"reviewer.state\": " + names[i] + " states no code");
    State state{code->second.front(), names[i]};
    if (state.name == kHome)
      home_ = std::move(state);
    else
      other_states_.push_back(std::move(state));
  }
  if (home_.code.empty())
    throw std::runtime_error("template section \"reviewer.state\" lists no " + std::string(kHome));
}

CaseSampler::Wordings CaseSampler::wordings_of(const TemplateBook& book, std::string_view section) {
  Wordings out;
  const auto& lines = book.lines(section);
  const auto& facts = book.facts(section);
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (const auto canonical = facts[i].find("specialty"); canonical != facts[i].end())
      for (const std::string& name : canonical->second) out[name].push_back(lines[i]);
  return out;
}

LetterCase CaseSampler::sample(std::uint64_t number, Random& random) const {
  LetterCase c;
  c.number = number;
  c.layout = sample_layout(random);
  sample_dates(c, random);
  c.case_number = case_number(year_of(c.assigned), number);
  c.expedited = random.chance(0.03);
  const int years_since_injury = year_of(c.decision) - year_of(c.injury);
  c.age = random.between(std::min(80, std::max(20, 18 + years_since_injury)), 80);
  c.sex = random.chance(0.55) ? "male" : "female";
  sample_reviewer(c, random);
  c.diagnoses = distinct(book_.lines("diagnosis"), 1 + random.weighted({40, 30, 20, 10}), random);
  c.header_table = random.chance(header_share(c.layout));
  c.ur_in_summary = random.chance(0.5);
  c.prose_dates = prose_style(random, year_of(c.decision));
  c.items = items_.sample(c, random);
  return c;
}

void CaseSampler::sample_dates(LetterCase& c, Random& random) const {
  c.decision = day_in_year(random, decision_year(c.layout, random));
  c.assigned = add_days(c.decision, -random.between(7, 45));
  c.received = add_days(c.assigned, -random.between(3, 40));
  c.ur_denial = add_days(c.received, -random.between(5, 60));
  const int latest = year_of(c.ur_denial) - 1;
  c.injury = day_in_year(random, random.between(std::max(1980, latest - 30), latest));
  if (random.chance(0.3)) c.injury = day_in_year(random, random.between(std::max(1980, latest - 3), latest));
}

void CaseSampler::sample_reviewer(LetterCase& c, Random& random) const {
  const std::string first = random.pick(specialties_);
  c.specialties.push_back(first);
  c.certifications.push_back(printed_specialty(first, random));
  if (random.chance(0.25)) {
    const std::string second = random.pick(subspecialties_);
    if (second != first) {
      c.specialties.push_back(second);
      c.certifications.push_back(printed_specialty(second, random));
    }
  }
  add_state(c, random.chance(kCaliforniaShare) ? home_ : random.pick(other_states_));
  if (random.chance(kSecondStateShare)) {
    const State& second = random.pick(other_states_);
    if (second.code != c.license_codes.front()) add_state(c, second);
  }
}

void CaseSampler::add_state(LetterCase& c, const State& state) const {
  c.license_states.push_back(state.name);
  c.license_codes.push_back(state.code);
}

std::string CaseSampler::printed_specialty(const std::string& canonical, Random& random) const {
  for (const auto& [wordings, share] :
       {std::pair{&unlisted_wordings_, kUnlistedWordingShare}, std::pair{&wordings_, kVariantWordingShare}}) {
    const auto found = wordings->find(canonical);
    if (found != wordings->end() && random.chance(share)) return random.pick(found->second);
  }
  return canonical;
}

}  // namespace imr::generator
