// The headings and labels of the known letter layouts, as listed in
// schema/data/letter_labels.tsv, and where they occur in a text. The reader
// starts a paragraph at each; the parser reads the sections and fields they
// name. Both use this class, so the list exists once.
#pragma once

#include "imr/schema/data_table.h"

#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace imr::indexer::layout {

enum class LabelKind {
  heading,     // a section heading, a paragraph of its own ("CLINICAL CASE SUMMARY")
  field,       // a header-table or credentials field, its value follows ("Case Number:")
  label,       // a label inside a section, its text follows ("Decision rationale:")
  decision,    // ends an item heading ("...QTY: 30.00: Upheld")
  numbering,   // a word before an item heading's number ("Item 1:", "Treatment #2"); never matched in text
  lead,        // words before an item heading's treatment ("Request for X"); never matched in text
  conclusion,  // a sentence's end that decides an item ("... is not medically necessary"); never matched in text
};

struct Label {
  LabelKind kind;
  std::string name;  // what it stands for; headings name the section they open
  std::string text;  // as printed
};

struct LabelMatch {
  const Label* label;
  std::size_t start;  // byte offsets into the searched text
  std::size_t end;
};

// Immutable once built, so one instance serves every thread.
class LetterLabels {
 public:
  // The labels of schema/data/letter_labels.tsv, built once by whoever
  // assembles a reader and parser, and passed to them.
  static std::shared_ptr<const LetterLabels> builtin();
  // Labels from text in the letter_labels.tsv format; std::runtime_error names a malformed line.
  explicit LetterLabels(std::string_view tsv);
  explicit LetterLabels(const std::vector<schema::TsvRow>& rows);

  const std::vector<Label>& labels() const { return labels_; }

  // The longest label starting at byte pos of text, if one does. Matches only
  // at word starts and whole words; whitespace in text must be single spaces.
  std::optional<LabelMatch> match_at(std::string_view text, std::size_t pos) const;
  // The decision label that word is in full ("Upheld", "OVERTURNED"), where
  // it stands alone rather than after an item heading's colon. Only one-word
  // decisions stand alone: a phrase on a line of its own ("NOT medically
  // necessary.") is more often the end of a sentence.
  const Label* decision_word(std::string_view word) const;
  // The decision label that text is in full, a phrase too ("Not medically
  // necessary"), where something marks its place (a table's column).
  const Label* decision_in_full(std::string_view text) const;
  // The heading that a paragraph is in full, in any case ("Clinical Case
  // Summary"): standing alone it cannot be prose using the same words.
  const Label* heading_in_full(std::string_view paragraph) const;
  // Every label in text, left to right, none overlapping. Linear in text size.
  std::vector<LabelMatch> find_all(std::string_view text) const;

 private:
  std::vector<Label> labels_;
  // Lower-cased first word of a label -> indexes into labels_, longest first.
  std::unordered_map<std::string, std::vector<std::size_t>> by_first_word_;
  // Bytes a match can begin with, so most words are passed over unread.
  std::array<bool, 256> starts_label_{};
};

}  // namespace imr::indexer::layout
