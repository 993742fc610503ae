#include "field_query.h"

#include <algorithm>

#include "date_range.h"
#include "imr/schema/checks.h"
#include "imr/schema/field.h"
#include "imr/schema/term_normalizer.h"
#include "imr/schema/text.h"

namespace imr::searcher {
namespace {

using schema::FieldId;

std::string known_fields() {
  return text::join(schema::fields(), ", ", &schema::Field::alias) + ", " +
         text::join(schema::date_fields(), ", ", &schema::DateField::alias);
}

// Values of these fields are identifiers ("muscle_relaxant"); people also
// write them with spaces or hyphens.
bool is_identifier_field(FieldId id) {
  return id == FieldId::decision || id == FieldId::outcome || id == FieldId::drug_class || id == FieldId::category ||
         id == FieldId::priority || id == FieldId::sex;
}

std::string as_identifier(std::string value) {
  std::ranges::replace(value, ' ', '_');
  std::ranges::replace(value, '-', '_');
  return value;
}

// The indexed values a typed value stands for (several for a combination
// drug, all of which must hold), lower case.
std::vector<std::string> canonical_values(const BuildContext& ctx, FieldId id, std::string_view typed) {
  std::string value = schema::normalize_term(typed);
  const Thesaurus& th = ctx.thesaurus();
  if (id == FieldId::drug) {
    std::vector<std::string> generics = th.generics_of(value);
    if (!generics.empty()) return generics;
  } else if (id == FieldId::license_state) {
    if (auto code = th.state_code(value)) value = schema::normalize_term(*code);
  } else if (id == FieldId::specialty) {
    if (auto name = th.specialty(ctx.analyzer().tokens(typed))) value = schema::normalize_term(*name);
  } else if (is_identifier_field(id)) {
    value = as_identifier(std::move(value));
  }
  return {std::move(value)};
}

Xapian::Query filter(const Xapian::Query& q) { return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, 0.0); }

Xapian::Query wildcard_field(BuildContext& ctx, FieldId id, std::string_view prefix) {
  return Xapian::Query(Xapian::Query::OP_WILDCARD, schema::boolean_term(id, schema::normalize_term(prefix)),
                       ctx.limits().max_wildcard_expansion, Xapian::Query::WILDCARD_LIMIT_ERROR);
}

// The kinds are a closed list: a mistyped one must say so rather than match nothing.
std::string check_kind(BuildContext& ctx, const Lexeme& l) {
  if (auto kind = schema::check_kind(l.text)) return *kind;
  throw QueryError("unknown check kind \"" + std::string(l.text) + "\" " + ctx.where(l) +
                   "; known kinds: " + schema::check_kind_names());
}

Xapian::Query facet_field(BuildContext& ctx, FieldId id, const Lexeme& l) {
  ctx.count_terms(1);
  if (!l.quoted && l.text.ends_with('*') && l.text.size() > 1)
    return filter(wildcard_field(ctx, id, l.text.substr(0, l.text.find_last_not_of('*') + 1)));
  const std::vector<std::string> values =
      id == FieldId::check ? std::vector{check_kind(ctx, l)} : canonical_values(ctx, id, l.text);
  std::vector<Xapian::Query> terms;
  for (const std::string& v : values) {
    terms.emplace_back(schema::boolean_term(id, v));
    if (schema::field(id).level == schema::Level::item) ctx.item_field(schema::field(id).name, v);
  }
  return filter(Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end()));
}

Xapian::Query date_field(BuildContext& ctx, const schema::DateField& f, const Lexeme& l) {
  ctx.count_terms(1);
  DateRange r;
  try {
    r = parse_date_range(l.text);
  } catch (const QueryError& e) {
    throw QueryError(std::string(l.field) + ":" + std::string(l.text) + " " + ctx.where(l) + ": " + e.what());
  }
  if (r.from && r.to) return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, f.slot, *r.from, *r.to);
  if (r.from) return Xapian::Query(Xapian::Query::OP_VALUE_GE, f.slot, *r.from);
  return Xapian::Query(Xapian::Query::OP_VALUE_LE, f.slot, *r.to);
}

}  // namespace

Xapian::Query field_query(BuildContext& ctx, const Lexeme& l) {
  const schema::DateField* date = schema::find_date_field(l.field);
  const std::optional<FieldId> id = schema::find_field(l.field);
  if (!date && !id)
    throw QueryError("unknown field \"" + std::string(l.field) + "\" " + ctx.where(l) +
                     "; known fields: " + known_fields() + " (quote the text to search for it as words)");
  if (l.text.find_first_not_of(" \t\r\n") == std::string_view::npos)
    throw QueryError("field " + std::string(l.field) + ": " + ctx.where(l) + " has an empty value");
  if (date) return date_field(ctx, *date, l);
  return facet_field(ctx, *id, l);
}

}  // namespace imr::searcher
