// StaticFiles: path checks, then the canonical path must still be under the root.
#include "static_files.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
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

// FNV-1a over the bytes and their length: a file's content, not its time,
// makes the tag, so copies of web/ on several servers agree.
std::string etag_of(std::string_view bytes) {
  std::uint64_t hash = 14695981039346656037ull;
  for (const char c : bytes) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  char tag[48];
  std::snprintf(tag, sizeof tag, "W/\"%016llx-%zx\"", static_cast<unsigned long long>(hash), bytes.size());
  return tag;
}

// The page itself and its data (site.json, which scripts/run --demo rewrites)
// are checked with the server on every load, so a new version shows at once;
// scripts, styles and the icon are reused for a few minutes without asking
// (Chromium fetches the icon again on every history.pushState otherwise),
// then checked. A deploy thus mixes old scripts with a new page for at most
// that long.
std::string cache_control(const std::filesystem::path& file) {
  const std::string ext = file.extension().string();
  return ext == ".html" || ext == ".json" ? "no-cache" : "max-age=300";
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string_view opaque(std::string_view tag) { return tag.starts_with("W/") ? tag.substr(2) : tag; }

}  // namespace

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  while (!if_none_match.empty()) {
    const std::size_t comma = std::min(if_none_match.find(','), if_none_match.size());
    const std::string_view tag = trim(if_none_match.substr(0, comma));
    if (tag == "*" || (!tag.empty() && opaque(tag) == opaque(etag))) return true;
    if_none_match.remove_prefix(std::min(comma + 1, if_none_match.size()));
  }
  return false;
}

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
  std::string content = bytes.str();
  std::string etag = etag_of(content);
  return StaticFile{std::move(content), content_type(*file), std::move(etag), cache_control(*file)};
}

}  // namespace imr::searcher
