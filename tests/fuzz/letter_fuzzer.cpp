// libFuzzer target: any bytes through the whole reader + parser, in every
// format. Must never crash, hang, or trip a sanitizer; ReadError is the only
// acceptable exception (a clear refusal of unreadable input).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "imr/pipeline/letter_loader.h"

namespace {

imr::indexer::Format pick_format(std::uint8_t selector) {
  switch (selector % 4) {
    case 0: return imr::indexer::Format::text;
    case 1: return imr::indexer::Format::markdown;
    case 2: return imr::indexer::Format::html;
    default: return imr::indexer::Format::pdf;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const imr::indexer::LetterLoader loader(imr::schema::Vocabulary::builtin());
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  try {
    loader.load_bytes(bytes, pick_format(data[0]), "fuzz");
  } catch (const imr::indexer::ReadError&) {
  }
  return 0;
}
