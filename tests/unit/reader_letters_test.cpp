// The reader end to end: the seed letters, PDFs made here, files on disk,
// and inputs that must fail cleanly or stay fast.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <unistd.h>

#include "imr/reader/letter_reader.h"
#include "test_pdf.h"
#include "test_reader_data.h"

namespace {

namespace fs = std::filesystem;
using imr::indexer::clean_letter;
using imr::indexer::Format;
using imr::indexer::read_letter;
using imr::indexer::ReadError;

std::vector<std::string> paragraphs_of(const std::string& text) {
  std::vector<std::string> out;
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = text.find("\n\n", start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 2;
  }
  return out;
}

bool has_paragraph_starting(const std::string& text, std::string_view start) {
  const auto ps = paragraphs_of(text);
  return std::ranges::any_of(ps, [&](const std::string& p) { return p.starts_with(start); });
}

bool has_paragraph(const std::string& text, std::string_view whole) {
  const auto ps = paragraphs_of(text);
  return std::ranges::find(ps, whole) != ps.end();
}

std::string seed(std::string_view prefix) {
  for (const auto& entry : fs::directory_iterator(fs::path(IMR_SOURCE_DIR) / "corpus" / "seeds"))
    if (entry.path().filename().string().starts_with(prefix)) return read_letter(entry.path(), test_reader_data()).text;
  FAIL("no seed " << prefix);
  return {};
}

// The clean-text contract of letter_reader.h, for any output.
void check_contract(const std::string& text) {
  CHECK(text.find("\n\n\n") == std::string::npos);
  for (const std::string& p : paragraphs_of(text)) {
    CHECK_FALSE(p.empty());
    CHECK(p.find('\n') == std::string::npos);
    CHECK(p.find("  ") == std::string::npos);
    CHECK_FALSE(p.starts_with(' '));
    CHECK_FALSE(p.ends_with(' '));
  }
}

std::vector<std::vector<PdfLine>> two_page_letter() {
  return {{{72, 40, "MAXIMUS FEDERAL SERVICES"},
           {72, 54, "Case Number: CM14-0039927"},
           {72, 100, "Date Assigned: 06/27/2014"},
           {320, 100, "Date of Injury: 05/17/2004"},
           {72, 114, "Priority: Standard"},
           {320, 114, "Application"},
           {320, 128, "Received: 04/04/2014"},
           {72, 170, "IMR ISSUES, DECISIONS AND RATIONALES"},
           {72, 200, "Physical therapy sessions to the lumbar spine two times a week for six"},
           {72, 214, "weeks QTY: 12.00: Overturned"},
           {72, 244, "Decision rationale: The requested treat-"},
           {72, 258, "ment is supported. It has been suggested that the main effect is due to generalized"},
           {280, 760, "Page 1 of 2"}},
          {{72, 40, "MAXIMUS FEDERAL SERVICES"},
           {72, 54, "Case Number: CM14-0039927"},
           {72, 100, "sedation and treatment of anxiety. The request is medically necessary."},
           {280, 760, "Page 2 of 2"}}};
}

std::string temp_file(const std::string& name, const std::string& bytes) {
  const fs::path dir = fs::temp_directory_path() / ("imr-reader-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path path = dir / name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path.string();
}

}  // namespace

TEST_CASE("reader: seed 000, double-spaced with mojibake and a page break") {
  const std::string text = seed("000");
  check_contract(text);
  CHECK(has_paragraph(text, "CARISOPRODOL 350MG #30 QTY: 30.00: Upheld"));
  CHECK(has_paragraph(text,
                      "Claims Administrator guideline: Decision based on MTUS Chronic Pain Treatment "
                      "Guidelines Page(s): 30."));
  CHECK(has_paragraph(text,
                      "MAXIMUS guideline: Decision based on MTUS Chronic Pain Treatment Guidelines "
                      "Carisoprodol (Soma\u00ae) Page(s): 29."));
  CHECK(has_paragraph_starting(text, "Decision rationale: According to the California MTUS Guidelines"));
  CHECK(text.find("generalized sedation") != std::string::npos);
  CHECK(text.find("\u00c2") == std::string::npos);
  CHECK(paragraphs_of(text).front() == "HOW THE IMR FINAL DETERMINATION WAS MADE");
  CHECK(has_paragraph(text, "CLINICAL CASE SUMMARY"));
  CHECK(has_paragraph(text, "IMR ISSUES, DECISIONS AND RATIONALES"));
  CHECK(text.ends_with("is non-certified."));
}

TEST_CASE("reader: seed 001, three items") {
  const std::string text = seed("001");
  check_contract(text);
  CHECK(has_paragraph(text, "Carisoprodol 350mg QTY: 30.00: Upheld"));
  CHECK(has_paragraph(text, "Physical therapy sessions to the lumbar QTY: 6.00: Overturned"));
  CHECK(has_paragraph(text, "Norco 10/325mg QTY: 90.00: Upheld"));
  CHECK(std::ranges::count_if(paragraphs_of(text),
                              [](const std::string& p) { return p.starts_with("Decision rationale: "); }) == 3);
  CHECK(text.find("Diagnoses, 10/03/14:- Low back pain- Lumbar radiculopathy- Lumbar facetal pain.") !=
        std::string::npos);
}

TEST_CASE("reader: seed 002 keeps a real hyphen across a line end") {
  const std::string text = seed("002");
  check_contract(text);
  CHECK(text.find("in non-controlled studies") != std::string::npos);
  CHECK(has_paragraph(text, "Carisoprodol (Soma) 350 mg #60: Upheld"));
  CHECK(has_paragraph(text, "Ketamine 5% Cream 60 Gm #1: Upheld"));
  CHECK(has_paragraph(text,
                      "Claims Administrator guideline: The Claims Administrator did not cite any medical "
                      "evidence for its decision."));
}

TEST_CASE("reader: seed 003, HTML tags, tabs and markdown in a text file") {
  const std::string text = seed("003");
  check_contract(text);
  const auto ps = paragraphs_of(text);
  REQUIRE(ps.size() > 8);
  CHECK(std::vector<std::string>(ps.begin(), ps.begin() + 7) ==
        std::vector<std::string>{"Case Number: CM14-0039927", "Date Assigned: 06/27/2014", "Date of Injury: 05/17/2004",
                                 "Decision Date: 07/29/2014", "UR Denial Date: 03/04/2014", "Priority: Standard",
                                 "Application Received: 04/04/2014"});
  CHECK(has_paragraph(text, "HOW THE IMR FINAL DETERMINATION WAS MADE"));
  CHECK(has_paragraph(text, "Carisoprodol 350mg TA #120 with 3 refills QTY:480: Upheld"));
  CHECK(text.find("<b>") == std::string::npos);
  CHECK(text.find('*') == std::string::npos);
  CHECK(text.find('#' + std::string("##")) == std::string::npos);
  CHECK(text.find("(ODG) <Pain>, <Carisoprodol>.") != std::string::npos);
}

TEST_CASE("reader: seed 004, a label right after an item heading") {
  const std::string text = seed("004");
  check_contract(text);
  CHECK(has_paragraph(text, "Soma tablets 350mg: Upheld"));
  CHECK(has_paragraph(text, "Alprazolam 1mg: Upheld"));
  CHECK(has_paragraph_starting(text,
                               "Claims Administrator guideline: Decision based on MTUS Chronic Pain "
                               "Treatment Guidelines Soma (Carisoprodol) Page(s): 29."));
}

TEST_CASE("reader: a two-page PDF with running headers, a wrapped item heading and a hyphenated word") {
  const auto clean = clean_letter(make_pdf(two_page_letter()), Format::pdf, test_reader_data());
  const std::string& text = clean.text;
  check_contract(text);
  CHECK(text.find("MAXIMUS FEDERAL SERVICES") == std::string::npos);
  CHECK(text.find("Page ") == std::string::npos);
  const auto ps = paragraphs_of(text);
  REQUIRE(ps.size() >= 7);
  CHECK(std::vector<std::string>(ps.begin(), ps.begin() + 6) ==
        std::vector<std::string>{"Case Number: CM14-0039927", "Date Assigned: 06/27/2014", "Date of Injury: 05/17/2004",
                                 "Priority: Standard", "Application Received: 04/04/2014",
                                 "IMR ISSUES, DECISIONS AND RATIONALES"});
  CHECK(has_paragraph(text,
                      "Physical therapy sessions to the lumbar spine two times a week for six weeks "
                      "QTY: 12.00: Overturned"));
  CHECK(has_paragraph(text,
                      "Decision rationale: The requested treatment is supported. It has been suggested "
                      "that the main effect is due to generalized sedation and treatment of anxiety. The "
                      "request is medically necessary."));
  CHECK(std::ranges::count(ps, std::string("Case Number: CM14-0039927")) == 1);
}

TEST_CASE("reader: broken PDFs are refused with a reason") {
  const std::string pdf = make_pdf(two_page_letter());
  CHECK_THROWS_WITH_AS(clean_letter(pdf.substr(0, pdf.size() / 2), Format::pdf, test_reader_data()),
                       doctest::Contains("truncated"), ReadError);
  std::mt19937 random(42);
  std::string noise(4096, '\0');
  for (char& c : noise) c = static_cast<char>(random());
  CHECK_THROWS_WITH_AS(clean_letter(noise, Format::pdf, test_reader_data()), doctest::Contains("not a PDF"), ReadError);
  CHECK_THROWS_AS(clean_letter("%PDF-1.4\ngarbage\n%%EOF\n", Format::pdf, test_reader_data()), ReadError);
  CHECK_THROWS_AS(read_letter(temp_file("noise.pdf", noise), test_reader_data()), ReadError);
}

TEST_CASE("reader: files on disk: formats, missing files, binary text, empty files") {
  CHECK(imr::indexer::format_of("a/B.HTM") == Format::html);
  CHECK(imr::indexer::format_of("x.md") == Format::markdown);
  CHECK_THROWS_AS(imr::indexer::format_of("x.docx"), ReadError);
  CHECK(imr::indexer::is_letter_file("x.PDF"));
  CHECK_FALSE(imr::indexer::is_letter_file("x.png"));
  CHECK_THROWS_WITH_AS(read_letter("/nonexistent/letter.txt", test_reader_data()), doctest::Contains("no such file"),
                       ReadError);
  CHECK_THROWS_WITH_AS(
      read_letter(temp_file("image.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0", 11)), test_reader_data()),
      doctest::Contains("not a text file"), ReadError);
  const auto empty = read_letter(temp_file("empty.txt", ""), test_reader_data());
  CHECK(empty.text.empty());
  CHECK(empty.warnings.size() == 1);
  const auto html = read_letter(temp_file("letter.html",
                                          "<p><b>Case Number:</b> CM1</p><p>CLINICAL CASE SUMMARY</p>"
                                          "<p>The patient &amp; the &#174; mark.</p>"),
                                test_reader_data());
  CHECK(html.text == "Case Number: CM1\n\nCLINICAL CASE SUMMARY\n\nThe patient & the \u00ae mark.");
  const auto md = read_letter(temp_file("letter.md", "## CLINICAL CASE SUMMARY\n\nThe **patient** is\nwell.\n"),
                              test_reader_data());
  CHECK(md.text == "CLINICAL CASE SUMMARY\n\nThe patient is well.");
}

TEST_CASE("reader: oversized files are refused before reading") {
  const std::string path = temp_file("big.txt", "x");
  fs::resize_file(path, imr::indexer::kMaxLetterBytes + 1);
  CHECK_THROWS_WITH_AS(imr::indexer::read_file_bytes(path), doctest::Contains("too large"), ReadError);
  fs::remove_all(fs::path(path).parent_path());
}

// Quadratic work on these inputs would take hours, not seconds; ctest's
// timeout for the unit tests (tests/CMakeLists.txt) turns that into a
// failure, without a clock inside a test that runs beside others.
TEST_CASE("reader: hostile text stays linear") {
  const auto one_line = clean_letter(std::string(20'000'000, 'a') + " -\n", Format::text, test_reader_data());
  CHECK(one_line.text.size() == 20'000'002);
  const auto newlines = clean_letter(std::string(10'000'000, '\n') + "Text", Format::text, test_reader_data());
  CHECK(newlines.text == "Text");
  std::string labels;
  for (int i = 0; i < 200'000; ++i) labels += "Case Number: : Upheld ";
  const auto split = clean_letter(labels, Format::text, test_reader_data());
  CHECK(split.text.find("\n\n\n") == std::string::npos);
  CHECK(split.text.starts_with("Case Number: : Upheld\n\nCase Number: : Upheld\n\n"));
}

TEST_CASE("reader: random text in every text format either cleans or is refused as binary") {
  std::mt19937 random(7);
  const std::string alphabet = "ab -\n\n \t<>/&;#*|:.UpheldCaseNumber:\xC3\x82\xC2\xAE\xE2\x80\x99\xFF\f";
  for (int round = 0; round < 300; ++round) {
    std::string text(random() % 2000, ' ');
    for (char& c : text) c = alphabet[random() % alphabet.size()];
    for (const Format format : {Format::text, Format::markdown, Format::html}) {
      try {
        check_contract(clean_letter(text, format, test_reader_data()).text);
      } catch (const ReadError&) {
      }
    }
  }
}
