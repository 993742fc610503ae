#include "imr/index/index_writer.h"

#include <algorithm>
#include <vector>

#include "imr/schema/field.h"
#include "imr/schema/indexed_phrases.h"
#include "imr/schema/letter_identity.h"

namespace imr::indexer {
namespace {

Xapian::WritableDatabase open_writable(const std::filesystem::path& dir) {
  try {
    std::filesystem::create_directories(dir);
    return Xapian::WritableDatabase(dir.string(), Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::DatabaseLockError&) {
    throw IndexLocked("index " + dir.string() + " is locked: another imr-index is writing to it");
  } catch (const Xapian::Error& e) {
    throw std::runtime_error("cannot open index " + dir.string() + ": " + e.get_description());
  } catch (const std::filesystem::filesystem_error& e) {
    throw std::runtime_error("cannot create index folder " + dir.string() + ": " + e.code().message());
  }
}

}  // namespace

IndexWriter::IndexWriter(const std::filesystem::path& dir, std::size_t batch_size, std::string reading_version)
    : db_(open_writable(dir)),
      dir_(dir),
      batch_size_(batch_size == 0 ? 1 : batch_size),
      reading_version_(std::move(reading_version)),
      dictionary_(schema::LetterDictionary::newest(db_)) {
  schema::require_writable_term_scheme(db_, dir.string());
  // Every document builder writes the builtin list's terms (document_builder.h).
  schema::record_indexed_phrases(db_, *schema::IndexedPhrases::builtin());
}

// Xapian's errors are not std::exceptions; callers get one that says what
// happened to the index. The open batch is dropped, so the index on disk
// stays exactly as of the last commit (a full disk must not half-write it).
template <typename F>
auto IndexWriter::guarded(F&& step) -> decltype(step()) {
  try {
    return step();
  } catch (const Xapian::Error& e) {
    samples_.clear();
    stems_.cancel();
    if (in_batch_ > 0) {
      in_batch_ = 0;
      try {
        db_.cancel_transaction();
      } catch (const Xapian::Error&) {
        // Nothing more can be undone; the last commit on disk is untouched either way.
      }
    }
    throw std::runtime_error("cannot write to the index " + dir_.string() + ": " + e.get_description() +
                             "; it keeps the letters of its last commit, and a re-run completes it");
  }
}

IndexWriter::~IndexWriter() {
  try {
    commit();
  } catch (...) {
    // Destructors must not throw; the batch is lost and the index stays as of the last commit.
  }
}

std::shared_ptr<const schema::LetterDictionary> IndexWriter::dictionary() const {
  const std::lock_guard lock(dictionary_mutex_);
  return dictionary_;
}

SourceState IndexWriter::source_state(std::string_view source, std::string_view content_hash) const {
  const std::string term = schema::source_term(source);
  SourceState state = SourceState::absent;
  for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it) {
    const Xapian::Document doc = db_.get_document(*it);
    if (doc.get_value(schema::slot::content_hash) != content_hash ||
        doc.get_value(schema::slot::reading_version) != reading_version_)
      return SourceState::differs;
    state = SourceState::same;
  }
  return state;
}

void IndexWriter::begin_batch_if_needed() {
  if (in_batch_ == 0) db_.begin_transaction(true);
}

WriteOutcome IndexWriter::write(const BuiltDocument& doc, std::string_view source) {
  return guarded([&] { return write_unguarded(doc, source); });
}

void IndexWriter::drop_stale(std::string_view source, const std::string& keep_key_term) {
  guarded([&] { drop_stale_unguarded(source, keep_key_term); });
}

void IndexWriter::drop_stale_unguarded(std::string_view source, const std::string& keep_key_term) {
  const std::string src = schema::source_term(source);
  // Most sources are new to the index: one look-up instead of opening a posting list.
  if (!db_.term_exists(src)) return;
  std::vector<Xapian::docid> stale;
  for (auto it = db_.postlist_begin(src); it != db_.postlist_end(src); ++it) {
    Xapian::Document old = db_.get_document(*it);
    auto t = old.termlist_begin();
    t.skip_to(keep_key_term);
    if (t == old.termlist_end() || *t != keep_key_term) stale.push_back(*it);
  }
  if (stale.empty()) return;
  begin_batch_if_needed();
  for (Xapian::docid id : stale) db_.delete_document(id);
  in_batch_ += stale.size();
}

WriteOutcome IndexWriter::write_unguarded(const BuiltDocument& doc, std::string_view source) {
  drop_stale_unguarded(source, doc.key_term);
  begin_batch_if_needed();
  // A new letter is added outright: replace_document would look its key up again.
  const bool existed = db_.term_exists(doc.key_term);
  if (existed)
    db_.replace_document(doc.key_term, with_letter(doc));
  else
    db_.add_document(with_letter(doc));
  stems_.add(doc.stems);
  if (++in_batch_ >= batch_size_) commit();
  return existed ? WriteOutcome::replaced : WriteOutcome::added;
}

bool IndexWriter::remove(std::string_view key) {
  const std::string term = schema::key_term(key);
  return guarded([&] {
    if (!db_.term_exists(term)) return false;
    begin_batch_if_needed();
    db_.delete_document(term);
    ++in_batch_;
    return true;
  });
}

std::size_t IndexWriter::prune(const std::function<bool(const std::string& source)>& source_exists) {
  std::vector<Xapian::docid> gone;
  for (auto it = db_.postlist_begin(""); it != db_.postlist_end(""); ++it)
    if (!source_exists(db_.get_document(*it).get_value(schema::slot::source_path))) gone.push_back(*it);
  if (gone.empty()) return 0;
  guarded([&] {
    begin_batch_if_needed();
    for (Xapian::docid id : gone) db_.delete_document(id);
    in_batch_ += gone.size();
  });
  commit();
  return gone.size();
}

// The handle shares its contents with doc.document, which is built for this one write.
Xapian::Document IndexWriter::with_letter(const BuiltDocument& doc) {
  Xapian::Document document = doc.document;
  document.add_value(schema::slot::reading_version, reading_version_);
  // Usually the preparer already compressed the letter with this index's dictionary.
  if (doc.dictionary != dictionary_) document.set_data(schema::encode_stored_letter(doc.stored, dictionary_.get()));
  if (!dictionary_) samples_.push_back(doc.stored.text);
  return document;
}

// The first batch with enough letters trains the index's dictionary, stored in
// the batch's own transaction, so a crash leaves neither without the other.
std::shared_ptr<const schema::LetterDictionary> IndexWriter::train_dictionary_if_needed() {
  if (dictionary_ || samples_.size() < schema::LetterDictionary::kMinSamples) return nullptr;
  std::shared_ptr<const schema::LetterDictionary> trained = schema::LetterDictionary::train(samples_);
  if (trained) trained->store(db_);
  return trained;
}

void IndexWriter::commit() {
  if (in_batch_ == 0) return;
  guarded([&] {
    const auto trained = train_dictionary_if_needed();
    db_.set_metadata(std::string(schema::kReadingVersionKey), reading_version_);
    stems_.write(db_);
    db_.commit_transaction();
    stems_.committed();
    if (trained) {  // only once it is on disk
      const std::lock_guard lock(dictionary_mutex_);
      dictionary_ = trained;
    }
  });
  // A shard's batch may hold too few letters to train on: its texts wait for the next batch's.
  if (dictionary_ || samples_.size() >= std::max(batch_size_, 4 * schema::LetterDictionary::kMinSamples))
    samples_.clear();
  in_batch_ = 0;
}

}  // namespace imr::indexer
