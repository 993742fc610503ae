// The reader's steps one by one, on small and hostile inputs.
#include <doctest/doctest.h>

#include <string>
#include <unordered_set>
#include <vector>

#include "imr/layout/letter_labels.h"
#include "imr/reader/letter_reader.h"
#include "reader/dehyphenator.h"
#include "reader/html_entities.h"
#include "reader/html_markup.h"
#include "reader/line_tidy.h"
#include "reader/line_unwrapper.h"
#include "reader/markdown_markup.h"
#include "reader/mojibake.h"
#include "reader/ocr_digits.h"
#include "reader/page_furniture.h"
#include "reader/paragraph_splitter.h"
#include "reader/text_decoding.h"
#include "test_reader_data.h"

namespace {

using namespace imr::indexer;
using namespace imr::indexer::reader;
using Paragraphs = std::vector<std::string>;

std::string repaired(std::string text) {
  repair_mojibake(text);
  return text;
}

std::string ocr_repaired(std::string text) {
  repair_ocr_digits(text);
  return text;
}

Paragraphs unwrap(std::string_view text) {
  const Dehyphenator dehyphenator(*test_reader_data().hyphen_prefixes, text);
  return unwrap_paragraphs(text, dehyphenator);
}

Paragraphs split(const Paragraphs& paragraphs) { return split_at_labels(paragraphs, test_labels()); }

}  // namespace

TEST_CASE("reader: text decoding refuses binary content") {
  CHECK_THROWS_AS(decode_text(std::string("abc\0def", 7)), ReadError);
  CHECK_THROWS_AS(decode_text("\x89PNG\r\n\x1a\n...."), ReadError);
  CHECK_THROWS_AS(decode_text("\x01\x02\x03\x04\x05\x06\x07\x08 text"), ReadError);
}

TEST_CASE("reader: invalid UTF-8 bytes become U+FFFD with a warning") {
  const DecodedText d = decode_text("caf\xC3\xA9 \xFF ok");
  CHECK(d.text == "caf\xC3\xA9 \xEF\xBF\xBD ok");
  CHECK(d.warnings.size() == 1);
  CHECK(decode_text("plain").warnings.empty());
}

TEST_CASE("reader: a file without any UTF-8 is read as Windows-1252") {
  const DecodedText d = decode_text("Soma\xAE \x93quoted\x94");
  CHECK(d.text == "Soma\u00ae \u201cquoted\u201d");
  CHECK(d.warnings.size() == 1);
}

TEST_CASE("reader: UTF-16 with a byte-order mark and a UTF-8 BOM") {
  CHECK(decode_text(std::string("\xFF\xFEO\0k\0", 6)).text == "Ok");
  CHECK(decode_text("\xEF\xBB\xBFOk").text == "Ok");
}

TEST_CASE("reader: letters OCR read as digits are repaired, codes and numbers are not") {
  CHECK(ocr_repaired("MAXlMUS guide1ine: C1aims, rationa1e") == "MAXIMUS guideline: Claims, rationale");
  CHECK(ocr_repaired("0ccupationa1 Medicine, 1icensed in Ca1ifornia, 58 year o1d") ==
        "Occupational Medicine, licensed in California, 58 year old");
  CHECK(ocr_repaired("fu11 duty, medica11y, F0llow-up, NSAlD") == "full duty, medically, Follow-up, NSAID");
  CHECK(ocr_repaired("L5-S1, C5-6, B12, HbA1c, COX1, ICD10, CM1, T10, CM15-0164402, 10mg, 1tablet, 1st, 5O%") ==
        "L5-S1, C5-6, B12, HbA1c, COX1, ICD10, CM1, T10, CM15-0164402, 10mg, 1tablet, 1st, 5O%");
}

TEST_CASE("reader: mojibake is repaired, real accents are not touched") {
  CHECK(repaired("Soma\xC3\x82\xC2\xAE") == "Soma\u00ae");                          // Â® -> ®
  CHECK(repaired("patient\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s") == "patient\u2019s");  // â€™ -> ’
  CHECK(repaired("caf\xC3\x83\xC2\xA9") == "caf\u00e9");                            // Ã© -> é
  CHECK(repaired("caf\u00e9 \u00ae 10\u00b0") == "caf\u00e9 \u00ae 10\u00b0");
  std::string twice = "Soma\xC3\x83\xE2\x80\x9A\xC3\x82\xC2\xAE";  // garbled two times
  CHECK(repair_mojibake(twice) == 3);
  CHECK(twice == "Soma\u00ae");
  CHECK(repaired("\xC3\x82") == "\xC3\x82");  // a lone lead stays
  // The text around and between repairs is kept as it was.
  CHECK(repaired("a \xC3\x82\xC2\xAE b caf\u00e9 \xC3\x83\xC2\xA9 c") == "a \u00ae b caf\u00e9 \u00e9 c");
}

TEST_CASE("reader: character references") {
  CHECK(decode_entities("A &amp; B &lt;b&gt; &#174; &#xAE; &nbsp;") == "A & B <b> \u00ae \u00ae \u00a0");
  CHECK(decode_entities("AT&T &unknown; &#xD800; &#99999999;") == "AT&T &unknown; \ufffd \ufffd");
  CHECK(decode_entities("&&&;&#;&#x;") == "&&&;&#;&#x;");
}

TEST_CASE("reader: an HTML document becomes text with paragraph breaks") {
  const std::string html =
      "<html><head><title>IMR</title><style>p{x:1}</style></head><body>"
      "<script>var a = '<p>';</script><p>Case\n  Number:&nbsp;CM1</p><!-- note -->"
      "<p>line one<br>line <B>two</B> &amp; more</p><table><tr><td>Priority:</td><td>Standard</td></tr></table>";
  const std::string text = strip_html(html, HtmlInput::document);
  CHECK(text.find("IMR") == std::string::npos);
  CHECK(text.find("var a") == std::string::npos);
  CHECK(text.find("note") == std::string::npos);
  CHECK(text.find("Case Number:\u00a0CM1") != std::string::npos);
  CHECK(text.find("line one\nline two & more") != std::string::npos);
  CHECK(text.find("Priority:\tStandard") != std::string::npos);
}

TEST_CASE("reader: tags embedded in plain text - angle brackets that are not HTML stay") {
  CHECK(strip_html("<b>Case Number:</b>\tCM1\n(ODG) <Pain>, <Carisoprodol>.", HtmlInput::embedded) ==
        "Case Number:\tCM1\n(ODG) <Pain>, <Carisoprodol>.");
  CHECK(strip_html("a < b and c > d", HtmlInput::embedded) == "a < b and c > d");
}

TEST_CASE("reader: hostile markup ends in linear time") {
  const std::string many_opens(2'000'000, '<');
  CHECK(strip_html(many_opens, HtmlInput::document) == many_opens);
  std::string scripts;
  for (int i = 0; i < 100'000; ++i) scripts += "<script>x";
  CHECK(strip_html("ok " + scripts, HtmlInput::document) == "ok ");
  std::string comments;
  for (int i = 0; i < 100'000; ++i) comments += "<!--x";
  CHECK(strip_html("ok " + comments, HtmlInput::embedded) == "ok ");
}

TEST_CASE("reader: markdown marks are removed") {
  CHECK(strip_markdown("### CLINICAL CASE SUMMARY ###\n**Decision rationale:** text\n> quoted\n---\n"
                       "| Case Number: | CM1 |\n|---|:--:|\n") ==
        "CLINICAL CASE SUMMARY\n\nDecision rationale: text\nquoted\n\nCase Number: CM1\n\n");
  CHECK(strip_markdown("QTY: 30 * 2 #30 and a #hashtag") == "QTY: 30 * 2 #30 and a #hashtag");
}

TEST_CASE("reader: a markdown item table gives one item heading per row") {
  CHECK(strip_markdown(
            "below:\n| Item | Decision |\n|---|---|\n| Norco #90 | Upheld |\n| PT 2x6 | Overturned |\nNext\n") ==
        "below:\n\n\nNorco #90: Upheld\n\nPT 2x6: Overturned\n\nNext\n");
  CHECK(strip_markdown("| # | Drug | Dose | Decision |\n|---|---|---|---|\n| 1 | Norco | 10/325mg #90 | Upheld |\n") ==
        "\n\n1. Norco\t10/325mg #90: Upheld\n");
  CHECK(strip_markdown("| Case Number: | CM1 | Priority: | Standard |\n") == "Case Number: CM1\tPriority: Standard\n");
}

TEST_CASE("reader: a markdown heading is a paragraph of its own without empty lines around it") {
  CHECK(strip_markdown("is not medically necessary.\n### 2. Physical therapy 12 sessions: Overturned\n"
                       "Decision rationale: text\n") ==
        "is not medically necessary.\n\n2. Physical therapy 12 sessions: Overturned\n\nDecision rationale: text\n");
  CHECK(strip_markdown("text.\n\n## A\n\ntext\n") == "text.\n\nA\n\ntext\n");
}

TEST_CASE("reader: lines are tidied") {
  CHECK(tidy_line("  a\t\tb \u00a0 c\u00ad\u200bd  ") == "a b cd");
  CHECK(tidy_line(" \t ") == "");
}

TEST_CASE("reader: a line is blank exactly when its tidy form is empty") {
  for (const std::string_view line : {"", " ", " \t\u00a0\u3000 ", "\u00ad\u200b\u2060\ufeff", "\x01\x7f", " \u00ad x",
                                      "x", "\u00e9", "\xff", " \xC3", "\u00a0-"}) {
    CAPTURE(line);
    CHECK(is_blank_line(line) == tidy_line(line).empty());
  }
  CHECK(is_blank_line(" \t\u00a0\u200b "));
  CHECK_FALSE(is_blank_line("\u200b\xff"));  // a byte that is not UTF-8 is kept, so it shows
}

TEST_CASE("reader: a word broken at a line end is rejoined unless it has a hyphen of its own") {
  CHECK(unwrap("The treat-\nment was given.") == Paragraphs{"The treatment was given."});
  CHECK(unwrap("used in non-\ncontrolled studies.") == Paragraphs{"used in non-controlled studies."});
  CHECK(unwrap("at L5-\nS1 and rated 8-\n9/10.") == Paragraphs{"at L5-S1 and rated 8-9/10."});
  // The letter's own spelling decides first, either way.
  CHECK(unwrap("a low-\nback pain.\n\nThe low-back is sore.") ==
        Paragraphs{"a low-back pain.", "The low-back is sore."});
  CHECK(unwrap("long-\nterm use.\n\nlongterm is a word here.") ==
        Paragraphs{"longterm use.", "longterm is a word here."});
  CHECK(unwrap("Low back pain- \nLumbar radiculopathy.") == Paragraphs{"Low back pain- Lumbar radiculopathy."});
}

TEST_CASE("reader: a word cut at a line end without a hyphen is rejoined when its pieces are no words") {
  const std::unordered_set<std::string> vocabulary{"thoracic", "into"};
  const auto unwrap_knowing = [&](std::string_view text, const std::unordered_set<std::string>* known) {
    const Dehyphenator dehyphenator(*test_reader_data().hyphen_prefixes, text, known);
    return unwrap_paragraphs(text, dehyphenator);
  };
  CHECK(unwrap_knowing("Diagnoses: thor\nacic strain.", &vocabulary) == Paragraphs{"Diagnoses: thoracic strain."});
  // The letter's own words are known too.
  CHECK(unwrap_knowing("a thor\nacic strain.\n\nThe thoracic spine.", nullptr) ==
        Paragraphs{"a thoracic strain.", "The thoracic spine."});
  CHECK(unwrap_knowing("Diagnoses: thor\nacic strain.", nullptr) == Paragraphs{"Diagnoses: thor acic strain."});
  // Pieces the letter uses as words on their own stay apart.
  CHECK(unwrap_knowing("He went in\nto the clinic in pain.", &vocabulary) ==
        Paragraphs{"He went in to the clinic in pain."});
  CHECK(unwrap_knowing("a thor\nAcic strain.", &vocabulary) == Paragraphs{"a thor Acic strain."});
}

TEST_CASE("reader: a dash list keeps its dashes but rejoins a word cut before its ending") {
  const auto unwrap_with_endings = [](std::string_view text) {
    const Dehyphenator dehyphenator(*test_reader_data().hyphen_prefixes, text, nullptr,
                                    test_reader_data().word_endings.get());
    return unwrap_paragraphs(text, dehyphenator);
  };
  CHECK(unwrap_with_endings("Diagnoses:- adhesive capsuli-\ntis- cervical radiculopa-\nthy- lumbar strain.") ==
        Paragraphs{"Diagnoses:- adhesive capsulitis- cervical radiculopathy- lumbar strain."});
  CHECK(unwrap_with_endings("ADHESIVE CAPSULI-\nTIS OF THE LEFT SHOULDER.") ==
        Paragraphs{"ADHESIVE CAPSULITIS OF THE LEFT SHOULDER."});
  // A whole word after the dash, or one before it that ends in an ending, is the list's next item.
  CHECK(unwrap_with_endings("Diagnoses:- lumbar sprain-\nmyalgia- knee pain.") ==
        Paragraphs{"Diagnoses:- lumbar sprain- myalgia- knee pain."});
  CHECK(unwrap_with_endings("Diagnoses:- knee bursi-\ntis- shoulder bursitis-\nitis.") ==
        Paragraphs{"Diagnoses:- knee bursitis- shoulder bursitis- itis."});
}

TEST_CASE("reader: a hyphen before the space that ends every line of PDF text still breaks a word") {
  CHECK(unwrap("The treat- \n\nment was given \n\nto the patient \n\nyesterday. \n\n \n\nNext. \n\n") ==
        Paragraphs{"The treatment was given to the patient yesterday.", "Next."});
}

TEST_CASE("reader: double-spaced text: blank lines end paragraphs, page breaks do not") {
  const std::string text =
      "HEADING \n\nfirst line of the \n\nparagraph goes on. \n\n \n\nSecond paragraph due to \n\n\n\n"
      "generalized \n\n\n\nsedation. \n\n \n\n";
  CHECK(line_style_of({"a ", "", "b ", "", "c ", "", "d ", ""}) == LineStyle::double_spaced);
  CHECK(unwrap(text) ==
        Paragraphs{"HEADING first line of the paragraph goes on.", "Second paragraph due to generalized sedation."});
}

TEST_CASE("reader: hard-wrapped and one-line-per-paragraph text") {
  CHECK(unwrap("One\ntwo\n\nThree\n   \nFour") == Paragraphs{"One two", "Three", "Four"});
  const std::string long_line(250, 'x');
  CHECK(unwrap(long_line + "\n" + long_line + "\nshort") == Paragraphs{long_line, long_line, "short"});
  // A paragraph cut by a page gap mid-sentence is mended.
  CHECK(unwrap("due to generalized\n\n\nsedation and more.") == Paragraphs{"due to generalized sedation and more."});
}

TEST_CASE("reader: page numbers and running headers and footers are removed") {
  const std::vector<std::string> pages = {
      "MAXIMUS FEDERAL SERVICES\nCase Number: CM13-0001\nThe patient had generalized\n\nPage 1 of 3",
      "MAXIMUS FEDERAL SERVICES\nCase Number: CM13-0001\nsedation. New paragraph.\n\nPage 2 of 3",
      "MAXIMUS FEDERAL SERVICES\nCase Number: CM13-0001\nLast page text.\n- 3 -"};
  CHECK(join_pages(pages, test_labels()) ==
        "Case Number: CM13-0001\nThe patient had generalized\nsedation. New paragraph.\n\nLast page text.");
  // A line that ends one page and is quoted again at the top of the next is text, not a header.
  const auto body = [](char page) {
    std::string text;
    for (const char* line : {"one", "two", "three", "four"}) text += std::string(line) + " on " + page + ".\n";
    return text;
  };
  const std::string cited = "Official Disability Guidelines (ODG) Pain.\n";
  const std::vector<std::string> quoted = {"HEADER\n" + body('A') + cited + "Page 1 of 3",
                                           "HEADER\n" + cited + body('B') + "Page 2 of 3",
                                           "HEADER\n" + body('C') + "Page 3 of 3"};
  const std::string joined = body('A') + cited + "\n" + cited + body('B') + "\n" + body('C');
  CHECK(join_pages(quoted, test_labels()) == joined.substr(0, joined.size() - 1));
  // One page: only page-number lines go; a bare number inside the text stays.
  CHECK(join_pages({"Text\n2\nmore\nthe end\nPage 1 of 1"}, test_labels()) == "Text\n2\nmore\nthe end");
}

TEST_CASE("reader: text without form feeds is cut into pages at its printed page numbers") {
  using Pages = std::vector<std::string>;
  // Footers: cut after each, except the last page's.
  CHECK(split_at_page_numbers(
            "HEAD\nthe patient had\n\nPage 1 of 3\nHEAD\nsedation.\nPAGE 2 OF 3\nHEAD\nend\nPage 3 of 3\n") ==
        Pages{"HEAD\nthe patient had\n\nPage 1 of 3\n", "HEAD\nsedation.\nPAGE 2 OF 3\n", "HEAD\nend\nPage 3 of 3\n"});
  // Headers: cut before each, except the first page's.
  CHECK(split_at_page_numbers("Page 1 of 2\nCase CM13-1\ntext\nPage 2 of 2\nCase CM13-1\na\nb\nc\nd\ne\nf") ==
        Pages{"Page 1 of 2\nCase CM13-1\ntext\n", "Page 2 of 2\nCase CM13-1\na\nb\nc\nd\ne\nf"});
  CHECK(split_at_page_numbers("a\nPage 1 Of 2\nb\nPage 2/2\n") == Pages{"a\nPage 1 Of 2\n", "b\nPage 2/2\n"});
  // Beside other furniture on its line, and above a last page of a few lines.
  CHECK(
      split_at_page_numbers("ACME CLAIMS INC.   Page 1 of 2\na\nb\nc\nACME CLAIMS INC.   Page 2 of 2\nd\ne\nf\ng\n") ==
      Pages{"ACME CLAIMS INC.   Page 1 of 2\na\nb\nc\n", "ACME CLAIMS INC.   Page 2 of 2\nd\ne\nf\ng\n"});
  // Anything else that mentions pages is text.
  CHECK(split_at_page_numbers("Guidelines Page(s): 30.\nsee page 2 of the report\nPage 12\n") ==
        Pages{"Guidelines Page(s): 30.\nsee page 2 of the report\nPage 12\n"});
  // End to end, the running header found on the pages goes and the sentence runs on.
  const auto pages = split_at_page_numbers(
      "MAXIMUS FEDERAL SERVICES\n\nThe patient had generalized\n\nPage 1 of 2\nMAXIMUS FEDERAL "
      "SERVICES\n\nsedation.\n\nPage 2 of 2");
  CHECK(join_pages(pages, test_labels()) == "The patient had generalized\nsedation.");
  // After a colon, a quantity's value runs on; an item heading after the sentence that lists them does not.
  CHECK(join_pages({"4) Suboxone 8/2mg QTY:\nPage 1 of 2", "60.00: Overturned\nPage 2 of 2"}, test_labels()) ==
        "4) Suboxone 8/2mg QTY:\n60.00: Overturned");
  CHECK(join_pages({"The decisions are set forth below:\nPage 1 of 2",
                    "6 sessions of physical therapy: Overturned\nPage 2 of 2"},
                   test_labels()) ==
        "The decisions are set forth below:\n\n6 sessions of physical therapy: Overturned");
}

TEST_CASE("reader: page numbers that head the pages after the first go with the line above them") {
  // No mark on page 1; "Page 2 of 3" and "Page 3 of 3" under the company name at the top of pages 2 and 3.
  const auto body = [](const std::string& page) {
    std::string text;
    for (const char* line : {"one", "two", "three", "four", "five"}) text += std::string(line) + " on " + page + ".\n";
    return text;
  };
  const std::string text = body("A") + "\nACME CLAIMS, INC.\nIMR Case CM17-1   Page 2 of 3\n\n" + body("B") +
                           "\nACME CLAIMS, INC.\nIMR Case CM17-1   Page 3 of 3\n\nlast.\n";
  CHECK(join_pages(split_at_page_numbers(text), test_labels()) == body("A") + "\n" + body("B") + "\nlast.");
}

TEST_CASE("reader: a table of decisions gives one item heading per row") {
  const auto decision = [](std::string_view line) { return is_decision_line(line, test_labels()); };
  const auto column = [](std::string_view cell) { return is_decision_column(cell, test_labels()); };
  const auto rows = [&](std::string_view text) {
    const Dehyphenator dehyphenator(*test_reader_data().hyphen_prefixes, text);
    return unwrap_paragraphs(text, dehyphenator, decision, column);
  };
  CHECK(rows("Requested service             Decision\nTENS unit, 30 day rental      Overturned\nKnee brace\tUpheld\n"
             "Shower chair      Not medically necessary\n") ==
        Paragraphs{"Requested service Decision:", "TENS unit, 30 day rental: Overturned", "Knee brace: Upheld",
                   "Shower chair: Not medically necessary"});
  // A heading with its colon is the usual kind, wrapped or not; prose in lower case is no row.
  CHECK(rows("Norco 10/325mg #90 for the\nlumbar spine:      Upheld\n") ==
        Paragraphs{"Norco 10/325mg #90 for the lumbar spine: Upheld"});
  CHECK(rows("the request is not supported and is   upheld\n") ==
        Paragraphs{"the request is not supported and is upheld"});
  // A decision phrase on a line of its own ends a sentence; only a one-word decision stands alone.
  CHECK(rows("Therefore, this request IS\nNOT medically necessary.\n") ==
        Paragraphs{"Therefore, this request IS NOT medically necessary."});
  CHECK(rows("Norco 10/325mg #90\nUpheld\n") == Paragraphs{"Norco 10/325mg #90", "Upheld"});
}

TEST_CASE("reader: text without form feeds or page numbers is cut into pages at a repeated letterhead") {
  using Pages = std::vector<std::string>;
  const std::string page1 = "One.\nTwo.\nThree.\nFour.\nFive and\n\n";
  const std::string page2 = "six.\nSeven.\nEight.\nNine.\nTen.\n\n";
  const std::string footer = "ACME CLAIMS, INC.\nP.O. Box 1, Sacramento, CA 95813\n";
  const auto pages = split_at_running_lines(page1 + footer + page2 + footer, test_labels());
  CHECK(pages == Pages{page1 + footer, page2 + footer});
  CHECK(join_pages(pages, test_labels()) == "One.\nTwo.\nThree.\nFour.\nFive and\nsix.\nSeven.\nEight.\nNine.\nTen.");
  // A name in capitals that a sentence quotes and a heading repeats is text.
  const std::string quoted =
      "The request is for\nPHYSICAL THERAPY TO THE NECK\nand more.\na\nb\nc\nd\ne\n\n"
      "PHYSICAL THERAPY TO THE NECK\nf\ng\n";
  CHECK(split_at_running_lines(quoted, test_labels()) == Pages{quoted});
  // Once is no letterhead, nor is a line that says what it is.
  CHECK(split_at_running_lines("a\nACME CLAIMS, INC.\nb\n", test_labels()) == Pages{"a\nACME CLAIMS, INC.\nb\n"});
}

TEST_CASE("reader: headings, fields, labels and item headings start paragraphs") {
  CHECK(split({"Date Assigned: 06/27/2014 Date of Injury: 05/17/2004"}) ==
        Paragraphs{"Date Assigned: 06/27/2014", "Date of Injury: 05/17/2004"});
  CHECK(split({"Priority: Standard Application Received: 04/04/2014"}) ==
        Paragraphs{"Priority: Standard", "Application Received: 04/04/2014"});
  CHECK(split({"CLINICAL CASE SUMMARY The expert reviewer developed the following clinical case summary"}) ==
        Paragraphs{"CLINICAL CASE SUMMARY", "The expert reviewer developed the following clinical case summary"});
  CHECK(split({"Soma tablets 350mg: Upheld Claims Administrator guideline: Decision based on MTUS"}) ==
        Paragraphs{"Soma tablets 350mg: Upheld", "Claims Administrator guideline: Decision based on MTUS"});
  CHECK(split({"text. 1) MAXIMUS Federal Services, Inc. has determined the request"}) ==
        Paragraphs{"text.", "1) MAXIMUS Federal Services, Inc. has determined the request"});
  // Prose that shares words with a label is left alone.
  CHECK(split({"the claim was upheld and the clinical case summary: fine"}) ==
        Paragraphs{"the claim was upheld and the clinical case summary: fine"});
}

TEST_CASE("reader: LetterLabels reads its data file and reports malformed lines") {
  const auto& labels = test_labels();
  CHECK(labels.labels().size() > 20);
  const auto match = labels.match_at("State(s) of Licensure: California,North Carolina", 0);
  REQUIRE(match);
  CHECK(match->label->name == "license_states");
  CHECK(match->label->kind == layout::LabelKind::field);
  CHECK_FALSE(labels.match_at("documents reviewed", 0));
  CHECK_THROWS_AS(layout::LetterLabels("heading\tonly two columns"), std::runtime_error);
  CHECK_THROWS_AS(layout::LetterLabels("chapter\tx\tText"), std::runtime_error);
  CHECK(layout::LetterLabels("# comment\n\nlabel\tx\tHello:").labels().size() == 1);
}

TEST_CASE("reader: LetterLabels matches headings in their case, other labels capitalised, at word starts") {
  const layout::LetterLabels labels("heading\th\tbig Heading\nfield\tf\tfield name:\nfield\td\t2nd Opinion:");
  CHECK(labels.match_at("big Heading", 0));
  CHECK_FALSE(labels.match_at("Big Heading", 0));
  CHECK(labels.match_at("Field Name: x", 0));
  CHECK(labels.match_at("FIELD NAME: x", 0));
  CHECK_FALSE(labels.match_at("field name: x", 0));
  CHECK_FALSE(labels.match_at("2nd Opinion: yes", 0));  // must begin with a capital letter
  CHECK_FALSE(labels.match_at("xField Name: x", 1));
  const auto all = labels.find_all("a big Heading, Field Name: 1 and field name: 2 or xField Name: 3");
  REQUIRE(all.size() == 2);
  CHECK(all[0].start == 2);
  CHECK(all[1].start == 15);
}
