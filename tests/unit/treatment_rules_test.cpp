// The rules of treatments.tsv on small tables of a test's own: priority
// between wordings, patterns and a named drug, pattern guards, prefixes whose
// rest decides, and the errors a malformed table gives.
#include <doctest/doctest.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "imr/schema/analyzer.h"
#include "imr/schema/vocabulary.h"
#include "schema/src/data_files.h"

namespace {

using imr::schema::Vocabulary;

// The built-in data with treatments.tsv replaced.
std::shared_ptr<const Vocabulary> with_treatments(const std::string& table) {
  return Vocabulary::from_data([table](std::string_view name) -> std::optional<std::string_view> {
    if (name == "treatments.tsv") return std::string_view(table);
    return imr::schema::data_file(name);
  });
}

std::string category(const Vocabulary& v, std::string_view treatment) {
  const auto tokens = imr::schema::Analyzer().tokens(treatment);
  return v.category_of(treatment, tokens, !v.drugs_in(tokens).empty());
}

constexpr std::string_view kTable =
    "@rest\tre:\\s*associated surgical service:\\s*\n"
    "surgery\tsurgical\n"
    "lab\turinalysis\n"
    "physical_therapy\tre:ultrasound.*\\b\\d+\\s*x\\s*\\d+\tultrasound\n"
    "medication\t@drug\n"
    "medication\tre:\\d+\\s*mg\\b\n"
    "medication\tre-case:\\b[A-Za-z]+ ER\\b\n"
    "imaging\tultrasound\n"
    "dme\tre:never\tabsent-guard\n"
    "evaluation\tpain management\n"
    "lab\tlabs\n";

}  // namespace

TEST_CASE("treatment rules: the first rule met decides, whether wording, pattern or drug") {
  const auto v = with_treatments(std::string(kTable));
  CHECK(category(*v, "Ultrasound 2x4 to the shoulder") == "physical_therapy");  // pattern above the wording
  CHECK(category(*v, "Ultrasound of the shoulder") == "imaging");               // pattern not met
  CHECK(category(*v, "Norco for pain management") == "medication");             // @drug above the evaluation
  CHECK(category(*v, "Unheard-of 10 mg for pain management") == "medication");  // a strength
  CHECK(category(*v, "Unheard-of ER for pain management") == "medication");     // re-case: sees the case
  CHECK(category(*v, "Unheard-of er for pain management") == "evaluation");
  CHECK(category(*v, "Pain management consultation") == "evaluation");
  CHECK(category(*v, "Urinalysis 10 mg") == "lab");  // a pattern below a wording met does not decide
  CHECK(category(*v, "Never seen") == "other");      // the guard keeps the pattern from being tried
  CHECK(category(*v, "") == "other");
}

TEST_CASE("treatment rules: after a prefix the rest decides, else the whole text") {
  const auto v = with_treatments(std::string(kTable));
  CHECK(category(*v, "Surgical ultrasound") == "surgery");
  CHECK(category(*v, "Associated surgical service: Ultrasound of the shoulder") == "imaging");
  CHECK(category(*v, "Associated surgical service: Norco 10 mg") == "medication");
  CHECK(category(*v, "Associated surgical service: something unheard of") == "surgery");
}

TEST_CASE("treatment rules: a malformed table names its line") {
  const auto fails_with = [](const std::string& table, const std::string& what) {
    CAPTURE(table);
    CHECK_THROWS_WITH_AS(with_treatments(table), doctest::Contains(what.c_str()), std::runtime_error);
  };
  const std::string drug = "medication\t@drug\n";
  fails_with(drug + "lab\tre:(unclosed\n", "treatments.tsv line 2");
  fails_with(drug + "lab\tre:Upper\n", "lower case");
  fails_with(drug + "lab\tre:x\tUpper\n", "lower case");
  fails_with(drug + "lab\turinalysis\tguard\n", "only a pattern row");
  fails_with(drug + "@rest\turinalysis\n", "@rest row needs a pattern");
  fails_with(drug + "lab\tre:x\nsurgery\tre:y\nnonsense\tz\n", "line 4");
  fails_with(drug + drug, "@drug is listed twice");
  fails_with("lab\turinalysis\n", "no @drug row");
}
