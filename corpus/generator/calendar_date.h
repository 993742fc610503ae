// Calendar dates of a case and the many ways letters print them
// ("01/31/01", "5/17/04", "10-13-16", "05/23/2004", "October 10, 2007").
#pragma once

#include <chrono>
#include <string>

#include "random.h"

namespace imr::generator {

using Date = std::chrono::year_month_day;

enum class DateStyle { padded_long, padded_short, bare_short, dashed_short, bare_long, month_name };

Date date_of(int year, unsigned month, unsigned day);
Date add_days(Date d, int days);
int year_of(Date d);
// A day of the given year, uniformly.
Date day_in_year(Random& random, int year);

std::string iso(Date d);
std::string printed(Date d, DateStyle style);
// The header table's form, "05/23/2004".
std::string header_date(Date d);
// A style the case summaries use, drawn in realistic proportions; 2016 on,
// the dashed "10-13-16" form appears too.
DateStyle prose_style(Random& random, int decision_year);

}  // namespace imr::generator
