// What a Xapian document keeps for display: the record and the clean text
// the terms were made from (term offsets index into this text). Stored as
// one zstd frame (with the index's letter dictionary once it has one) of the
// record in MessagePack followed by the text; documents written before this
// format hold the JSON of both, and still read.
#pragma once

#include <string>
#include <string_view>

#include "imr/schema/letter_dictionary.h"
#include "imr/schema/record.h"

namespace imr::schema {

struct StoredLetter {
  Record record;
  std::string text;
};

// dictionary may be null (an index too young to have trained one).
std::string encode_stored_letter(const StoredLetter& letter, const LetterDictionary* dictionary);
// Throws std::runtime_error when the data is not a stored letter.
StoredLetter decode_stored_letter(std::string_view data, LetterDictionaries& dictionaries);
// The same for one document of db, loading db's dictionary for this call alone (tools and tests).
StoredLetter read_stored_letter(const Xapian::Database& db, const Xapian::Document& doc);

}  // namespace imr::schema
