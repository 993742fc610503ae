// What a Xapian document keeps for display: the record and the clean text
// the terms were made from (term offsets index into this text).
#pragma once

#include <string>
#include <string_view>

#include "imr/schema/record.h"

namespace imr::schema {

struct StoredLetter {
  Record record;
  std::string text;
};

std::string encode_stored_letter(const StoredLetter& letter);
// Throws std::runtime_error when the data is not a stored letter.
StoredLetter decode_stored_letter(std::string_view data);

}  // namespace imr::schema
