// The 2016-on header table as a real PDF's text: "Application Received:" on
// two lines of the second column, the date beside its first word.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "imr/parser/letter_parser.h"
#include "imr/reader/letter_reader.h"
#include "test_pdf.h"
#include "test_reader_data.h"

namespace {

// The table with the second column's last label given by the caller.
std::vector<PdfLine> header_table(const std::vector<PdfLine>& application_received) {
  std::vector<PdfLine> lines{{72, 60, "Final Determination Letter for IMR Case"},
                             {72, 100, "Case Number:"},
                             {160, 100, "CM16-0211111"},
                             {320, 100, "Date Assigned:"},
                             {420, 100, "10/20/2016"},
                             {72, 114, "Date of Injury:"},
                             {160, 114, "04/02/2012"},
                             {320, 114, "Decision Date:"},
                             {420, 114, "11/30/2016"},
                             {72, 128, "UR Denial Date:"},
                             {160, 128, "09/28/2016"},
                             {72, 142, "Priority:"},
                             {160, 142, "Standard"},
                             {72, 200, "HOW THE IMR FINAL DETERMINATION WAS MADE"},
                             {72, 230, "The Expert Reviewer has the following credentials:"},
                             {72, 260, "State(s) of Licensure: California"}};
  lines.insert(lines.end() - 3, application_received.begin(), application_received.end());
  return lines;
}

imr::schema::Record record_of_pdf(const std::vector<PdfLine>& lines) {
  const auto clean = imr::indexer::clean_letter(make_pdf({lines}), imr::indexer::Format::pdf, test_reader_data());
  const imr::indexer::LetterParser parser(imr::schema::Vocabulary::builtin());
  return parser.parse(clean.text, "letter.pdf").record;
}

}  // namespace

TEST_CASE("parser: a PDF header table with the application date beside a two-line label") {
  for (const double date_x : {385.0, 420.0, 470.0}) {
    CAPTURE(date_x);
    const auto r =
        record_of_pdf(header_table({{320, 142, "Application"}, {date_x, 142, "11/03/2016"}, {320, 156, "Received:"}}));
    CHECK(r.dates.application_received == "2016-11-03");
    CHECK(r.dates.assigned == "2016-10-20");
    CHECK(r.dates.decision == "2016-11-30");
    CHECK(r.priority == "standard");
    CHECK(r.case_number == "CM16-0211111");
  }
}

// As the generator's double-spaced PDFs print it: a blank line between the label's two words.
TEST_CASE("parser: a double-spaced PDF header table with the application date after a two-line label") {
  const auto r = record_of_pdf(header_table({{320, 142, "Application"}, {320, 170, "Received: 11/03/2016"}}));
  CHECK(r.dates.application_received == "2016-11-03");
  CHECK(r.priority == "standard");
}
