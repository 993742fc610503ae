// OCR reads "l" as "1", "O" as "0" and "I" as "l" inside words ("MAXlMUS
// guide1ine", "0ccupationa1 Medicine"), so labels, specialties and states
// printed that way go unrecognised. Repaired only where the reading cannot be
// a number or a code: in words of at least three letters whose only digits
// are these, and not beside another digit ("L1", "B12", "10mg" stay).
#pragma once

#include <cstddef>
#include <string>

namespace imr::indexer::reader {

// Repairs text in place; returns the number of characters repaired.
std::size_t repair_ocr_digits(std::string& text);

}  // namespace imr::indexer::reader
