// Which files a command line names: files as given, folders searched
// recursively for letter files, in a stable order.
#pragma once

#include <string>
#include <vector>

namespace imr::indexer {

struct LetterFiles {
  // Plain strings, not std::filesystem::path: libstdc++ keeps a path's parsed
  // components beside it, ~600 bytes a letter, which made the list of a
  // million letters the indexer's largest allocation.
  std::vector<std::string> files;
  std::vector<std::string> errors;  // paths that do not exist or cannot be listed
};

LetterFiles collect_letter_files(const std::vector<std::string>& paths);

}  // namespace imr::indexer
