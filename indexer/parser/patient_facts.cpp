// Age phrases ("45-year-old female", "45 y/o male") name both facts at once;
// titles ("Mr.", "Ms.") and pronouns are weaker evidence, used for sex only
// when no age phrase states it.
#include "patient_facts.h"

#include <charconv>

#include "text_util.h"

namespace imr::indexer::parsing {
namespace {

constexpr int kMaxAge = 110;

const Pattern& age_phrase() {
  static const Pattern re(
      R"(\b(\d{1,3})\s*(?:[- ]\s*(?:year|yr)s?\s*[- ]\s*old|-?\s*y/o|-?yo|\s*y\.o\.?)(?:\s+(?:white|black|hispanic|asian|right-handed|left-handed))*(?:\s+(female|male|woman|man|gentleman|lady))?\b)",
      Pattern::icase);
  return re;
}

std::optional<std::string> sex_of_word(std::string_view word) {
  const std::string w = lower(word);
  if (w.empty()) return std::nullopt;
  if (w == "female" || w == "woman" || w == "lady") return "female";
  return "male";
}

std::size_t count(std::string_view text, const Pattern& re) { return search_all(text, re).size(); }

// "He/she" and "his/her" are boilerplate about the reviewer, not the patient.
std::optional<std::string> sex_from_pronouns(std::string_view text) {
  static const Pattern female(R"((?:\b(?:Ms|Mrs|Miss)\.?\s+[A-Z\[])|(?:(?:^|[^/\w])(?:she|her|hers|herself)\b(?!/)))",
                              Pattern::icase);
  static const Pattern male(R"((?:\bMr\.?\s+[A-Z\[])|(?:(?:^|[^/\w])(?:he|his|him|himself)\b(?!/)))", Pattern::icase);
  const std::size_t f = count(text, female), m = count(text, male);
  if (f == m) return std::nullopt;
  return f > m ? "female" : "male";
}

}  // namespace

// "The injured worker, age 45, ...", "aged 45": the age alone.
const Pattern& age_label() {
  static const Pattern re(R"(\bage[d]?\s*:?\s*(\d{1,3})\b)", Pattern::icase);
  return re;
}

schema::Patient patient_facts(std::string_view summary) {
  schema::Patient out;
  const auto phrase = search(summary, age_phrase());
  if (const auto m = phrase ? phrase : search(summary, age_label())) {
    int age = 0;
    const std::string_view digits = group(*m, 1);
    std::from_chars(digits.data(), digits.data() + digits.size(), age);
    if (age > 0 && age <= kMaxAge) out.age = age;
    out.sex = sex_of_word(group(*m, 2));
  }
  if (!out.sex) out.sex = sex_from_pronouns(summary);
  return out;
}

}  // namespace imr::indexer::parsing
