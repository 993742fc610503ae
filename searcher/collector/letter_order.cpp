// letters_by_date(): one exact scan, the dates read in docid order from the
// value stream, then one sort.
#include "imr/collector/letter_order.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <string>
#include <string_view>

#include "imr/collector/collector.h"
#include "imr/collector/column_match.h"
#include "imr/collector/match_scan.h"
#include "imr/schema/letter_identity.h"

namespace imr::searcher {
namespace {

struct Entry {
  Xapian::docid docid;
  std::uint32_t day = 0;  // yyyymmdd; 0 for an undated letter, which sorts last
  std::string_view key;   // the case number as stored (keys are its lower case), or the key itself
};

// "2014-07-29" -> 20140729; 0 for anything that is not a date.
std::uint32_t day_of(std::string_view date) {
  std::uint32_t day = 0;
  int digits = 0;
  for (const char c : date.substr(0, 10)) {
    if (c == '-') continue;
    if (!std::isdigit(static_cast<unsigned char>(c))) return 0;
    day = day * 10 + static_cast<std::uint32_t>(c - '0');
    ++digits;
  }
  return digits == 8 ? day : 0;
}

// As the keys compare: they are the lower-cased case numbers.
bool key_less(std::string_view a, std::string_view b) {
  return std::ranges::lexicographical_compare(a, b, [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) < std::tolower(static_cast<unsigned char>(y));
  });
}

bool newest_first(const Entry& a, const Entry& b) {
  if (a.day != b.day) return a.day > b.day;
  if (a.key != b.key) return key_less(a.key, b.key);
  return a.docid < b.docid;
}

std::vector<Entry> passing_letters(const Xapian::Database& db, const Xapian::Query& query, const Filters& filters,
                                   const FacetColumns& columns, const Deadline& deadline) {
  ColumnMatch matcher(filters, columns);
  std::vector<Entry> out;
  scan_docids(
      db, filtered(query, filters),
      [&](Xapian::docid docid) {
        if (columns.has_table(docid) && matcher.match(docid).passes()) out.push_back({docid, 0, {}});
      },
      deadline);
  return out;
}

// Dates from the decision-date value stream, walked once in docid order.
void read_days(const Xapian::Database& db, std::vector<Entry>& entries) {
  std::ranges::sort(entries, {}, &Entry::docid);
  auto it = db.valuestream_begin(schema::slot::decision_date);
  for (Entry& e : entries) {
    if (it == db.valuestream_end(schema::slot::decision_date)) break;
    it.skip_to(e.docid);
    if (it != db.valuestream_end(schema::slot::decision_date) && it.get_docid() == e.docid) e.day = day_of(*it);
  }
}

// Keys from the case numbers in the columns; a letter without one has a text-hash key, read from its terms.
void read_keys(const Xapian::Database& db, const FacetColumns& columns, std::vector<Entry>& entries,
               std::deque<std::string>& hash_keys) {
  for (Entry& e : entries) {
    e.key = columns.case_number_of(e.docid);
    if (e.key.empty()) e.key = hash_keys.emplace_back(schema::key_of(db.get_document(e.docid)));
  }
}

}  // namespace

std::vector<Xapian::docid> letters_by_date(const Xapian::Database& db, const Xapian::Query& query,
                                           const Filters& filters, const FacetColumns& columns,
                                           const LetterOrderOptions& options, const Deadline& deadline) {
  std::vector<Entry> entries = passing_letters(db, query, filters, columns, deadline);
  read_days(db, entries);
  if (options.dated_only) std::erase_if(entries, [](const Entry& e) { return e.day == 0; });
  std::deque<std::string> hash_keys;
  read_keys(db, columns, entries, hash_keys);
  const auto end = entries.begin() + static_cast<std::ptrdiff_t>(std::min(options.limit, entries.size()));
  std::partial_sort(entries.begin(), end, entries.end(), newest_first);
  std::vector<Xapian::docid> out;
  out.reserve(static_cast<std::size_t>(end - entries.begin()));
  for (auto it = entries.begin(); it != end; ++it) out.push_back(it->docid);
  return out;
}

}  // namespace imr::searcher
