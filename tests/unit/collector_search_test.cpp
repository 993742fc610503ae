// The collector: exact totals, multi-select facet counts, the same-item rule,
// sorting and paging, checked against answers computed from the records.
#include <doctest/doctest.h>

#include <array>
#include <string>
#include <vector>

#include "collector_letters.h"
#include "imr/collector/collector.h"
#include "imr/schema/stored_letter.h"

namespace {

using namespace imr;
using imr::test::FilterList;

constexpr std::size_t kLetters = 37;

std::vector<std::string> specs_of(const FilterList& filters) {
  std::vector<std::string> out;
  for (const auto& [f, v] : filters) out.push_back(f + ":" + v);
  return out;
}

searcher::SearchResult run(const test::LetterIndex& index, const Xapian::Query& query, const FilterList& filters,
                           searcher::PageRequest page = {}) {
  const auto specs = specs_of(filters);
  return searcher::collect(index.db, query, searcher::Filters::parse(specs), page);
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += p + " ";
  return out;
}

std::string describe(const std::map<std::string, unsigned>& counts) {
  std::string out;
  for (const auto& [v, n] : counts) out += v + "=" + std::to_string(n) + " ";
  return out;
}

std::map<std::string, unsigned> counts_of(const searcher::SearchResult& result, const std::string& facet) {
  std::map<std::string, unsigned> out;
  for (const auto& f : result.facets)
    if (schema::field(f.field).name == facet)
      for (const auto& c : f.counts) out[c.value] = c.count;
  return out;
}

void check_search(const test::LetterIndex& index, const Xapian::Query& query, bool (*in_query)(std::size_t),
                  const FilterList& filters) {
  const std::string specs = joined(specs_of(filters));
  CAPTURE(specs);
  std::vector<const schema::Record*> matching;
  for (std::size_t i = 0; i < index.records.size(); ++i)
    if (in_query(i)) matching.push_back(&index.records[i]);
  const auto expected_total = std::ranges::count_if(matching, [&](auto* r) { return test::letter_ok(*r, filters); });

  const auto result = run(index, query, filters, {searcher::SortOrder::relevance, 1, 100});
  CHECK(result.total == static_cast<Xapian::doccount>(expected_total));
  CHECK(result.hits.size() == static_cast<std::size_t>(expected_total));
  for (const auto& hit : result.hits) CHECK(test::letter_ok(index.records[hit.docid - 1], filters));
  for (const char* facet : {"decision", "outcome", "drug", "drug_class", "category", "guideline", "specialty",
                            "license_state", "decision_year"}) {
    const std::string name = facet;
    CAPTURE(name);
    CHECK(describe(counts_of(result, facet)) == describe(test::expected_facet(matching, filters, facet)));
  }
}

bool every(std::size_t) { return true; }
bool even(std::size_t i) { return i % 2 == 0; }

const std::vector<FilterList> kFilterSets{
    {},
    {{"drug", "carisoprodol"}},
    {{"drug", "carisoprodol"}, {"decision", "overturned"}},
    {{"drug", "gabapentin"}, {"drug", "omeprazole"}},
    {{"license_state", "ca"}, {"decision", "upheld"}},
    {{"category", "medication"}, {"drug_class", "opioid"}, {"decision", "overturned"}},
    {{"specialty", "internal medicine"}},
    {{"outcome", "partially_overturned"}, {"guideline", "odg"}, {"category", "imaging"}},
    {{"decision_year", "2014"}, {"decision_year", "2015"}, {"drug", "hydrocodone"}, {"decision", "overturned"}},
    {{"license_state", "TX"}, {"drug_class", "gastro"}},
    {{"drug", "no-such-drug"}},
};

}  // namespace

TEST_CASE("collector: totals and facets are exact for every filter combination") {
  const auto index = test::make_index(kLetters);
  for (const FilterList& filters : kFilterSets) {
    check_search(index, Xapian::Query::MatchAll, every, filters);
    check_search(index, Xapian::Query("alpha"), even, filters);
  }
}

TEST_CASE("collector: item-level filters hold for the same item") {
  test::LetterIndex index;
  schema::Record r = test::make_record(0);
  r.items = {{.treatment = "Soma", .drugs = {"carisoprodol"}, .category = "medication", .decision = "upheld"},
             {.treatment = "PT", .category = "physical_therapy", .decision = "overturned"}};
  r.outcome = schema::outcome_of(r.items);
  test::add_letter(index, r, "Soma and PT.");
  const FilterList pair{{"drug", "carisoprodol"}, {"decision", "overturned"}};
  const auto result = run(index, Xapian::Query::MatchAll, pair);
  CHECK(result.total == 0);
  CHECK(result.hits.empty());
  // Each filter alone keeps the letter; the decision facet then shows only the carisoprodol item's value.
  CHECK(run(index, Xapian::Query::MatchAll, {{"drug", "carisoprodol"}}).total == 1);
  CHECK(counts_of(result, "decision") == std::map<std::string, unsigned>{{"upheld", 1}});
  CHECK(counts_of(result, "drug").empty());
}

TEST_CASE("collector: query aliases name the same filter fields") {
  const auto index = test::make_index(kLetters);
  const auto by_alias = run(index, Xapian::Query::MatchAll, {{"state", "tx"}, {"class", "GASTRO"}});
  const auto by_name = run(index, Xapian::Query::MatchAll, {{"license_state", "TX"}, {"drug_class", "gastro"}});
  CHECK(by_alias.total > 0);
  CHECK(by_alias.total == by_name.total);
  CHECK(counts_of(by_alias, "drug") == counts_of(by_name, "drug"));
}

TEST_CASE("collector: a facet's counts ignore its own filter") {
  const auto index = test::make_index(kLetters);
  const auto all = run(index, Xapian::Query::MatchAll, {});
  const auto selected = run(index, Xapian::Query::MatchAll, {{"specialty", "anesthesiology"}});
  CHECK(selected.total < all.total);
  CHECK(counts_of(selected, "specialty") == counts_of(all, "specialty"));
  CHECK(counts_of(selected, "outcome") != counts_of(all, "outcome"));
}

TEST_CASE("collector: paging walks every hit once and ends with an empty page") {
  const auto index = test::make_index(kLetters);
  const FilterList filters{{"decision", "upheld"}};
  const auto total = run(index, Xapian::Query::MatchAll, filters).total;
  REQUIRE(total > 10);
  std::set<Xapian::docid> seen;
  for (Xapian::doccount page = 1;; ++page) {
    const auto result = run(index, Xapian::Query::MatchAll, filters, {searcher::SortOrder::date_desc, page, 4});
    CHECK(result.total == total);
    if (result.hits.empty()) {
      CHECK(page == (total + 3) / 4 + 1);
      break;
    }
    CHECK(result.hits.size() <= 4);
    for (const auto& hit : result.hits) CHECK(seen.insert(hit.docid).second);
  }
  CHECK(seen.size() == total);
  CHECK(run(index, Xapian::Query::MatchAll, filters, {searcher::SortOrder::relevance, 4000000000u, 100}).hits.empty());
}

TEST_CASE("collector: date sorts order by decision date, ties stable by docid") {
  const auto index = test::make_index(kLetters);
  for (const auto order : {searcher::SortOrder::date_desc, searcher::SortOrder::date_asc}) {
    const auto result = run(index, Xapian::Query::MatchAll, {}, {order, 1, 100});
    REQUIRE(result.hits.size() == kLetters);
    for (std::size_t i = 1; i < result.hits.size(); ++i) {
      const auto& a = *index.records[result.hits[i - 1].docid - 1].dates.decision;
      const auto& b = *index.records[result.hits[i].docid - 1].dates.decision;
      CHECK((order == searcher::SortOrder::date_desc ? a >= b : a <= b));
      if (a == b) CHECK(result.hits[i - 1].docid < result.hits[i].docid);
    }
  }
  CHECK(searcher::sort_order("date_asc") == searcher::SortOrder::date_asc);
  CHECK_FALSE(searcher::sort_order("newest"));
}

namespace {

// Every third letter undated: the first of them among the earliest docids,
// so a sort that puts empty values first would show it on top.
test::LetterIndex index_with_undated_letters() {
  test::LetterIndex index;
  for (std::size_t i = 0; i < 12; ++i) {
    schema::Record r = test::make_record(i);
    if (i % 3 == 1) r.dates.decision.reset();
    test::add_letter(index, r, test::text_of(r, i));
  }
  index.db.commit();
  return index;
}

}  // namespace

TEST_CASE("collector: letters without a decision date sort last in both date orders") {
  const auto index = index_with_undated_letters();
  for (const auto order : {searcher::SortOrder::date_desc, searcher::SortOrder::date_asc}) {
    const auto hits = run(index, Xapian::Query::MatchAll, {}, {order, 1, 100}).hits;
    REQUIRE(hits.size() == index.records.size());
    const auto date_of = [&](std::size_t i) { return index.records[hits[i].docid - 1].dates.decision; };
    CHECK(date_of(0).has_value());
    CHECK_FALSE(date_of(hits.size() - 1).has_value());
    for (std::size_t i = 1; i < hits.size(); ++i) {
      const auto a = date_of(i - 1);
      const auto b = date_of(i);
      CHECK((a.has_value() || !b.has_value()));
      if (a && b) CHECK((order == searcher::SortOrder::date_desc ? *a >= *b : *a <= *b));
      if (!a && !b) CHECK(hits[i - 1].docid < hits[i].docid);
    }
  }
}

namespace {

// Letters sharing few decision dates, across month and year ends, with
// "pain" written 1 to 5 times: pages cut through runs of equal dates, which
// relevance then orders. Every seventh letter is undated.
test::LetterIndex index_with_shared_dates() {
  const std::array<std::string, 6> dates{"2014-01-31", "2014-02-01", "2014-02-28",
                                         "2014-03-01", "2015-12-31", "2016-01-01"};
  test::LetterIndex index;
  for (std::size_t i = 0; i < 84; ++i) {
    schema::Record r = test::make_record(i);
    r.dates.decision = dates[(i * 5) % dates.size()];
    if (i % 7 == 3) r.dates.decision.reset();
    std::string text = test::text_of(r, i);
    for (std::size_t n = 0; n <= (i * 3) % 5; ++n) text += "The pain persists.\n\n";
    test::add_letter(index, r, text);
  }
  index.db.commit();
  return index;
}

std::vector<Xapian::docid> docids_of(const std::vector<searcher::Hit>& hits) {
  std::vector<Xapian::docid> out;
  for (const auto& h : hits) out.push_back(h.docid);
  return out;
}

}  // namespace

TEST_CASE("collector: every page by date equals the same slice of the full order by date then relevance") {
  const auto index = index_with_shared_dates();
  const std::vector<FilterList> filter_sets{
      {}, {{"decision", "upheld"}}, {{"drug", "carisoprodol"}, {"decision", "upheld"}}};
  for (const auto order : {searcher::SortOrder::date_desc, searcher::SortOrder::date_asc})
    for (const Xapian::Query& query : {Xapian::Query("pain"), Xapian::Query::MatchAll})
      for (const FilterList& filters : filter_sets) {
        CAPTURE(order == searcher::SortOrder::date_desc);
        CAPTURE(query.get_description());
        CAPTURE(joined(specs_of(filters)));
        // One page holding every letter reaches the undated ones, which Xapian's own full sort serves.
        const auto all = run(index, query, filters, {order, 1, 100});
        REQUIRE(all.hits.size() == all.total);
        REQUIRE(all.total > 10);
        REQUIRE_FALSE(index.records[all.hits.back().docid - 1].dates.decision.has_value());
        const std::vector<Xapian::docid> expected = docids_of(all.hits);
        for (const Xapian::doccount per_page : {1U, 3U, 7U}) {
          CAPTURE(per_page);
          for (Xapian::doccount page = 1; (page - 1) * per_page < all.total; ++page) {
            CAPTURE(page);
            const auto got = run(index, query, filters, {order, page, per_page});
            const auto from = expected.begin() + static_cast<std::ptrdiff_t>((page - 1) * per_page);
            const auto to = expected.begin() + static_cast<std::ptrdiff_t>(std::min(all.total, page * per_page));
            CHECK(docids_of(got.hits) == std::vector<Xapian::docid>(from, to));
            for (std::size_t h = 0; h < got.hits.size(); ++h)
              CHECK(got.hits[h].weight == doctest::Approx(all.hits[(page - 1) * per_page + h].weight));
          }
        }
      }
}

TEST_CASE("collector: facet lists are sorted by count, then value") {
  const auto index = test::make_index(kLetters);
  for (const auto& facet : run(index, Xapian::Query::MatchAll, {}).facets)
    for (std::size_t i = 1; i < facet.counts.size(); ++i) {
      const auto& a = facet.counts[i - 1];
      const auto& b = facet.counts[i];
      CHECK((a.count > b.count || (a.count == b.count && a.value < b.value)));
    }
}

TEST_CASE("filters: bad specs are refused with a reason") {
  for (const std::string bad : {"drug", "colour:red", "drug:", ":x"}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(searcher::Filters::parse(std::vector{bad}), searcher::FilterError);
  }
  CHECK_THROWS_WITH(searcher::Filters::parse(std::vector<std::string>{"colour:red"}),
                    doctest::Contains("unknown filter field 'colour'"));
  const auto f = searcher::Filters::parse(std::vector<std::string>{"Class:Opioid", "drug:a", "drug:b", "state:CA"});
  REQUIRE(f.groups().size() == 3);
  CHECK(f.groups()[0].field == schema::FieldId::drug_class);
  CHECK(f.groups()[0].values == std::vector<std::string>{"opioid"});
  CHECK(f.groups()[1].values == std::vector<std::string>{"a", "b"});
  CHECK(f.needs_same_item());
}
