// A minimal PDF (Helvetica, WinAnsi) with text lines placed at (x, y from
// top), for tests that need a real PDF of a known layout.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

struct PdfLine {
  double x, y;
  std::string text;
};

inline std::string pdf_escape(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (c == '(' || c == ')' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

inline std::string make_pdf(const std::vector<std::vector<PdfLine>>& pages) {
  const std::size_t n = pages.size();
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>", "",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"};
  std::string kids;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t page_obj = 4 + 2 * i;
    kids += std::to_string(page_obj) + " 0 R ";
    std::string content;
    for (const PdfLine& l : pages[i])
      content += "BT /F1 11 Tf " + std::to_string(l.x) + " " + std::to_string(792 - l.y) + " Td (" +
                 pdf_escape(l.text) + ") Tj ET\n";
    objects.push_back(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
        "/Contents " +
        std::to_string(page_obj + 1) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream");
  }
  objects[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(n) + " >>";
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (const std::size_t o : offsets) {
    char entry[24];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", o);
    pdf += entry;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}
