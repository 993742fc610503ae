// The generator's truth comes from what its templates state (" => key:
// values"), never from reading its own text: the facts of a section, a line
// overriding them, the facts a slot brings, and malformed facts reported.
#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

#include "random.h"
#include "template_book.h"

namespace {

using imr::generator::Facts;
using imr::generator::Random;
using imr::generator::TemplateBook;

TemplateBook book_of(std::string_view text) {
  TemplateBook book;
  book.add_file("test.tmpl", text);
  return book;
}

}  // namespace

TEST_CASE("generator: a section's facts hold for each line, a line's own key replaces the section's") {
  const TemplateBook book = book_of(
      "== pills => category: medication; class: opioid\n"
      "Norco 10/325mg => drugs: hydrocodone, acetaminophen\n"
      "Soma 350mg => drugs: carisoprodol; class: muscle_relaxant\n");
  const std::vector<Facts>& facts = book.facts("pills");
  REQUIRE(facts.size() == 2);
  CHECK(book.lines("pills")[0] == "Norco 10/325mg");
  CHECK(facts[0] ==
        Facts{{"category", {"medication"}}, {"class", {"opioid"}}, {"drugs", {"hydrocodone", "acetaminophen"}}});
  CHECK(facts[1] == Facts{{"category", {"medication"}}, {"class", {"muscle_relaxant"}}, {"drugs", {"carisoprodol"}}});
}

TEST_CASE("generator: a filled line carries its facts and the facts of the lines and slots it uses") {
  const TemplateBook book = book_of(
      "== request\n"
      "{@drug} for {part} => category: medication\n"
      "== drug\n"
      "Ultram 50mg => drugs: tramadol\n");
  Random random(1, 1);
  const auto filled = book.fill_with_facts("request", {{"part", "the knee"}}, random, {{"part", {{"body", {"knee"}}}}});
  CHECK(filled.text == "Ultram 50mg for the knee");
  CHECK(filled.facts.at("category") == std::vector<std::string>{"medication"});
  CHECK(filled.facts.at("drugs") == std::vector<std::string>{"tramadol"});
  CHECK(filled.facts.at("body") == std::vector<std::string>{"knee"});
}

TEST_CASE("generator: malformed facts are reported with their file and line") {
  CHECK_THROWS_WITH_AS(book_of("== s\nA line => drugs\n"), doctest::Contains("test.tmpl line 2"), std::runtime_error);
  CHECK_THROWS_WITH_AS(book_of("A line before any section\n"), doctest::Contains("test.tmpl line 1"),
                       std::runtime_error);
}
