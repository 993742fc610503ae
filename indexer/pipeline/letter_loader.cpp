#include "imr/pipeline/letter_loader.h"

namespace imr::indexer {

LetterLoader::LetterLoader(std::shared_ptr<const schema::Vocabulary> vocabulary, ReaderData reader_data)
    : reader_data_(std::move(reader_data)), parser_(std::move(vocabulary), reader_data_.labels) {}

LoadedLetter LetterLoader::load(const std::filesystem::path& path, std::string source) const {
  const Format format = format_of(path);
  return load_bytes(read_file_bytes(path), format, std::move(source));
}

LoadedLetter LetterLoader::load_bytes(std::string_view bytes, Format format, std::string source) const {
  CleanText clean = clean_letter(bytes, format, reader_data_);
  LoadedLetter out{parser_.parse(clean.text, std::move(source)), std::move(clean.text), std::move(clean.warnings)};
  out.warnings.insert(out.warnings.end(), out.parsed.warnings.begin(), out.parsed.warnings.end());
  return out;
}

}  // namespace imr::indexer
