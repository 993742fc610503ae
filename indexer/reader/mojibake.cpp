// repair_mojibake: one left-to-right pass per layer of garbling.
#include "mojibake.h"

#include <algorithm>
#include <optional>

#include "utf8.h"

namespace imr::indexer::reader {
namespace {

// Layers of garbling repaired at most; each pass undoes one.
constexpr int kMaxPasses = 3;

std::size_t continuation_count(int lead_byte) {
  if (lead_byte >= 0xC2 && lead_byte <= 0xDF) return 1;
  if (lead_byte >= 0xE0 && lead_byte <= 0xEF) return 2;
  if (lead_byte >= 0xF0 && lead_byte <= 0xF4) return 3;
  return 0;
}

constexpr std::string_view kQuoteWithoutLastByte = "\xE2\x80";
constexpr char kRightQuoteLastByte = '\x9D';

// If the characters at pos are the Windows-1252 reading of one UTF-8
// sequence, that sequence and the number of text bytes it replaces.
std::optional<std::pair<std::string, std::size_t>> garbled_at(std::string_view text, std::size_t pos) {
  const CodePoint lead = decode_utf8(text, pos);
  const std::size_t needed = continuation_count(windows1252_byte(lead.value));
  if (lead.length < 2 || needed == 0) return std::nullopt;
  std::string bytes(1, static_cast<char>(windows1252_byte(lead.value)));
  std::size_t end = pos + lead.length;
  while (bytes.size() <= needed) {
    const CodePoint next = end < text.size() ? decode_utf8(text, end) : CodePoint{};
    const int byte = windows1252_byte(next.value);
    if (next.length == 0 || byte < 0x80 || byte > 0xBF) {
      // The right double quote's last byte (0x9D) has no Windows-1252
      // character, and many decoders drop it: "â€" before anything else is ”.
      if (bytes != kQuoteWithoutLastByte) return std::nullopt;
      bytes += kRightQuoteLastByte;
      break;
    }
    bytes += static_cast<char>(byte);
    end += next.length;
  }
  if (decode_utf8(bytes, 0).length != bytes.size()) return std::nullopt;
  return std::pair{std::move(bytes), end - pos};
}

// Copies only when something is repaired: most letters have nothing to repair.
std::size_t repair_pass(std::string& text) {
  std::string out;
  std::size_t copied = 0;  // text before this offset is in out
  std::size_t repaired = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
    } else if (auto fixed = garbled_at(text, pos)) {
      out.append(text, copied, pos - copied);
      out += fixed->first;
      pos += fixed->second;
      copied = pos;
      ++repaired;
    } else {
      pos += std::max<std::size_t>(decode_utf8(text, pos).length, 1);
    }
  }
  if (repaired == 0) return 0;
  out.append(text, copied);
  text = std::move(out);
  return repaired;
}

}  // namespace

std::size_t repair_mojibake(std::string& text) {
  std::size_t total = 0;
  for (int pass = 0; pass < kMaxPasses; ++pass) {
    const std::size_t repaired = repair_pass(text);
    if (repaired == 0) break;
    total += repaired;
  }
  return total;
}

}  // namespace imr::indexer::reader
