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

const Xapian::Database* SearchContext::counting_twin() {
  if (index_dir_.empty()) return nullptr;
  try {
    if (!twin_) twin_.emplace(index_dir_.string());
    if (twin_->get_revision() != db_.get_revision() || twin_->get_uuid() != db_.get_uuid()) twin_->reopen();
    if (twin_->get_revision() != db_.get_revision() || twin_->get_uuid() != db_.get_uuid()) return nullptr;
    return &*twin_;
  } catch (const Xapian::Error&) {
    twin_.reset();  // no revisions (several databases), or the index moved: count on one core
    return nullptr;
  }
}

}  // namespace imr::searcher
