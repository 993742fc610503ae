// SearchContext: one thread's search resources.
#include "imr/api/search_context.h"

#include <stdexcept>

namespace imr::searcher {

SearchContext::SearchContext(Xapian::Database db, std::shared_ptr<const schema::Vocabulary> vocabulary,
                             std::filesystem::path index_dir)
    : db_(std::move(db)), parser_(std::move(vocabulary)), index_dir_(std::move(index_dir)) {}

void SearchContext::refresh() {
  try {
    db_.reopen();
  } catch (const Xapian::DatabaseOpeningError&) {
    if (index_dir_.empty()) throw;
    db_ = Xapian::Database(index_dir_.string());
  }
}

std::unique_ptr<SearchContext> SearchContext::open(const std::filesystem::path& dir,
                                                   std::shared_ptr<const schema::Vocabulary> vocabulary) {
  const std::string d = dir.string();
  try {
    return std::make_unique<SearchContext>(Xapian::Database(d), std::move(vocabulary), dir);
  } catch (const Xapian::DatabaseNotFoundError&) {
    throw std::runtime_error("no index at " + d + ": run imr-index --db " + d + " PATH first");
  } catch (const Xapian::DatabaseOpeningError& e) {
    throw std::runtime_error("cannot open the index at " + d + ": " + e.get_msg());
  }
}

}  // namespace imr::searcher
