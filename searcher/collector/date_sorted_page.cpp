// date_sorted_page(): the full order (date, then relevance) among the
// letters of the newest (oldest) months, as many months as the page needs.
#include "date_sorted_page.h"

#include <charconv>

#include "imr/schema/field.h"

namespace imr::searcher {
namespace {

constexpr unsigned kDateSlot = schema::slot::decision_date;

// Months counted from year 0: "2014-07-29" -> 2014 * 12 + 6; nothing for anything else.
std::optional<int> month_number(std::string_view date) {
  int year = 0;
  int month = 0;
  if (date.size() < 7 || date[4] != '-') return std::nullopt;
  if (std::from_chars(date.data(), date.data() + 4, year).ec != std::errc()) return std::nullopt;
  if (std::from_chars(date.data() + 5, date.data() + 7, month).ec != std::errc()) return std::nullopt;
  if (month < 1 || month > 12) return std::nullopt;
  return year * 12 + month - 1;
}

std::string month_text(int number) {
  const int month = number % 12 + 1;
  return std::to_string(number / 12) + (month < 10 ? "-0" : "-") + std::to_string(month);
}

// Letters decided in the months [first, last], by their month terms.
Xapian::Query decided_in(int first, int last) {
  std::vector<Xapian::Query> months;
  for (int m = first; m <= last; ++m)
    months.emplace_back(schema::boolean_term(schema::FieldId::decision_month, month_text(m)));
  return Xapian::Query(Xapian::Query::OP_OR, months.begin(), months.end());
}

std::vector<Hit> hits_of(const Xapian::MSet& mset) {
  std::vector<Hit> hits;
  for (auto it = mset.begin(); it != mset.end(); ++it) hits.push_back({*it, it.get_weight(), it.get_document()});
  return hits;
}

}  // namespace

std::optional<std::vector<Hit>> date_sorted_page(const Xapian::Database& db, const Xapian::Query& filtered_query,
                                                 const PageRequest& page, Xapian::MatchDecider* accept) {
  const std::optional<int> newest = month_number(db.get_value_upper_bound(kDateSlot));
  const std::optional<int> oldest = month_number(db.get_value_lower_bound(kDateSlot));
  if (!newest || !oldest || page.per_page == 0) return std::nullopt;
  const bool newest_first = page.sort == SortOrder::date_desc;
  const Xapian::doccount first = (page.page - 1) * page.per_page;
  // Every letter before the page's last is in the newest (oldest) months that
  // hold a full page: within them the order is the whole index's. Each try
  // doubles the months, so a rare query needs a few tries, a broad one one.
  for (int months = 1;; months *= 2) {
    const int from = newest_first ? std::max(*oldest, *newest - months + 1) : *oldest;
    const int to = newest_first ? *newest : std::min(*newest, *oldest + months - 1);
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, filtered_query, decided_in(from, to)));
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    enquire.set_sort_by_value_then_relevance(kDateSlot, newest_first);
    const Xapian::MSet mset = enquire.get_mset(first, page.per_page, 0, nullptr, accept);
    if (mset.size() == page.per_page) return hits_of(mset);
    if (to - from + 1 < months) return std::nullopt;  // every month tried
  }
}

}  // namespace imr::searcher
