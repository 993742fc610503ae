// Recognises the date forms letters print and validates them as calendar dates.
#include "dates.h"

#include <array>
#include <charconv>
#include <cstdio>

#include "text_util.h"

namespace imr::indexer::parsing {
namespace {

// Groups: 1-3 numeric m/d/y; 4 month name, 5 day ("3" or "3rd"), 6 year;
// 7 day, 8 month name, 9 year ("3 March 2016", "3rd of March, 2016",
// "30-Apr-2012"); 10, 12, 13 y-m-d, 11 its separator ("2018-01-19" or
// "2018/01/19", as software exports print it); 14-16 m.d.y ("03.02.2015").
const Pattern& date_pattern() {
  static const Pattern re(
      R"(\b(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})(?![\d/-]))"
      R"(|\b(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b)"
      R"(|\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+(?:of\s+)?|-)(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?(?:,?\s+|-)(\d{4})\b)"
      R"(|\b(\d{4})([-/])(\d{1,2})\g{11}(\d{1,2})(?![\d/-]))"
      R"(|\b(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.]\d))",
      Pattern::icase);
  return re;
}

int to_int(std::string_view digits) {
  int v = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), v);
  return v;
}

int month_number(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kMonths{"jan", "feb", "mar", "apr", "may", "jun",
                                                            "jul", "aug", "sep", "oct", "nov", "dec"};
  const std::string key = lower(name.substr(0, 3));
  for (std::size_t i = 0; i < kMonths.size(); ++i)
    if (key == kMonths[i]) return static_cast<int>(i) + 1;
  return 0;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in(int year, int month) {
  static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && leap(year) ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

DateMention mention_of(const Match& m, std::string_view text) {
  const std::size_t offset = offset_in(m, text);
  const std::string_view printed = text.substr(offset, static_cast<std::size_t>(m.length(0)));
  if (m[1].matched) {
    const std::string_view year = group(m, 3);
    return {iso_date(to_int(year), to_int(group(m, 1)), to_int(group(m, 2)), year.size() == 2), printed, offset};
  }
  if (m[4].matched)
    return {iso_date(to_int(group(m, 6)), month_number(group(m, 4)), to_int(group(m, 5)), false), printed, offset};
  if (m[10].matched)
    return {iso_date(to_int(group(m, 10)), to_int(group(m, 12)), to_int(group(m, 13)), false), printed, offset};
  if (m[14].matched)
    return {iso_date(to_int(group(m, 16)), to_int(group(m, 14)), to_int(group(m, 15)), false), printed, offset};
  return {iso_date(to_int(group(m, 9)), month_number(group(m, 8)), to_int(group(m, 7)), false), printed, offset};
}

}  // namespace

std::optional<std::string> iso_date(int year, int month, int day, bool two_digit_year) {
  if (two_digit_year) year += year <= 29 ? 2000 : 1900;
  if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1 || day > days_in(year, month))
    return std::nullopt;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return std::string(buf);
}

std::vector<DateMention> dates_in(std::string_view text) {
  std::vector<DateMention> out;
  for (const Match& m : search_all(text, date_pattern())) out.push_back(mention_of(m, text));
  return out;
}

std::optional<DateMention> leading_date(std::string_view text) {
  // "Monday, March 2, 2015": the weekday says nothing the date does not.
  static const Pattern weekday(R"((?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)", Pattern::icase);
  std::string_view t = trim(text);
  if (const auto w = weekday.prefix_of(t)) t.remove_prefix(static_cast<std::size_t>(w->length(0)));
  const auto m = search(t, date_pattern());
  if (!m || offset_in(*m, t) != 0) return std::nullopt;
  DateMention d = mention_of(*m, t);
  d.offset += static_cast<std::size_t>(t.data() - text.data());
  return d;
}

}  // namespace imr::indexer::parsing
