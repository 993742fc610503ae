// The clean text of a letter as paragraphs, each tagged with the section it
// belongs to. Sections are what the layouts share: who reviewed the case,
// the case summary, the decisions; a heading opens one and the next closes it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "imr/layout/letter_labels.h"

namespace imr::indexer::parsing {

enum class Section {
  preamble,    // before the first heading: letterhead, header table, notice lines
  reviewer,    // how the determination was made, reviewer qualifications
  documents,   // documents reviewed
  summary,     // clinical case summary
  decisions,   // the items, decisions and rationales
  issues,      // "ISSUE AT DISPUTE": the items and their decisions
  guidelines,  // guidelines relied upon, for every item
  rationale,   // rationale, for every item
  closing,     // after the items: the decision's effect, appeal rights, signature
};

struct Paragraph {
  std::string text;  // whitespace collapsed to single spaces
  Section section;
  bool heading;      // the paragraph opens its section
  std::string body;  // for a heading, the text after it ("CASE SUMMARY: text"); else text
};

class LetterText {
 public:
  // The labels must outlive the LetterText.
  LetterText(std::string_view clean_text, const layout::LetterLabels& labels);

  const layout::LetterLabels& labels() const { return *labels_; }

  const std::vector<Paragraph>& paragraphs() const { return paragraphs_; }
  bool has(Section section) const;
  // The bodies of a section's paragraphs, joined by blank lines.
  std::string section_text(Section section) const;
  // The whole text, paragraphs joined by blank lines.
  const std::string& whole() const { return whole_; }

 private:
  const layout::LetterLabels* labels_;
  std::vector<Paragraph> paragraphs_;
  std::string whole_;
};

// The section a paragraph opens and where its heading ends; length 0 when
// the paragraph is not a heading.
struct HeadingMatch {
  Section section = Section::preamble;
  std::size_t length = 0;
};
HeadingMatch heading_of(std::string_view paragraph, const layout::LetterLabels& labels);

}  // namespace imr::indexer::parsing
