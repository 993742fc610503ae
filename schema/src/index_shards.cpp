#include "imr/schema/index_shards.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace imr::schema {
namespace {

constexpr const char* kStubName = "XAPIANDB";

}  // namespace

std::vector<std::filesystem::path> stub_databases(const std::filesystem::path& dir) {
  std::ifstream in(dir / kStubName);
  std::vector<std::filesystem::path> out;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    std::string type, path;
    if (!(words >> type >> path) || type.front() == '#') continue;
    if (type == "auto" || type == "glass" || type == "chert") out.push_back(dir / path);
  }
  return out;
}

std::size_t shard_of(std::string_view key_term, std::size_t shards) {
  std::uint64_t h = 14695981039346656037ULL;
  for (const unsigned char c : key_term) h = (h ^ c) * 1099511628211ULL;
  return shards <= 1 ? 0 : static_cast<std::size_t>(h % shards);
}

std::filesystem::path shard_path(const std::filesystem::path& dir, std::size_t shard) {
  return dir / ("shard-" + std::to_string(shard));
}

void write_shard_stub(const std::filesystem::path& dir, std::size_t shards) {
  const std::filesystem::path tmp = dir / (std::string(kStubName) + ".tmp");
  {
    std::ofstream out(tmp, std::ios::trunc);
    for (std::size_t i = 0; i < shards; ++i) out << "auto shard-" << i << '\n';
    if (!out.flush()) throw std::runtime_error("cannot write " + tmp.string());
  }
  std::filesystem::rename(tmp, dir / kStubName);
}

OpenedIndex open_index(const std::filesystem::path& dir) {
  const std::vector<std::filesystem::path> paths = stub_databases(dir);
  if (paths.size() <= 1) return {Xapian::Database(dir.string()), {}};
  OpenedIndex out;
  for (const std::filesystem::path& p : paths) {
    out.shards.emplace_back(p.string());
    out.db.add_database(out.shards.back());
  }
  return out;
}

}  // namespace imr::schema
