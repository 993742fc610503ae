// DocidStream: the docids of random set expressions over posting lists equal
// Xapian's own matcher's, and anything that is not a set expression is refused.
#include <doctest/doctest.h>

#include <algorithm>

#include <random>
#include <string>
#include <vector>

#include "imr/collector/docid_stream.h"

namespace {

using imr::searcher::docid_stream;
using imr::searcher::DocidRange;
using Q = Xapian::Query;

// Documents 1..n; document d holds term "tK" for each K dividing d (K = 2..9),
// so the lists overlap in every pattern; some documents are deleted.
Xapian::WritableDatabase numbers_index(Xapian::docid n) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (Xapian::docid d = 1; d <= n; ++d) {
    Xapian::Document doc;
    for (unsigned k = 2; k <= 9; ++k)
      if (d % k == 0) doc.add_term("t" + std::to_string(k));
    doc.add_term("all");
    db.add_document(doc);
  }
  for (Xapian::docid d = 7; d <= n; d += 31) db.delete_document(d);
  return db;
}

std::vector<Xapian::docid> by_matcher(const Xapian::Database& db, const Q& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  std::vector<Xapian::docid> out;
  const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
  for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back(*it);
  return out;
}

std::vector<Xapian::docid> by_stream(const Xapian::Database& db, const Q& query) {
  auto stream = docid_stream(db, query);
  REQUIRE(stream != nullptr);
  std::vector<Xapian::docid> out;
  for (Xapian::docid d = stream->next(); d != 0; d = stream->next()) out.push_back(d);
  return out;
}

Q random_query(std::mt19937& rng, int depth) {
  std::uniform_int_distribution<int> pick(0, depth <= 0 ? 2 : 8);
  const int choice = pick(rng);
  if (choice == 0) return Q("t" + std::to_string(2 + rng() % 8));
  if (choice == 1) return Q("missing");
  if (choice == 2) return Q::MatchAll;
  const Q a = random_query(rng, depth - 1), b = random_query(rng, depth - 1);
  switch (choice) {
    case 3:
      return Q(Q::OP_AND, a, b);
    case 4:
      return Q(Q::OP_OR, a, b);
    case 5:
      return Q(Q::OP_AND_NOT, a, b);
    case 6:
      return Q(Q::OP_FILTER, a, b);
    case 7:
      return Q(Q::OP_SCALE_WEIGHT, Q(Q::OP_SYNONYM, a, b), 0.0);
    default: {
      const std::vector<Q> three{a, b, random_query(rng, depth - 1)};
      return Q(Q::OP_AND, three.begin(), three.end());
    }
  }
}

}  // namespace

TEST_CASE("docid stream equals the matcher on random set expressions") {
  const Xapian::WritableDatabase db = numbers_index(600);
  std::mt19937 rng(20261201);
  int nonempty = 0;
  for (int i = 0; i < 400; ++i) {
    const Q query = random_query(rng, 3);
    const std::vector<Xapian::docid> want = by_matcher(db, query);
    if (!want.empty()) ++nonempty;
    CHECK_MESSAGE(by_stream(db, query) == want, query.get_description());
  }
  CHECK(nonempty > 100);  // the expressions are not all empty
}

TEST_CASE("docid stream marks a broad union of terms and skips in it as the matcher lists") {
  const Xapian::WritableDatabase db = numbers_index(1000);
  const Q scaled(Q::OP_SCALE_WEIGHT, Q("t3"), 2.0);
  const std::vector<Q> unions{Q(Q::OP_OR, Q("t2"), Q("t9")),  // 1 in 2: marked
                              Q(Q::OP_OR, scaled, Q(Q::OP_SYNONYM, Q("t5"), Q("t3"))),
                              Q(Q::OP_OR, Q("t9"), Q("missing"))};  // 1 in 9: merged
  for (const Q& query : unions) {
    CAPTURE(query.get_description());
    const std::vector<Xapian::docid> want = by_matcher(db, query);
    CHECK(by_stream(db, query) == want);
    for (const Xapian::docid target : {1U, 63U, 64U, 65U, 127U, 128U, 500U, 999U, 1000U, 1001U}) {
      CAPTURE(target);
      const auto first = std::ranges::lower_bound(want, target);
      CHECK(docid_stream(db, query)->skip_to(target) == (first == want.end() ? 0 : *first));
    }
  }
}

// Counting in parts walks each part's stream: the parts, joined in order,
// must list exactly the whole stream's docids, marked unions included.
TEST_CASE("docid streams of the parts of the docid space list the whole stream") {
  const Xapian::WritableDatabase db = numbers_index(1000);
  std::mt19937 rng(20261202);
  std::vector<Q> queries{Q(Q::OP_OR, Q("t2"), Q("t9")), Q::MatchAll, Q(Q::OP_OR, Q("t9"), Q("missing"))};
  for (int i = 0; i < 150; ++i) queries.push_back(random_query(rng, 3));
  int split = 0;
  for (const Q& query : queries) {
    CAPTURE(query.get_description());
    const std::vector<Xapian::docid> want = by_stream(db, query);
    const Xapian::docid cut1 = 1 + rng() % 1000, cut2 = cut1 + rng() % 300;
    std::vector<Xapian::docid> joined;
    for (const DocidRange part : {DocidRange{1, cut1}, DocidRange{cut1, cut2}, DocidRange{cut2, 0}}) {
      auto stream = docid_stream(db, query, part);
      REQUIRE(stream != nullptr);
      for (Xapian::docid d = stream->next(); d != 0; d = stream->next()) {
        CHECK(part.holds(d));
        joined.push_back(d);
      }
    }
    CHECK(joined == want);
    if (!want.empty() && want.front() < cut1 && want.back() >= cut2) ++split;
  }
  CHECK(split > 30);  // many walks were really cut in three
}

TEST_CASE("docid stream walks every document for match all and none for an unknown term") {
  const Xapian::WritableDatabase db = numbers_index(100);
  CHECK(by_stream(db, Q::MatchAll).size() == db.get_doccount());
  CHECK(by_stream(db, Q("nowhere")).empty());
  CHECK(by_stream(db, Q()).empty());
}

TEST_CASE("docid stream refuses what is not a set expression") {
  const Xapian::WritableDatabase db = numbers_index(50);
  CHECK(docid_stream(db, Q(Q::OP_PHRASE, Q("t2"), Q("t3"))) == nullptr);
  CHECK(docid_stream(db, Q(Q::OP_VALUE_RANGE, 0, "a", "b")) == nullptr);
  CHECK(docid_stream(db, Q(Q::OP_AND, Q("t2"), Q(Q::OP_WILDCARD, "t"))) == nullptr);
}
