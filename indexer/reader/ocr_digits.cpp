// repair_ocr_digits: one pass over the words (runs of ASCII letters and digits).
#include "ocr_digits.h"

#include <algorithm>
#include <string_view>

namespace imr::indexer::reader {
namespace {

// Words in capitals are codes more often ("CM10", "DM1").
constexpr std::size_t kMinLetters = 2;
constexpr std::size_t kMinCapitals = 3;
// A "1" opening a word is an "l" only before a vowel or an "l" and this many
// letters ("1icensed", "1owest"); "1tablet", "1st" keep their digit.
constexpr std::size_t kMinLettersAfterOpening = 4;

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_letter(char c) { return is_lower(c) || is_upper(c); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_word(char c) { return is_letter(c) || is_digit(c); }

// Capitals all round (but for misread characters) read capitals.
bool in_capitals(std::string_view word) {
  return std::ranges::count_if(word, is_lower) == std::ranges::count(word, 'l') &&
         static_cast<std::size_t>(std::ranges::count_if(word, is_upper)) >= kMinCapitals;
}

// "HbA1c", "mRNA": a capital after a small letter is a term's own spelling.
bool is_camel_case(std::string_view word) {
  for (std::size_t i = 1; i < word.size(); ++i)
    if (is_upper(word[i]) && is_lower(word[i - 1])) return true;
  return false;
}

// Whether a word's digits can all be misread letters.
bool is_misread(std::string_view word) {
  // "CM1", "T10": a few capitals and digits are a code.
  if (is_camel_case(word) || (std::ranges::none_of(word, is_lower) && !in_capitals(word))) return false;
  const auto letters = static_cast<std::size_t>(std::ranges::count_if(word, is_letter));
  const bool other_digits = std::ranges::any_of(word, [](char c) { return is_digit(c) && c != '0' && c != '1'; });
  const bool has_digit = std::ranges::any_of(word, is_digit);
  return has_digit && !other_digits && letters >= (in_capitals(word) ? kMinCapitals : kMinLetters);
}

bool opens_word_misread(std::string_view word) {
  if (word.size() <= kMinLettersAfterOpening || !std::all_of(word.begin() + 1, word.end(), is_letter)) return false;
  return std::string_view("aeiouyl").find(word[1]) != std::string_view::npos;
}

std::size_t repair_word(std::string& text, std::size_t begin, std::size_t end) {
  const std::string_view word(text.data() + begin, end - begin);
  const bool capitals = in_capitals(word);
  std::size_t repaired = 0;
  if (capitals && !std::ranges::any_of(word, is_digit)) {
    // "MAXlMUS", "CLlNICAL", "NSAlD": a lower-case l among capitals is an I.
    for (std::size_t i = begin + 1; i + 1 < end; ++i)
      if (text[i] == 'l' && is_upper(text[i - 1]) && is_upper(text[i + 1])) text[i] = 'I', ++repaired;
    return repaired;
  }
  if (!is_misread(word)) return 0;
  const bool opening = opens_word_misread(word);
  for (std::size_t i = begin; i < end; ++i) {
    const char c = text[i];
    if (c != '0' && c != '1') continue;
    const bool after_letter = i > begin && is_letter(text[i - 1]);
    const bool before_letter = i + 1 < end && is_letter(text[i + 1]);
    // A digit ending a word in capitals is a code's ("COX1", "ICD10").
    if (capitals && !(after_letter && before_letter)) continue;
    if (!after_letter && !(i == begin && (c == '0' ? before_letter : opening))) continue;
    if (c == '1') {
      text[i] = capitals ? 'I' : 'l';
    } else {
      text[i] = capitals || i == begin ? 'O' : 'o';
    }
    ++repaired;
  }
  return repaired;
}

}  // namespace

std::size_t repair_ocr_digits(std::string& text) {
  std::size_t repaired = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    if (!is_word(text[pos])) {
      ++pos;
      continue;
    }
    std::size_t end = pos;
    while (end < text.size() && is_word(text[end])) ++end;
    repaired += repair_word(text, pos, end);
    pos = end;
  }
  return repaired;
}

}  // namespace imr::indexer::reader
