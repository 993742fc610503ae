#include "date_range.h"

#include <charconv>
#include <chrono>
#include <cstdio>

#include "imr/query/parsed_query.h"

namespace imr::searcher {
namespace {

namespace chr = std::chrono;

struct Period {
  chr::year_month_day first;
  chr::year_month_day last;
};

std::optional<unsigned> number(std::string_view s, std::size_t digits) {
  if (s.size() != digits) return std::nullopt;
  unsigned n = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return n;
}

std::optional<chr::year_month_day> make_day(std::optional<unsigned> y, std::optional<unsigned> m,
                                            std::optional<unsigned> d) {
  if (!y || !m || !d) return std::nullopt;
  const chr::year_month_day ymd{chr::year(static_cast<int>(*y)), chr::month(*m), chr::day(*d)};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

std::optional<Period> month(unsigned y, std::optional<unsigned> m) {
  if (!m || *m < 1 || *m > 12) return std::nullopt;
  const chr::year_month ym{chr::year(static_cast<int>(y)), chr::month(*m)};
  return Period{ym / chr::day(1), chr::year_month_day(ym / chr::last)};
}

// "2014", "2014-03", "2014-03-05" or "03/05/2014".
std::optional<Period> parse_period(std::string_view s) {
  if (s.size() == 10 && s[2] == '/' && s[5] == '/') {
    const auto day = make_day(number(s.substr(6), 4), number(s.substr(0, 2), 2), number(s.substr(3, 2), 2));
    if (day) return Period{*day, *day};
    return std::nullopt;
  }
  const auto year = number(s.substr(0, 4), 4);
  if (!year) return std::nullopt;
  if (s.size() == 4)
    return Period{chr::year(static_cast<int>(*year)) / 1 / 1, chr::year(static_cast<int>(*year)) / 12 / 31};
  if (s.size() == 7 && s[4] == '-') return month(*year, number(s.substr(5), 2));
  if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
    const auto day = make_day(year, number(s.substr(5, 2), 2), number(s.substr(8), 2));
    if (day) return Period{*day, *day};
  }
  return std::nullopt;
}

std::string iso(chr::year_month_day d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                static_cast<unsigned>(d.day()));
  return buf;
}

Period period_or_throw(std::string_view s) {
  if (auto p = parse_period(s)) return *p;
  throw QueryError("\"" + std::string(s) +
                   "\" is not a date; write yyyy, yyyy-mm, yyyy-mm-dd or mm/dd/yyyy (e.g. 2014-03-05)");
}

}  // namespace

DateRange parse_date_range(std::string_view value) {
  const std::size_t dots = value.find("..");
  if (dots == std::string_view::npos) {
    const Period p = period_or_throw(value);
    return {iso(p.first), iso(p.last)};
  }
  const std::string_view lo = value.substr(0, dots), hi = value.substr(dots + 2);
  if (lo.empty() && hi.empty()) throw QueryError("a date range needs at least one end, e.g. 2014..2015 or ..2015");
  DateRange range;
  if (!lo.empty()) range.from = iso(period_or_throw(lo).first);
  if (!hi.empty()) range.to = iso(period_or_throw(hi).last);
  if (range.from && range.to && *range.from > *range.to)
    throw QueryError("the range " + std::string(value) + " ends before it starts");
  return range;
}

}  // namespace imr::searcher
