// The facet table: a compact copy of a letter's facet values, row 0 for the
// letter and one row per item, kept in a value slot. It lets the searcher
// check that item-level filters hold for the same item, and count
// multi-valued item-level facets exactly, without loading documents.
// The boolean terms of a letter are derived from the same table.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "imr/schema/field.h"
#include "imr/schema/record.h"

namespace imr::schema {

struct FacetValue {
  FieldId field;
  std::string value;  // display form ("CA", "Internal Medicine", "upheld")
};

struct FacetTable {
  std::vector<FacetValue> letter;
  std::vector<std::vector<FacetValue>> items;
};

FacetTable facet_table_of(const Record& record);
std::string encode_facet_table(const FacetTable& table);

struct FacetValueView {
  FieldId field;
  std::string_view value;
};

// Reads an encoded table without copying it; the blob must outlive the view.
// Reusable across documents so the hot loop allocates nothing.
class FacetTableView {
 public:
  // Throws std::runtime_error when the blob is not a facet table.
  void parse(std::string_view blob);

  std::span<const FacetValueView> letter() const;
  std::size_t item_count() const { return row_ends_.empty() ? 0 : row_ends_.size() - 1; }
  std::span<const FacetValueView> item(std::size_t i) const;

 private:
  std::vector<FacetValueView> values_;
  std::vector<std::size_t> row_ends_;  // end index in values_ of each row
};

}  // namespace imr::schema
