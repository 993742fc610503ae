// First step of the analysis chain: ICU word boundaries (UAX #29) over UTF-8.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace imr::schema {

struct Span {
  std::uint32_t start;
  std::uint32_t end;
};

// Splits text into the byte spans of its words (letters, numbers, ideographs),
// dropping spaces and punctuation. Invalid UTF-8 is read as U+FFFD, never fatal.
// Not thread-safe: each thread owns its own tokenizer.
class WordTokenizer {
 public:
  WordTokenizer();
  WordTokenizer(const WordTokenizer& other);
  WordTokenizer& operator=(const WordTokenizer& other);
  WordTokenizer(WordTokenizer&&) noexcept;
  WordTokenizer& operator=(WordTokenizer&&) noexcept;
  ~WordTokenizer();

  std::vector<Span> words(std::string_view utf8) const;

 private:
  std::unique_ptr<icu::BreakIterator> breaker_;
};

}  // namespace imr::schema
