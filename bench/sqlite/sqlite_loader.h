// Builds the SQLite FTS5 baseline: the letter text in an FTS5 table (porter
// stemming, as imrsearch stems), the facet fields in plain tables a user
// would GROUP BY: letters, their license states, items, item drugs and guidelines.
#pragma once

#include <filesystem>

namespace imr::bench {

void build_sqlite_index(const std::filesystem::path& corpus, const std::filesystem::path& db_file);

}  // namespace imr::bench
