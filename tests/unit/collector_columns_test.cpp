// Facet columns: the ordinals of each letter's facet table, one dictionary
// per field, letters without a readable table, new index revisions picked
// up, and counts identical to FacetCounter's over many filter combinations.
#include <doctest/doctest.h>

#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "collector_letters.h"
#include "imr/api/router.h"
#include "imr/api/search_context.h"
#include "imr/collector/collector.h"
#include "imr/collector/column_facet_counter.h"
#include "imr/collector/match_scan.h"
#include "imr/schema/facet_table.h"
#include "on_disk_letters.h"

namespace {

using namespace imr;
using searcher::FacetColumns;
using searcher::Ordinal;

// A row of the columns in the display form, to compare with the facet table it came from
// (whose letter row starts with the case number, kept beside the ordinals).
std::vector<std::pair<schema::FieldId, std::string>> displayed(const FacetColumns& columns, Xapian::docid docid,
                                                               std::size_t r) {
  std::vector<std::pair<schema::FieldId, std::string>> out;
  if (r == 0 && !columns.case_number_of(docid).empty())
    out.emplace_back(schema::FieldId::case_number, columns.case_number_of(docid));
  for (const Ordinal o : columns.row(docid, r)) out.emplace_back(columns.field_of(o), columns.value_of(o));
  return out;
}

std::vector<std::pair<schema::FieldId, std::string>> displayed(const std::vector<schema::FacetValue>& row) {
  std::vector<std::pair<schema::FieldId, std::string>> out;
  for (const schema::FacetValue& v : row) out.emplace_back(v.field, v.value);
  return out;
}

struct Counted {
  Xapian::doccount total = 0;
  std::vector<searcher::Facet> facets;
};

Counted old_counts(const Xapian::Database& db, const Xapian::Query& query, const searcher::Filters& filters) {
  searcher::FacetCounter counter(filters);
  searcher::scan_matches(db, query, [&](const schema::FacetTableView& table) { counter.add(table); });
  return {counter.total(), counter.facets()};
}

Counted column_counts(const Xapian::Database& db, const FacetColumns& columns, const Xapian::Query& query,
                      const searcher::Filters& filters) {
  searcher::ColumnFacetCounter counter(filters, columns);
  searcher::scan_docids(db, query, [&](Xapian::docid docid) { counter.add(docid); });
  return {counter.total(), counter.facets()};
}

void check_same(const Counted& got, const Counted& want) {
  CHECK(got.total == want.total);
  REQUIRE(got.facets.size() == want.facets.size());
  for (std::size_t f = 0; f < want.facets.size(); ++f) {
    CAPTURE(schema::field(want.facets[f].field).name);
    CHECK(got.facets[f].field == want.facets[f].field);
    CHECK(got.facets[f].counts == want.facets[f].counts);
  }
}

}  // namespace

TEST_CASE("facet columns: every row of every letter and one ordinal per field and value") {
  const test::LetterIndex index = test::make_index(9);
  const auto columns = FacetColumns::build(index.db);
  for (Xapian::docid d = 1; d <= index.records.size(); ++d) {
    CAPTURE(d);
    const schema::FacetTable table = schema::facet_table_of(index.records[d - 1]);
    REQUIRE(columns->row_count(d) == 1 + table.items.size());
    CHECK(displayed(*columns, d, 0) == displayed(table.letter));
    for (std::size_t i = 0; i < table.items.size(); ++i)
      CHECK(displayed(*columns, d, i + 1) == displayed(table.items[i]));
  }
  CHECK_FALSE(columns->has_table(0));
  CHECK_FALSE(columns->has_table(static_cast<Xapian::docid>(index.records.size() + 1)));

  std::set<std::string> drugs;
  for (const Ordinal o : columns->ordinals_of(schema::FieldId::drug)) {
    CHECK(columns->field_of(o) == schema::FieldId::drug);
    CHECK(drugs.insert(std::string(columns->value_of(o))).second);  // each value once
  }
  CHECK(drugs == std::set<std::string>{"carisoprodol", "hydrocodone", "acetaminophen", "gabapentin", "omeprazole"});
  for (Ordinal o = 0; o < columns->value_count(); ++o) {  // facet values first, so counting skips the others
    CHECK((o < columns->facet_value_count()) == schema::field(columns->field_of(o)).facet);
    CHECK(columns->field_of(o) != schema::FieldId::case_number);  // not numbered: one per letter
  }
  CHECK(columns->facet_value_count() < columns->value_count());
  for (Xapian::docid d = 1; d <= index.records.size(); ++d) {  // each facet value of a letter, once
    CAPTURE(d);
    std::set<Ordinal> in_rows;
    for (std::size_t r = 0; r < columns->row_count(d); ++r)
      for (const Ordinal o : columns->row(d, r))
        if (o < columns->facet_value_count()) in_rows.insert(o);
    const auto distinct = columns->distinct_facet_values(d);
    CHECK(std::set<Ordinal>(distinct.begin(), distinct.end()) == in_rows);
    CHECK(distinct.size() == in_rows.size());
  }
  CHECK(columns->distinct_facet_values(0).empty());
  CHECK(columns->case_number_of(0).empty());
  CHECK(columns->case_number_of(static_cast<Xapian::docid>(index.records.size() + 1)).empty());

  const auto ca = columns->matching(schema::FieldId::license_state, "ca");  // filters compare ignoring case
  REQUIRE(ca.size() == 1);
  CHECK(columns->value_of(ca[0]) == "CA");
  CHECK(columns->matching(schema::FieldId::drug, "CA").empty());  // another field's value
  CHECK(columns->matching(schema::FieldId::drug, "aspirin").empty());
}

TEST_CASE("facet columns: letters without a readable facet table are neither counted nor rows") {
  test::LetterIndex index = test::make_index(3);
  Xapian::Document garbled;
  garbled.add_term("Qgarbled");
  garbled.add_value(schema::slot::facet_table, "not a table");
  index.db.replace_document(4, garbled);
  Xapian::Document bare;
  bare.add_term("Qbare");
  index.db.replace_document(5, bare);
  const auto built =
      indexer::DocumentBuilder().build(test::make_record(3), test::text_of(test::make_record(3), 3), "h");
  index.db.replace_document(9, built.document);  // sparse docids: 6 to 8 never used
  index.db.commit();

  const auto columns = FacetColumns::build(index.db);
  for (Xapian::docid d : {1U, 2U, 3U, 9U}) CHECK(columns->has_table(d));
  for (Xapian::docid d : {4U, 5U, 6U, 7U, 8U}) CHECK_FALSE(columns->has_table(d));

  const searcher::Filters none;
  const Counted got = column_counts(index.db, *columns, Xapian::Query::MatchAll, none);
  CHECK(got.total == 4);
  check_same(got, old_counts(index.db, Xapian::Query::MatchAll, none));
}

TEST_CASE("facet columns: counts equal FacetCounter's over many random filter combinations") {
  const test::LetterIndex index = test::make_index(37);
  const auto columns = FacetColumns::build(index.db);
  // Values of every kind: present, in another case, absent, and of fields that are not facets.
  const std::vector<std::string> pool{"drug:carisoprodol",
                                      "drug:Hydrocodone",
                                      "drug:gabapentin",
                                      "drug:aspirin",
                                      "decision:overturned",
                                      "decision:UPHELD",
                                      "drug_class:opioid",
                                      "drug_class:muscle_relaxant",
                                      "category:medication",
                                      "category:imaging",
                                      "guideline:odg",
                                      "guideline:mtus-acoem",
                                      "outcome:overturned",
                                      "outcome:upheld",
                                      "specialty:internal medicine",
                                      "specialty:Anesthesiology",
                                      "license_state:ca",
                                      "license_state:TX",
                                      "decision_year:2014",
                                      "decision_year:2015",
                                      "case_number:CM14-0010002",
                                      "claims_guideline:none"};
  const std::vector<Xapian::Query> queries{Xapian::Query::MatchAll,
                                           Xapian::Query(schema::boolean_term(schema::FieldId::drug, "gabapentin")),
                                           Xapian::Query(schema::boolean_term(schema::FieldId::license_state, "ca"))};
  std::mt19937 random(20261201);
  std::uniform_int_distribution<std::size_t> how_many(0, 4);
  std::uniform_int_distribution<std::size_t> which(0, pool.size() - 1);
  for (int round = 0; round < 400; ++round) {
    std::vector<std::string> specs;
    for (std::size_t n = how_many(random); n > 0; --n) specs.push_back(pool[which(random)]);
    const Xapian::Query& query = queries[static_cast<std::size_t>(round) % queries.size()];
    std::string described;
    for (const std::string& s : specs) described += s + " ";
    CAPTURE(described);
    CAPTURE(round);
    const searcher::Filters filters = searcher::Filters::parse(specs);
    check_same(column_counts(index.db, *columns, query, filters), old_counts(index.db, query, filters));
  }
}

TEST_CASE("facet columns: counters of disjoint parts merged count as one counter over all") {
  const test::LetterIndex index = test::make_index(150);  // docids past 64 and 128: more than one bit word
  const auto columns = FacetColumns::build(index.db);
  const std::vector<std::vector<std::string>> filter_sets{
      {}, {"decision:upheld"}, {"drug:gabapentin", "decision:overturned"}, {"license_state:ca", "drug:carisoprodol"}};
  const std::vector<Xapian::Query> queries{Xapian::Query::MatchAll,
                                           Xapian::Query(schema::boolean_term(schema::FieldId::drug, "gabapentin"))};
  for (const std::vector<std::string>& specs : filter_sets)
    for (const Xapian::Query& query : queries) {
      CAPTURE(specs.size());
      CAPTURE(query.get_description());
      const searcher::Filters filters = searcher::Filters::parse(specs);
      searcher::ColumnFacetCounter low(filters, *columns), high(filters, *columns), none(filters, *columns);
      searcher::scan_docids(index.db, query, [&](Xapian::docid d) { (d % 3 == 0 || d > 100 ? high : low).add(d); });
      low.merge(none);
      low.merge(high);
      check_same({low.total(), low.facets()}, column_counts(index.db, *columns, query, filters));
    }
}

TEST_CASE("facet columns: a new index revision is counted by the next search") {
  test::OnDiskIndex index;
  for (std::size_t i = 0; i < 6; ++i) index.add(i);
  auto shared = std::make_shared<searcher::FacetColumnsCache>();
  searcher::SearchContext first(index.reader(), schema::Vocabulary::builtin());
  searcher::SearchContext second(index.reader(), schema::Vocabulary::builtin());
  first.set_facet_columns_cache(shared);
  second.set_facet_columns_cache(shared);
  const auto before = first.facet_columns();
  CHECK(second.facet_columns() == before);  // one copy for every thread
  CHECK(first.facet_columns() == before);   // and built once per revision

  const auto search = [&](searcher::SearchContext& ctx) {
    searcher::Request r;
    r.params.emplace("q", "");
    return searcher::route(ctx, "/api/search", r);
  };
  const auto drug_count = [](const searcher::Response& response, const std::string& drug) {
    for (const auto& c : response.body["facets"]["drug"])
      if (c["value"] == drug) return c["count"].get<int>();
    return 0;
  };
  const searcher::Response old_answer = search(first);
  REQUIRE(old_answer.status == 200);
  CHECK(old_answer.body["total"] == 6);

  index.add(6);  // letter 6 has a gabapentin item
  const searcher::Response new_answer = search(second);
  CHECK(new_answer.body["total"] == 7);
  CHECK(drug_count(new_answer, "gabapentin") == drug_count(old_answer, "gabapentin") + 1);
  CHECK(search(first).body["total"] == 7);
  CHECK(first.facet_columns() != before);
  CHECK(first.facet_columns()->has_table(7));
}

// A large index's columns are read in two halves on two handles and joined:
// every row, value, case number and count must be those of one reading.
TEST_CASE("facet columns read in two halves equal the columns read whole") {
  test::OnDiskIndex index;
  for (std::size_t i = 0; i < 30; ++i) index.add(i);
  index.writer.delete_document(7);  // a gap in each half
  index.writer.delete_document(23);
  index.writer.commit();
  const Xapian::Database db = index.reader(), twin = index.reader();
  const auto whole = FacetColumns::build(db);
  const auto halves = FacetColumns::build(db, searcher::kKeptMatches, &twin, 2);
  REQUIRE(halves->docid_end() == whole->docid_end());
  CHECK(halves->value_count() == whole->value_count());
  CHECK(halves->facet_value_count() == whole->facet_value_count());
  CHECK(halves->letter_count() == whole->letter_count());
  for (Xapian::docid d = 0; d < whole->docid_end(); ++d) {
    CAPTURE(d);
    REQUIRE(halves->row_count(d) == whole->row_count(d));
    for (std::size_t r = 0; r < whole->row_count(d); ++r) CHECK(displayed(*halves, d, r) == displayed(*whole, d, r));
    CHECK(halves->case_number_of(d) == whole->case_number_of(d));
  }
  CHECK_FALSE(halves->has_table(7));
  CHECK(halves->has_table(22));
  const auto letters_with = [](const FacetColumns& c) {
    std::map<std::pair<schema::FieldId, std::string>, Xapian::doccount> out;
    for (Ordinal o = 0; o < c.facet_value_count(); ++o)
      out[{c.field_of(o), std::string(c.value_of(o))}] = c.letters_with()[o];
    return out;
  };
  CHECK(letters_with(*halves) == letters_with(*whole));
}

TEST_CASE("facet columns: another index at the same revision number gets its own columns") {
  test::OnDiskIndex first;
  test::OnDiskIndex rebuilt;  // as if the index had been made again from scratch
  for (std::size_t i = 0; i < 3; ++i) first.add(i);
  for (std::size_t i = 3; i < 6; ++i) rebuilt.add(i);
  const Xapian::Database a = first.reader();
  const Xapian::Database b = rebuilt.reader();
  REQUIRE(a.get_revision() == b.get_revision());
  searcher::FacetColumnsCache cache;
  const auto columns_a = cache.for_revision(a);
  const auto columns_b = cache.for_revision(b);
  CHECK(columns_b != columns_a);
  CHECK(displayed(*columns_b, 1, 0) == displayed(schema::facet_table_of(test::make_record(3)).letter));
  CHECK(cache.for_revision(b) == columns_b);
}
