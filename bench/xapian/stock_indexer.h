// Builds the Xapian stock baseline index the way Xapian's documentation
// shows: TermGenerator with the English stemmer, boolean terms for filters,
// values for facets and sorting, the text as document data for snippets,
// and brand names as synonyms.
#pragma once

#include <filesystem>

namespace imr::bench {

void build_stock_index(const std::filesystem::path& corpus, const std::filesystem::path& db_dir);

}  // namespace imr::bench
