// Reads the labelled fields of a letter's header table, wherever the reader
// left them.
#include "header_fields.h"

#include <array>
#include <regex>

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

std::optional<std::string> case_number_in(const FieldValues& fields, std::string_view text) {
  static const std::regex labelled(R"(^([A-Z]{2}\d{2}-\d{4,}))", std::regex::icase);
  static const std::regex anywhere(R"(\bCM\d{2}-\d{5,}\b)");
  if (const auto value = fields.first("case_number"))
    if (const auto m = search(*value, labelled)) return std::string(group(*m, 1));
  if (const auto m = search(text, anywhere)) return std::string(group(*m, 0));
  return std::nullopt;
}

std::optional<std::string> priority_in(const FieldValues& fields) {
  const auto value = fields.first("priority");
  if (!value) return std::nullopt;
  for (const std::string_view p : {"standard", "expedited"})
    if (starts_with_icase(*value, p)) return std::string(p);
  return std::nullopt;
}

}  // namespace

HeaderFields header_fields(std::string_view whole_text, const layout::LetterLabels& labels) {
  const FieldValues fields(whole_text, labels);
  HeaderFields out;
  out.case_number = case_number_in(fields, whole_text);
  out.priority = priority_in(fields);
  for (const DateField& d : kDateFields) {
    const auto value = fields.first(d.name);
    if (!value) continue;
    const auto date = leading_date(*value);
    if (date && date->iso)
      out.dates.*d.member = date->iso;
    else
      out.warnings.push_back("header date \"" + std::string(*value) + "\" is not a real date");
  }
  return out;
}

}  // namespace imr::indexer::parsing
