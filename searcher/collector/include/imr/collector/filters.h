// The API's filter= parameters: parsed, grouped by field, and evaluated
// against a letter's facet table. One evaluation (LetterMatch) serves the
// facet counts, the stats and the page of hits, so they can never disagree.
#pragma once

#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

#include "imr/query/client_error.h"
#include "imr/schema/facet_table.h"
#include "imr/schema/field.h"

namespace imr::searcher {

// A filter= parameter the user must fix.
class FilterError : public ClientError {
 public:
  using ClientError::ClientError;
};

// The values given for one field: a letter (or item) passes when it has any of them.
struct FilterGroup {
  schema::FieldId field;
  schema::Level level;
  std::vector<std::string> values;  // lower case, as in schema::boolean_term
};

// A bit per group, so "every group but this one" is one mask.
using GroupMask = std::uint32_t;

class Filters {
 public:
  // From "field:value" strings; throws FilterError for a malformed one or an unknown field.
  static Filters parse(std::span<const std::string> specs);
  // From (field name, value) pairs, as the query parser reports its item fields.
  static Filters from_pairs(std::span<const std::pair<std::string, std::string>> pairs);

  bool empty() const { return groups_.empty(); }
  std::span<const FilterGroup> groups() const { return groups_; }
  // The group's bit for a field, or 0 when no filter names it.
  GroupMask mask_of(schema::FieldId field) const;
  GroupMask item_mask() const { return item_mask_; }
  // Two item-level fields or more: the same-item rule needs the facet table.
  bool needs_same_item() const;
  // AND over fields of OR over values of the boolean terms: every letter that
  // passes is in it (for item-level groups it is a superset).
  Xapian::Query query() const;
  // The letters a facet count can include: those that pass every group but
  // at most one (a field's own counts ignore its own filter). A superset, as query() is.
  Xapian::Query counting_query() const;
  // Only the groups of one level.
  Filters at_level(schema::Level level) const;
  // Adds the groups of another set (used to join filters and query item fields).
  void merge(const Filters& other);

 private:
  void add(schema::FieldId field, std::string value);
  // Per group, the OR of its values' boolean terms.
  std::vector<Xapian::Query> group_queries() const;

  std::vector<FilterGroup> groups_;
  GroupMask item_mask_ = 0;
};

// Which filter groups one letter satisfies, however they were found (from
// the facet table's strings or from ordinal columns): the one rule of
// passes() for every evaluator, so counts and hits cannot disagree.
struct GroupBits {
  GroupMask required = 0;              // every group's bit
  GroupMask letter_ok = 0;             // letter-level groups the letter satisfies
  GroupMask item_groups = 0;           // the item-level groups' bits
  std::span<const GroupMask> item_ok;  // per item: the item-level groups it satisfies

  bool passes(GroupMask ignored = 0) const;
  bool item_passes(std::size_t i, GroupMask ignored = 0) const;
};

// The filters evaluated on one letter. Construct once per letter; the view
// must outlive it.
class LetterMatch {
 public:
  LetterMatch(const Filters& filters, const schema::FacetTableView& table);

  // Passes every group whose bit is not in `ignored`; item-level groups must
  // all hold for one and the same item.
  bool passes(GroupMask ignored = 0) const { return bits().passes(ignored); }
  // Item i satisfies every item-level group not in `ignored`.
  bool item_passes(std::size_t i, GroupMask ignored = 0) const { return bits().item_passes(i, ignored); }

 private:
  GroupBits bits() const { return {required_, letter_ok_, item_groups_, item_ok_}; }

  GroupMask required_ = 0;   // every group's bit
  GroupMask letter_ok_ = 0;  // letter-level groups the letter satisfies
  std::vector<GroupMask> item_ok_;
  GroupMask item_groups_ = 0;
};

}  // namespace imr::searcher
