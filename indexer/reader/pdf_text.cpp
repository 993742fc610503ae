// pdf_pages: checks the PDF's frame, then asks poppler-cpp for each page's text.
#include "pdf_text.h"

#include <climits>
#include <memory>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include "imr/reader/letter_reader.h"

namespace imr::indexer::reader {
namespace {

// A PDF starts with "%PDF-" near its start and ends with "%%EOF" near its end;
// a file cut short loses the latter, and poppler would silently read a part.
constexpr std::size_t kHeaderWindow = 1024;
constexpr std::size_t kTrailerWindow = 2048;

void check_frame(std::string_view bytes) {
  if (bytes.substr(0, kHeaderWindow).find("%PDF-") == std::string_view::npos)
    throw ReadError("not a PDF file (no %PDF- header); check the file's extension");
  if (bytes.substr(bytes.size() > kTrailerWindow ? bytes.size() - kTrailerWindow : 0).find("%%EOF") ==
      std::string_view::npos)
    throw ReadError("the PDF is truncated (its %%EOF end marker is missing); copy the file again");
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) throw ReadError("the PDF is too large to read");
}

void ignore_poppler_message(const std::string&, void*) {}

std::string page_text(const poppler::document& document, int index) {
  const std::unique_ptr<poppler::page> page(document.create_page(index));
  if (!page) return {};
  const poppler::byte_array utf8 = page->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
  return std::string(utf8.begin(), utf8.end());
}

}  // namespace

std::vector<std::string> pdf_pages(std::string_view bytes) {
  check_frame(bytes);
  // Poppler reports damage on stderr by default; the reader reports it as a
  // ReadError instead, so the messages would only be noise for the user.
  poppler::set_debug_error_function(ignore_poppler_message, nullptr);
  const std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!document) throw ReadError("poppler cannot open the PDF (it is damaged or not a PDF)");
  if (document->is_locked()) throw ReadError("the PDF is encrypted; save an unprotected copy to index it");
  if (document->pages() <= 0) throw ReadError("the PDF has no pages");
  std::vector<std::string> pages;
  for (int i = 0; i < document->pages(); ++i) pages.push_back(page_text(*document, i));
  return pages;
}

}  // namespace imr::indexer::reader
