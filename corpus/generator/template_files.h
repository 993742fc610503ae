// The files of corpus/generator/templates, built into imr-generate the same
// way schema/data is built into every binary (schema/embed.cmake, compiled
// into this namespace by corpus/CMakeLists.txt).
#pragma once

#include <optional>
#include <string_view>

namespace imr::generator_templates {

// The content of corpus/generator/templates/<name>, or nullopt.
std::optional<std::string_view> data_file(std::string_view name);

}  // namespace imr::generator_templates
