// Splits clean text into paragraphs and assigns each to its section.
#include "letter_text.h"

#include <array>
#include <cctype>
#include <optional>
#include <utility>

#include "imr/layout/letter_labels.h"
#include "text_util.h"

namespace imr::indexer::parsing {
namespace {

// The sections a layout label opens, by the label's name in letter_labels.tsv.
// Notice letters print some sections as labels ("Case Summary:").
std::optional<Section> section_named(const layout::Label& label) {
  static constexpr std::array<std::pair<std::string_view, Section>, 8> kSections{{
      {"reviewer", Section::reviewer},
      {"documents", Section::documents},
      {"summary", Section::summary},
      {"decisions", Section::decisions},
      {"issues", Section::issues},
      {"guidelines", Section::guidelines},
      {"rationale", Section::rationale},
      {"closing", Section::closing},
  }};
  const bool opens_section =
      label.kind == layout::LabelKind::heading ||
      (label.kind == layout::LabelKind::label && (label.name == "reviewer" || label.name == "summary"));
  if (!opens_section) return std::nullopt;
  for (const auto& [name, section] : kSections)
    if (label.name == name) return section;
  return std::nullopt;
}

std::string collapse_spaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    const bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
    if (!space)
      out.push_back(c);
    else if (!out.empty() && out.back() != ' ')
      out.push_back(' ');
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Paragraphs are separated by blank lines; lines inside one are joined, so
// text that still carries hard wraps reads the same as clean text.
std::vector<std::string> split_paragraphs(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  const auto flush = [&] {
    if (std::string p = collapse_spaces(current); !p.empty()) out.push_back(std::move(p));
    current.clear();
  };
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    if (trim(line).empty())
      flush();
    else
      current.append(line).push_back(' ');
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
  }
  flush();
  return out;
}

// What follows a heading in its own paragraph ("CASE SUMMARY: The patient ...").
std::string_view heading_body(std::string_view rest) {
  rest = trim_markup(rest);
  if (!rest.empty() && rest.front() == ':') rest = trim_markup(rest.substr(1));
  return rest;
}

}  // namespace

HeadingMatch heading_of(std::string_view paragraph, const layout::LetterLabels& labels) {
  const std::string_view p = trim_markup(paragraph);
  const auto match = labels.match_at(p, 0);
  const layout::Label* label = match ? match->label : labels.heading_in_full(p);
  if (!label) return {};
  const auto section = section_named(*label);
  if (!section) return {};
  return {*section, static_cast<std::size_t>(p.data() - paragraph.data()) + (match ? match->end : p.size())};
}

LetterText::LetterText(std::string_view clean_text, const layout::LetterLabels& labels) : labels_(&labels) {
  Section section = Section::preamble;
  for (std::string& text : split_paragraphs(clean_text)) {
    const HeadingMatch h = heading_of(text, labels);
    const bool heading = h.length > 0;
    if (heading) section = h.section;
    std::string body(heading ? heading_body(std::string_view(text).substr(h.length)) : std::string_view(text));
    if (!whole_.empty()) whole_ += "\n\n";
    whole_ += text;
    paragraphs_.push_back({std::move(text), section, heading, std::move(body)});
  }
}

bool LetterText::has(Section section) const {
  for (const Paragraph& p : paragraphs_)
    if (p.section == section && p.heading) return true;
  return false;
}

std::string LetterText::section_text(Section section) const {
  std::string out;
  for (const Paragraph& p : paragraphs_) {
    if (p.section != section || p.body.empty()) continue;
    if (!out.empty()) out += "\n\n";
    out += p.body;
  }
  return out;
}

}  // namespace imr::indexer::parsing
