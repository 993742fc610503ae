// LetterLabels: reading letter_labels.tsv and matching its entries in text.
#include "layout/letter_labels.h"

#include <algorithm>
#include <stdexcept>

#include "imr/schema/data_files.h"

namespace imr::indexer::layout {
namespace {

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

std::string first_word(std::string_view text, std::size_t pos) {
  std::string word;
  for (; pos < text.size() && is_word_char(text[pos]); ++pos) word += ascii_lower(text[pos]);
  return word;
}

LabelKind kind_named(std::string_view name, std::size_t line_number) {
  if (name == "heading") return LabelKind::heading;
  if (name == "field") return LabelKind::field;
  if (name == "label") return LabelKind::label;
  if (name == "decision") return LabelKind::decision;
  throw std::runtime_error("schema/data/letter_labels.tsv line " + std::to_string(line_number) +
                           ": unknown kind \"" + std::string(name) + "\" (heading, field, label or decision)");
}

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> columns;
  for (std::size_t start = 0;;) {
    const std::size_t tab = line.find('\t', start);
    columns.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) return columns;
    start = tab + 1;
  }
}

Label parse_line(std::string_view line, std::size_t line_number) {
  const auto columns = split_tabs(line);
  if (columns.size() != 3 || columns[1].empty() || columns[2].empty() || !is_word_char(columns[2][0]))
    throw std::runtime_error("schema/data/letter_labels.tsv line " + std::to_string(line_number) +
                             ": expected kind<TAB>name<TAB>text, the text starting with a letter or digit");
  return Label{kind_named(columns[0], line_number), std::string(columns[1]), std::string(columns[2])};
}

// Headings are matched in the case printed, so prose that happens to use the
// same words ("the clinical case summary") is not taken for one.
bool same_text(const Label& label, std::string_view candidate) {
  if (label.kind == LabelKind::heading) return candidate == label.text;
  if (!is_upper(candidate.front())) return false;
  return std::ranges::equal(candidate, label.text, [](char a, char b) { return ascii_lower(a) == ascii_lower(b); });
}

// A decision only ends an item heading right after its colon ("30.00: Upheld").
bool follows_colon(std::string_view text, std::size_t pos) {
  if (pos > 0 && text[pos - 1] == ' ') --pos;
  return pos > 0 && text[pos - 1] == ':';
}

}  // namespace

const LetterLabels& LetterLabels::standard() {
  static const LetterLabels labels([] {
    const auto tsv = schema::data_file("letter_labels.tsv");
    if (!tsv) throw std::runtime_error("schema/data/letter_labels.tsv is missing from the build");
    return *tsv;
  }());
  return labels;
}

LetterLabels::LetterLabels(std::string_view tsv) {
  std::size_t line_number = 0;
  for (std::size_t start = 0; start < tsv.size();) {
    std::size_t end = tsv.find('\n', start);
    if (end == std::string_view::npos) end = tsv.size();
    std::string_view line = tsv.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    labels_.push_back(parse_line(line, line_number));
  }
  for (std::size_t i = 0; i < labels_.size(); ++i) by_first_word_[first_word(labels_[i].text, 0)].push_back(i);
  for (auto& [word, indexes] : by_first_word_)
    std::ranges::stable_sort(indexes, std::greater<>(), [this](std::size_t i) { return labels_[i].text.size(); });
}

std::optional<LabelMatch> LetterLabels::match_at(std::string_view text, std::size_t pos) const {
  if (pos >= text.size() || !is_word_char(text[pos]) || (pos > 0 && is_word_char(text[pos - 1]))) return std::nullopt;
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
