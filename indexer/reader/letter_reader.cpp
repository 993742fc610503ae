// The reader's pipeline: bytes -> UTF-8 -> markup removed -> NFKC -> pages
// joined -> paragraphs unwrapped -> paragraphs split at labels.
#include "imr/reader/letter_reader.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <system_error>

#include "dehyphenator.h"
#include "html_markup.h"
#include "imr/layout/letter_labels.h"
#include "imr/schema/term_normalizer.h"
#include "imr/schema/text.h"
#include "line_unwrapper.h"
#include "markdown_markup.h"
#include "mojibake.h"
#include "ocr_digits.h"
#include "page_furniture.h"
#include "paragraph_splitter.h"
#include "pdf_text.h"
#include "text_decoding.h"

namespace imr::indexer {
namespace fs = std::filesystem;
namespace {

std::string lower_extension(const fs::path& path) { return text::lower(path.extension().string()); }

std::vector<std::string> split_pages(const std::string& text) {
  if (text.find('\f') == std::string::npos) return reader::split_at_page_numbers(text);
  std::vector<std::string> pages;
  std::size_t start = 0;
  for (std::size_t ff = text.find('\f'); ff != std::string::npos; ff = text.find('\f', start)) {
    pages.push_back(text.substr(start, ff - start));
    start = ff + 1;
  }
  pages.push_back(text.substr(start));
  return pages;
}

std::string without_markup(const std::string& text, Format format) {
  if (format == Format::html) return reader::strip_html(text, reader::HtmlInput::document);
  // Plain-text letters were often pasted from web pages and markdown tools.
  return reader::strip_markdown(reader::strip_html(text, reader::HtmlInput::embedded));
}

// The pages of a file, as valid UTF-8 with markup removed.
std::vector<std::string> pages_of(std::string_view bytes, Format format, std::vector<std::string>& warnings) {
  if (format == Format::pdf) return reader::pdf_pages(bytes);
  reader::DecodedText decoded = reader::decode_text(bytes);
  warnings.insert(warnings.end(), decoded.warnings.begin(), decoded.warnings.end());
  return split_pages(without_markup(decoded.text, format));
}

void repair_characters(std::vector<std::string>& pages, std::vector<std::string>& warnings) {
  std::size_t repaired = 0;
  std::size_t ocr_repaired = 0;
  for (std::string& page : pages) {
    repaired += reader::repair_mojibake(page);
    ocr_repaired += reader::repair_ocr_digits(page);
    page = schema::normalize_text(page);
  }
  if (repaired > 0)
    warnings.push_back(std::to_string(repaired) +
                       " mis-encoded character(s) repaired (such as \"\u00c2\u00ae\" for \"\u00ae\")");
  if (ocr_repaired > 0)
    warnings.push_back(std::to_string(ocr_repaired) + " character(s) misread by OCR repaired (such as \"guide1ine\")");
}

std::string joined(const std::vector<std::string>& paragraphs) {
  std::string out;
  for (const std::string& p : paragraphs) {
    if (!out.empty()) out += "\n\n";
    out += p;
  }
  return out;
}

}  // namespace

Format format_of(const fs::path& path) {
  const std::string ext = lower_extension(path);
  if (ext == ".txt") return Format::text;
  if (ext == ".md") return Format::markdown;
  if (ext == ".html" || ext == ".htm") return Format::html;
  if (ext == ".pdf") return Format::pdf;
  throw ReadError("unsupported file type \"" + ext + "\" (letters are .txt, .md, .html, .htm or .pdf)");
}

bool is_letter_file(const fs::path& path) {
  const std::string ext = lower_extension(path);
  return ext == ".txt" || ext == ".md" || ext == ".html" || ext == ".htm" || ext == ".pdf";
}

std::string read_file_bytes(const fs::path& path) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) throw ReadError("no such file");
  if (fs::is_directory(status)) throw ReadError("is a folder, not a file");
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) throw ReadError("cannot read the file's size: " + ec.message());
  if (size > kMaxLetterBytes)
    throw ReadError("the file is too large (" + std::to_string(size >> 20) + " MB; letters are at most " +
                    std::to_string(kMaxLetterBytes >> 20) + " MB)");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ReadError(std::string("cannot open the file: ") + std::strerror(errno));
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw ReadError("reading the file failed");
  if (bytes.size() > kMaxLetterBytes) throw ReadError("the file grew past the size limit while being read");
  return bytes;
}

ReaderData ReaderData::builtin() {
  return {layout::LetterLabels::builtin(), reader::Dehyphenator::builtin_prefixes(),
          reader::Dehyphenator::builtin_known_words(), reader::Dehyphenator::builtin_word_endings()};
}

CleanText read_letter(const fs::path& path, const ReaderData& data) {
  const Format format = format_of(path);
  return clean_letter(read_file_bytes(path), format, data);
}

CleanText clean_letter(std::string_view bytes, Format format, const ReaderData& data) {
  CleanText out;
  if (bytes.empty()) {
    out.warnings.emplace_back("the file is empty");
    return out;
  }
  std::vector<std::string> pages = pages_of(bytes, format, out.warnings);
  repair_characters(pages, out.warnings);
  const layout::LetterLabels& labels = *data.labels;
  if (pages.size() == 1) pages = reader::split_at_running_lines(pages.front(), labels);
  const std::string text = reader::join_pages(pages, labels);
  const reader::Dehyphenator dehyphenator(*data.hyphen_prefixes, text, data.known_words.get(), data.word_endings.get());
  const auto decision_line = [&labels](std::string_view line) { return reader::is_decision_line(line, labels); };
  const auto decision_column = [&labels](std::string_view cell) { return reader::is_decision_column(cell, labels); };
  out.text = joined(
      reader::split_at_labels(reader::unwrap_paragraphs(text, dehyphenator, decision_line, decision_column), labels));
  if (out.text.empty()) out.warnings.emplace_back("the file holds no text");
  return out;
}

}  // namespace imr::indexer
