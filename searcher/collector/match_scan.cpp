// A MatchSpy over a full match (check_at_least = every document), which is
// how Xapian gives exact counts instead of estimates.
#include "imr/collector/match_scan.h"

#include <algorithm>
#include <stdexcept>

#include "imr/collector/docid_stream.h"
#include "imr/schema/field.h"

namespace imr::searcher {
namespace {

class ScanSpy : public Xapian::MatchSpy {
 public:
  ScanSpy(const std::function<void(const schema::FacetTableView&)>& visit, const Deadline& deadline)
      : visit_(visit), ticker_(deadline) {}

  void operator()(const Xapian::Document& doc, double) override {
    ticker_.tick();
    if (read_facet_table(doc, blob_, view_)) visit_(view_);
  }

 private:
  const std::function<void(const schema::FacetTableView&)>& visit_;
  DeadlineTicker ticker_;
  std::string blob_;
  schema::FacetTableView view_;
};

// Xapian's Document here is lazy: asking for its docid reads nothing.
class DocidSpy : public Xapian::MatchSpy {
 public:
  DocidSpy(const std::function<void(Xapian::docid)>& visit, const Deadline& deadline)
      : visit_(visit), ticker_(deadline) {}

  void operator()(const Xapian::Document& doc, double) override {
    ticker_.tick();
    visit_(doc.get_docid());
  }

 private:
  const std::function<void(Xapian::docid)>& visit_;
  DeadlineTicker ticker_;
};

// The docids of a range, for the matcher to AND with a query: it skips
// straight to the range's first docid and stops after its last.
class RangeSource : public Xapian::PostingSource {
 public:
  explicit RangeSource(DocidRange range) : range_(range) {}

  void init(const Xapian::Database& db) override {
    const Xapian::docid last = db.get_lastdocid();
    last_ = range_.end == 0 ? last : std::min(last, range_.end - 1);
    at_ = 0;
  }
  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return size(); }
  Xapian::doccount get_termfreq_max() const override { return size(); }
  void next(double) override { at_ = at_ == 0 ? range_.first : at_ + 1; }
  void skip_to(Xapian::docid target, double) override { at_ = std::max({target, range_.first, at_}); }
  bool at_end() const override { return at_ > last_; }
  Xapian::docid get_docid() const override { return at_; }
  PostingSource* clone() const override { return new RangeSource(range_); }

 private:
  Xapian::doccount size() const { return last_ >= range_.first ? last_ - range_.first + 1 : 0; }

  DocidRange range_;
  Xapian::docid last_ = 0;
  Xapian::docid at_ = 0;
};

Xapian::Query within(const Xapian::Query& query, DocidRange range) {
  if (range.whole()) return query;
  return Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query((new RangeSource(range))->release()));
}

void run_scan(const Xapian::Database& db, const Xapian::Query& query, Xapian::MatchSpy& spy) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());  // counting needs no scores
  enquire.add_matchspy(&spy);
  enquire.get_mset(0, 0, db.get_doccount());
}

// Several databases searched as one (a sharded index's stub) have no revision.
bool combines_databases(const Xapian::Database& db) {
  try {
    db.get_revision();
    return false;
  } catch (const Xapian::InvalidOperationError&) {
    return true;
  } catch (const Xapian::UnimplementedError&) {
    return false;  // in memory: one database
  }
}

// Xapian 1.4 hands a match spy of a combined database each shard's own
// Document, whose get_docid() is the shard's docid, not the combined one; the
// MSet's docids are the combined ones, so those are read instead (the spy
// only keeps the deadline).
void scan_combined(const Xapian::Database& db, const Xapian::Query& query,
                   const std::function<void(Xapian::docid)>& visit, const Deadline& deadline) {
  const std::function<void(Xapian::docid)> nothing = [](Xapian::docid) {};
  DocidSpy spy(nothing, deadline);
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  enquire.add_matchspy(&spy);
  const Xapian::MSet all = enquire.get_mset(0, db.get_doccount());
  for (auto it = all.begin(); it != all.end(); ++it) visit(*it);
}

}  // namespace

bool read_facet_table(const Xapian::Document& doc, std::string& blob, schema::FacetTableView& view) {
  blob = doc.get_value(schema::slot::facet_table);
  try {
    view.parse(blob);
    return true;
  } catch (const std::runtime_error&) {
    return false;
  }
}

void scan_matches(const Xapian::Database& db, const Xapian::Query& query,
                  const std::function<void(const schema::FacetTableView&)>& visit, const Deadline& deadline) {
  ScanSpy spy(visit, deadline);
  run_scan(db, query, spy);
}

void scan_docids(const Xapian::Database& db, const Xapian::Query& query,
                 const std::function<void(Xapian::docid)>& visit, const Deadline& deadline, DocidRange range) {
  if (!range.whole() && !scans_in_parts(db, query))
    throw std::logic_error("scan_docids: this query is scanned whole, never in parts");
  if (const std::unique_ptr<DocidStream> stream = docid_stream(db, query, range)) {
    DeadlineTicker ticker(deadline);
    for (Xapian::docid d = stream->next(); d != 0; d = stream->next()) {
      ticker.tick();
      visit(d);
    }
    return;
  }
  if (combines_databases(db)) return scan_combined(db, query, visit, deadline);
  DocidSpy spy(visit, deadline);
  run_scan(db, within(query, range), spy);
}

namespace {

// A value range reads a value of every letter; match-all lists them.
bool names_every_letter(const Xapian::Query& query) {
  switch (query.get_type()) {
    case Xapian::Query::LEAF_MATCH_ALL:
    case Xapian::Query::OP_VALUE_RANGE:
    case Xapian::Query::OP_VALUE_GE:
    case Xapian::Query::OP_VALUE_LE:
      return true;
    default:
      for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
        if (names_every_letter(query.get_subquery(i))) return true;
      return false;
  }
}

}  // namespace

Xapian::doccount postings_read(const Xapian::Database& db, const Xapian::Query& query) {
  const Xapian::doccount letters = db.get_doccount();
  if (names_every_letter(query)) return letters;
  Xapian::doccount postings = 0;
  for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end() && postings < letters; ++t)
    postings += db.get_termfreq(*t);
  return std::min(postings, letters);
}

bool counts_broadly(const Xapian::Database& db, const Xapian::Query& query) {
  return postings_read(db, query) >= db.get_doccount() / 8;
}

bool scans_in_parts(const Xapian::Database& db, const Xapian::Query& query) {
  return is_set_expression(query) || !combines_databases(db);
}

}  // namespace imr::searcher
