// Dates as letters print them ("01/31/01", "5/17/04", "10-13-16",
// "05/23/2004", "October 10, 2007", "Oct. 10, 2007") to ISO yyyy-mm-dd.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace imr::indexer::parsing {

struct DateMention {
  std::optional<std::string> iso;  // nullopt when the text looks like a date but cannot be one
  std::string_view text;           // the date as printed
  std::size_t offset;              // where it starts in the searched text
};

// Every date-shaped mention in text, in order.
std::vector<DateMention> dates_in(std::string_view text);

// The date that starts text (after spaces), if text starts with one.
std::optional<DateMention> leading_date(std::string_view text);

// y/m/d to ISO when it is a real calendar date; two-digit years 00-29 are
// 20xx, others 19xx.
std::optional<std::string> iso_date(int year, int month, int day, bool two_digit_year);

}  // namespace imr::indexer::parsing
