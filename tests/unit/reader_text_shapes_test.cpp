// The reader's steps on the text shapes real letter files come in: one
// paragraph per line with single empty lines, list dashes at line ends,
// pages cut at a full line, and running lines that are text.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "imr/schema/text.h"
#include "reader/dehyphenator.h"
#include "reader/line_unwrapper.h"
#include "reader/page_furniture.h"
#include "test_reader_data.h"

namespace {

using namespace imr::indexer::reader;
using Paragraphs = std::vector<std::string>;

Paragraphs unwrap(std::string_view text) {
  const Dehyphenator dehyphenator(*test_reader_data().hyphen_prefixes, text);
  return unwrap_paragraphs(text, dehyphenator);
}

// A line of words as wide as a wrapped page line.
std::string full_line(char tag) { return std::string(70, tag) + " ends here."; }

// The paragraphs of the short letter the first two cases print in two shapes.
const Paragraphs kLetterParagraphs{
    "CLINICAL CASE SUMMARY",           "The patient is a 39 year old female. She has back pain.",
    "Carisoprodol 350mg #120: Upheld", "Decision rationale: Soma is not recommended.",
    "Norco 10/325mg #90: Overturned",  "Decision rationale: Norco is recommended here."};

// One sentence, and the same wrapped mid-sentence over four lines.
const std::string kSentence = "The patient is a 39 year old female who has back pain. She takes Soma and Norco daily.";
const Paragraphs kWrappedSentence{"The patient is a 39 year", "old female who has back", "pain. She takes Soma",
                                  "and Norco daily."};

// The lines with `between` after each but the last, and a line end after that.
std::string lines_joined(const Paragraphs& lines, std::string_view between) {
  return imr::text::join(lines, between) + "\n";
}

}  // namespace

TEST_CASE("reader: one paragraph per line with single empty lines is not double spacing") {
  CHECK(unwrap(lines_joined(kLetterParagraphs, "\n\n")) == kLetterParagraphs);
  // The same lines wrapped mid-sentence, an empty line after each, are double-spaced text.
  CHECK(unwrap(lines_joined(kWrappedSentence, "\n\n")) == Paragraphs{kSentence});
}

TEST_CASE("reader: one paragraph per line without empty lines is not hard wrapping") {
  CHECK(unwrap(lines_joined(kLetterParagraphs, "\n")) == kLetterParagraphs);
  CHECK(unwrap(lines_joined(kWrappedSentence, "\n")) == Paragraphs{kSentence});
}

TEST_CASE("reader: a list dash at a line end stays a list dash") {
  CHECK(unwrap("Diagnoses:- low back pain- lumbar strain-\ncervical strain.") ==
        Paragraphs{"Diagnoses:- low back pain- lumbar strain- cervical strain."});
  CHECK(unwrap("Diagnoses:-muscle spasm-\nneck pain.") == Paragraphs{"Diagnoses:-muscle spasm- neck pain."});
  // Outside a list, a broken word is still rejoined.
  CHECK(unwrap("Diagnoses:- back pain. The treat-\nment helped.") ==
        Paragraphs{"Diagnoses:- back pain. The treatment helped."});
}

TEST_CASE("reader: a page that ends on a full line runs on unless the next opens a numbered item") {
  const std::string a = full_line('a');
  const std::string b = full_line('b');
  CHECK(join_pages({b + "\n" + a, "The request is not medically necessary."}, test_labels()) ==
        b + "\n" + a + "\nThe request is not medically necessary.");
  CHECK(join_pages({b + "\n" + a, "2) Regarding the request for Norco:"}, test_labels()) ==
        b + "\n" + a + "\n\n2) Regarding the request for Norco:");
  // A short last line ends its paragraph at the page end.
  CHECK(join_pages({b + "\nShort line.", "The next paragraph."}, test_labels()) ==
        b + "\nShort line.\n\nThe next paragraph.");
  // Double-spaced text marks that end with a line of spaces, or else with two
  // empty lines; a form feed left at a page's end is no such mark.
  const std::string first = "The patient has\n\nback pain.\n\n \n\nShe takes\n\nnaproxen daily.\n\n";
  CHECK(join_pages({first, "Next paragraph\n\nhere.\n\n"}, test_labels()) ==
        first.substr(0, first.size() - 2) + "\n \nNext paragraph\n\nhere.");
  const std::string no_marks = "The patient has\n\nback pain.\n\nShe takes\n\nnaproxen daily.\n\n";
  CHECK(join_pages({no_marks + "\f", "Next paragraph\n\nhere.\n\n"}, test_labels()) ==
        no_marks.substr(0, no_marks.size() - 2) + "\n\n\nNext paragraph\n\nhere.");
}

TEST_CASE("reader: a running line is furniture only from the edge of the page inward") {
  const std::string item = "Compounded ketoprofen 20% cream apply twice";
  const std::vector<std::string> pages = {"HEADER\nText one.\n" + item + "\ndaily: Upheld\nPage 1 of 2",
                                          "HEADER\nText two.\n" + item + "\ndaily is non-certified.\nPage 2 of 2"};
  CHECK(join_pages(pages, test_labels()) ==
        "Text one.\n" + item + "\ndaily: Upheld\nText two.\n" + item + "\ndaily is non-certified.");
}
