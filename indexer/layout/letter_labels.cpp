// LetterLabels: reading letter_labels.tsv and matching its entries in text.
#include "imr/layout/letter_labels.h"

#include <algorithm>

#include "imr/schema/data_table.h"

namespace imr::indexer::layout {
namespace {

constexpr std::string_view kFile = "letter_labels.tsv";

bool is_word_char(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
char ascii_upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

std::string first_word(std::string_view text, std::size_t pos) {
  std::string word;
  for (; pos < text.size() && is_word_char(text[pos]); ++pos) word += ascii_lower(text[pos]);
  return word;
}

LabelKind kind_named(const schema::TsvRow& row) {
  const std::string& name = row.column(0);
  if (name == "heading") return LabelKind::heading;
  if (name == "field") return LabelKind::field;
  if (name == "label") return LabelKind::label;
  if (name == "decision") return LabelKind::decision;
  if (name == "numbering") return LabelKind::numbering;
  if (name == "lead") return LabelKind::lead;
  if (name == "conclusion") return LabelKind::conclusion;
  row.fail("unknown kind \"" + name + "\" (heading, field, label, decision, numbering, lead or conclusion)");
}

Label label_of(const schema::TsvRow& row) {
  if (!is_word_char(row.column(2).front())) row.fail("the label's text must start with a letter or digit");
  return Label{kind_named(row), row.column(1), row.column(2)};
}

bool equal_icase(std::string_view a, std::string_view b) {
  return std::ranges::equal(a, b, [](char x, char y) { return ascii_lower(x) == ascii_lower(y); });
}

// Headings are matched in the case printed, so prose that happens to use the
// same words ("the clinical case summary") is not taken for one.
bool same_text(const Label& label, std::string_view candidate) {
  if (label.kind == LabelKind::heading) return candidate == label.text;
  if (!is_upper(candidate.front())) return false;
  return equal_icase(candidate, label.text);
}

// The byte a match of label begins with, as same_text accepts it; none for a
// label other than a heading that begins with a digit.
std::optional<unsigned char> first_byte(const Label& label) {
  if (label.kind == LabelKind::heading) return static_cast<unsigned char>(label.text.front());
  const char first = ascii_upper(label.text.front());
  if (!is_upper(first)) return std::nullopt;
  return static_cast<unsigned char>(first);
}

// A decision only ends an item heading right after its colon ("30.00: Upheld").
bool follows_colon(std::string_view text, std::size_t pos) {
  if (pos > 0 && text[pos - 1] == ' ') --pos;
  return pos > 0 && text[pos - 1] == ':';
}

}  // namespace

std::shared_ptr<const LetterLabels> LetterLabels::builtin() {
  return std::make_shared<const LetterLabels>(schema::read_data_table(kFile, 3, 3));
}

LetterLabels::LetterLabels(std::string_view tsv) : LetterLabels(schema::parse_data_table(kFile, tsv, 3, 3)) {}

LetterLabels::LetterLabels(const std::vector<schema::TsvRow>& rows) {
  for (const schema::TsvRow& row : rows) labels_.push_back(label_of(row));
  for (std::size_t i = 0; i < labels_.size(); ++i) {
    // The parser reads these only around an item heading or at a rationale's end.
    const LabelKind kind = labels_[i].kind;
    if (kind == LabelKind::numbering || kind == LabelKind::lead || kind == LabelKind::conclusion) continue;
    by_first_word_[first_word(labels_[i].text, 0)].push_back(i);
    if (const auto byte = first_byte(labels_[i])) starts_label_[*byte] = true;
  }
  for (auto& [word, indexes] : by_first_word_)
    std::ranges::stable_sort(indexes, std::greater<>(), [this](std::size_t i) { return labels_[i].text.size(); });
}

std::optional<LabelMatch> LetterLabels::match_at(std::string_view text, std::size_t pos) const {
  if (pos >= text.size() || !starts_label_[static_cast<unsigned char>(text[pos])] ||
      (pos > 0 && is_word_char(text[pos - 1])))
    return std::nullopt;
  const auto found = by_first_word_.find(first_word(text, pos));
  if (found == by_first_word_.end()) return std::nullopt;
  for (const std::size_t i : found->second) {
    const Label& label = labels_[i];
    const std::size_t end = pos + label.text.size();
    if (end > text.size() || !same_text(label, text.substr(pos, label.text.size()))) continue;
    if (is_word_char(label.text.back()) && end < text.size() && is_word_char(text[end])) continue;
    if (label.kind == LabelKind::decision && !follows_colon(text, pos)) continue;
    return LabelMatch{&label, pos, end};
  }
  return std::nullopt;
}

const Label* LetterLabels::decision_word(std::string_view word) const {
  const Label* label = decision_in_full(word);
  return label && label->text.find(' ') == std::string::npos ? label : nullptr;
}

const Label* LetterLabels::decision_in_full(std::string_view text) const {
  for (const Label& label : labels_)
    if (label.kind == LabelKind::decision && text.size() == label.text.size() && same_text(label, text)) return &label;
  return nullptr;
}

const Label* LetterLabels::heading_in_full(std::string_view paragraph) const {
  for (const Label& label : labels_)
    if (label.kind == LabelKind::heading && equal_icase(paragraph, label.text)) return &label;
  return nullptr;
}

std::vector<LabelMatch> LetterLabels::find_all(std::string_view text) const {
  std::vector<LabelMatch> matches;
  for (std::size_t pos = 0; pos < text.size();) {
    if (auto match = match_at(text, pos)) {
      matches.push_back(*match);
      pos = match->end;
    } else {
      ++pos;
    }
  }
  return matches;
}

}  // namespace imr::indexer::layout
