// SearchContext: one thread's search resources.
#include "imr/api/search_context.h"

#include <stdexcept>

namespace imr::searcher {

SearchContext::SearchContext(Xapian::Database db, std::shared_ptr<const schema::Vocabulary> vocabulary,
                             std::filesystem::path index_dir)
    : db_(std::move(db)), parser_(std::move(vocabulary)), index_dir_(std::move(index_dir)) {
  parser_.answer_from(db_, &shards_);
}

SearchContext::SearchContext(schema::OpenedIndex index, std::shared_ptr<const schema::Vocabulary> vocabulary,
                             std::filesystem::path index_dir)
    : SearchContext(std::move(index.db), std::move(vocabulary), std::move(index_dir)) {
  shards_ = std::move(index.shards);
}

// A sharded index's shards reopen with db_, whose internals they share.
void SearchContext::refresh() {
  try {
    db_.reopen();
  } catch (const Xapian::DatabaseOpeningError&) {
    if (index_dir_.empty()) throw;
    reopen_from_disk();
  }
}

void SearchContext::reopen_from_disk() {
  if (index_dir_.empty()) return refresh();
  schema::OpenedIndex index = schema::open_index(index_dir_);
  db_ = std::move(index.db);
  shards_ = std::move(index.shards);
  twin_.reset();
}

std::unique_ptr<SearchContext> SearchContext::open(const std::filesystem::path& dir,
                                                   std::shared_ptr<const schema::Vocabulary> vocabulary) {
  const std::string d = dir.string();
  try {
    schema::OpenedIndex index = schema::open_index(dir);
    schema::require_term_scheme(index.db, index.shards);
    return std::make_unique<SearchContext>(std::move(index), std::move(vocabulary), dir);
  } catch (const Xapian::DatabaseNotFoundError&) {
    throw std::runtime_error("no index at " + d + ": run imr-index --db " + d + " PATH first");
  } catch (const Xapian::DatabaseOpeningError& e) {
    throw std::runtime_error("cannot open the index at " + d + ": " + e.get_msg());
  }
}

const Xapian::Database* SearchContext::counting_twin() {
  if (index_dir_.empty()) return nullptr;
  try {
    const std::optional<IndexVersion> mine = version_of(db_, shards_);
    if (!mine) return nullptr;
    if (!twin_ || twin_->shards.size() != shards_.size()) twin_ = schema::open_index(index_dir_);
    const auto twin_version = [&] { return version_of(twin_->db, twin_->shards); };
    if (twin_version() != mine) twin_->db.reopen();
    if (twin_version() != mine) return nullptr;
    return &twin_->db;
  } catch (const Xapian::Error&) {
    twin_.reset();  // the index moved: count on one core
    return nullptr;
  }
}

}  // namespace imr::searcher
