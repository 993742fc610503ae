// Age phrases ("45-year-old female", "45 y/o male") name both facts at once;
// a sex noun said of the worker ("age 45, is a female", "a female aged 45")
// comes next. Titles ("Mr.", "Ms.") before the redacted name, which is the
// worker's, are weaker evidence, and pronouns weaker still: they may be the
// physician's. Ages spelt out ("forty-five-year-old") are read as digits.
#include "patient_facts.h"

#include <cctype>
#include <charconv>
#include <unordered_map>

#include "imr/schema/data_table.h"
#include "text_util.h"

namespace imr::indexer::parsing {
namespace {

constexpr int kMaxAge = 110;

// schema/data/number_words.tsv: word -> value.
const std::unordered_map<std::string, int>& number_words() {
  static const auto table = [] {
    std::unordered_map<std::string, int> out;
    for (const schema::TsvRow& row : schema::read_data_table("number_words.tsv", 2, 2)) {
      int value = 0;
      const std::string& digits = row.column(1);
      if (std::from_chars(digits.data(), digits.data() + digits.size(), value).ec != std::errc{} || value <= 0)
        row.fail("\"" + digits + "\" is not a positive number");
      if (!out.emplace(text::lower(row.column(0)), value).second) row.fail("\"" + row.column(0) + "\" is listed twice");
    }
    return out;
  }();
  return table;
}

bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// The text with numbers written as words in digits: "forty-five-year-old" ->
// "45-year-old", "aged sixty one" -> "aged 61". A tens word takes the units
// word joined to it by a hyphen or a space.
std::string with_number_words_as_digits(std::string_view text) {
  const auto word_at = [&](std::size_t at) {
    std::size_t end = at;
    while (end < text.size() && is_letter(text[end])) ++end;
    return text.substr(at, end - at);
  };
  const auto value_of = [](std::string_view word) {
    const auto it = number_words().find(lower(word));
    return it == number_words().end() ? 0 : it->second;
  };
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (!is_letter(text[i]) || (i > 0 && is_letter(text[i - 1]))) {
      out += text[i++];
      continue;
    }
    const std::string_view word = word_at(i);
    int value = value_of(word);
    if (value == 0) {
      out += word;
      i += word.size();
      continue;
    }
    i += word.size();
    if (value >= 20 && value % 10 == 0 && i + 1 < text.size() && (text[i] == '-' || text[i] == ' ')) {
      const std::string_view units = word_at(i + 1);
      const int unit_value = value_of(units);
      if (unit_value > 0 && unit_value < 10) {
        value += unit_value;
        i += 1 + units.size();
      }
    }
    out += std::to_string(value);
  }
  return out;
}

const Pattern& age_phrase() {
  static const Pattern re(
      R"(\b(\d{1,3})\s*(?:[- ]\s*(?:year|yr)s?\s*[- ]\s*old|-?\s*y/o|-?yo|\s*y\.o\.?)(?:(?:\s+(?!(?:with|who|whose|and|of|in|on|at|from|to|for|has|had|was|is)\b)[a-z][a-z-]*){0,3}?\s+(female|male|woman|man|gentleman|lady|mother|father))?\b)",
      Pattern::icase);
  return re;
}

// "..., is a female", "the patient, a female aged 45": the sex noun said of the worker.
const Pattern& sex_noun() {
  static const Pattern re(
      R"(\b(?:is|was)\s+an?\s+(female|male|woman|man|gentleman|lady|mother|father)\b|\ban?\s+(female|male|woman|man|gentleman|lady|mother|father)\s*,?\s+aged?\b)",
      Pattern::icase);
  return re;
}

std::optional<std::string> sex_of_word(std::string_view word) {
  const std::string w = lower(word);
  if (w.empty()) return std::nullopt;
  if (w == "female" || w == "woman" || w == "lady" || w == "mother") return "female";
  return "male";
}

std::size_t count(std::string_view text, const Pattern& re) { return search_all(text, re).size(); }

// "Ms. [REDACTED]": a letter redacts the worker's name and no one else's, so
// a title before a redaction is the worker's; titles that disagree say nothing.
std::optional<std::string> sex_from_titles(std::string_view text) {
  static const Pattern female(R"(\b(?:Ms|Mrs|Miss)\.?\s+\[\s*redacted\s*\])", Pattern::icase);
  static const Pattern male(R"(\bMr\.?\s+\[\s*redacted\s*\])", Pattern::icase);
  const std::size_t f = count(text, female), m = count(text, male);
  if ((f == 0) == (m == 0)) return std::nullopt;
  return f > 0 ? "female" : "male";
}

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
  const std::string digits_text = with_number_words_as_digits(summary);
  const auto phrase = search(digits_text, age_phrase());
  if (const auto m = phrase ? phrase : search(digits_text, age_label())) {
    int age = 0;
    const std::string_view digits = group(*m, 1);
    std::from_chars(digits.data(), digits.data() + digits.size(), age);
    if (age > 0 && age <= kMaxAge) out.age = age;
    out.sex = sex_of_word(group(*m, 2));
  }
  if (!out.sex)
    if (const auto m = search(digits_text, sex_noun()))
      out.sex = sex_of_word(m->group(1).empty() ? group(*m, 2) : group(*m, 1));
  if (!out.sex) out.sex = sex_from_titles(summary);
  if (!out.sex) out.sex = sex_from_pronouns(summary);
  return out;
}

}  // namespace imr::indexer::parsing
