#include "imr/schema/stored_letter.h"

#include <memory>
#include <stdexcept>

#include <zstd.h>
#include <nlohmann/json.hpp>

#include "imr/schema/record_msgpack.h"

namespace imr::schema {
namespace {

// The first byte of the current format; the JSON of the old one starts with '{'.
constexpr char kZstdFormat = '\x02';
constexpr int kLevel = 3;

void put_varint(std::string& out, std::size_t n) {
  for (; n >= 0x80; n >>= 7) out.push_back(static_cast<char>((n & 0x7f) | 0x80));
  out.push_back(static_cast<char>(n));
}

std::size_t get_varint(std::string_view in, std::size_t& pos) {
  std::size_t n = 0;
  for (int shift = 0; shift < 64 && pos < in.size(); shift += 7) {
    const auto byte = static_cast<unsigned char>(in[pos++]);
    n |= static_cast<std::size_t>(byte & 0x7f) << shift;
    if (!(byte & 0x80)) return n;
  }
  throw std::runtime_error("stored letter is corrupt: bad record length");
}

// Contexts freed on every path, an exception included.
using CompressionContext = std::unique_ptr<ZSTD_CCtx, decltype(&ZSTD_freeCCtx)>;
using DecompressionContext = std::unique_ptr<ZSTD_DCtx, decltype(&ZSTD_freeDCtx)>;

// A context per thread, reused: creating one per letter cost more than the
// compression (its large workspace made malloc consolidate its free lists every time).
// Reuse does not change the output, which depends only on the level or the dictionary.
ZSTD_CCtx* thread_compression_context() {
  thread_local const CompressionContext cctx(ZSTD_createCCtx(), ZSTD_freeCCtx);
  if (!cctx) throw std::runtime_error("cannot compress a letter: out of memory");
  return cctx.get();
}

// The same for reading: a page of hits decompresses twenty letters, and a
// fresh context each (its workspace allocated and faulted in) was 3% of a
// loaded server's time.
ZSTD_DCtx* thread_decompression_context() {
  thread_local const DecompressionContext dctx(ZSTD_createDCtx(), ZSTD_freeDCtx);
  if (!dctx) throw std::runtime_error("cannot read a stored letter: out of memory");
  return dctx.get();
}

std::string compress(std::string_view plain, const LetterDictionary* dictionary) {
  std::string out(1 + ZSTD_compressBound(plain.size()), kZstdFormat);
  ZSTD_CCtx* const cctx = thread_compression_context();
  const std::size_t n =
      dictionary ? ZSTD_compress_usingCDict(cctx, out.data() + 1, out.size() - 1, plain.data(), plain.size(),
                                            dictionary->for_compression())
                 : ZSTD_compressCCtx(cctx, out.data() + 1, out.size() - 1, plain.data(), plain.size(), kLevel);
  if (ZSTD_isError(n)) throw std::runtime_error(std::string("cannot compress a letter: ") + ZSTD_getErrorName(n));
  out.resize(1 + n);
  return out;
}

std::string decompress(std::string_view frame, LetterDictionaries& dictionaries) {
  const unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN)
    throw std::runtime_error("stored letter is corrupt: not a zstd frame");
  const unsigned id = ZSTD_getDictID_fromFrame(frame.data(), frame.size());
  const LetterDictionary* dictionary = id == 0 ? nullptr : &dictionaries.find(id);
  std::string out(size, '\0');
  ZSTD_DCtx* const dctx = thread_decompression_context();
  const std::size_t n = dictionary == nullptr
                            ? ZSTD_decompressDCtx(dctx, out.data(), out.size(), frame.data(), frame.size())
                            : ZSTD_decompress_usingDDict(dctx, out.data(), out.size(), frame.data(), frame.size(),
                                                         dictionary->for_decompression());
  if (ZSTD_isError(n) || n != size)
    throw std::runtime_error(std::string("stored letter is corrupt: ") + ZSTD_getErrorName(n));
  return out;
}

StoredLetter decode_json(std::string_view data) {
  const auto j = nlohmann::json::parse(data);
  return StoredLetter{j.at("record").get<Record>(), j.at("text").get<std::string>()};
}

StoredLetter decode_frame(std::string_view frame, LetterDictionaries& dictionaries) {
  const std::string plain = decompress(frame, dictionaries);
  std::size_t pos = 0;
  const std::size_t record_size = get_varint(plain, pos);
  if (record_size > plain.size() - pos) throw std::runtime_error("stored letter is corrupt: record cut short");
  const std::string_view record(plain.data() + pos, record_size);
  return StoredLetter{record_from_msgpack(record), plain.substr(pos + record_size)};
}

}  // namespace

std::string encode_stored_letter(const StoredLetter& letter, const LetterDictionary* dictionary) {
  const std::vector<std::uint8_t> record = nlohmann::json::to_msgpack(nlohmann::json(letter.record));
  std::string plain;
  put_varint(plain, record.size());
  plain.append(record.begin(), record.end());
  plain += letter.text;
  return compress(plain, dictionary);
}

StoredLetter decode_stored_letter(std::string_view data, LetterDictionaries& dictionaries) {
  try {
    if (!data.empty() && data.front() == kZstdFormat) return decode_frame(data.substr(1), dictionaries);
    return decode_json(data);
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(std::string("stored letter is corrupt: ") + e.what());
  }
}

StoredLetter read_stored_letter(const Xapian::Database& db, const Xapian::Document& doc) {
  LetterDictionaries dictionaries(db);
  return decode_stored_letter(doc.get_data(), dictionaries);
}

}  // namespace imr::schema
