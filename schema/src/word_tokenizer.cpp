#include "imr/schema/word_tokenizer.h"

#include <stdexcept>
#include <string>

#include <unicode/brkiter.h>
#include <unicode/utext.h>

namespace imr::schema {
namespace {

std::unique_ptr<icu::BreakIterator> make_word_breaker() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> bi(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || !bi)
    throw std::runtime_error(std::string("ICU word break iterator unavailable: ") + u_errorName(status));
  return bi;
}

}  // namespace

WordTokenizer::WordTokenizer() : breaker_(make_word_breaker()) {}
WordTokenizer::WordTokenizer(const WordTokenizer& other) : breaker_(other.breaker_->clone()) {}
WordTokenizer& WordTokenizer::operator=(const WordTokenizer& other) {
  if (this != &other) breaker_.reset(other.breaker_->clone());
  return *this;
}
WordTokenizer::WordTokenizer(WordTokenizer&&) noexcept = default;
WordTokenizer& WordTokenizer::operator=(WordTokenizer&&) noexcept = default;
WordTokenizer::~WordTokenizer() = default;

std::vector<Span> WordTokenizer::words(std::string_view utf8) const {
  std::vector<Span> spans;
  if (utf8.empty()) return spans;
  spans.reserve(utf8.size() / 6);  // about a word per six bytes of prose
  UErrorCode status = U_ZERO_ERROR;
  // UText over UTF-8 makes the iterator report byte offsets directly.
  UText* text = utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU could not open text for tokenizing");
  breaker_->setText(text, status);
  int32_t start = breaker_->first();
  for (int32_t end = breaker_->next(); end != icu::BreakIterator::DONE; start = end, end = breaker_->next()) {
    if (breaker_->getRuleStatus() >= UBRK_WORD_NONE_LIMIT)
      spans.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end)});
  }
  utext_close(text);
  return spans;
}

}  // namespace imr::schema
