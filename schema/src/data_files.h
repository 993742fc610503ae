// The data files of schema/data (vocabularies, synonyms), built into the
// binaries so that indexer, searcher and generator read the very same copy.
#pragma once

#include <optional>
#include <string_view>

namespace imr::schema {

// The content of schema/data/<name>, or nullopt when there is no such file.
std::optional<std::string_view> data_file(std::string_view name);

}  // namespace imr::schema
