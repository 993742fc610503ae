#include "sqlite/sql_query.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "common/brand_names.h"
#include "imr/schema/field.h"

namespace imr::bench {
namespace {

using schema::FieldId;

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Words and "phrases" of the mix's text, in order; phrases keep their quotes.
std::vector<std::string> text_parts(const std::string& text) {
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < text.size();) {
    if (std::isspace(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    const bool phrase = text[i] == '"';
    const std::size_t end = phrase ? text.find('"', i + 1) + 1 : text.find(' ', i);
    const std::size_t stop = (end == std::string::npos || end == 0) ? text.size() : end;
    parts.push_back(text.substr(i, stop - i));
    i = stop;
  }
  return parts;
}

std::string parameter_marks(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += i ? ", ?" : "?";
  return out;
}

// The SQL that tests one filter field against its values (same item: over "items i").
// Item-level values are stored lower case, so they compare exactly (which lets
// SQLite use the indexes); letter-level ones (states, specialties) ignore case.
std::string field_test(FieldId field, std::size_t n) {
  const std::string marks = "(" + parameter_marks(n) + ")";
  const std::string in =
      schema::field(field).level == schema::Level::item ? " IN " + marks : " COLLATE NOCASE IN " + marks;
  switch (field) {
    case FieldId::decision:
      return "i.decision" + in;
    case FieldId::category:
      return "i.category" + in;
    case FieldId::drug_class:
      return "i.drug_class" + in;
    case FieldId::drug:
      return "EXISTS (SELECT 1 FROM item_drugs d WHERE d.item = i.id AND d.drug" + in + ")";
    case FieldId::guideline:
      return "EXISTS (SELECT 1 FROM item_guidelines g WHERE g.item = i.id AND g.guideline" + in + ")";
    case FieldId::outcome:
      return "l.outcome" + in;
    case FieldId::specialty:
      return "EXISTS (SELECT 1 FROM letter_specialties s WHERE s.letter = l.id AND s.specialty" + in + ")";
    case FieldId::decision_year:
      return "l.decision_year" + in;
    case FieldId::license_state:
      return "EXISTS (SELECT 1 FROM letter_states s WHERE s.letter = l.id AND s.state" + in + ")";
    default:
      throw std::runtime_error("the SQLite baseline has no column for filter field " +
                               std::string(schema::field(field).name));
  }
}

// Filters grouped by field, in first-mention order: the same field twice means either value.
std::vector<std::pair<FieldId, std::vector<std::string>>> grouped(const BenchQuery& q) {
  std::vector<std::pair<FieldId, std::vector<std::string>>> groups;
  for (const auto& [name, value] : q.filters) {
    const auto id = schema::find_field(name);
    if (!id) throw std::runtime_error("unknown filter field " + name);
    auto it = std::ranges::find_if(groups, [&](const auto& g) { return g.first == *id; });
    if (it == groups.end()) it = groups.insert(groups.end(), {*id, {}});
    it->second.push_back(value);
  }
  return groups;
}

void append(SqlCondition& c, const std::string& sql, const std::vector<std::string>& values) {
  c.where += (c.where.empty() ? "" : " AND ") + sql;
  c.values.insert(c.values.end(), values.begin(), values.end());
}

std::vector<std::string> lowered(std::vector<std::string> values) {
  for (std::string& v : values) v = lower(v);
  return values;
}

// Sets the CTE that yields the candidate letter ids (bound before the WHERE's values).
void drive_from(SqlCondition& c, const std::string& cte_select, const std::vector<std::string>& values) {
  c.with = "driver AS MATERIALIZED (" + cte_select + ")";
  c.from = "driver JOIN letters l ON l.id = driver.id";
  c.values.insert(c.values.begin(), values.begin(), values.end());
}

}  // namespace

SqlQueryBuilder::SqlQueryBuilder() {
  for (const auto& [name, generic] : brand_names()) generics_of_[name].push_back(generic);
}

std::string SqlQueryBuilder::fts_match(const std::string& text) const {
  std::string match;
  for (const std::string& part : text_parts(text)) {
    std::string term = part.front() == '"' ? part : "\"" + part + "\"";
    if (const auto it = generics_of_.find(lower(part)); it != generics_of_.end())
      for (const std::string& generic : it->second) term = "(" + term + " OR \"" + generic + "\")";
    match += (match.empty() ? "" : " ") + term;
  }
  return match;
}

SqlCondition SqlQueryBuilder::condition(const BenchQuery& q) const {
  SqlCondition c;
  if (q.decided) append(c, "l.decision_date BETWEEN ? AND ?", {q.decided->from, q.decided->to});
  SqlCondition items;
  const auto groups = grouped(q);
  const std::vector<std::string>* drugs = nullptr;
  for (const auto& [field, values] : groups) {
    if (schema::field(field).level == schema::Level::item)
      append(items, field_test(field, values.size()), lowered(values));
    else
      append(c, field_test(field, values.size()), values);
    if (field == FieldId::drug) drugs = &values;
  }
  if (!items.where.empty())
    append(c, "EXISTS (SELECT 1 FROM items i WHERE i.letter = l.id AND " + items.where + ")", items.values);
  if (!q.text.empty())
    drive_from(c, "SELECT rowid AS id FROM letter_text WHERE letter_text MATCH ?", {fts_match(q.text)});
  else if (drugs)
    drive_from(c, "SELECT DISTINCT letter AS id FROM item_drugs WHERE drug IN (" + parameter_marks(drugs->size()) + ")",
               lowered(*drugs));
  if (c.where.empty()) c.where = "1";
  return c;
}

std::string SqlCondition::select_ids() const {
  return (with.empty() ? "" : "WITH " + with + " ") + "SELECT l.id FROM " + from + " WHERE " + where;
}

}  // namespace imr::bench
