#include "imr/schema/facet_table.h"

#include <stdexcept>

namespace imr::schema {
namespace {

constexpr char kVersion = 1;
const std::size_t kFieldCount = fields().size();

void put_varint(std::string& out, std::size_t n) {
  while (n >= 0x80) {
    out.push_back(static_cast<char>((n & 0x7f) | 0x80));
    n >>= 7;
  }
  out.push_back(static_cast<char>(n));
}

std::size_t get_varint(std::string_view blob, std::size_t& pos) {
  std::size_t n = 0;
  for (int shift = 0; shift < 35; shift += 7) {
    if (pos >= blob.size()) throw std::runtime_error("facet table truncated");
    const auto byte = static_cast<unsigned char>(blob[pos++]);
    n |= static_cast<std::size_t>(byte & 0x7f) << shift;
    if (!(byte & 0x80)) return n;
  }
  throw std::runtime_error("facet table has a malformed number");
}

void put_row(std::string& out, const std::vector<FacetValue>& row) {
  put_varint(out, row.size());
  for (const FacetValue& v : row) {
    out.push_back(static_cast<char>(v.field));
    put_varint(out, v.value.size());
    out += v.value;
  }
}

void add(std::vector<FacetValue>& row, FieldId field, const std::optional<std::string>& value) {
  if (value && !value->empty()) row.push_back({field, *value});
}

void add_all(std::vector<FacetValue>& row, FieldId field, const std::vector<std::string>& values) {
  for (const std::string& v : values) add(row, field, v);
}

}  // namespace

FacetTable facet_table_of(const Record& r) {
  FacetTable t;
  add(t.letter, FieldId::case_number, r.case_number);
  add(t.letter, FieldId::outcome, r.outcome);
  add_all(t.letter, FieldId::specialty, r.reviewer.certifications);
  if (r.reviewer.certifications.empty()) add(t.letter, FieldId::specialty, r.reviewer.specialty);
  add_all(t.letter, FieldId::license_state, r.reviewer.license_states);
  if (r.dates.decision && r.dates.decision->size() >= 4)
    add(t.letter, FieldId::decision_year, r.dates.decision->substr(0, 4));
  add(t.letter, FieldId::priority, r.priority);
  add(t.letter, FieldId::sex, r.patient.sex);
  add_all(t.letter, FieldId::check, r.checks);
  for (const Item& item : r.items) {
    std::vector<FacetValue>& row = t.items.emplace_back();
    add(row, FieldId::decision, item.decision);
    add_all(row, FieldId::drug, item.drugs);
    add(row, FieldId::drug_class, item.drug_class);
    add(row, FieldId::category, item.category);
    add_all(row, FieldId::guideline, item.guidelines);
    add_all(row, FieldId::claims_guideline, item.claims_guidelines);
  }
  return t;
}

std::string encode_facet_table(const FacetTable& table) {
  std::string out(1, kVersion);
  put_varint(out, table.items.size() + 1);
  put_row(out, table.letter);
  for (const auto& row : table.items) put_row(out, row);
  return out;
}

void FacetTableView::parse(std::string_view blob) {
  values_.clear();
  row_ends_.clear();
  if (blob.empty() || blob[0] != kVersion) throw std::runtime_error("not a facet table (wrong version byte)");
  std::size_t pos = 1;
  const std::size_t rows = get_varint(blob, pos);
  if (rows == 0 || rows > blob.size()) throw std::runtime_error("facet table has a bad row count");
  for (std::size_t r = 0; r < rows; ++r) {
    const std::size_t n = get_varint(blob, pos);
    for (std::size_t i = 0; i < n; ++i) {
      if (pos >= blob.size()) throw std::runtime_error("facet table truncated");
      const auto field = static_cast<unsigned char>(blob[pos++]);
      if (field >= kFieldCount) throw std::runtime_error("facet table names an unknown field");
      const std::size_t len = get_varint(blob, pos);
      if (len > blob.size() - pos) throw std::runtime_error("facet table truncated");
      values_.push_back({static_cast<FieldId>(field), blob.substr(pos, len)});
      pos += len;
    }
    row_ends_.push_back(values_.size());
  }
}

std::span<const FacetValueView> FacetTableView::letter() const {
  return std::span(values_).first(row_ends_.empty() ? 0 : row_ends_[0]);
}

std::span<const FacetValueView> FacetTableView::item(std::size_t i) const {
  const std::size_t begin = row_ends_.at(i);
  return std::span(values_).subspan(begin, row_ends_.at(i + 1) - begin);
}

}  // namespace imr::schema
