// How the index knows a letter: its key (the case number, or a hash of its
// text when it prints none), the key's unique term, and the term of the file
// it was read from. The indexer builds these, the searcher reads them back;
// both through these functions only.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

#include "imr/schema/record.h"

namespace imr::schema {

// A stable 64-bit hash of bytes (FNV-1a) as 16 hex digits: content keys, and
// the record of a file's bytes that lets re-indexing skip unchanged files.
std::string content_hash(std::string_view bytes);

// The letter's key: its case number, or "h" + the hash of its clean text, so
// the same letter always gets the same key.
std::string letter_key(const Record& record, std::string_view clean_text);

// The unique term of a key (key prefix + lower-cased key).
std::string key_term(std::string_view key);
// The key of an indexed letter ("" when the document has no key term).
std::string key_of(const Xapian::Document& doc);
// The same from the record and clean text the letter was indexed with (what
// its document stores), without reading the document's term list.
std::string key_of(const Record& record, std::string_view clean_text);

// The term that finds the letters indexed from a source file.
std::string source_term(std::string_view source);

}  // namespace imr::schema
