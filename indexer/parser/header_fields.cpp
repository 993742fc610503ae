// Reads the labelled fields of a letter's header table, wherever the reader
// left them.
#include "header_fields.h"

#include <algorithm>
#include <array>
#include <filesystem>

#include "dates.h"
#include "field_values.h"
#include "text_util.h"

namespace imr::indexer::parsing {
namespace {

using DateMember = std::optional<std::string> schema::Dates::*;

struct DateField {
  std::string_view name;  // in letter_labels.tsv
  DateMember member;
};

constexpr std::array kDateFields{
    DateField{"date_assigned", &schema::Dates::assigned},
    DateField{"date_of_injury", &schema::Dates::injury},
    DateField{"decision_date", &schema::Dates::decision},
    DateField{"ur_denial_date", &schema::Dates::ur_denial},
    DateField{"application_received", &schema::Dates::application_received},
};

// The state's case numbers ("CM14-0039927"), wherever they are printed or named.
const Pattern& case_number_pattern() {
  static const Pattern pattern(R"(\bCM\d{2}-\d{5,}\b)");
  return pattern;
}

// "CM15-0123456" as the state prints it, however the letter wrote it: in
// lower case, with an en dash (a word processor's), spaces or no dash.
std::string canonical_case_number(const Match& m) {
  std::string out = std::string(group(m, 1)) + std::string(group(m, 2)) + "-" + std::string(group(m, 3));
  std::ranges::transform(out, out.begin(),
                         [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; });
  return out;
}

std::optional<std::string> case_number_in(const FieldValues& fields, std::string_view text) {
  static const Pattern labelled(R"(^([A-Z]{2})\s*(\d{2})\s*(?:-|\xe2\x80[\x93\x94])?\s*(\d{4,}))", Pattern::icase);
  static const Pattern printed(R"(\b(CM)(\d{2})\s*(?:-|\xe2\x80[\x93\x94])\s*(\d{5,})\b)", Pattern::icase);
  if (const auto value = fields.first("case_number"))
    if (const auto m = search(*value, labelled)) return canonical_case_number(*m);
  if (const auto m = search(text, printed)) return canonical_case_number(*m);
  return std::nullopt;
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::size_t skip_blanks(std::string_view text, std::size_t pos) {
  while (pos < text.size() && is_blank(text[pos])) ++pos;
  return pos;
}

std::string_view rest_of_line(std::string_view text, std::size_t pos) {
  const std::string_view rest = text.substr(std::min(pos, text.size()));
  return trim_markup(rest.substr(0, rest.find('\n')));
}

std::optional<std::string> iso_date_in(std::string_view value) {
  const auto date = leading_date(value);
  return date ? date->iso : std::nullopt;
}

// Bytes between a date and the rest of its label, across the other column's field.
constexpr std::size_t kMaxSplitLabelGap = 80;

bool tail_follows(std::string_view text, std::size_t pos, std::string_view tail) {
  const std::size_t found = text.substr(pos, kMaxSplitLabelGap + tail.size()).find(tail);
  return found != std::string_view::npos && (pos + found == 0 || is_blank(text[pos + found - 1]));
}

// A split at a later space only in the third form: a word between the halves
// ("Date of UR Decision:") is not the date's.
std::optional<std::string> date_of_label_split_at(std::string_view text, std::string_view head, std::string_view tail,
                                                  bool only_between) {
  for (std::size_t at = text.find(head); at != std::string_view::npos; at = text.find(head, at + 1)) {
    if (at > 0 && !is_blank(text[at - 1])) continue;
    std::size_t pos = skip_blanks(text, at + head.size());
    if (pos == at + head.size()) continue;
    std::string_view beside;
    if (!text.substr(pos).starts_with(tail)) {
      const std::size_t beside_start = pos;
      const std::size_t word_end = std::min(text.find_first_of(" \t\r\n", pos), text.size());
      beside = text.substr(pos, word_end - pos);
      pos = skip_blanks(text, word_end);
      if (!text.substr(pos).starts_with(tail)) {
        // A date in words ("Application   January 4, 2019" / "Received:") runs past its first word.
        auto date = iso_date_in(beside);
        if (!date) date = iso_date_in(rest_of_line(text, beside_start));
        if (date && tail_follows(text, pos, tail)) return date;
        continue;
      }
    }
    if (only_between) continue;
    if (const auto date = iso_date_in(beside)) return date;
    if (const auto date = iso_date_in(rest_of_line(text, pos + tail.size()))) return date;
  }
  return std::nullopt;
}

// The date of a label that PDF text splits over two lines ("Application
// Received:" in the 2016 table's second column), where the date stands beside
// the label's first words ("Application   11/03/2016" / "   Received:"), after
// its last ("Application" / "Received: 11/03/2016"), or on a line between
// them beside another column's field ("UR Denial" / "04/09/2015   Priority:
// Standard" / "Date:"). The label may split at any of its spaces.
std::optional<std::string> date_of_split_label(std::string_view text, std::string_view label) {
  const std::size_t first = label.find(' ');
  for (std::size_t space = first; space != std::string_view::npos; space = label.find(' ', space + 1))
    if (auto date = date_of_label_split_at(text, label.substr(0, space), label.substr(space + 1), space != first))
      return date;
  return std::nullopt;
}

// A date field the labels did not find, read from its labels split over two lines.
std::optional<std::string> date_of_split_field(std::string_view text, std::string_view name,
                                               const layout::LetterLabels& labels) {
  for (const layout::Label& label : labels.labels())
    if (label.kind == layout::LabelKind::field && label.name == name)
      if (auto date = date_of_split_label(text, label.text)) return date;
  return std::nullopt;
}

std::optional<std::string> priority_in(const FieldValues& fields) {
  const auto value = fields.first("priority");
  if (!value) return std::nullopt;
  for (const std::string_view p : {"standard", "expedited"})
    if (starts_with_icase(*value, p)) return std::string(p);
  return std::nullopt;
}

// A header date from its value, with a warning when the value is not a date.
std::optional<std::string> date_of_value(std::string_view value, std::vector<std::string>& warnings) {
  const auto date = leading_date(value);
  if (date && date->iso) return date->iso;
  warnings.push_back("header date \"" + std::string(value) + "\" is not a real date");
  return std::nullopt;
}

}  // namespace

HeaderFields header_fields(std::string_view whole_text, const layout::LetterLabels& labels) {
  const FieldValues fields(whole_text, labels);
  HeaderFields out;
  out.case_number = case_number_in(fields, whole_text);
  out.priority = priority_in(fields);
  for (const DateField& d : kDateFields) {
    if (const auto value = fields.first(d.name))
      out.dates.*d.member = date_of_value(*value, out.warnings);
    else
      out.dates.*d.member = date_of_split_field(whole_text, d.name, labels);
  }
  // The notice's "Dated:" line is the day the decision was signed and sent.
  if (!out.dates.decision)
    if (const auto dated = fields.first("dated")) out.dates.decision = date_of_value(*dated, out.warnings);
  return out;
}

std::optional<std::string> case_number_of_file(std::string_view source) {
  std::string name = std::filesystem::path(source).stem().string();
  std::ranges::transform(name, name.begin(),
                         [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; });
  if (!case_number_pattern().matches(name)) return std::nullopt;
  return name;
}

}  // namespace imr::indexer::parsing
