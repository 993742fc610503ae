// split_at_labels: cut points from the labels found, then the pieces between.
#include "paragraph_splitter.h"

#include <algorithm>
#include <string_view>

namespace imr::indexer::reader {
namespace {

using layout::LabelKind;
using layout::LabelMatch;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Numbered decisions ("1) MAXIMUS Federal Services, Inc. has determined")
// start at their number.
std::size_t with_enumerator(std::string_view text, std::size_t start) {
  if (start < 3 || text[start - 1] != ' ' || text[start - 2] != ')') return start;
  std::size_t i = start - 2;
  while (i > 0 && is_digit(text[i - 1]) && start - i < 6) --i;
  if (i == start - 2 || (i > 0 && text[i - 1] != ' ')) return start;
  return i;
}

// A decision may be followed by the full stop of its heading.
std::size_t after_decision(std::string_view text, std::size_t end) {
  return end < text.size() && text[end] == '.' ? end + 1 : end;
}

std::vector<std::size_t> cut_points(std::string_view text, const std::vector<LabelMatch>& matches) {
  std::vector<std::size_t> cuts;
  for (const LabelMatch& m : matches) {
    switch (m.label->kind) {
      case LabelKind::heading:
        cuts.push_back(m.start);
        cuts.push_back(m.end);
        break;
      case LabelKind::field:
      case LabelKind::label:
        cuts.push_back(with_enumerator(text, m.start));
        break;
      case LabelKind::decision:
        cuts.push_back(after_decision(text, m.end));
        break;
      case LabelKind::numbering:
      case LabelKind::lead:
      case LabelKind::conclusion:
        break;
    }
  }
  return cuts;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

std::vector<std::string> split_at_labels(const std::vector<std::string>& paragraphs,
                                         const layout::LetterLabels& labels) {
  std::vector<std::string> out;
  out.reserve(paragraphs.size());
  for (const std::string& paragraph : paragraphs) {
    std::vector<std::size_t> cuts = cut_points(paragraph, labels.find_all(paragraph));
    cuts.push_back(paragraph.size());
    std::ranges::sort(cuts);
    std::size_t start = 0;
    for (const std::size_t cut : cuts) {
      const std::string_view piece = trimmed(std::string_view(paragraph).substr(start, cut - start));
      if (!piece.empty()) out.emplace_back(piece);
      start = std::max(start, cut);
    }
  }
  return out;
}

bool is_decision_line(std::string_view tidy_line, const layout::LetterLabels& labels) {
  if (tidy_line.ends_with('.')) tidy_line.remove_suffix(1);
  return labels.decision_word(tidy_line) != nullptr;
}

bool is_decision_column(std::string_view tidy_cell, const layout::LetterLabels& labels) {
  if (tidy_cell.ends_with('.')) tidy_cell.remove_suffix(1);
  return labels.decision_in_full(tidy_cell) != nullptr;
}

}  // namespace imr::indexer::reader
