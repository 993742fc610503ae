// "More like this": the query that finds the letters most like one letter,
// built from the terms that best tell it apart (Xapian's ESet over a
// relevance set of that one letter), restricted to letters that share an
// item category with it and never matching the letter itself.
#pragma once

#include <string>

#include <xapian.h>

#include "imr/query/parsed_query.h"
#include "imr/schema/record.h"

namespace imr::searcher {

// The query, with the chosen terms as highlights and the letter's item
// categories as item fields (so the hits' items of those categories are
// marked). key_term is the letter's unique term, excluded from the match.
// A letter without items is compared with every other letter.
ParsedQuery similar_query(const Xapian::Database& db, Xapian::docid letter, const schema::Record& record,
                          const std::string& key_term);

}  // namespace imr::searcher
