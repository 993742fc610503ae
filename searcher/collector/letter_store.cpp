#include "imr/collector/letter_store.h"

#include "imr/schema/letter_identity.h"

namespace imr::searcher {
namespace {

// Longer than any case number or content key; a longer one cannot be a key.
constexpr std::size_t kMaxKeyBytes = 200;

}  // namespace

std::optional<StoredLetterDoc> find_letter(const Xapian::Database& db, std::string_view key) {
  if (key.empty() || key.size() > kMaxKeyBytes) return std::nullopt;
  const std::string term = schema::key_term(key);
  const auto it = db.postlist_begin(term);
  if (it == db.postlist_end(term)) return std::nullopt;
  return StoredLetterDoc{*it, db.get_document(*it)};
}

}  // namespace imr::searcher
