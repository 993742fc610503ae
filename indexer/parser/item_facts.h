// A printed item named in the vocabulary's terms: its drugs, category, drug
// class and the guideline ids of its citations.
#pragma once

#include "imr/schema/analyzer.h"
#include "imr/schema/record.h"
#include "imr/schema/vocabulary.h"
#include "printed_items.h"

namespace imr::indexer::parsing {

schema::Item item_facts(const PrintedItem& printed, const schema::Vocabulary& vocabulary,
                        const schema::Analyzer& analyzer);

}  // namespace imr::indexer::parsing
