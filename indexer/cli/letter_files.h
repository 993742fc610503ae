// Which files a command line names: files as given, folders searched
// recursively for letter files, in a stable order.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace imr::indexer {

struct LetterFiles {
  std::vector<std::filesystem::path> files;
  std::vector<std::string> errors;  // paths that do not exist or cannot be listed
};

LetterFiles collect_letter_files(const std::vector<std::string>& paths);

}  // namespace imr::indexer
