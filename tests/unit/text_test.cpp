// imr::text: the byte-level helpers every layer shares.
#include <doctest/doctest.h>

#include <string>

#include "imr/schema/text.h"

TEST_CASE("text: is_ascii finds a non-ASCII byte wherever it stands") {
  CHECK(imr::text::is_ascii(""));
  const std::string plain = "Functional improvement was not documented (#60, 10/325mg).";
  CHECK(imr::text::is_ascii(plain));
  // Every position: inside the eight-byte steps, at their edges, and in the tail.
  for (std::size_t at = 0; at < plain.size(); ++at) {
    std::string marked = plain;
    marked[at] = '\xe2';
    CAPTURE(at);
    CHECK_FALSE(imr::text::is_ascii(marked));
    CHECK(imr::text::is_ascii(std::string_view(marked).substr(at + 1)));
  }
  CHECK_FALSE(imr::text::is_ascii("caf\u00e9"));
  CHECK(imr::text::is_ascii(std::string(1, '\x7f')));
  CHECK_FALSE(imr::text::is_ascii(std::string(1, '\x80')));
}
