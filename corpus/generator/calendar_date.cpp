// Date arithmetic through std::chrono; printing in the letters' forms.
#include "calendar_date.h"

#include <array>
#include <cstdio>

namespace imr::generator {
namespace {

constexpr std::array<const char*, 12> kMonths{"January", "February", "March",     "April",   "May",      "June",
                                              "July",    "August",   "September", "October", "November", "December"};

// Every numeric form prints month, day and year in that order.
std::string format(const char* pattern, unsigned month, unsigned day, int year) {
  char buf[32];
  std::snprintf(buf, sizeof buf, pattern, month, day, year);
  return buf;
}

}  // namespace

Date date_of(int year, unsigned month, unsigned day) {
  return Date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
}

Date add_days(Date d, int days) { return Date{std::chrono::sys_days{d} + std::chrono::days{days}}; }

int year_of(Date d) { return static_cast<int>(d.year()); }

Date day_in_year(Random& random, int year) {
  const auto first = std::chrono::sys_days{date_of(year, 1, 1)};
  const auto next = std::chrono::sys_days{date_of(year + 1, 1, 1)};
  return Date{first + std::chrono::days{random.below(static_cast<std::size_t>((next - first).count()))}};
}

std::string iso(Date d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year_of(d), static_cast<unsigned>(d.month()),
                static_cast<unsigned>(d.day()));
  return buf;
}

std::string printed(Date d, DateStyle style) {
  const unsigned m = static_cast<unsigned>(d.month()), day = static_cast<unsigned>(d.day());
  const int y = year_of(d);
  switch (style) {
    case DateStyle::padded_long:
      return format("%02u/%02u/%04d", m, day, y);
    case DateStyle::padded_short:
      return format("%02u/%02u/%02d", m, day, y % 100);
    case DateStyle::bare_short:
      return format("%u/%u/%02d", m, day, y % 100);
    case DateStyle::dashed_short:
      return format("%02u-%02u-%02d", m, day, y % 100);
    case DateStyle::bare_long:
      return format("%u/%u/%04d", m, day, y);
    case DateStyle::month_name:
      return kMonths[m - 1] + (" " + std::to_string(day)) + ", " + std::to_string(y);
  }
  return format("%02u/%02u/%04d", m, day, y);
}

std::string header_date(Date d) { return printed(d, DateStyle::padded_long); }

DateStyle prose_style(Random& random, int decision_year) {
  const double dashed = decision_year >= 2016 ? 0.15 : 0.0;
  constexpr std::array kStyles{DateStyle::padded_long, DateStyle::padded_short, DateStyle::bare_short,
                               DateStyle::bare_long,   DateStyle::month_name,   DateStyle::dashed_short};
  return kStyles[random.weighted({0.45, 0.2, 0.12, 0.05, 0.08, dashed})];
}

}  // namespace imr::generator
