// What the query parser makes of a query string: the Xapian query to run and
// what to mark in snippets. Filters (the API's filter= parameters) are
// separate: see collector/filters.h.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "imr/query/client_error.h"

namespace imr::searcher {

// One thing to mark in a letter's text. Terms are analysed terms (see
// schema::Analyzer), compared with the analysed tokens of the text.
struct Highlight {
  enum class Kind {
    term,    // a token whose term equals terms[0]
    stem,    // a token whose stem term ("Z...") equals terms[0]
    prefix,  // a token whose term starts with terms[0] (wildcards)
    phrase,  // consecutive tokens (by position) with these terms, marked as one
  };
  Kind kind;
  std::vector<std::string> terms;
};

struct ParsedQuery {
  Xapian::Query query;  // match_all() for an empty query
  std::vector<Highlight> highlights;
  // Item-level field terms of the query (drug:, class:, decision:, category:,
  // guideline:), so items can be marked "matched" and snippets taken from them.
  std::vector<std::pair<std::string, std::string>> item_fields;  // field name, value
  bool empty = true;                                             // no words and no fields: every letter
  // Whether the words' hits mark items "matched"; not for words the user did
  // not type (more like this), where only the item fields do.
  bool words_mark_items = true;
};

}  // namespace imr::searcher
