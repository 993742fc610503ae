// Text shapes: one letter's paragraphs written out the ways real letter files
// come (PDF text double-spaced or wrapped at any width, one paragraph per
// line from HTML or Word with or without empty lines between, CRLF,
// markdown with or without bold labels, the PDF's two-column header with
// two-line labels, pages with form feeds, running headers and page numbers). A reader that is right reads every
// shape of a letter to the same record; the layout-invariance test and the
// accuracy report both render through here.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "imr/layout/letter_labels.h"
#include "imr/reader/letter_reader.h"

namespace imr::testing {

enum class BlockKind {
  heading,       // a section heading, printed on its own line
  item_heading,  // "TREATMENT: Upheld"
  lines,         // printed line by line as given ('\n' between lines): header table, credentials
  prose,         // wrapped where the shape wraps
};

struct TextBlock {
  BlockKind kind;
  std::string text;
};

enum class TextShape {
  blank_after_every_line,
  paragraph_per_line,
  paragraph_per_line_no_gaps,
  crlf,
  wrapped_60,
  wrapped_80,
  wrapped_120,
  markdown_plain,
  markdown_bold,
  pdf_two_column_header,
  pages_with_furniture,
};

struct ShapeInfo {
  TextShape shape;
  std::string_view name;
  indexer::Format format;  // how the rendered file is read
};

inline constexpr std::array<ShapeInfo, 11> kTextShapes{{
    {TextShape::blank_after_every_line, "blank-line-after-every-line", indexer::Format::text},
    {TextShape::paragraph_per_line, "paragraph-per-line", indexer::Format::text},
    {TextShape::paragraph_per_line_no_gaps, "paragraph-per-line-no-empty-lines", indexer::Format::text},
    {TextShape::crlf, "crlf", indexer::Format::text},
    {TextShape::wrapped_60, "wrapped-60", indexer::Format::text},
    {TextShape::wrapped_80, "wrapped-80", indexer::Format::text},
    {TextShape::wrapped_120, "wrapped-120", indexer::Format::text},
    {TextShape::markdown_plain, "markdown", indexer::Format::markdown},
    {TextShape::markdown_bold, "markdown-bold-labels", indexer::Format::markdown},
    {TextShape::pdf_two_column_header, "pdf-two-column-header", indexer::Format::text},
    {TextShape::pages_with_furniture, "pages-form-feeds-furniture", indexer::Format::text},
}};

namespace shapes_detail {

using indexer::layout::LabelKind;
using indexer::layout::LetterLabels;

inline std::vector<std::string> split(std::string_view text, std::string_view separator) {
  std::vector<std::string> out;
  for (std::size_t start = 0;;) {
    const std::size_t end = text.find(separator, start);
    out.emplace_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return out;
    start = end + separator.size();
  }
}

// The header-table fields a PDF prints two to a row.
inline bool is_header_field(const LetterLabels& labels, std::string_view text) {
  static constexpr std::array<std::string_view, 7> kNames{"case_number",         "date_assigned",  "date_of_injury",
                                                          "decision_date",       "ur_denial_date", "priority",
                                                          "application_received"};
  const auto m = labels.match_at(text, 0);
  return m && m->label->kind == LabelKind::field && std::ranges::find(kNames, m->label->name) != kNames.end();
}

inline BlockKind kind_of_paragraph(const LetterLabels& labels, std::string_view p) {
  const auto first = labels.match_at(p, 0);
  if (first && first->label->kind == LabelKind::heading && first->end == p.size()) return BlockKind::heading;
  const auto all = labels.find_all(p);
  if (!all.empty() && all.back().label->kind == LabelKind::decision && all.back().end + 1 >= p.size())
    return BlockKind::item_heading;
  if (first && first->label->kind == LabelKind::field) return BlockKind::lines;
  return BlockKind::prose;
}

// Words filled into lines of at most width bytes (a longer word gets a line of its own).
inline std::vector<std::string> wrapped(std::string_view text, std::size_t width) {
  std::vector<std::string> lines;
  std::string line;
  for (const std::string& word : split(text, " ")) {
    if (word.empty()) continue;
    if (!line.empty() && line.size() + 1 + word.size() > width) lines.push_back(std::move(line)), line.clear();
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

// The lines of a block as a hard-wrapping printer gives them.
inline std::vector<std::string> printed_lines(const TextBlock& b, std::size_t width) {
  if (b.kind == BlockKind::lines) return split(b.text, "\n");
  if (b.kind == BlockKind::heading) return {b.text};
  return wrapped(b.text, width);
}

inline std::vector<std::string> hard_wrapped_lines(const std::vector<TextBlock>& blocks, std::size_t width) {
  std::vector<std::string> out;
  for (const TextBlock& b : blocks) {
    if (!out.empty()) out.emplace_back();
    for (std::string& line : printed_lines(b, width)) out.push_back(std::move(line));
  }
  return out;
}

inline std::string joined(const std::vector<std::string>& lines, std::string_view eol) {
  std::string out;
  for (const std::string& line : lines) out += line + std::string(eol);
  return out;
}

// "**Label:** text" for a paragraph or line that starts with a label.
inline std::string bold_label(const LetterLabels& labels, const std::string& text) {
  const auto m = labels.match_at(text, 0);
  if (!m || (m->label->kind != LabelKind::field && m->label->kind != LabelKind::label)) return text;
  return "**" + text.substr(0, m->end) + "**" + text.substr(m->end);
}

// "**TREATMENT:** Upheld": bold up to the colon before the decision.
inline std::string bold_item_heading(const std::string& text) {
  const std::size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0) return "**" + text + "**";
  return "**" + text.substr(0, colon + 1) + "**" + text.substr(colon + 1);
}

inline std::string markdown_block(const LetterLabels& labels, const TextBlock& b, bool bold) {
  switch (b.kind) {
    case BlockKind::heading:
      return "## " + b.text;
    case BlockKind::item_heading:
      return bold ? bold_item_heading(b.text) : "### " + b.text;
    case BlockKind::prose:
      return bold ? bold_label(labels, b.text) : b.text;
    case BlockKind::lines: {
      std::string out;
      for (const std::string& line : split(b.text, "\n"))
        out += (out.empty() ? "" : "  \n") + (bold ? bold_label(labels, line) : line);
      return out;
    }
  }
  return b.text;
}

inline std::string markdown(const LetterLabels& labels, const std::vector<TextBlock>& blocks, bool bold) {
  std::string out;
  for (const TextBlock& b : blocks) out += markdown_block(labels, b, bold) + "\n\n";
  return out;
}

inline std::string paragraph_per_line(const std::vector<TextBlock>& blocks, std::string_view separator) {
  std::string out;
  for (const TextBlock& b : blocks)
    for (const std::string& line : printed_lines(b, std::string::npos)) out += line + std::string(separator);
  return out;
}

// Every printed line followed by an empty one, as PDF text often comes.
inline std::string blank_after_every_line(const std::vector<TextBlock>& blocks) {
  return joined(hard_wrapped_lines(blocks, 90), "\n\n");
}

// The header table's fields one by one ("Date Assigned: 06/27/2014"), wherever
// the block put two on a line.
inline std::vector<std::string> header_fields(const LetterLabels& labels, const std::string& block) {
  std::vector<std::string> fields;
  for (const std::string& line : split(block, "\n")) {
    const auto matches = labels.find_all(line);
    std::size_t start = 0;
    for (std::size_t i = 1; i <= matches.size(); ++i) {
      const std::size_t end = i < matches.size() ? matches[i].start : line.size();
      if (i < matches.size() && matches[i].label->kind != LabelKind::field) continue;
      std::string field = line.substr(start, end - start);
      while (!field.empty() && field.back() == ' ') field.pop_back();
      if (!field.empty()) fields.push_back(std::move(field));
      start = end;
    }
  }
  return fields;
}

inline std::string padded(std::string s, std::size_t width) {
  if (s.size() < width) s.resize(width, ' ');
  return s + " ";
}

// One field in a column: "Label:    value", or the two-line "Application" /
// "Received:" with the value beside the first word.
struct Cell {
  std::string first, second;
};

inline Cell cell(const std::string& field) {
  const std::size_t colon = field.find(':');
  const std::string label = field.substr(0, colon + 1);
  const std::string value = colon + 2 <= field.size() ? field.substr(colon + 2) : "";
  const std::size_t space = label.find(' ');
  if (label == "Application Received:") return {padded(label.substr(0, space), 15) + value, label.substr(space + 1)};
  return {padded(label, 17) + value, ""};
}

inline std::string two_column_table(const LetterLabels& labels, const std::string& block) {
  const std::vector<std::string> fields = header_fields(labels, block);
  std::string out;
  for (std::size_t i = 0; i < fields.size(); i += 2) {
    const Cell left = cell(fields[i]);
    const Cell right = i + 1 < fields.size() ? cell(fields[i + 1]) : Cell{};
    std::string row = right.first.empty() ? left.first : padded(left.first, 45) + right.first;
    std::string below = right.second.empty() ? left.second : padded(left.second, 45) + right.second;
    while (!below.empty() && below.back() == ' ') below.pop_back();
    out += (out.empty() ? "" : "\n") + row + (below.empty() ? "" : "\n" + below);
  }
  return out;
}

inline std::string pdf_two_column_header(const LetterLabels& labels, std::vector<TextBlock> blocks) {
  for (TextBlock& b : blocks)
    if (b.kind == BlockKind::lines && is_header_field(labels, b.text)) b.text = two_column_table(labels, b.text);
  return joined(hard_wrapped_lines(blocks, 95), "\n");
}

inline std::string running_header(const LetterLabels& labels, const std::vector<TextBlock>& blocks) {
  for (const TextBlock& b : blocks) {
    if (b.kind != BlockKind::lines) continue;
    for (const std::string& field : header_fields(labels, b.text)) {
      const auto m = labels.match_at(field, 0);
      if (m && m->label->name == "case_number") return field;
    }
  }
  return "Independent Medical Review";
}

// Pages of at most 40 lines (at least two pages), each under the letter's
// case-number line and over "Page i of n", separated by form feeds.
inline std::string pages_with_furniture(const LetterLabels& labels, const std::vector<TextBlock>& blocks) {
  const std::vector<std::string> lines = hard_wrapped_lines(blocks, 80);
  const std::size_t per_page = std::min<std::size_t>(40, lines.size() / 2 + 1);
  const std::size_t pages = (lines.size() + per_page - 1) / per_page;
  const std::string header = running_header(labels, blocks);
  std::string out;
  for (std::size_t p = 0; p < pages; ++p) {
    if (p > 0) out += "\f";
    out += header + "\n\n";
    for (std::size_t i = p * per_page; i < std::min(lines.size(), (p + 1) * per_page); ++i) out += lines[i] + "\n";
    out += "\n                                Page " + std::to_string(p + 1) + " of " + std::to_string(pages) + "\n";
  }
  return out;
}

}  // namespace shapes_detail

// A letter's blocks from the reader's clean text (paragraphs separated by one
// empty line): headings, item headings and header-table fields by the labels
// they print, consecutive header fields as one table.
inline std::vector<TextBlock> blocks_of_clean_text(std::string_view clean,
                                                   const indexer::layout::LetterLabels& labels) {
  std::vector<TextBlock> blocks;
  for (std::string& p : shapes_detail::split(clean, "\n\n")) {
    if (p.empty()) continue;
    const BlockKind kind = shapes_detail::kind_of_paragraph(labels, p);
    const bool header = kind == BlockKind::lines && shapes_detail::is_header_field(labels, p);
    if (header && !blocks.empty() && blocks.back().kind == BlockKind::lines &&
        shapes_detail::is_header_field(labels, blocks.back().text))
      blocks.back().text += "\n" + p;
    else
      blocks.push_back({kind, std::move(p)});
  }
  return blocks;
}

// The base shape the others are held to: paragraphs hard-wrapped at 100
// columns, an empty line between them.
inline std::string base_text(const std::vector<TextBlock>& blocks) {
  return shapes_detail::joined(shapes_detail::hard_wrapped_lines(blocks, 100), "\n");
}

// The letter written out in one shape.
inline std::string render(const std::vector<TextBlock>& blocks, TextShape shape,
                          const indexer::layout::LetterLabels& labels) {
  using namespace shapes_detail;
  switch (shape) {
    case TextShape::blank_after_every_line:
      return blank_after_every_line(blocks);
    case TextShape::paragraph_per_line:
      return paragraph_per_line(blocks, "\n\n");
    case TextShape::paragraph_per_line_no_gaps:
      return paragraph_per_line(blocks, "\n");
    case TextShape::crlf:
      return joined(hard_wrapped_lines(blocks, 80), "\r\n");
    case TextShape::wrapped_60:
      return joined(hard_wrapped_lines(blocks, 60), "\n");
    case TextShape::wrapped_80:
      return joined(hard_wrapped_lines(blocks, 80), "\n");
    case TextShape::wrapped_120:
      return joined(hard_wrapped_lines(blocks, 120), "\n");
    case TextShape::markdown_plain:
      return markdown(labels, blocks, false);
    case TextShape::markdown_bold:
      return markdown(labels, blocks, true);
    case TextShape::pdf_two_column_header:
      return pdf_two_column_header(labels, blocks);
    case TextShape::pages_with_furniture:
      return pages_with_furniture(labels, blocks);
  }
  return {};
}

}  // namespace imr::testing
