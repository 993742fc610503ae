#include "imr/pipeline/letter_files.h"

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <system_error>

#include "imr/reader/letter_reader.h"

namespace imr::indexer {
namespace fs = std::filesystem;

namespace {

// The name a letter is indexed under (its source): normalised, with forward slashes.
std::string source_name(const fs::path& path) { return path.lexically_normal().generic_string(); }

void collect_folder(const fs::path& dir, LetterFiles& out) {
  std::error_code ec;
  std::vector<std::string> found;
  auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
    if (it->is_regular_file(ec) && is_letter_file(it->path())) found.push_back(source_name(it->path()));
  if (ec) out.errors.push_back(dir.string() + ": cannot list folder: " + ec.message());
  std::ranges::sort(found);
  out.files.insert(out.files.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
}

}  // namespace

LetterFiles collect_letter_files(const std::vector<std::string>& paths) {
  LetterFiles out;
  for (const std::string& p : paths) {
    std::error_code ec;
    const fs::file_status status = fs::status(p, ec);
    if (ec || !fs::exists(status))
      out.errors.push_back(p + ": no such file or folder");
    else if (fs::is_directory(status))
      collect_folder(p, out);
    else
      out.files.push_back(source_name(p));
  }
  return out;
}

}  // namespace imr::indexer
