#include "imr/pipeline/index_run.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

#include "imr/pipeline/file_batches.h"

namespace imr::indexer {
namespace {

// One shard's work, in the order the letters came: a letter to write, the
// letters of a source to drop (its letter now lives in another shard), or a commit.
struct ShardJob {
  enum class Kind { write, drop_stale, commit } kind = Kind::commit;
  std::string source;
  std::optional<BuiltDocument> document;
  std::string keep_key_term;
};

// One writer thread per shard, so writing (Xapian's indexing and zstd
// compression) uses every core the shards are given. Letters of one key
// always go to one shard's queue, so their order is kept.
class ShardThreads {
 public:
  explicit ShardThreads(ShardedIndex& index) : index_(index), shards_(index.size()) {
    for (std::size_t i = 0; i < shards_.size(); ++i) threads_.emplace_back([this, i] { run(i); });
  }
  ~ShardThreads() {
    {
      const std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    changed_.notify_all();
    for (std::thread& t : threads_) t.join();
  }
  ShardThreads(const ShardThreads&) = delete;
  ShardThreads& operator=(const ShardThreads&) = delete;

  // Returns at once unless the shard's queue is full (bounding memory).
  void write(BuiltDocument document, const std::string& source) {
    const std::size_t home = index_.shard_of(document.key_term);
    for (std::size_t i = 0; i < shards_.size(); ++i)
      if (i != home) push(i, {ShardJob::Kind::drop_stale, source, std::nullopt, document.key_term});
    push(home, {ShardJob::Kind::write, source, std::move(document), {}});
  }

  // Commits every shard (in parallel) and waits; rethrows a shard's failure.
  void commit_all() {
    for (std::size_t i = 0; i < shards_.size(); ++i) push(i, {ShardJob::Kind::commit, {}, std::nullopt, {}});
    std::vector<ShardJob> written;  // freed after the lock is released
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return failure_ || all_idle(); });
    written.swap(written_);
    if (failure_) std::rethrow_exception(failure_);
  }

  std::size_t added() const { return added_; }
  std::size_t replaced() const { return replaced_; }

 private:
  static constexpr std::size_t kQueueLimit = 256;

  struct Shard {
    std::deque<ShardJob> jobs;
    bool busy = false;
  };

  bool all_idle() const {
    for (const Shard& s : shards_)
      if (!s.jobs.empty() || s.busy) return false;
    return true;
  }

  void push(std::size_t shard, ShardJob job) {
    std::vector<ShardJob> written;  // freed after the lock is released
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return failure_ || shards_[shard].jobs.size() < kQueueLimit; });
    if (failure_) std::rethrow_exception(failure_);
    shards_[shard].jobs.push_back(std::move(job));
    written.swap(written_);
    changed_.notify_all();
  }

  void run(std::size_t shard) {
    for (;;) {
      ShardJob job;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return stopping_ || !shards_[shard].jobs.empty(); });
        if (shards_[shard].jobs.empty()) return;
        job = std::move(shards_[shard].jobs.front());
        shards_[shard].jobs.pop_front();
        // After a failed write the run is over: nothing more may reach the index.
        if (failure_) continue;
        shards_[shard].busy = true;
      }
      do_job(index_.shard(shard), job);
      {
        const std::lock_guard lock(mutex_);
        shards_[shard].busy = false;
        if (job.document) written_.push_back(std::move(job));
      }
      changed_.notify_all();
    }
  }

  void do_job(IndexWriter& writer, ShardJob& job) {
    try {
      switch (job.kind) {
        case ShardJob::Kind::write:
          (writer.write(*job.document, job.source) == WriteOutcome::added ? added_ : replaced_)++;
          break;
        case ShardJob::Kind::drop_stale:
          writer.drop_stale(job.source, job.keep_key_term);
          break;
        case ShardJob::Kind::commit:
          writer.commit();
          break;
      }
    } catch (...) {
      const std::lock_guard lock(mutex_);
      if (!failure_) failure_ = std::current_exception();
    }
  }

  ShardedIndex& index_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<Shard> shards_;
  // Letters written, freed by the thread that queues letters: freeing a
  // document's terms took the writer, the run's busiest thread, 4% of its time.
  std::vector<ShardJob> written_;
  std::exception_ptr failure_;
  bool stopping_ = false;
  std::atomic<std::size_t> added_ = 0, replaced_ = 0;
  std::vector<std::thread> threads_;  // last: started once everything they use exists
};

void write_letter(PreparedLetter& p, ShardThreads& writers, IndexRunSummary& summary, const IndexRunEvents& events) {
  if (!p.letter) return summary.skip(p.source, p.error, true);
  events.warnings(p.source, p.letter->warnings);
  if (!p.document) return summary.skip(p.source, "not a determination letter", false);
  if (p.letter->parsed.record.items.empty())
    events.warnings(p.source, {"no decided items could be read; indexed with the fields that could"});
  writers.write(std::move(*p.document), p.source);
  for (const std::string& kind : p.letter->parsed.record.checks) ++summary.checks[kind];
}

}  // namespace

void IndexRunSummary::skip(const std::string& what, const std::string& reason, bool is_failure) {
  skipped.push_back(what + ": " + reason);
  failed = failed || is_failure;
}

void index_files(const std::vector<std::string>& files, unsigned threads, ShardedIndex& index, IndexRunSummary& summary,
                 const IndexRunEvents& events) {
  // unchanged() reads every shard while the next batch is read: the shards
  // are idle then, since each batch ends with commit_all().
  FileBatches batches(files, {.wanted =
                                  [&](const std::string& source, const std::string& content_hash) {
                                    if (!index.unchanged(source, content_hash)) return true;
                                    ++summary.unchanged;
                                    return false;
                                  },
                              .on_error = [&](const std::string& source,
                                              const std::string& error) { summary.skip(source, error, true); }});
  ParallelPreparer preparer(schema::Vocabulary::builtin(), threads, true);
  preparer.compress_with([&index](const std::string& key_term) { return index.dictionary_for(key_term); });
  ShardThreads writers(index);
  const auto count_writes = [&] {
    summary.added = writers.added();
    summary.replaced = writers.replaced();
  };
  try {
    // One commit per batch of files in every shard: a kill -9 loses at most
    // one batch, and a running imr-search sees new letters as they come.
    stream_prepared(
        batches, preparer, [&](PreparedLetter& p) { write_letter(p, writers, summary, events); },
        [&](std::size_t files_done) {
          writers.commit_all();
          count_writes();
          events.progress(files_done);
        });
  } catch (...) {
    count_writes();
    throw;
  }
}

}  // namespace imr::indexer
