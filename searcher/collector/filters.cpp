// Filters: parsing filter= specs and evaluating them on a facet table.
#include "imr/collector/filters.h"

#include <algorithm>
#include <bit>

#include "imr/query/match_all.h"
#include "imr/schema/checks.h"
#include "imr/schema/text.h"

namespace imr::searcher {
namespace {

using schema::FieldId;

std::string known_fields() { return text::join(schema::fields(), ", ", &schema::Field::name); }

bool row_has(std::span<const schema::FacetValueView> row, const FilterGroup& group) {
  return std::ranges::any_of(row, [&](const schema::FacetValueView& v) {
    return v.field == group.field &&
           std::ranges::any_of(group.values, [&](const std::string& want) { return text::iequals(v.value, want); });
  });
}

// The kinds are a closed list: a mistyped one must say so rather than match nothing.
std::string value_of(FieldId field, const std::string& value) {
  if (field != FieldId::check) return value;
  if (auto kind = schema::check_kind(value)) return *kind;
  throw FilterError("unknown check kind '" + value + "'; known kinds: " + schema::check_kind_names());
}

}  // namespace

Filters Filters::parse(std::span<const std::string> specs) {
  Filters out;
  for (const std::string& spec : specs) {
    const auto colon = spec.find(':');
    if (colon == std::string::npos)
      throw FilterError("filter '" + spec + "' must look like field:value (e.g. drug:carisoprodol)");
    const std::string name = spec.substr(0, colon);
    const std::string value = spec.substr(colon + 1);
    const auto field = schema::find_field(name);
    if (!field) throw FilterError("unknown filter field '" + name + "'; known fields: " + known_fields());
    if (value.empty()) throw FilterError("filter '" + spec + "' has no value after the colon");
    out.add(*field, value_of(*field, value));
  }
  return out;
}

Filters Filters::from_pairs(std::span<const std::pair<std::string, std::string>> pairs) {
  Filters out;
  for (const auto& [name, value] : pairs)
    if (const auto field = schema::find_field(name)) out.add(*field, value);
  return out;
}

void Filters::add(FieldId field, std::string value) {
  value = text::lower(value);
  auto it = std::ranges::find(groups_, field, &FilterGroup::field);
  if (it == groups_.end()) {
    const schema::Level level = schema::field(field).level;
    groups_.push_back({field, level, {}});
    it = std::prev(groups_.end());
    if (level == schema::Level::item) item_mask_ |= GroupMask{1} << (groups_.size() - 1);
  }
  if (std::ranges::find(it->values, value) == it->values.end()) it->values.push_back(std::move(value));
}

void Filters::merge(const Filters& other) {
  for (const FilterGroup& g : other.groups_)
    for (const std::string& v : g.values) add(g.field, v);
}

Filters Filters::at_level(schema::Level level) const {
  Filters out;
  for (const FilterGroup& g : groups_)
    if (g.level == level)
      for (const std::string& v : g.values) out.add(g.field, v);
  return out;
}

GroupMask Filters::mask_of(FieldId field) const {
  const auto it = std::ranges::find(groups_, field, &FilterGroup::field);
  return it == groups_.end() ? 0 : GroupMask{1} << (it - groups_.begin());
}

bool Filters::needs_same_item() const { return std::popcount(item_mask_) > 1; }

std::vector<Xapian::Query> Filters::group_queries() const {
  std::vector<Xapian::Query> out;
  for (const FilterGroup& g : groups_) {
    std::vector<Xapian::Query> terms;
    for (const std::string& v : g.values) terms.emplace_back(schema::boolean_term(g.field, v));
    out.emplace_back(Xapian::Query::OP_OR, terms.begin(), terms.end());
  }
  return out;
}

Xapian::Query Filters::query() const {
  const std::vector<Xapian::Query> fields = group_queries();
  if (fields.empty()) return match_all();
  return Xapian::Query(Xapian::Query::OP_AND, fields.begin(), fields.end());
}

Xapian::Query Filters::counting_query() const {
  const std::vector<Xapian::Query> fields = group_queries();
  if (fields.size() < 2) return match_all();
  std::vector<Xapian::Query> all_but_one;
  for (std::size_t skipped = 0; skipped < fields.size(); ++skipped) {
    std::vector<Xapian::Query> others;
    for (std::size_t g = 0; g < fields.size(); ++g)
      if (g != skipped) others.push_back(fields[g]);
    all_but_one.emplace_back(Xapian::Query::OP_AND, others.begin(), others.end());
  }
  return Xapian::Query(Xapian::Query::OP_OR, all_but_one.begin(), all_but_one.end());
}

LetterMatch::LetterMatch(const Filters& filters, const schema::FacetTableView& table)
    // Without item-level groups every item passes: no per-letter allocation in the scans.
    : item_ok_(filters.item_mask() == 0 ? 0 : table.item_count(), 0), item_groups_(filters.item_mask()) {
  const auto groups = filters.groups();
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const GroupMask bit = GroupMask{1} << g;
    required_ |= bit;
    if (groups[g].level == schema::Level::letter) {
      if (row_has(table.letter(), groups[g])) letter_ok_ |= bit;
      continue;
    }
    for (std::size_t i = 0; i < item_ok_.size(); ++i)
      if (row_has(table.item(i), groups[g])) item_ok_[i] |= bit;
  }
}

bool GroupBits::item_passes(std::size_t i, GroupMask ignored) const {
  return (item_groups & ~ignored) == 0 || (item_groups & ~ignored & ~item_ok[i]) == 0;
}

bool GroupBits::passes(GroupMask ignored) const {
  if ((required & ~item_groups & ~ignored & ~letter_ok) != 0) return false;
  if ((item_groups & ~ignored) == 0) return true;
  for (std::size_t i = 0; i < item_ok.size(); ++i)
    if (item_passes(i, ignored)) return true;
  return false;
}

}  // namespace imr::searcher
