#include "imr/schema/stem_table.h"

#include <algorithm>
#include <stdexcept>

#include "imr/schema/field.h"

namespace imr::schema {
namespace {

constexpr std::string_view kStemKeyPrefix = "imr:stem:";
constexpr char kSeparator = '\n';  // never inside a word

std::string key_of(std::string_view stem_term) {
  return std::string(kStemKeyPrefix) + std::string(stem_term.substr(std::min(stem_term.size(), prefix::stem.size())));
}

void split_into(const std::string& value, std::set<std::string>& out) {
  std::size_t start = 0;
  while (start < value.size()) {
    std::size_t end = value.find(kSeparator, start);
    if (end == std::string::npos) end = value.size();
    if (end > start) out.emplace(value, start, end - start);
    start = end + 1;
  }
}

std::string joined(const std::set<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += kSeparator;
    out += w;
  }
  return out;
}

void check_scheme(const Xapian::Database& db, std::string_view where) {
  if (db.get_doccount() == 0) return;
  const std::string scheme = db.get_metadata(std::string(kTermSchemeKey));
  if (scheme == kTermScheme) return;
  const std::string written =
      scheme.empty() ? "stem terms in every letter, by an earlier imr-index" : "\"" + scheme + "\"";
  throw std::runtime_error(std::string(where) + " was written with another term scheme (" + written +
                           ") than this release reads (\"" + std::string(kTermScheme) +
                           "\"): index the letters again into a new folder (imr-index --db NEW_DIR PATH...) and "
                           "serve that one");
}

}  // namespace

void require_term_scheme(const Xapian::Database& db, const std::vector<Xapian::Database>& shards) {
  if (shards.empty()) return check_scheme(db, "the index");
  for (std::size_t i = 0; i < shards.size(); ++i)
    check_scheme(shards[i], "shard " + std::to_string(i) + " of the index");
}

void require_writable_term_scheme(const Xapian::WritableDatabase& db, std::string_view where) {
  check_scheme(db, "the index " + std::string(where));
}

void StemTableWriter::add(const std::vector<StemmedWord>& words) {
  for (const StemmedWord& w : words)
    if (!known_.contains(w.word)) pending_[w.stem_term].insert(w.word);
}

void StemTableWriter::write(Xapian::WritableDatabase& db) {
  db.set_metadata(std::string(kTermSchemeKey), std::string(kTermScheme));
  for (auto& [stem_term, words] : pending_) {
    const std::string key = key_of(stem_term);
    std::set<std::string> stored;
    split_into(db.get_metadata(key), stored);
    const std::size_t before = stored.size();
    stored.insert(words.begin(), words.end());
    if (stored.size() != before) db.set_metadata(key, joined(stored));
    written_.insert(written_.end(), words.begin(), words.end());
  }
  pending_.clear();
}

void StemTableWriter::committed() {
  for (std::string& w : written_) known_.insert(std::move(w));
  written_.clear();
}

void StemTableWriter::cancel() {
  pending_.clear();
  written_.clear();
}

void add_stem_words(Xapian::WritableDatabase& db, const std::vector<StemmedWord>& words) {
  StemTableWriter writer;
  writer.add(words);
  writer.write(db);
  writer.committed();
}

std::vector<std::string> StemTable::words_of(std::string_view stem_term) const {
  const std::string key = key_of(stem_term);
  std::set<std::string> words;
  if (shards_ && !shards_->empty())
    for (const Xapian::Database& shard : *shards_) split_into(shard.get_metadata(key), words);
  else
    split_into(db_.get_metadata(key), words);
  return {words.begin(), words.end()};
}

}  // namespace imr::schema
