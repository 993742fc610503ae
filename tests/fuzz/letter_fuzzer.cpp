// libFuzzer target: any bytes through the whole reader + parser, in every
// format. The first byte picks the format (0 text, 1 markdown, 2 html, 3 pdf,
// modulo 4); the rest is the file. Must never crash, hang, or trip a
// sanitizer; ReadError is the only acceptable exception (a clear refusal of
// unreadable input). Whatever it reads must keep the promises of
// reader/letter_reader.h and of the record (contract section 2): a broken
// promise aborts with the invariant's name, so libFuzzer keeps the input.
// The PDF and markdown seeds in corpus/letter/ come from tests/fuzz/make_seeds.
#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "imr/pipeline/letter_loader.h"

namespace {

using imr::schema::Record;

[[noreturn]] void violated(std::string_view invariant, std::string_view detail) {
  std::fprintf(stderr, "\nletter_fuzzer: invariant violated: %.*s: %.*s\n", static_cast<int>(invariant.size()),
               invariant.data(), static_cast<int>(detail.size()), detail.data());
  std::abort();
}

imr::indexer::Format pick_format(std::uint8_t selector) {
  switch (selector % 4) {
    case 0:
      return imr::indexer::Format::text;
    case 1:
      return imr::indexer::Format::markdown;
    case 2:
      return imr::indexer::Format::html;
    default:
      return imr::indexer::Format::pdf;
  }
}

// Decodes one UTF-8 sequence at pos (strict: no overlongs, surrogates or
// values past U+10FFFF); length 0 when invalid. Written here rather than taken
// from the reader, so a bug in the reader's decoder cannot hide itself.
struct Decoded {
  char32_t cp;
  std::size_t length;
};

std::size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

Decoded decode(std::string_view s, std::size_t pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[pos + i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return {lead, 1};
  const std::size_t length = sequence_length(lead);
  if (length == 0 || pos + length > s.size()) return {0, 0};
  char32_t cp = lead & (0x7F >> length);
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return {0, 0};
    cp = (cp << 6) | (byte(i) & 0x3F);
  }
  const char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < smallest[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {0, 0};
  return {cp, length};
}

std::string code_point(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

bool is_control(char32_t cp) { return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0); }

std::string around(std::string_view text, std::size_t pos) {
  const std::size_t from = pos < 40 ? 0 : pos - 40;
  return "at byte " + std::to_string(pos) + " in \"" + std::string(text.substr(from, 80)) + "\"";
}

// The reader removes form feeds and page furniture and separates paragraphs
// with exactly one blank line, so '\n' is the only control character left.
void check_characters(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    const Decoded d = decode(text, pos);
    if (d.length == 0) violated("clean text is valid UTF-8", around(text, pos));
    if (d.cp != '\n' && is_control(d.cp))
      violated("clean text has no control character but \\n", code_point(d.cp) + " " + around(text, pos));
    pos += d.length;
  }
}

// "Paragraphs are separated by exactly one blank line; a paragraph never
// contains a newline": every '\n' is one of a "\n\n" between two paragraphs.
void check_paragraphs(std::string_view text) {
  if (text.starts_with('\n') || text.ends_with('\n'))
    violated("clean text neither starts nor ends with a newline",
             around(text, text.starts_with('\n') ? 0 : text.size() - 1));
  for (std::size_t nl = text.find('\n'); nl != std::string_view::npos; nl = text.find('\n', nl + 2)) {
    const bool one_blank_line = text.substr(nl, 2) == "\n\n" && nl + 2 < text.size() && text[nl + 2] != '\n';
    if (!one_blank_line) violated("paragraphs are separated by exactly one blank line", around(text, nl));
  }
}

// The parser keeps only real calendar dates of 1900-2099 (parser/dates.cpp).
void check_date(const char* field, const std::optional<std::string>& iso) {
  if (!iso) return;
  const std::string& d = *iso;
  const auto digits = [&](std::size_t from, std::size_t n) {
    for (std::size_t i = from; i < from + n; ++i)
      if (d[i] < '0' || d[i] > '9') return false;
    return true;
  };
  const bool shaped = d.size() == 10 && d[4] == '-' && d[7] == '-' && digits(0, 4) && digits(5, 2) && digits(8, 2);
  if (!shaped) violated("dates are ISO yyyy-mm-dd", std::string(field) + " = \"" + d + "\"");
  const int year = std::stoi(d.substr(0, 4));
  const std::chrono::year_month_day ymd{std::chrono::year(year),
                                        std::chrono::month(static_cast<unsigned>(std::stoi(d.substr(5, 2)))),
                                        std::chrono::day(static_cast<unsigned>(std::stoi(d.substr(8, 2))))};
  if (!ymd.ok() || year < 1900 || year > 2099)
    violated("dates are real calendar dates of 1900-2099", std::string(field) + " = \"" + d + "\"");
}

void check_dates(const Record& r) {
  check_date("assigned", r.dates.assigned);
  check_date("injury", r.dates.injury);
  check_date("decision", r.dates.decision);
  check_date("ur_denial", r.dates.ur_denial);
  check_date("application_received", r.dates.application_received);
}

void check_decisions(const Record& r) {
  for (const imr::schema::Item& item : r.items)
    if (item.decision != "upheld" && item.decision != "overturned")
      violated("item decisions are upheld or overturned", "\"" + item.decision + "\" for \"" + item.treatment + "\"");
  if (r.outcome != imr::schema::outcome_of(r.items))
    violated("the outcome follows from the items' decisions",
             "outcome \"" + r.outcome.value_or("null") + "\" over " + std::to_string(r.items.size()) + " item(s)");
}

bool one_of(const std::string& value, std::initializer_list<std::string_view> allowed) {
  return std::ranges::find(allowed, value) != allowed.end();
}

void check_enum(const char* field, const std::optional<std::string>& value,
                std::initializer_list<std::string_view> allowed) {
  if (value && !one_of(*value, allowed))
    violated("fields hold only the contract's values", std::string(field) + " = \"" + *value + "\"");
}

// The closed lists of contract section 2: the facets and filters count on them.
void check_enums(const Record& r) {
  check_enum("priority", r.priority, {"standard", "expedited"});
  check_enum("patient.sex", r.patient.sex, {"female", "male"});
  for (const imr::schema::Item& item : r.items) {
    check_enum(
        "category", item.category,
        {"medication", "physical_therapy", "acupuncture", "chiropractic", "imaging", "electrodiagnostic", "injection",
         "surgery", "dme", "program", "psych", "lab", "home_health", "transportation", "evaluation", "other"});
    check_enum("drug_class", item.drug_class,
               {"opioid", "muscle_relaxant", "nsaid", "anticonvulsant", "antidepressant", "benzodiazepine", "sleep_aid",
                "gastro", "topical", "compound", "other"});
    for (const auto* list : {&item.guidelines, &item.claims_guidelines})
      for (const std::string& id : *list)
        check_enum("guideline", id,
                   {"mtus-chronic-pain", "mtus-acoem", "mtus-postsurgical", "mtus-acupuncture", "mtus-opioids", "odg",
                    "acoem", "uptodate", "other"});
    if (item.drug_class && item.category != "medication")
      violated("only medications have a drug class", item.category + " \"" + item.treatment + "\"");
  }
}

// What the index stores and the API returns is the record's JSON; it must
// carry the whole record (and dump() throws on strings that are not UTF-8).
void check_json_round_trip(const Record& r) {
  std::string text;
  try {
    text = nlohmann::json(r).dump();
  } catch (const nlohmann::json::exception& e) {
    violated("the record serialises to JSON", e.what());
  }
  if (nlohmann::json::parse(text).get<Record>() != r)
    violated("the record's JSON parses back to an equal record", text.substr(0, 2000));
}

void check(const imr::indexer::LoadedLetter& letter) {
  check_characters(letter.clean_text);
  check_paragraphs(letter.clean_text);
  check_dates(letter.parsed.record);
  check_decisions(letter.parsed.record);
  check_enums(letter.parsed.record);
  check_json_round_trip(letter.parsed.record);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const imr::indexer::LetterLoader loader(imr::schema::Vocabulary::builtin());
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::optional<imr::indexer::LoadedLetter> letter;
  try {
    letter = loader.load_bytes(bytes, pick_format(data[0]), "fuzz");
  } catch (const imr::indexer::ReadError&) {
    return 0;
  }
  check(*letter);
  return 0;
}
