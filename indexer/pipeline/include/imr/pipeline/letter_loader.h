// One letter file through the first half of the pipeline:
// bytes -> reader -> clean text -> parser -> record.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "imr/parser/letter_parser.h"
#include "imr/reader/letter_reader.h"

namespace imr::indexer {

struct LoadedLetter {
  ParsedLetter parsed;
  std::string clean_text;
  std::vector<std::string> warnings;  // the reader's and the parser's
};

// Not thread-safe (holds a parser): one per thread.
class LetterLoader {
 public:
  explicit LetterLoader(std::shared_ptr<const schema::Vocabulary> vocabulary,
                        ReaderData reader_data = ReaderData::builtin());

  // Throws ReadError when the file cannot be read.
  LoadedLetter load(const std::filesystem::path& path, std::string source) const;
  // The same from bytes already read.
  LoadedLetter load_bytes(std::string_view bytes, Format format, std::string source) const;

 private:
  ReaderData reader_data_;
  LetterParser parser_;
};

}  // namespace imr::indexer
