// The files of searcher/api/data (the OpenAPI document), built into the
// binary by imr_embed_data (see the top CMakeLists.txt).
#pragma once

#include <optional>
#include <string_view>

namespace imr::searcher::api_data {

// The content of searcher/api/data/<name>, or nullopt.
std::optional<std::string_view> data_file(std::string_view name);

}  // namespace imr::searcher::api_data
