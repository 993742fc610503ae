// Counting on a second handle in another thread (SearchContext::counting_twin):
// the same answers as counting on one, and no twin unless both handles see
// the same revision.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "imr/api/search_context.h"
#include "imr/collector/collector.h"
#include "imr/collector/facet_counter.h"
#include "imr/collector/match_scan.h"
#include "imr/collector/outcome_stats.h"
#include "imr/schema/field.h"
#include "on_disk_letters.h"

namespace {

using namespace imr;

void check_same(const searcher::SearchResult& a, const searcher::SearchResult& b) {
  CHECK(a.total == b.total);
  REQUIRE(a.hits.size() == b.hits.size());
  for (std::size_t i = 0; i < a.hits.size(); ++i) CHECK(a.hits[i].docid == b.hits[i].docid);
  REQUIRE(a.facets.size() == b.facets.size());
  for (std::size_t f = 0; f < a.facets.size(); ++f) {
    REQUIRE(a.facets[f].counts.size() == b.facets[f].counts.size());
    for (std::size_t v = 0; v < a.facets[f].counts.size(); ++v) {
      CHECK(a.facets[f].counts[v].value == b.facets[f].counts[v].value);
      CHECK(a.facets[f].counts[v].count == b.facets[f].counts[v].count);
    }
  }
}

}  // namespace

TEST_CASE("counting on a twin handle gives the answers of counting on one") {
  test::OnDiskIndex index;
  for (std::size_t i = 0; i < 12; ++i) index.add(i);
  const Xapian::Database db = index.reader(), twin = index.reader();
  const searcher::PageRequest first{searcher::SortOrder::relevance, 1, 5};
  const searcher::PageRequest past{searcher::SortOrder::relevance, 9, 5};
  for (const char* spec : {"", "drug:gabapentin", "decision:upheld"}) {
    CAPTURE(spec);
    const std::vector<std::string> specs =
        std::string(spec).empty() ? std::vector<std::string>{} : std::vector{std::string(spec)};
    const searcher::Filters filters = searcher::Filters::parse(specs);
    for (const Xapian::Query& query :
         {Xapian::Query::MatchAll,
          Xapian::Query(Xapian::Query::OP_PHRASE, Xapian::Query("not"), Xapian::Query("medically"))}) {
      const auto one = searcher::collect(db, query, filters, first);
      check_same(searcher::collect(db, query, filters, first, {}, nullptr, &twin), one);
      CHECK(searcher::collect(db, query, filters, past, {}, nullptr, &twin).hits.empty());
    }
  }
}

TEST_CASE("counting in parts on one or both handles gives the answers of one whole scan") {
  test::OnDiskIndex index;
  for (std::size_t i = 0; i < 40; ++i) index.add(i);
  const Xapian::Database db = index.reader(), twin = index.reader();
  using Q = Xapian::Query;
  const std::vector<Q> queries{Q(Q::OP_PHRASE, Q("alpha"), Q("letter")),
                               Q(Q::OP_VALUE_RANGE, schema::slot::decision_date, "2013-01-01", "2014-06-30"),
                               Q(Q::OP_OR, Q(Q::OP_PHRASE, Q("beta"), Q("letter")), Q("gabapentin")),
                               Q::MatchAll,
                               Q(Q::OP_OR, Q("pain"), Q("gabapentin")),
                               Q(Q::OP_AND, Q("the"), Q("request"))};
  for (const Q& query : queries) {
    CAPTURE(query.get_description());
    REQUIRE(searcher::scans_in_parts(db, query));
    REQUIRE(searcher::counts_broadly(db, query));  // so collect() counts it in parts
  }
  int counted = 0;
  for (const std::vector<std::string>& specs :
       std::vector<std::vector<std::string>>{{},
                                             {"decision:upheld"},
                                             {"drug:gabapentin", "decision:overturned"},
                                             {"license_state:ca", "drug:gabapentin"}}) {
    const searcher::Filters filters = searcher::Filters::parse(specs);
    for (const Q& query : queries) {
      CAPTURE(query.get_description());
      CAPTURE(specs.size());
      searcher::FacetCounter whole(filters);
      searcher::scan_matches(db, query, [&](const schema::FacetTableView& table) { whole.add(table); });
      const searcher::SearchResult want{whole.total(), {}, whole.facets()};
      counted += static_cast<int>(want.total);
      for (const Xapian::doccount per_page : {0U, 5U}) {
        const searcher::PageRequest page{searcher::SortOrder::relevance, 1, per_page};
        auto one = searcher::collect(db, query, filters, page);
        auto two = searcher::collect(db, query, filters, page, {}, nullptr, &twin);
        one.hits.clear();
        two.hits.clear();
        check_same(one, want);
        check_same(two, want);
      }
    }
  }
  CHECK(counted > 40);  // the queries match letters
}

TEST_CASE("a search context has a counting twin only on its own revision") {
  test::OnDiskIndex index;
  index.add(0);
  searcher::SearchContext ctx(index.reader(), schema::Vocabulary::builtin(), index.dir / "index");
  searcher::SearchContext late(index.reader(), schema::Vocabulary::builtin(), index.dir / "index");
  const Xapian::Database* twin = ctx.counting_twin();
  REQUIRE(twin != nullptr);
  CHECK(twin->get_revision() == ctx.db().get_revision());
  index.add(1);
  CHECK(ctx.counting_twin() == twin);  // stays on the context's revision
  CHECK(twin->get_doccount() == 1);
  CHECK(late.counting_twin() == nullptr);  // would open the newer revision only
  ctx.db().reopen();
  REQUIRE(ctx.counting_twin() != nullptr);
  CHECK(ctx.counting_twin()->get_doccount() == 2);
  searcher::SearchContext in_memory(Xapian::Database(), schema::Vocabulary::builtin());
  CHECK(in_memory.counting_twin() == nullptr);
}

// Stats over most letters are scanned in two docid halves, one per handle:
// every row, pair and missing count must be those of one scan.
TEST_CASE("stats in halves on both handles equal the stats of one scan") {
  test::OnDiskIndex index;
  for (std::size_t i = 0; i < 40; ++i) index.add(i);
  const Xapian::Database db = index.reader(), twin = index.reader();
  using Q = Xapian::Query;
  using schema::FieldId;
  const auto rows_of = [](const searcher::StatsTable& t) {
    std::vector<std::string> out;
    for (const searcher::StatsRow& r : t.rows)
      out.push_back(r.value + "|" + r.then + "|" + std::to_string(r.items) + "|" + std::to_string(r.upheld) + "|" +
                    std::to_string(r.overturned));
    out.push_back("missing|" + std::to_string(t.missing.items) + "|" + std::to_string(t.missing.overturned));
    return out;
  };
  std::size_t items = 0;
  for (const Q& query : {Q::MatchAll, Q(Q::OP_PHRASE, Q("the"), Q("request"))})
    for (const std::vector<std::string>& specs : std::vector<std::vector<std::string>>{{}, {"decision:upheld"}})
      for (const searcher::StatsGrouping grouping :
           {searcher::StatsGrouping{FieldId::drug, std::nullopt},
            searcher::StatsGrouping{FieldId::decision_year, std::nullopt},
            searcher::StatsGrouping{FieldId::category, FieldId::decision_year}}) {
        CAPTURE(query.get_description());
        CAPTURE(specs.size());
        const searcher::Filters filters = searcher::Filters::parse(specs);
        const auto one = searcher::outcome_stats(db, query, filters, grouping);
        const auto two = searcher::outcome_stats(db, query, filters, grouping, {}, nullptr, &twin);
        CHECK(rows_of(two) == rows_of(one));
        for (const searcher::StatsRow& r : one.rows) items += r.items;
      }
  CHECK(items > 100);
}

// A broad matcher query's letters are kept in the revision's match cache by
// a count that scans them all, and later counts of the same words (with any
// filters) walk the kept bits: every answer must stay that of a whole scan.
TEST_CASE("counts from the match cache give the answers of a whole scan") {
  test::OnDiskIndex index;
  for (std::size_t i = 0; i < 40; ++i) index.add(i);
  const Xapian::Database db = index.reader(), twin = index.reader();
  using Q = Xapian::Query;
  const std::vector<std::vector<std::string>> filter_sets{
      {}, {"decision:upheld"}, {"drug:gabapentin", "decision:overturned"}, {"license_state:ca", "drug:gabapentin"}};
  for (const Q& query : {Q(Q::OP_PHRASE, Q("the"), Q("request")),
                         Q(Q::OP_OR, Q(Q::OP_PHRASE, Q("alpha"), Q("letter")), Q("gabapentin"))}) {
    CAPTURE(query.get_description());
    const auto columns = searcher::FacetColumns::build(db);
    // Two filter groups leave letters unscanned: nothing is kept.
    searcher::collect(db, query, searcher::Filters::parse(filter_sets[2]), {}, {}, columns.get(), &twin);
    CHECK(columns->matches().size() == 0);
    for (const auto* handle : {&twin, static_cast<const Xapian::Database*>(nullptr)}) {
      for (const std::vector<std::string>& specs : filter_sets) {
        CAPTURE(specs.size());
        const searcher::Filters filters = searcher::Filters::parse(specs);
        searcher::FacetCounter whole(filters);
        searcher::scan_matches(db, query, [&](const schema::FacetTableView& table) { whole.add(table); });
        auto got = searcher::collect(db, query, filters, {}, {}, columns.get(), handle);
        got.hits.clear();
        if (specs.empty()) CHECK(got.total >= 20);  // the words are in half the letters or more
        check_same(got, searcher::SearchResult{whole.total(), {}, whole.facets()});
      }
      CHECK(columns->matches().size() == 1);  // kept by the first, unfiltered count
    }
    // The kept bits are exactly the query's letters, whichever thread scanned which part.
    const auto kept = columns->matches().find(query.serialise());
    REQUIRE(kept != nullptr);
    searcher::DocidBits want(kept->size(), 0);
    searcher::scan_docids(db, query, [&](Xapian::docid d) { want[d / 64] |= std::uint64_t{1} << (d % 64); });
    CHECK(*kept == want);
    // A revision told to keep none (imr-search --match-cache 0) keeps none.
    const auto keeping_none = searcher::FacetColumns::build(db, 0);
    searcher::collect(db, query, {}, {}, {}, keeping_none.get(), &twin);
    CHECK(keeping_none->matches().size() == 0);
  }
}

TEST_CASE("the postings a count reads: its words' postings, every letter for match-all or a date range") {
  test::OnDiskIndex index;
  for (std::size_t i = 0; i < 40; ++i) index.add(i);
  const Xapian::Database db = index.reader();
  using Q = Xapian::Query;
  const Xapian::doccount gabapentin = db.get_termfreq("gabapentin"), alpha = db.get_termfreq("alpha");
  REQUIRE(gabapentin > 0);
  REQUIRE(alpha > 0);
  REQUIRE(gabapentin + alpha < db.get_doccount());
  CHECK(searcher::postings_read(db, Q("gabapentin")) == gabapentin);
  CHECK(searcher::postings_read(db, Q(Q::OP_AND, Q("gabapentin"), Q("alpha"))) == gabapentin + alpha);
  CHECK(searcher::postings_read(db, Q(Q::OP_OR, Q("gabapentin"), Q("nosuchword"))) == gabapentin);
  CHECK(searcher::postings_read(db, Q::MatchAll) == db.get_doccount());
  CHECK(searcher::postings_read(db, Q(Q::OP_FILTER, Q("gabapentin"),
                                      Q(Q::OP_VALUE_RANGE, schema::slot::decision_date, "2013-01-01", "2014-06-30"))) ==
        db.get_doccount());
  // Words in every letter read no more than every letter.
  CHECK(searcher::postings_read(db, Q(Q::OP_AND, Q("the"), Q("request"))) == db.get_doccount());
}
