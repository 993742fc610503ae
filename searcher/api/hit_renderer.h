// One hit as the API shows it: the letter's summary, its items each marked
// "matched" or not, and a snippet from where the match is.
#pragma once

#include <string>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "imr/collector/filters.h"
#include "imr/query/parsed_query.h"
#include "imr/schema/analyzer.h"
#include "imr/schema/letter_dictionary.h"
#include "imr/snippet/highlighter.h"

namespace imr::searcher {

class HitRenderer {
 public:
  // The analyzer, the query and the dictionaries must outlive the renderer.
  HitRenderer(const schema::Analyzer& analyzer, const ParsedQuery& query, const Filters& filters,
              schema::LetterDictionaries& dictionaries);

  nlohmann::json render(const Xapian::Document& doc) const;

 private:
  schema::LetterDictionaries& dictionaries_;
  Highlighter highlighter_;
  // The item-level filters when there are any (they alone decide "matched",
  // as the contract says), else the query's item fields (drug:, ...).
  Filters item_constraints_;
  bool words_mark_items_;  // no item-level filters: the query's words mark items too
};

}  // namespace imr::searcher
