// The stored letters of the index, looked up by key: what the document and
// "similar letters" views start from. The only place on the search side
// that walks a posting list by hand.
#pragma once

#include <optional>
#include <string_view>

#include <xapian.h>

namespace imr::searcher {

struct StoredLetterDoc {
  Xapian::docid docid;
  Xapian::Document doc;
};

// The letter with this case number or key, if the index has it.
std::optional<StoredLetterDoc> find_letter(const Xapian::Database& db, std::string_view key);

}  // namespace imr::searcher
