// Drug names misspelled on a medication line ("Tramodol 50mg", "Duloxitine
// 30mg", "Oxycodoen HCl 10mg"): the word just before a strength (or before
// the salt or release form that precedes it), one slip of the keys off a
// single-word name of schema/data/drugs.tsv (a letter changed, added or left
// out, or two neighbours swapped), names that name's generic.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace imr::indexer::parsing {

// The generics of the misspelled names in treatment, in order, unique; a
// word one slip off the names of several generics names none.
std::vector<std::string> misspelled_drugs(std::string_view treatment);

}  // namespace imr::indexer::parsing
