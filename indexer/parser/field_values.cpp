// Field values between the label matches of LetterLabels.
#include "field_values.h"

#include "imr/layout/letter_labels.h"
#include "text_util.h"

namespace imr::indexer::parsing {

FieldValues::FieldValues(std::string_view whole_text, const layout::LetterLabels& labels) {
  const auto matches = labels.find_all(whole_text);
  for (std::size_t i = 0; i < matches.size(); ++i) {
    if (matches[i].label->kind != layout::LabelKind::field) continue;
    const std::size_t next = i + 1 < matches.size() ? matches[i + 1].start : whole_text.size();
    std::string_view value = whole_text.substr(matches[i].end, next - matches[i].end);
    value = value.substr(0, value.find('\n'));
    value = trim_markup(value);
    if (!value.empty() && value.front() == ':') value = trim_markup(value.substr(1));
    values_.emplace_back(matches[i].label->name, value);
  }
}

std::optional<std::string_view> FieldValues::first(std::string_view name) const {
  for (const auto& [field, value] : values_)
    if (field == name && !value.empty()) return value;
  return std::nullopt;
}

}  // namespace imr::indexer::parsing
