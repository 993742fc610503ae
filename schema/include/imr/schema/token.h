// A token: one term of analysed text, where it came from, and where it stands.
#pragma once

#include <cstdint>
#include <string>

namespace imr::schema {

struct Token {
  std::string term;        // normalised (NFKC case-folded) text of the token
  std::uint32_t position;  // word position; parts of a compound are consecutive
  std::uint32_t start;     // byte offset of the token in the analysed text
  std::uint32_t end;       // one past its last byte
  bool compound = false;   // the joined form ("l5-s1") of parts that are tokens too
};

}  // namespace imr::schema
