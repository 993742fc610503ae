// The web page's files, served from one folder and never from outside it:
// no "..", no hidden files, no directory listings, no symlinks out.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace imr::searcher {

struct StaticFile {
  std::string content;
  std::string content_type;
};

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
