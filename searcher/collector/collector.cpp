// collect(): the two passes of a search.
#include "imr/collector/collector.h"

#include <atomic>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <optional>
#include <string>

#include "date_sorted_page.h"
#include "imr/collector/column_facet_counter.h"
#include "imr/collector/match_scan.h"
#include "imr/schema/field.h"

namespace imr::searcher {
namespace {

// Pass 2 keeps only letters whose items satisfy the item-level filters together.
class SameItemDecider : public Xapian::MatchDecider {
 public:
  SameItemDecider(const Filters& filters, const Deadline& deadline) : filters_(filters), ticker_(deadline) {}

  bool operator()(const Xapian::Document& doc) const override {
    ticker_.tick();
    return read_facet_table(doc, blob_, view_) && LetterMatch(filters_, view_).passes();
  }

 private:
  const Filters& filters_;
  mutable DeadlineTicker ticker_;
  mutable std::string blob_;
  mutable schema::FacetTableView view_;
};

// Above every "YYYY-MM-DD": an undated letter's key when oldest come first.
constexpr char kAfterEveryDate[] = "\xff";

// Undated letters (an empty value) go last in both orders: Xapian sorts an
// empty value first, so newest-first is that order reversed, and oldest-first
// gives it a key above every date.
// Newest-first sorts on the value itself, which Xapian reads from its value
// streams (a key maker costs a call and a string per match: 5x the time).
void set_order(Xapian::Enquire& enquire, SortOrder sort) {
  if (sort == SortOrder::relevance) return;
  if (sort == SortOrder::date_desc) return enquire.set_sort_by_value_then_relevance(schema::slot::decision_date, true);
  auto* by_date = new Xapian::MultiValueKeyMaker;
  by_date->add_value(schema::slot::decision_date, false, kAfterEveryDate);
  enquire.set_sort_by_key_then_relevance(by_date->release(), false);
}

// The letters ranked [first, first + count) in the sort order.
Xapian::MSet ranked(const Xapian::Database& db, const Xapian::Query& query, const Filters& filters, SortOrder sort,
                    Xapian::doccount first, Xapian::doccount count, const Deadline& deadline) {
  SameItemDecider decider(filters, deadline);
  Xapian::Enquire enquire(db);
  enquire.set_query(filtered(query, filters));
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  set_order(enquire, sort);
  return enquire.get_mset(first, count, 0, nullptr, filters.needs_same_item() ? &decider : nullptr);
}

Xapian::doccount first_of(const PageRequest& page) { return (page.page - 1) * page.per_page; }

std::vector<Hit> page_of(const Xapian::Database& db, const Xapian::Query& query, const Filters& filters,
                         const PageRequest& page, const Deadline& deadline) {
  SameItemDecider decider(filters, deadline);
  if (page.sort != SortOrder::relevance)
    if (auto hits =
            date_sorted_page(db, filtered(query, filters), page, filters.needs_same_item() ? &decider : nullptr))
      return std::move(*hits);
  const Xapian::MSet mset = ranked(db, query, filters, page.sort, first_of(page), page.per_page, deadline);
  std::vector<Hit> hits;
  for (auto it = mset.begin(); it != mset.end(); ++it) hits.push_back({*it, it.get_weight(), it.get_document()});
  return hits;
}

// Past the end there is nothing to show; also keeps first * per_page from overflowing.
bool past_the_end(const PageRequest& page, Xapian::doccount total) {
  return page.per_page == 0 || (page.page > 1 && (page.page - 1) > total / page.per_page);
}

// The matcher's scans (phrases, wildcards, value ranges) come in this many
// parts, so that the thread that ranks the page counts the parts left when
// it is done, instead of waiting idle for the other one.
constexpr std::size_t kCountingParts = 8;
// A count reading fewer postings than the letters over this costs less than
// handing it to the other thread: a thread started per search, and on a busy
// machine woken up to a scheduler tick late (4 ms at 250 Hz), more than a rare
// word's whole search (340 of 100,000 letters: 1.3 ms). Relative to the index,
// so the tests' small indexes still count on both threads.
constexpr Xapian::doccount kLettersPerPostingWorthAThread = 64;

// The counting pass, shared by the threads that join it: the docid space in
// parts, each part taken by the next free thread, each thread counting into
// a counter of its own; the counters are merged at the end. A broad query's
// letters come from the revision's match cache when it has them (counted
// from the bits), else are scanned and, when `record` names the query's
// key, kept there for the next count of the same words.
class SharedCount {
 public:
  SharedCount(const Filters& filters, const FacetColumns& columns, const Deadline& deadline, std::size_t parts,
              std::shared_ptr<const DocidBits> cached = nullptr, std::optional<std::string> record = std::nullopt)
      : filters_(filters),
        columns_(columns),
        deadline_(deadline),
        parts_(parts),
        cached_(std::move(cached)),
        record_(std::move(record)) {}

  // Every letter, unfiltered (the landing view): the columns know its counts.
  bool needs_no_scan(const Xapian::Query& query) const {
    return filters_.empty() && query.get_type() == Xapian::Query::LEAF_MATCH_ALL;
  }

  void join(const Xapian::Database& on, const Xapian::Query& query) {
    {
      const std::lock_guard lock(mutex_);
      ++counting_;  // before taking a part: the sum waits for every part taken
    }
    Counter* counter = nullptr;
    const auto visit = [&](Xapian::docid docid) {
      counter->counter.add(docid);
      if (record_) counter->seen[docid / 64] |= std::uint64_t{1} << (docid % 64);
    };
    for (std::size_t part = next_part_++; part < parts_; part = next_part_++) {
      if (counter == nullptr) counter = &new_counter();
      if (needs_no_scan(query)) {
        deadline_.check();
        counter->counter.add_every_letter();
      } else if (cached_) {
        count_cached(counter->counter, range_of(part));
      } else {
        scan_docids(on, query, visit, deadline_, range_of(part));
      }
    }
    finish();
  }

  // Once every thread has joined and left.
  SearchResult result() { return std::move(result_); }

 private:
  struct Counter {
    ColumnFacetCounter counter;
    DocidBits seen;  // the letters this thread's parts matched, when recording
  };

  Counter& new_counter() {
    const std::lock_guard lock(mutex_);
    return counters_.emplace_back(
        Counter{ColumnFacetCounter(filters_, columns_), DocidBits(record_ ? columns_.docid_end() / 64 + 1 : 0, 0)});
  }

  void count_cached(ColumnFacetCounter& counter, DocidRange range) const {
    DeadlineTicker ticker(deadline_);
    const DocidBits& bits = *cached_;
    const Xapian::docid end = range.end == 0 ? columns_.docid_end() : range.end;
    for (Xapian::docid d = range.first; d < end && d / 64 < bits.size(); ++d) {
      if (d % 64 == 0 && bits[d / 64] == 0) {
        d += 63;  // a word without matches
        continue;
      }
      if ((bits[d / 64] >> (d % 64)) & 1) {
        ticker.tick();
        counter.add(d);
      }
    }
  }

  // The last thread to stop counting sums up, on its own core: the facets of
  // a broad query (every letter's counts less those missed) are work too.
  void finish() {
    const std::lock_guard lock(mutex_);
    if (--counting_ > 0 || summed_) return;
    ColumnFacetCounter& first = counters_.front().counter;
    for (std::size_t i = 1; i < counters_.size(); ++i) first.merge(counters_[i].counter);
    result_ = SearchResult{first.total(), {}, first.facets()};
    summed_ = true;
    if (record_ && !cached_) keep_matches();
  }

  void keep_matches() {
    auto all = std::make_shared<DocidBits>(std::move(counters_.front().seen));
    for (std::size_t i = 1; i < counters_.size(); ++i)
      for (std::size_t w = 0; w < all->size(); ++w) (*all)[w] |= counters_[i].seen[w];
    columns_.matches().put(*record_, std::move(all));
  }

  DocidRange range_of(std::size_t part) const {
    if (parts_ == 1) return {};
    const std::size_t end = columns_.docid_end();
    const auto at = [&](std::size_t p) { return static_cast<Xapian::docid>(1 + (end - 1) * p / parts_); };
    return {at(part), part + 1 == parts_ ? 0 : at(part + 1)};
  }

  const Filters& filters_;
  const FacetColumns& columns_;
  const Deadline& deadline_;
  const std::size_t parts_;
  const std::shared_ptr<const DocidBits> cached_;
  const std::optional<std::string> record_;
  std::atomic<std::size_t> next_part_ = 0;
  std::mutex mutex_;
  std::deque<Counter> counters_;  // one per thread that took a part; a deque keeps each in place
  std::size_t counting_ = 0;      // threads joined and not yet finished
  bool summed_ = false;
  SearchResult result_;
};

// Parts pay only for a broad count: a narrower one is counted whole (eight
// walks cost more than they save on a few thousand letters).
bool worth_parts(const Xapian::Database& db, const Xapian::Query& query) {
  return scans_in_parts(db, query) && counts_broadly(db, query);
}

// The other thread counts while this one ranks, or shares the parts of a count alone.
bool worth_a_thread(const Xapian::Database& db, const Xapian::Query& counted, const PageRequest& page,
                    std::size_t parts) {
  if (parts > 1) return true;
  return page.per_page > 0 && postings_read(db, counted) >= db.get_doccount() / kLettersPerPostingWorthAThread;
}

// Nothing for a query Xapian cannot serialise (a posting source of our own): it is counted on one core.
std::optional<std::string> serialised_query(const Xapian::Query& query) {
  try {
    return query.serialise();
  } catch (const Xapian::Error&) {
    return std::nullopt;
  }
}

}  // namespace

std::optional<SortOrder> sort_order(std::string_view name) {
  if (name == "relevance") return SortOrder::relevance;
  if (name == "date_desc") return SortOrder::date_desc;
  if (name == "date_asc") return SortOrder::date_asc;
  return std::nullopt;
}

Xapian::Query filtered(const Xapian::Query& query, const Filters& filters) {
  if (filters.empty()) return query;
  return Xapian::Query(Xapian::Query::OP_FILTER, query, filters.query());
}

SearchResult collect(const Xapian::Database& db, const Xapian::Query& query, const Filters& filters,
                     const PageRequest& page, const Deadline& deadline, const FacetColumns* columns,
                     const Xapian::Database* twin, const PageReady& on_page) {
  std::shared_ptr<const FacetColumns> built;
  if (columns == nullptr) columns = (built = FacetColumns::build(db)).get();
  // Letters that fail two filter groups count nowhere: they are not walked.
  const Xapian::Query counted_letters =
      filters.groups().size() < 2 ? query : Xapian::Query(Xapian::Query::OP_FILTER, query, filters.counting_query());
  const auto ranked_page = [&] {
    std::vector<Hit> hits = page_of(db, query, filters, page, deadline);
    if (on_page) on_page(hits);
    return hits;
  };
  const std::size_t parts = worth_parts(db, counted_letters) ? kCountingParts : 1;
  // A broad query's letters, kept from an earlier count of the same words
  // (any filters: the counter applies them), or kept by this count when it
  // scans them all (fewer than two filter groups: no letter is left out).
  // Only the matcher's (phrases, wildcards, ranges): a set expression's walk
  // costs about what reading its bits back does.
  const std::optional<std::string> key =
      parts > 1 && !is_set_expression(query) && columns->matches().keeps_any() ? serialised_query(query) : std::nullopt;
  std::shared_ptr<const DocidBits> cached = key ? columns->matches().find(*key) : nullptr;
  const bool record = key && !cached && filters.groups().size() < 2;
  SharedCount count(filters, *columns, deadline, parts, cached, record ? key : std::nullopt);
  const bool two_cores =
      twin != nullptr && !count.needs_no_scan(counted_letters) && worth_a_thread(db, counted_letters, page, parts);
  // Xapian's reference counts are not atomic: the other thread gets a query
  // of its own, rebuilt from the serialised form, never a copy of this one.
  const std::optional<std::string> serialised = two_cores ? serialised_query(counted_letters) : std::nullopt;
  if (serialised) {
    std::future<void> counted = std::async(std::launch::async, [&count, twin, &serialised] {
      count.join(*twin, Xapian::Query::unserialise(*serialised));
    });
    std::vector<Hit> hits = page.per_page > 0 ? ranked_page() : std::vector<Hit>{};
    count.join(db, counted_letters);  // the parts the other core has not taken yet
    counted.get();
    SearchResult result = count.result();
    if (!past_the_end(page, result.total)) result.hits = std::move(hits);
    return result;
  }
  count.join(db, counted_letters);
  SearchResult result = count.result();
  if (!past_the_end(page, result.total)) result.hits = ranked_page();
  return result;
}

}  // namespace imr::searcher
