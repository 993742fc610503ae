// The self-checks of one reading (kinds in schema/data/checks.tsv): what the
// parser can see is missing or does not add up in its own record, without the
// truth. Computed once, at the end of LetterParser::parse, into record.checks.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "imr/schema/record.h"
#include "summary_requests.h"

namespace imr::indexer::parsing {

// What the parser saw that the record does not keep.
struct ReadingFacts {
  std::size_t undecided_items = 0;  // item headings read without a decision, left out of the record
  SummaryRequests summary;          // what the case summary says was requested
};

// The kinds that fire on this reading, in the table's order.
std::vector<std::string> letter_checks(const schema::Record& record, const ReadingFacts& facts);

// The kinds this file knows how to check; equal to the table's, as a test holds.
std::vector<std::string_view> checked_kinds();

}  // namespace imr::indexer::parsing
