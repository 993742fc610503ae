#include "imr/schema/term_normalizer.h"

#include <algorithm>
#include <stdexcept>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "imr/schema/text.h"

namespace imr::schema {
namespace {

std::string normalize_with(const icu::Normalizer2* (*instance)(UErrorCode&), std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = instance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU normalizer unavailable");
  icu::UnicodeString in =
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString out = n->normalize(in, status);
  if (U_FAILURE(status)) return std::string(utf8);
  std::string result;
  out.toUTF8String(result);
  return result;
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
    s.replace(p, from.size(), to);
}

}  // namespace

std::string normalize_term(std::string_view utf8) {
  if (text::is_ascii(utf8)) {
    std::string out(utf8);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  }
  std::string out = normalize_with(&icu::Normalizer2::getNFKCCasefoldInstance, utf8);
  // Typographic apostrophes and hyphens are written interchangeably with ASCII ones.
  replace_all(out, "\u2019", "'");
  replace_all(out, "\u2018", "'");
  replace_all(out, "\u2010", "-");
  replace_all(out, "\u2011", "-");
  return out;
}

std::string normalize_text(std::string_view utf8) {
  if (text::is_ascii(utf8)) return std::string(utf8);
  return normalize_with(&icu::Normalizer2::getNFKCInstance, utf8);
}

}  // namespace imr::schema
