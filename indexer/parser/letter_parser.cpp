// The parser: clean text -> LetterText (paragraphs by section) -> each field's
// reader -> the record. Letter-wide facts come from the header table first and
// from the case summary's prose when the letter has no table.
#include "imr/parser/letter_parser.h"

#include "diagnoses.h"
#include "header_fields.h"
#include "item_facts.h"
#include "layout.h"
#include "letter_checks.h"
#include "letter_text.h"
#include "patient_facts.h"
#include "printed_items.h"
#include "reviewer_facts.h"
#include "summary_dates.h"
#include "summary_requests.h"

namespace imr::indexer {
namespace {

using namespace parsing;

void add_warnings(std::vector<std::string>& to, const std::vector<std::string>& from) {
  to.insert(to.end(), from.begin(), from.end());
}

void fill_if_missing(std::optional<std::string>& field, const std::optional<std::string>& value) {
  if (!field) field = value;
}

// The case summary when the letter has one; else the whole text, so that a
// letter in an unknown layout still gives what it plainly states.
std::string summary_of(const LetterText& text) {
  return text.has(Section::summary) ? text.section_text(Section::summary) : text.whole();
}

// The text's case number wins; else the file's name when it is one.
void take_case_number(schema::Record& r) {
  if (r.case_number) {
    r.case_number_from = "text";
  } else if ((r.case_number = case_number_of_file(r.source))) {
    r.case_number_from = "file_name";
  }
}

}  // namespace

LetterParser::LetterParser(std::shared_ptr<const schema::Vocabulary> vocabulary,
                           std::shared_ptr<const layout::LetterLabels> labels)
    : vocabulary_(std::move(vocabulary)), labels_(std::move(labels)), item_rules_(parsing::item_rules(*labels_)) {}

ParsedLetter LetterParser::parse(std::string_view clean_text, std::string source) const {
  ParsedLetter out;
  schema::Record& r = out.record;
  r.source = std::move(source);
  const LetterText text(clean_text, *labels_);
  r.layout = std::string(layout_of(text.whole()));

  HeaderFields header = header_fields(text.whole(), *labels_);
  r.case_number = std::move(header.case_number);
  r.dates = std::move(header.dates);
  r.priority = std::move(header.priority);
  add_warnings(out.warnings, header.warnings);

  const std::string summary = summary_of(text);
  const SummaryDates stated = summary_dates(summary);
  fill_if_missing(r.dates.injury, stated.injury);
  fill_if_missing(r.dates.ur_denial, stated.ur_denial);
  r.patient = patient_facts(summary);
  r.diagnoses = diagnoses_in(summary);

  ReviewerFacts reviewer = reviewer_facts(text.whole(), *labels_, *vocabulary_, analyzer_);
  r.reviewer = std::move(reviewer.reviewer);
  add_warnings(out.warnings, reviewer.warnings);

  const PrintedItems printed = printed_items(text, *item_rules_);
  add_warnings(out.warnings, printed.warnings);
  ReadingFacts facts;
  for (const PrintedItem& item : printed.items) {
    if (!item.decision.empty())
      r.items.push_back(item_facts(item, *vocabulary_, analyzer_));
    else
      ++facts.undecided_items;
  }
  r.outcome = schema::outcome_of(r.items);

  out.is_letter = r.layout != kUnknownLayout || !r.items.empty() || r.case_number.has_value();
  // After is_letter: a file's name alone does not make it a letter.
  take_case_number(r);
  // Only a summary proper: elsewhere (the notice lines) enumerations are the items themselves.
  if (text.has(Section::summary)) facts.summary = summary_requests(summary);
  r.checks = letter_checks(r, facts);
  return out;
}

}  // namespace imr::indexer
