// Mojibake: UTF-8 text that was once decoded as Windows-1252 (or Latin-1)
// and encoded again, so "®" reads "Â®" and "’" reads "â€™". Repaired by
// mapping such runs back to their bytes, where those bytes are valid UTF-8.
#pragma once

#include <cstddef>
#include <string>

namespace imr::indexer::reader {

// Repairs text in place (also text garbled more than once); returns the
// number of characters repaired. Text must be valid UTF-8.
std::size_t repair_mojibake(std::string& text);

}  // namespace imr::indexer::reader
