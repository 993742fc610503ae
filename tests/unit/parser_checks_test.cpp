// The parser's self-checks (schema/data/checks.tsv): each kind fires on a
// reading with its fault and on nothing clean, from built records and from
// whole letters; and the summary's count of requests the first check uses.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "faulty_letters.h"
#include "imr/parser/letter_parser.h"
#include "imr/schema/checks.h"
#include "parser/letter_checks.h"
#include "parser/summary_requests.h"

namespace {

using imr::indexer::parsing::letter_checks;
using imr::indexer::parsing::ReadingFacts;
using imr::indexer::parsing::summary_requests;
using imr::schema::Record;
using Strings = std::vector<std::string>;

// A record the parser could have read without a doubt: two decided items, a
// reviewer, the dates, and a summary that lists both requests.
Record clean_record() {
  Record r;
  r.case_number = "CM15-0112233";
  r.dates.decision = "2015-06-30";
  r.reviewer.specialty = "Orthopaedic Surgery";
  r.reviewer.certifications = {"Orthopaedic Surgery"};
  r.reviewer.license_states = {"CA"};
  r.items = {{.treatment = "MRI of the lumbar spine", .category = "imaging", .decision = "overturned"},
             {.treatment = "Cyclobenzaprine 7.5mg #60",
              .drugs = {"cyclobenzaprine"},
              .category = "medication",
              .decision = "upheld"}};
  return r;
}

ReadingFacts clean_facts() { return {.undecided_items = 0, .summary = {.listed = 2, .several = true}}; }

const imr::indexer::LetterParser& parser() {
  static const imr::indexer::LetterParser p(imr::schema::Vocabulary::builtin());
  return p;
}

Strings kind_names() {
  Strings out;
  for (const auto& kind : imr::schema::check_kinds()) out.push_back(kind.name);
  return out;
}

}  // namespace

TEST_CASE("checks: every kind of the table has a rule and every rule a kind") {
  Strings rules;
  for (const std::string_view kind : imr::indexer::parsing::checked_kinds()) rules.emplace_back(kind);
  std::ranges::sort(rules);
  Strings kinds = kind_names();
  std::ranges::sort(kinds);
  CHECK(rules == kinds);
  CHECK(kinds.size() >= 5);
}

TEST_CASE("checks: a clean reading carries none") { CHECK(letter_checks(clean_record(), clean_facts()).empty()); }

TEST_CASE("checks: each kind fires alone on a record built with its fault") {
  const auto fires = [](Record r, ReadingFacts f) { return letter_checks(r, f); };
  Record r = clean_record();
  ReadingFacts f = clean_facts();

  f.summary.listed = 3;
  CHECK(fires(r, f) == Strings{"item-count-mismatch"});
  f = clean_facts();
  f.summary.listed.reset();
  CHECK(fires(r, f).empty());  // "the requests" and two items agree
  r.items.pop_back();
  CHECK(fires(r, f) == Strings{"item-count-mismatch"});  // "the requests" but one item

  r = clean_record();
  f = clean_facts();
  f.undecided_items = 1;
  CHECK(fires(r, f) == Strings{"item-without-decision"});

  f = clean_facts();
  r.items[0].category = "other";
  CHECK(fires(r, f) == Strings{"item-without-category"});

  r = clean_record();
  r.items.clear();
  CHECK(fires(r, {}) == Strings{"no-items"});

  r = clean_record();
  r.reviewer = {};
  CHECK(fires(r, f) == Strings{"no-reviewer"});
  r.reviewer.license_states = {"CA"};
  CHECK(fires(r, f) == Strings{"reviewer-incomplete"});
  r.reviewer = clean_record().reviewer;
  r.reviewer.license_states.clear();
  CHECK(fires(r, f) == Strings{"reviewer-incomplete"});

  r = clean_record();
  r.dates.decision.reset();
  CHECK(fires(r, f) == Strings{"no-decision-date"});

  r = clean_record();
  r.case_number.reset();
  CHECK(fires(r, f) == Strings{"no-case-number"});
}

TEST_CASE("checks: several faults give their kinds in the table's order") {
  Record r = clean_record();
  r.case_number.reset();
  r.dates.decision.reset();
  r.items.clear();
  const Strings got = letter_checks(r, {.undecided_items = 2, .summary = {.listed = 2}});
  const Strings table = kind_names();
  CHECK(got ==
        Strings{"item-count-mismatch", "item-without-decision", "no-items", "no-decision-date", "no-case-number"});
  CHECK(std::ranges::is_sorted(got, {},
                               [&](const std::string& k) { return std::ranges::find(table, k) - table.begin(); }));
}

TEST_CASE("checks: the summary's enumeration of requests is counted") {
  CHECK(summary_requests("The treating physician is requesting (a) Soma (b) Norco (c) PT.").listed == 3);
  CHECK(summary_requests("A request for authorization was submitted for 1) Soma 2) Norco.").listed == 2);
  // The UR's reasons repeat the list: counted once, not as six.
  CHECK(summary_requests("The provider is requesting for (a) CARISOPRODOL 350 mg QTY 30.00 (b) PHYSICAL THERAPY "
                         "(c) NORCO 10/325 mg QTY 90.00. The rationale follows: (a) CARISOPRODOL - \"...\" (b) "
                         "PHYSICAL THERAPY - \"...\" (c) NORCO - \"...\"")
            .listed == 3);
  // A later list of something else ends the list of requests.
  CHECK(summary_requests("The physician is requesting (a) Soma (b) Norco. Diagnoses: (a) lumbar strain (b) sprain "
                         "(c) radiculopathy.")
            .listed == 2);
  // A list that is not of requests, a lone marker, and "11)" are no count.
  CHECK_FALSE(summary_requests("Diagnoses: (a) lumbar strain (b) radiculopathy. The request was denied.").listed);
  CHECK_FALSE(summary_requests("The request was denied. Diagnoses: (a) lumbar strain (b) radiculopathy.").listed);
  CHECK_FALSE(summary_requests("The current request is for (a) Soma.").listed);
  CHECK_FALSE(summary_requests("The request is dated 11) and 2) nothing.").listed);
}

TEST_CASE("checks: the summary speaks of several requests in the plural only") {
  CHECK(summary_requests("Utilization review from 04/30/2014 denied the requests for Soma and Norco.").several);
  CHECK(summary_requests("The requests were denied by the claims administrator.").several);
  CHECK_FALSE(summary_requests("Utilization review denied the request.").several);
  CHECK_FALSE(summary_requests("The requests for authorization dated 5/1/14 were reviewed.").several);
  CHECK_FALSE(summary_requests("The physician requests Norco.").several);
}

TEST_CASE("checks: the clean letter carries none and each faulty copy exactly its kind") {
  CHECK(parser().parse(imr::test::clean_letter(), "clean.txt").record.checks.empty());
  for (const imr::test::FaultyLetter& letter : imr::test::faulty_letters()) {
    CAPTURE(letter.kind);
    CHECK(parser().parse(letter.text, letter.file).record.checks == Strings{letter.kind});
  }
}

TEST_CASE("checks: a summary listing as many requests as items were read is no mismatch") {
  const std::string text = imr::test::clean_letter_with(
      imr::test::kSummaryRequest, "Utilization review denied the requests for (a) an MRI (b) cyclobenzaprine.");
  CHECK(parser().parse(text, "two.txt").record.checks.empty());
}

TEST_CASE("checks: the record carries its checks through JSON") {
  Record r = clean_record();
  r.checks = {"no-decision-date"};
  const nlohmann::json j = r;
  CHECK(j["checks"] == nlohmann::json::array({"no-decision-date"}));
  CHECK(j.get<Record>() == r);
  CHECK(nlohmann::json::object().get<Record>().checks.empty());  // records written before the field
}

TEST_CASE("checks: a kind is found in any case and with underscores or spaces") {
  CHECK(imr::schema::check_kind("No_Decision_Date") == "no-decision-date");
  CHECK(imr::schema::check_kind("item count mismatch") == "item-count-mismatch");
  CHECK_FALSE(imr::schema::check_kind("no-such-check"));
  for (const std::string& kind : kind_names()) CHECK(imr::schema::check_kind_names().find(kind) != std::string::npos);
}
