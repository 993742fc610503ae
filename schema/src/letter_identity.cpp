#include "imr/schema/letter_identity.h"

#include <cstdint>
#include <cstdio>

#include "imr/schema/field.h"
#include "imr/schema/text.h"

namespace imr::schema {

std::string content_hash(std::string_view bytes) {
  std::uint64_t h = 14695981039346656037ULL;
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string letter_key(const Record& record, std::string_view clean_text) {
  if (record.case_number && !record.case_number->empty()) return *record.case_number;
  return "h" + content_hash(clean_text);
}

std::string key_term(std::string_view key) { return std::string(prefix::key) + text::lower(key); }

std::string key_of(const Xapian::Document& doc) {
  auto it = doc.termlist_begin();
  it.skip_to(std::string(prefix::key));
  if (it == doc.termlist_end()) return {};
  const std::string term = *it;
  return term.starts_with(prefix::key) ? term.substr(prefix::key.size()) : std::string();
}

std::string key_of(const Record& record, std::string_view clean_text) {
  return text::lower(letter_key(record, clean_text));
}

std::string source_term(std::string_view source) { return std::string(prefix::source) + content_hash(source); }

}  // namespace imr::schema
