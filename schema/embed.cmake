# Turns the files of a data folder into a C++ source, so the binaries carry
# their data and run from any folder. Called at build time (see
# imr_embed_data in the top CMakeLists.txt) with -DOUT=<file.cpp>
# -DDATA_DIR=<dir> -DNAMESPACE=ns -DHEADER=path.h, the namespace and header
# that declare data_file().
file(GLOB files RELATIVE "${DATA_DIR}" "${DATA_DIR}/*")
list(SORT files)
set(arrays "")
set(entries "")
set(i 0)
foreach(name IN LISTS files)
  file(READ "${DATA_DIR}/${name}" hex HEX)
  string(LENGTH "${hex}" hexlen)
  math(EXPR size "${hexlen} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
  string(APPEND arrays "const char file${i}[] = {${bytes} 0};\n")
  string(APPEND entries "    {\"${name}\", std::string_view(file${i}, ${size})},\n")
  math(EXPR i "${i} + 1")
endforeach()
file(WRITE "${OUT}.tmp" "// Generated from schema/data by embed.cmake; do not edit.
#include \"${HEADER}\"
#include <array>
#include <utility>
namespace ${NAMESPACE} {
namespace {
${arrays}
const std::pair<std::string_view, std::string_view> kFiles[] = {
${entries}    {\"\", std::string_view()}};
}  // namespace
std::optional<std::string_view> data_file(std::string_view name) {
  for (const auto& [n, content] : kFiles)
    if (!n.empty() && n == name) return content;
  return std::nullopt;
}
}  // namespace ${NAMESPACE}
")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
