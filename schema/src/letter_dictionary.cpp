#include "imr/schema/letter_dictionary.h"

#include <stdexcept>
#include <vector>

#include <zdict.h>
#include <zstd.h>

namespace imr::schema {
namespace {

// Big enough for the boilerplate of several letter layouts, small next to any index.
constexpr std::size_t kDictionaryBytes = 110 * 1024;
constexpr int kLevel = 3;
constexpr std::string_view kNewestKey = "imr.letter-dictionary";

std::string key_of(unsigned id) { return std::string(kNewestKey) + "." + std::to_string(id); }

}  // namespace

std::shared_ptr<const LetterDictionary> LetterDictionary::train(std::span<const std::string> samples) {
  if (samples.size() < kMinSamples) return nullptr;
  std::string joined;
  std::vector<std::size_t> sizes;
  for (const std::string& s : samples) {
    joined += s;
    sizes.push_back(s.size());
  }
  std::string dict(kDictionaryBytes, '\0');
  const std::size_t made =
      ZDICT_trainFromBuffer(dict.data(), dict.size(), joined.data(), sizes.data(), static_cast<unsigned>(sizes.size()));
  if (ZDICT_isError(made)) return nullptr;
  dict.resize(made);
  return std::make_shared<const LetterDictionary>(std::move(dict));
}

LetterDictionary::LetterDictionary(std::string bytes) : bytes_(std::move(bytes)) {
  id_ = ZDICT_getDictID(bytes_.data(), bytes_.size());
  if (id_ == 0) throw std::runtime_error("the index's letter dictionary is not a zstd dictionary");
  cdict_ = ZSTD_createCDict(bytes_.data(), bytes_.size(), kLevel);
  ddict_ = ZSTD_createDDict(bytes_.data(), bytes_.size());
  if (cdict_ == nullptr || ddict_ == nullptr) {
    ZSTD_freeCDict(cdict_);
    ZSTD_freeDDict(ddict_);
    throw std::runtime_error("cannot load the index's letter dictionary");
  }
}

LetterDictionary::~LetterDictionary() {
  ZSTD_freeCDict(cdict_);
  ZSTD_freeDDict(ddict_);
}

std::shared_ptr<const LetterDictionary> LetterDictionary::newest(const Xapian::Database& db) {
  const std::string id = db.get_metadata(std::string(kNewestKey));
  if (id.empty()) return nullptr;
  std::string bytes = db.get_metadata(key_of(static_cast<unsigned>(std::stoul(id))));
  if (bytes.empty()) throw std::runtime_error("the index names letter dictionary " + id + " but does not hold it");
  return std::make_shared<const LetterDictionary>(std::move(bytes));
}

void LetterDictionary::store(Xapian::WritableDatabase& db) const {
  db.set_metadata(key_of(id_), bytes_);
  db.set_metadata(std::string(kNewestKey), std::to_string(id_));
}

std::string LetterDictionaries::bytes_of(unsigned id) const {
  std::string bytes = db_.get_metadata(key_of(id));
  if (!shards_) return bytes;
  for (auto shard = shards_->begin(); bytes.empty() && shard != shards_->end(); ++shard)
    bytes = shard->get_metadata(key_of(id));
  return bytes;
}

const LetterDictionary& LetterDictionaries::find(unsigned id) {
  auto& slot = loaded_[id];
  if (!slot) {
    std::string bytes = bytes_of(id);
    if (bytes.empty()) {
      loaded_.erase(id);
      throw std::runtime_error("stored letter needs dictionary " + std::to_string(id) + ", which the index lacks");
    }
    slot = std::make_shared<const LetterDictionary>(std::move(bytes));
  }
  return *slot;
}

}  // namespace imr::schema
