// Reader: bytes of a letter file (.txt, .md, .html, .pdf) to one clean text.
//
// The clean text is what the parser reads, the index stores and snippets
// quote. It is valid UTF-8, NFKC-normalised, with mojibake repaired, markup
// removed, hard-wrapped lines joined, words hyphenated across line ends
// rejoined, page headers/footers and form feeds removed. Paragraphs are
// separated by exactly one blank line ("\n\n"); a paragraph never contains a
// newline. Headings, header-table fields ("Case Number: CM14-0039927"), item
// headings ("Norco 10/325mg QTY: 90.00: Upheld") and labels ("Claims
// Administrator guideline:", "Decision rationale:") each start a paragraph.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "imr/layout/letter_labels.h"

namespace imr::indexer {

enum class Format { text, markdown, html, pdf };

// A file that cannot be read at all (missing, unreadable, not a PDF it claims
// to be, too large); the message says why, for the user.
class ReadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct CleanText {
  std::string text;
  std::vector<std::string> warnings;  // repaired or suspicious input, for the user
};

// What reading a letter needs besides its bytes: the labels letters print
// (they start paragraphs and tell page furniture from text) and the word
// beginnings that keep a line-end hyphen. Immutable once built, so one serves
// every thread; whoever assembles a reader builds it and passes it in.
struct ReaderData {
  std::shared_ptr<const layout::LetterLabels> labels;
  std::shared_ptr<const std::unordered_set<std::string>> hyphen_prefixes;
  // Words of the vocabularies, to rejoin words PDF text cut without a hyphen; may be null.
  std::shared_ptr<const std::unordered_set<std::string>> known_words;
  // Endings that only close a word, to rejoin a word cut before one; may be null.
  std::shared_ptr<const std::unordered_set<std::string>> word_endings;

  // All from schema/data.
  static ReaderData builtin();
};

// Files larger than this are refused with a ReadError rather than read.
inline constexpr std::uintmax_t kMaxLetterBytes = 64u << 20;

// The format a path's extension names; ReadError for other extensions.
Format format_of(const std::filesystem::path& path);
// True for the extensions the indexer reads (.txt .md .html .htm .pdf).
bool is_letter_file(const std::filesystem::path& path);

// The bytes of a file, refusing missing, unreadable and oversized files. Throws ReadError.
std::string read_file_bytes(const std::filesystem::path& path);
// Reads and cleans one file. Throws ReadError.
CleanText read_letter(const std::filesystem::path& path, const ReaderData& data);
// Cleans bytes already in memory (PDF bytes are extracted with poppler-cpp).
CleanText clean_letter(std::string_view bytes, Format format, const ReaderData& data);

}  // namespace imr::indexer
