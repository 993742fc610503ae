#include "imr/schema/field.h"

#include "imr/schema/text.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace imr::schema {
namespace {

constexpr std::array kFields{
    Field{FieldId::case_number, "case_number", "case", "Q", Level::letter, false},
    Field{FieldId::decision, "decision", "decision", "XDEC", Level::item, true},
    Field{FieldId::outcome, "outcome", "outcome", "XOUT", Level::letter, true},
    Field{FieldId::drug, "drug", "drug", "XDRUG", Level::item, true},
    Field{FieldId::drug_class, "drug_class", "class", "XCLASS", Level::item, true},
    Field{FieldId::category, "category", "category", "XCAT", Level::item, true},
    Field{FieldId::guideline, "guideline", "guideline", "XGUIDE", Level::item, true},
    Field{FieldId::claims_guideline, "claims_guideline", "claims", "XCGUIDE", Level::item, false},
    Field{FieldId::specialty, "specialty", "specialty", "XSPEC", Level::letter, true},
    Field{FieldId::license_state, "license_state", "state", "XSTATE", Level::letter, true},
    Field{FieldId::decision_year, "decision_year", "year", "XYEAR", Level::letter, true},
    Field{FieldId::priority, "priority", "priority", "XPRI", Level::letter, false},
    Field{FieldId::sex, "sex", "sex", "XSEX", Level::letter, false},
    Field{FieldId::check, "check", "check", "XCHECK", Level::letter, true},
};

constexpr std::array kDateFields{
    DateField{"decision_date", "decided", slot::decision_date},
    DateField{"injury_date", "injury", slot::injury_date},
    DateField{"assigned_date", "assigned", slot::assigned_date},
    DateField{"ur_denial_date", "ur_denial", slot::ur_denial_date},
    DateField{"application_received_date", "received", slot::received_date},
};

}  // namespace

std::span<const Field> fields() { return kFields; }

const Field& field(FieldId id) { return kFields[static_cast<std::size_t>(id)]; }

std::optional<FieldId> find_field(std::string_view name) {
  for (const Field& f : kFields)
    if (text::iequals(f.name, name) || text::iequals(f.alias, name)) return f.id;
  return std::nullopt;
}

std::span<const DateField> date_fields() { return kDateFields; }

const DateField* find_date_field(std::string_view name) {
  for (const DateField& f : kDateFields)
    if (text::iequals(f.name, name) || text::iequals(f.alias, name)) return &f;
  return nullptr;
}

std::string boolean_term(FieldId id, std::string_view value) {
  return std::string(field(id).prefix) + text::lower(value);
}

}  // namespace imr::schema
