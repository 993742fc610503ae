// StaticFiles: path checks, then the canonical path must still be under the root.
#include "static_files.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>
#include <utility>

namespace imr::searcher {
namespace {

constexpr std::uintmax_t kMaxFileBytes = 16u << 20;

constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kTypes{{
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".json", "application/json"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".ico", "image/x-icon"},
    {".txt", "text/plain; charset=utf-8"},
    {".woff2", "font/woff2"},
}};

std::string content_type(const std::filesystem::path& file) {
  const std::string ext = file.extension().string();
  for (const auto& [e, type] : kTypes)
    if (ext == e) return std::string(type);
  return "application/octet-stream";
}

// Only plain names: no "..", ".", hidden files, backslashes or NULs.
bool safe_segment(std::string_view s) {
  return !s.empty() && s.front() != '.' && s.find('\\') == std::string_view::npos &&
         s.find('\0') == std::string_view::npos;
}

bool inside(const std::filesystem::path& root, const std::filesystem::path& p) {
  const auto [r, _] = std::mismatch(root.begin(), root.end(), p.begin(), p.end());
  return r == root.end();
}

}  // namespace

StaticFiles::StaticFiles(std::filesystem::path root) {
  std::error_code ec;
  root_ = std::filesystem::canonical(root, ec);
  if (ec) root_.clear();
}

std::optional<std::filesystem::path> StaticFiles::resolve(std::string_view url_path) const {
  if (root_.empty() || url_path.empty() || url_path.front() != '/') return std::nullopt;
  std::filesystem::path rel;
  std::size_t at = 1;
  while (at <= url_path.size()) {
    const std::size_t slash = std::min(url_path.find('/', at), url_path.size());
    const std::string_view segment = url_path.substr(at, slash - at);
    if (!segment.empty()) {
      if (!safe_segment(segment)) return std::nullopt;
      rel /= std::string(segment);
    }
    at = slash + 1;
  }
  if (rel.empty()) rel = "index.html";
  std::error_code ec;
  const std::filesystem::path file = std::filesystem::canonical(root_ / rel, ec);
  if (ec || !inside(root_, file) || !std::filesystem::is_regular_file(file, ec)) return std::nullopt;
  if (std::filesystem::file_size(file, ec) > kMaxFileBytes || ec) return std::nullopt;
  return file;
}

std::optional<StaticFile> StaticFiles::get(std::string_view url_path) const {
  const auto file = resolve(url_path);
  if (!file) return std::nullopt;
  std::ifstream in(*file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return StaticFile{bytes.str(), content_type(*file)};
}

}  // namespace imr::searcher
