// Dehyphenator: the letter's own vocabulary, then the rules.
#include "dehyphenator.h"

#include <algorithm>

#include "imr/schema/data_table.h"
#include "imr/schema/text.h"

namespace imr::indexer::reader {
namespace {

// Longer runs are not words and would only fill the sets.
constexpr std::size_t kMaxWordBytes = 48;

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }

// A dash that lists ("Diagnoses:- low back pain- lumbar strain") follows a
// colon or is followed by a space where a line does not end at it; one that
// ends a line in the same sentence is a list dash too, not a broken word.
bool in_dash_list(std::string_view paragraph) {
  const std::size_t dash = paragraph.size() - 1;
  if (dash == 0 || is_digit(paragraph[dash - 1]) || paragraph[dash - 1] == ' ') return false;
  const std::size_t sentence = paragraph.rfind(". ", dash);
  const std::size_t start = sentence == std::string_view::npos ? 0 : sentence;
  const std::string_view before = paragraph.substr(start, dash - start);
  if (before.find(":-") != std::string_view::npos) return true;
  for (std::size_t at = before.find("- "); at != std::string_view::npos; at = before.find("- ", at + 1))
    if (at > 0 && before[at - 1] != ' ' && before[at - 1] != '-') return true;
  return false;
}

bool is_capitals(std::string_view word) {
  return word.size() >= 2 && std::ranges::all_of(word, [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

std::shared_ptr<const std::unordered_set<std::string>> Dehyphenator::builtin_prefixes() {
  auto prefixes = std::make_shared<std::unordered_set<std::string>>();
  for (const schema::TsvRow& row : schema::read_data_table("hyphen_prefixes.txt", 1, 1))
    prefixes->insert(text::lower(row.column(0)));
  return prefixes;
}

std::shared_ptr<const std::unordered_set<std::string>> Dehyphenator::builtin_word_endings() {
  auto endings = std::make_shared<std::unordered_set<std::string>>();
  for (const schema::TsvRow& row : schema::read_data_table("word_endings.txt", 1, 1))
    endings->insert(text::lower(row.column(0)));
  return endings;
}

std::shared_ptr<const std::unordered_set<std::string>> Dehyphenator::builtin_known_words() {
  // Each table's name and its most columns; every column holds names or wordings.
  static constexpr std::pair<std::string_view, std::size_t> kTables[] = {
      {"treatments.tsv", 3}, {"specialties.tsv", 2}, {"guidelines.tsv", 3}, {"drugs.tsv", 3}, {"synonyms.tsv", 6}};
  auto words = std::make_shared<std::unordered_set<std::string>>();
  for (const auto& [name, columns] : kTables)
    for (const schema::TsvRow& row : schema::read_data_table(name, 1, columns))
      for (const std::string& column : row.columns)
        if (!column.starts_with("re:") && !column.starts_with("re-case:") && !column.starts_with('@'))
          for (const auto& [word, count] : words_of(column).plain) words->insert(word);
  return words;
}

Dehyphenator::Dehyphenator(const std::unordered_set<std::string>& prefixes, std::string_view text,
                           const std::unordered_set<std::string>* known_words,
                           const std::unordered_set<std::string>* word_endings)
    : prefixes_(prefixes), text_(text), known_words_(known_words), word_endings_(word_endings) {}

Dehyphenator::Words Dehyphenator::words_of(std::string_view text) {
  Words words;
  // Words of letters and digits, possibly joined by single inner hyphens.
  for (std::size_t pos = 0; pos < text.size();) {
    if (!is_alnum(text[pos])) {
      ++pos;
      continue;
    }
    const std::size_t start = pos;
    bool hyphen = false;
    while (pos < text.size() &&
           (is_alnum(text[pos]) || (text[pos] == '-' && pos + 1 < text.size() && is_alnum(text[pos + 1])))) {
      hyphen |= text[pos] == '-';
      ++pos;
    }
    if (pos - start > kMaxWordBytes) continue;
    std::string word = text::lower(text.substr(start, pos - start));
    if (hyphen)
      words.hyphenated.insert(std::move(word));
    else
      ++words.plain[std::move(word)];
  }
  return words;
}

const Dehyphenator::Words& Dehyphenator::words() const {
  if (!words_) words_ = words_of(text_);
  return *words_;
}

bool Dehyphenator::keeps_hyphen(std::string_view left, std::string_view right) const {
  if (left.empty() || right.empty()) return true;
  // "L5-" / "S1", "8-" / "9/10", "X-" / "Ray", "non-" / "MTUS": codes and names.
  for (const char c : left)
    if (is_digit(c)) return true;
  const std::string joined = text::lower(left) + text::lower(right);
  // "FLUR-" / "BIPROFEN": a word of capitals cut like any other.
  if (is_capitals(left) && is_capitals(right) &&
      (words().plain.contains(joined) || is_known(joined) || ends_cut_word(left, right)))
    return false;
  if (is_digit(right.front()) || !(right.front() >= 'a' && right.front() <= 'z')) return true;
  if (words().plain.contains(joined)) return false;
  if (words().hyphenated.contains(text::lower(left) + "-" + text::lower(right))) return true;
  constexpr std::size_t kMinCompoundBeginning = 4;
  if (left.size() >= kMinCompoundBeginning && prefixes_.contains("-" + text::lower(right))) return true;
  return prefixes_.contains(text::lower(left));
}

bool Dehyphenator::is_known(const std::string& lower) const { return known_words_ && known_words_->contains(lower); }

// A word of the vocabularies, or one the letter uses more than where it was cut.
bool Dehyphenator::is_word(const std::string& lower) const {
  if (is_known(lower)) return true;
  const auto found = words().plain.find(lower);
  return found != words().plain.end() && found->second > 1;
}

bool Dehyphenator::rejoins(std::string_view left, std::string_view right) const {
  constexpr std::size_t kMinPiece = 2;
  if (left.size() < kMinPiece || right.size() < kMinPiece || !(right.front() >= 'a' && right.front() <= 'z'))
    return false;
  for (const std::string_view piece : {left, right})
    for (const char c : piece)
      if (!is_alpha(c)) return false;
  const std::string l = text::lower(left), r = text::lower(right);
  if (is_word(l) || is_word(r)) return false;
  const std::string joined = l + r;
  return (known_words_ && known_words_->contains(joined)) || words().plain.contains(joined);
}

// A piece after a line-end hyphen that is only the end of a word ending
// ("tis" of "itis"), after a piece that is no word and ends in none: a word cut.
bool Dehyphenator::ends_cut_word(std::string_view left, std::string_view right) const {
  constexpr std::size_t kMinEnding = 3;
  if (!word_endings_ || right.size() < kMinEnding || left.size() < 2) return false;
  for (const std::string_view piece : {left, right})
    if (!std::ranges::all_of(piece, is_alpha)) return false;
  const bool lower_case = std::ranges::all_of(right, [](char c) { return c >= 'a' && c <= 'z'; });
  if (!lower_case && !(is_capitals(left) && is_capitals(right))) return false;
  const std::string l = text::lower(left), r = text::lower(right);
  if (is_word(l) || is_word(r)) return false;
  const auto ends_with_ending = [&](std::string_view word) {
    return std::ranges::any_of(*word_endings_, [&](const std::string& e) { return word.ends_with(e); });
  };
  if (ends_with_ending(l)) return false;
  return std::ranges::any_of(*word_endings_, [&](const std::string& e) { return e.ends_with(r); });
}

void Dehyphenator::join_unbroken(std::string& paragraph, std::string_view next) const {
  std::size_t left_start = paragraph.size();
  while (left_start > 0 && is_alnum(paragraph[left_start - 1])) --left_start;
  std::size_t right_end = 0;
  while (right_end < next.size() && is_alnum(next[right_end])) ++right_end;
  const bool word_end = left_start == 0 || paragraph[left_start - 1] == ' ';
  const bool word_start = right_end == next.size() || next[right_end] == ' ' || next[right_end] == ',' ||
                          next[right_end] == '.' || next[right_end] == ';';
  if (!(word_end && word_start && rejoins(std::string_view(paragraph).substr(left_start), next.substr(0, right_end))))
    paragraph += ' ';
  paragraph += next;
}

void Dehyphenator::join(std::string& paragraph, std::string_view next) const {
  std::size_t left_start = paragraph.size() - 1;
  while (left_start > 0 && is_alnum(paragraph[left_start - 1])) --left_start;
  const std::string_view left = std::string_view(paragraph).substr(left_start, paragraph.size() - 1 - left_start);
  std::size_t right_end = 0;
  while (right_end < next.size() && is_alnum(next[right_end])) ++right_end;
  const std::string_view right = next.substr(0, right_end);
  // A list's dash stays, unless it cut a known word whose pieces are no
  // words ("sciatica- thor-" / "acic sprain").
  if (in_dash_list(paragraph) && !rejoins(left, right) && !ends_cut_word(left, right)) {
    paragraph += ' ';
  } else if (!keeps_hyphen(left, right)) {
    paragraph.pop_back();
  }
  paragraph += next;
}

}  // namespace imr::indexer::reader
