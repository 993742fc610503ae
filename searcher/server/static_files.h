// The web page's files, served from one folder and never from outside it:
// no "..", no hidden files, no directory listings, no symlinks out. Each
// carries a validator and a caching rule, so a browser keeps what it has.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace imr::searcher {

struct StaticFile {
  std::string content;
  std::string content_type;
  std::string etag;           // weak (W/"..."): gzip changes the bytes, not the file
  std::string cache_control;  // the value of the Cache-Control header
};

// Whether an If-None-Match header names `etag` (weak comparison, as RFC 9110
// asks for it; "*" names any): the browser's copy is current, a 304 answers.
bool etag_matches(std::string_view if_none_match, std::string_view etag);

class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root);

  // The file a decoded URL path names ("/" is index.html); nullopt for
  // anything that is not a regular file inside the root.
  std::optional<StaticFile> get(std::string_view url_path) const;

 private:
  std::optional<std::filesystem::path> resolve(std::string_view url_path) const;

  std::filesystem::path root_;  // canonical; empty when the folder does not exist
};

}  // namespace imr::searcher
