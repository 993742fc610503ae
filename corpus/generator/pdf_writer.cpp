// write_pdf: US Letter pages, a monospaced face so wrapped lines fit.
#include "pdf_writer.h"

#include <stdexcept>
#include <string>

#include <cairo-pdf.h>
#include <cairo.h>

namespace imr::generator {
namespace {

constexpr double kWidth = 612, kHeight = 792;  // points
constexpr double kMargin = 40, kFontSize = 8.5, kLeading = 13.2;

void check(cairo_status_t status, const std::filesystem::path& path) {
  if (status != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error("cannot write " + path.string() + ": " + cairo_status_to_string(status));
}

}  // namespace

void write_pdf(const std::filesystem::path& path, const std::vector<Page>& pages, std::string_view created) {
  cairo_surface_t* surface = cairo_pdf_surface_create(path.c_str(), kWidth, kHeight);
  // Cairo stamps the time of writing otherwise, and a seed must give the same files.
  const std::string created_at = std::string(created) + "T00:00:00Z";
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, created_at.c_str());
  cairo_t* cr = cairo_create(surface);
  cairo_select_font_face(cr, "DejaVu Sans Mono", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, kFontSize);
  for (const Page& page : pages) {
    double y = kMargin;
    for (const std::string& line : page) {
      if (!line.empty() && line != " ") {
        cairo_move_to(cr, kMargin, y);
        cairo_show_text(cr, line.c_str());
      }
      y += kLeading;
    }
    cairo_show_page(cr);
  }
  const cairo_status_t status = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t finished = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  check(status, path);
  check(finished, path);
}

}  // namespace imr::generator
