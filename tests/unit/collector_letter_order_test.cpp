// letters_by_date: the matching letters newest decision first, ties by key,
// against the order computed from the records; a limit gives a prefix of it.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "collector_letters.h"
#include "imr/collector/letter_order.h"

namespace {

using namespace imr;

// Docids (records[docid - 1]) of the letters passing filters, in the expected order.
std::vector<Xapian::docid> expected_order(const test::LetterIndex& index, const test::FilterList& filters,
                                          bool dated_only) {
  std::vector<Xapian::docid> out;
  for (std::size_t i = 0; i < index.records.size(); ++i) {
    const schema::Record& r = index.records[i];
    if (!test::letter_ok(r, filters) ||
        !std::ranges::any_of(r.items, [&](const schema::Item& item) { return test::item_ok(item, filters); }))
      continue;
    if (dated_only && !r.dates.decision) continue;
    out.push_back(static_cast<Xapian::docid>(i + 1));
  }
  const auto date = [&](Xapian::docid d) { return index.records[d - 1].dates.decision.value_or(""); };
  const auto key = [&](Xapian::docid d) { return test::lower(*index.records[d - 1].case_number); };
  std::ranges::sort(
      out, [&](Xapian::docid a, Xapian::docid b) { return date(a) != date(b) ? date(a) > date(b) : key(a) < key(b); });
  return out;
}

}  // namespace

TEST_CASE("letter order: newest first then key and a limit gives the same prefix") {
  test::LetterIndex index;
  for (std::size_t i = 0; i < 60; ++i) {
    schema::Record r = test::make_record(i);
    if (i % 7 == 0) r.dates.decision.reset();  // undated letters go last
    test::add_letter(index, r, test::text_of(r, i));
  }
  index.db.commit();
  const auto columns = searcher::FacetColumns::build(index.db);
  for (const test::FilterList& filters :
       {test::FilterList{}, test::FilterList{{"decision", "overturned"}}, test::FilterList{{"license_state", "CA"}}}) {
    std::vector<std::string> specs;
    for (const auto& [f, v] : filters) specs.push_back(f + ":" + v);
    const searcher::Filters parsed = searcher::Filters::parse(specs);
    for (const bool dated_only : {false, true}) {
      CAPTURE(dated_only);
      const std::vector<Xapian::docid> want = expected_order(index, filters, dated_only);
      REQUIRE(want.size() > 10);
      const auto all =
          searcher::letters_by_date(index.db, Xapian::Query::MatchAll, parsed, *columns, {.dated_only = dated_only});
      CHECK(all == want);
      for (std::size_t limit = 1; limit <= want.size() + 1; ++limit) {
        CAPTURE(limit);
        const auto first = searcher::letters_by_date(index.db, Xapian::Query::MatchAll, parsed, *columns,
                                                     {.dated_only = dated_only, .limit = limit});
        CHECK(first == std::vector(want.begin(), want.begin() + std::min(limit, want.size())));
      }
    }
  }
}
