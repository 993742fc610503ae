// Field values between the label matches of LetterLabels.
#include "field_values.h"

#include "imr/layout/letter_labels.h"
#include "text_util.h"

namespace imr::indexer::parsing {
namespace {

// A field's value is short ("Standard", "California, Nevada"); a longer line
// below an empty label is the letter's text going on.
constexpr std::size_t kMaxValueBelowBytes = 120;

std::string_view first_line(std::string_view text) {
  std::string_view value = trim_markup(text.substr(0, text.find('\n')));
  if (!value.empty() && value.front() == ':') value = trim_markup(value.substr(1));
  return value;
}

}  // namespace

FieldValues::FieldValues(std::string_view whole_text, const layout::LetterLabels& labels) {
  const auto matches = labels.find_all(whole_text);
  for (std::size_t i = 0; i < matches.size(); ++i) {
    if (matches[i].label->kind != layout::LabelKind::field) continue;
    const std::size_t next = i + 1 < matches.size() ? matches[i + 1].start : whole_text.size();
    std::string_view rest = whole_text.substr(matches[i].end, next - matches[i].end);
    std::string_view value = first_line(rest);
    // "State(s) of Licensure:" / "California": a label on a line of its own
    // (a table cell exported as a paragraph) has its value on the next line.
    if (value.empty()) {
      const std::size_t line = rest.find_first_not_of(" \t\n:*_");
      if (line != std::string_view::npos) {
        const std::string_view below = first_line(rest.substr(line));
        if (below.size() <= kMaxValueBelowBytes) value = below;
      }
    }
    values_.emplace_back(matches[i].label->name, value);
  }
}

std::optional<std::string_view> FieldValues::first(std::string_view name) const {
  for (const auto& [field, value] : values_)
    if (field == name && !value.empty()) return value;
  return std::nullopt;
}

}  // namespace imr::indexer::parsing
