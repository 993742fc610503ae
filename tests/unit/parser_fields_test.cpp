// The parser's field readers on the forms letters print: dates, age and
// sex, diagnoses, summary dates; and what it does with text that is not a letter.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "imr/parser/letter_parser.h"
#include "parser/dates.h"
#include "parser/diagnoses.h"
#include "parser/patient_facts.h"
#include "parser/summary_dates.h"

namespace {

using namespace imr::indexer::parsing;
using imr::indexer::LetterParser;
using Strings = std::vector<std::string>;

std::optional<std::string> iso(std::string_view text) {
  const auto found = dates_in(text);
  return found.empty() ? std::nullopt : found.front().iso;
}

const LetterParser& parser() {
  static const LetterParser p(imr::schema::Vocabulary::builtin());
  return p;
}

}  // namespace

TEST_CASE("parser: every printed date form becomes ISO") {
  CHECK(iso("injury date of 01/31/01.As per") == "2001-01-31");
  CHECK(iso("on 5/17/04") == "2004-05-17");
  CHECK(iso("dated 10-13-16") == "2016-10-13");
  CHECK(iso("on 05/23/2004") == "2004-05-23");
  CHECK(iso("of October 10, 2007.") == "2007-10-10");
  CHECK(iso("Oct. 10, 2007") == "2007-10-10");
  CHECK(iso("Sept 3 2015") == "2015-09-03");
  CHECK(iso("12/31/29") == "2029-12-31");
  CHECK(iso("12/31/30") == "1930-12-31");
  CHECK(iso("02/29/2016") == "2016-02-29");
  CHECK(iso("Date Assigned: 2018-01-19") == "2018-01-19");
  CHECK(iso("injury of 30-Apr-2012.") == "2012-04-30");
  CHECK(iso("dated 08-Jan-2018") == "2018-01-08");
}

TEST_CASE("parser: impossible dates are recognised but not accepted") {
  REQUIRE(dates_in("on 13/45/2014").size() == 1);
  CHECK_FALSE(dates_in("on 13/45/2014")[0].iso);
  CHECK_FALSE(iso("02/29/2015"));
  CHECK_FALSE(iso("April 31, 2014"));
  CHECK(dates_in("pain rated 8/10 and Norco 10/325").empty());
}

TEST_CASE("parser: injury and UR dates come from the words before them") {
  const auto a =
      summary_dates("The patient sustained injury on 5/17/04. Utilization review from 04/30/2014 denied it.");
  CHECK(a.injury == "2004-05-17");
  CHECK(a.ur_denial == "2014-04-30");
  const auto b = summary_dates(
      "An MRI on 03/13/2013 was normal. The utilization review determination being "
      "challenged is dated 11/10/14.");
  CHECK_FALSE(b.injury);
  CHECK(b.ur_denial == "2014-11-10");
  const auto c = summary_dates("She had an injury and was seen on 5/1/13.");
  CHECK_FALSE(c.injury);
  // Or from the words right after it, where review is the sentence's subject.
  CHECK(summary_dates("On 11/17/2016, utilization review non-certified the requests.").ur_denial == "2016-11-17");
  CHECK_FALSE(summary_dates("On 11/17/2016, he asked about utilization review.").ur_denial);
}

TEST_CASE("parser: age and sex in their printed forms") {
  using imr::schema::Patient;
  CHECK(patient_facts("The patient is a 62 year old female with") == Patient{62, "female"});
  CHECK(patient_facts("The injured worker is a 60-year-old male who") == Patient{60, "male"});
  CHECK(patient_facts("This is a case of a 66-year old female who") == Patient{66, "female"});
  CHECK(patient_facts("a 45 year-old man") == Patient{45, "male"});
  CHECK(patient_facts("Ms. [REDACTED] reports pain. She was seen.") == Patient{std::nullopt, "female"});
  CHECK(patient_facts("The patient reported that his pain is worse; he takes Norco.") == Patient{std::nullopt, "male"});
  CHECK(patient_facts("He/she has no affiliation. His/her experience.") == Patient{});
  CHECK(patient_facts("a 250-year-old oak") == Patient{});
}

TEST_CASE("parser: diagnoses in list, claim and prose forms") {
  CHECK(diagnoses_in("Diagnoses, 10/03/14:- Low back pain- Lumbar radiculopathy- Lumbar facetal pain. The") ==
        Strings{"Low back pain", "Lumbar radiculopathy", "Lumbar facetal pain"});
  CHECK(diagnoses_in("has filed a claim for lumbar strain and lumbar radiculopathy associated with an injury") ==
        Strings{"lumbar strain", "lumbar radiculopathy"});
  CHECK(diagnoses_in("The worker was diagnosed with other and unspecified complications of medical care. Past") ==
        Strings{"other and unspecified complications of medical care"});
  CHECK(diagnoses_in("The diagnosis was cervical radiculopathy status post cervical fusion at C3-C5.") ==
        Strings{"cervical radiculopathy status post cervical fusion at C3-C5"});
  CHECK(diagnoses_in("Diagnoses: cervical strain; lumbar disc protrusion at L4-L5.") ==
        Strings{"cervical strain", "lumbar disc protrusion at L4-L5"});
  CHECK(diagnoses_in("The diagnoses have included lumbar sprain and insomnia. She has used it.") ==
        Strings{"lumbar sprain", "insomnia"});
  CHECK(diagnoses_in("His diagnoses are chronic right knee pain and right knee osteoarthritis. He had") ==
        Strings{"chronic right knee pain", "right knee osteoarthritis"});
  CHECK(diagnoses_in("has filed a claim for a right shoulder labral tear associated with an injury") ==
        Strings{"right shoulder labral tear"});
  CHECK(diagnoses_in("The mechanism of injury was not provided.").empty());
}

TEST_CASE("parser: diagnoses that a summary says it includes are a list") {
  CHECK(diagnoses_in("The patient fell. Diagnoses include lumbar radiculopathy and lumbar facet arthropathy. He") ==
        Strings{"lumbar radiculopathy", "lumbar facet arthropathy"});
  CHECK(diagnoses_in("Diagnoses include: cervical strain, right shoulder impingement and lumbar radiculopathy.") ==
        Strings{"cervical strain", "right shoulder impingement", "lumbar radiculopathy"});
  CHECK(diagnoses_in("Her diagnoses included cervical sprain and depression. She") ==
        Strings{"cervical sprain", "depression"});
  CHECK(diagnoses_in("The diagnoses include knee pain and other and unspecified complications of medical care.") ==
        Strings{"knee pain", "other and unspecified complications of medical care"});
}

TEST_CASE("parser: a diagnosis list splits by its own punctuation") {
  // Semicolons hold commas inside their items.
  CHECK(diagnoses_in("Current diagnoses: L1 compression fracture, healed; lumbar spondylosis; gait instability.") ==
        Strings{"L1 compression fracture, healed", "lumbar spondylosis", "gait instability"});
  // A serial comma holds "and" inside its items.
  CHECK(diagnoses_in("Psychological diagnoses are adjustment disorder with mixed anxiety and depressed mood, and "
                     "psychological factors affecting a medical condition.") ==
        Strings{"adjustment disorder with mixed anxiety and depressed mood",
                "psychological factors affecting a medical condition"});
  CHECK(diagnoses_in("She carries diagnoses of posttraumatic stress disorder, major depressive disorder, and chronic "
                     "cervical strain. She") ==
        Strings{"posttraumatic stress disorder", "major depressive disorder", "chronic cervical strain"});
  CHECK(diagnoses_in("Diagnoses include neck and shoulder pain, lumbar radiculopathy, and insomnia.") ==
        Strings{"neck and shoulder pain", "lumbar radiculopathy", "insomnia"});
  // Without a serial comma, "and" ends the list.
  CHECK(diagnoses_in("Diagnoses include neck pain, lumbar radiculopathy and insomnia.") ==
        Strings{"neck pain", "lumbar radiculopathy", "insomnia"});
  // "status post" qualifies the diagnosis before it.
  CHECK(diagnoses_in("The diagnoses are left tibial shaft fracture, status post intramedullary nailing, and a "
                     "chronic wound of the left heel.") ==
        Strings{"left tibial shaft fracture, status post intramedullary nailing", "chronic wound of the left heel"});
  CHECK(diagnoses_in("Her diagnoses were reported as cervical radiculopathy and cervical myelopathy. An MRI") ==
        Strings{"cervical radiculopathy", "cervical myelopathy"});
}

TEST_CASE("parser: diagnosed with a list, a pair or one diagnosis with shared words") {
  CHECK(diagnoses_in("The injured worker was diagnosed as having cervical disc disease, shoulder impingement "
                     "syndrome and chronic pain syndrome.") ==
        Strings{"cervical disc disease", "shoulder impingement syndrome", "chronic pain syndrome"});
  // The sentence goes on after the diagnoses.
  CHECK(diagnoses_in("He was diagnosed with a left tibial plateau fracture and post-traumatic arthritis of the "
                     "left knee, and he underwent arthroplasty.") ==
        Strings{"left tibial plateau fracture", "post-traumatic arthritis of the left knee"});
  // One word before "and" shares the words after it; "with" holds what follows it.
  CHECK(diagnoses_in("She was diagnosed with cervical and lumbar strain.") == Strings{"cervical and lumbar strain"});
  CHECK(diagnoses_in("The injured worker was diagnosed with adjustment disorder with mixed anxiety and depressed "
                     "mood.") == Strings{"adjustment disorder with mixed anxiety and depressed mood"});
  // "The diagnosis is" names one, without what the sentence adds after a comma.
  CHECK(diagnoses_in("The diagnosis is right carpal tunnel syndrome, severe by nerve conduction study of "
                     "06/20/2016.") == Strings{"right carpal tunnel syndrome"});
}

TEST_CASE("parser: \"other and unspecified\" names one diagnosis inside a list") {
  CHECK(diagnoses_in("has filed a claim for other and unspecified complications of medical care, knee pain and "
                     "depression associated with an injury") ==
        Strings{"other and unspecified complications of medical care", "knee pain", "depression"});
  CHECK(diagnoses_in("Diagnoses include: lumbar strain and other and unspecified complications of medical care.") ==
        Strings{"lumbar strain", "other and unspecified complications of medical care"});
}

TEST_CASE("parser: a heading joined to the paragraph before it by a page break") {
  const auto p = parser().parse(
      "IMR ISSUES, DECISIONS AND RATIONALES\n\nThe Final Determination was based on decisions for the disputed "
      "items/services set forth below: Compound cream: Flurbiprofen 20% 180gm: Upheld\n\nDecision rationale: Not "
      "supported. Therefore, the request for the compounded cream is not medically necessary. Norco 10/325mg #90: "
      "Overturned\n\nDecision rationale: Supported.\n",
      "x.txt");
  REQUIRE(p.record.items.size() == 2);
  CHECK(p.record.items[0].treatment == "Compound cream: Flurbiprofen 20% 180gm");
  CHECK(p.record.items[0].rationale ==
        "Not supported. Therefore, the request for the compounded cream is not medically necessary.");
  CHECK(p.record.items[1].treatment == "Norco 10/325mg #90");
  CHECK(p.record.items[1].decision == "overturned");
}

TEST_CASE("parser: a numbered heading broken over two paragraphs keeps its first line and its number") {
  const auto p = parser().parse(
      "IMR ISSUES, DECISIONS AND RATIONALES\n\n1) Transportation to appointments: Upheld\n\nDecision rationale: "
      "Not supported. The request is not medically necessary.\n\n2) Nucynta ER 100mg\n\nTID #120: Overturned\n\n"
      "Decision rationale: Supported.\n",
      "x.txt");
  REQUIRE(p.record.items.size() == 2);
  CHECK(p.record.items[0].rationale == "Not supported. The request is not medically necessary.");
  CHECK(p.record.items[1].treatment == "Nucynta ER 100mg TID #120");
  CHECK(p.record.items[1].decision == "overturned");
}

TEST_CASE("parser: a professional review's guideline block belongs to its item") {
  const auto p = parser().parse(
      "MEDICAL PROFESSIONAL REVIEW\n\nISSUE AT DISPUTE:\n\n1) Cyclobenzaprine 7.5mg: Upheld\n\n2) Physical "
      "therapy 2x4: Overturned\n\nMEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:\n\n"
      "1) Regarding the request for Cyclobenzaprine 7.5mg:\n\nDecision based on MTUS Chronic Pain Medical "
      "Treatment Guidelines, Muscle relaxants.\n\n2) Regarding the request for Physical therapy 2x4:\n\nDecision "
      "based on Non-MTUS Citation Official Disability Guidelines (ODG) Low Back, Physical therapy.\n",
      "x.txt");
  REQUIRE(p.record.items.size() == 2);
  CHECK(p.record.items[0].guidelines == Strings{"mtus-chronic-pain"});
  CHECK(p.record.items[1].guidelines == Strings{"odg"});
}

TEST_CASE("parser: the 2013 notice's own labels") {
  const auto p = parser().parse(
      "Notice of Independent Medical Review Determination\n\nCase Number: CM13-0001234\n\nDate of Decision: "
      "12/27/2013\n\nDate of UR Decision: 08/12/2013\n\n1) MAXIMUS Federal Services, Inc. has determined the "
      "request for Norco 10/325mg #90 is not medically necessary and appropriate.\n\nINDEPENDENT MEDICAL REVIEW "
      "DECISION AND RATIONALE\n\n1) Regarding the request for Norco 10/325mg #90:\n\nMedical Treatment "
      "Guideline(s) Used by the Claims Administrator: The Claims Administrator did not cite any medical evidence "
      "for its decision.\n\nMedical Treatment Guideline(s) Used by the Expert Reviewer: Decision based on Non-MTUS "
      "Citation Official Disability Guidelines (ODG), Opioids.\n\nRationale for the Decision: Not supported.\n",
      "x.txt");
  CHECK(p.record.dates.decision == "2013-12-27");
  CHECK(p.record.dates.ur_denial == "2013-08-12");
  REQUIRE(p.record.items.size() == 1);
  CHECK(p.record.items[0].claims_guidelines.empty());
  CHECK(p.record.items[0].guidelines == Strings{"odg"});
  CHECK(p.record.items[0].rationale == "Not supported.");
}

TEST_CASE("parser: the 2013 notice's labels in their other wording") {
  const auto p = parser().parse(
      "Notice of Independent Medical Review Determination\n\n1) MAXIMUS Federal Services, Inc. has determined the "
      "request for functional restoration program, 80 hours, is not medically necessary and appropriate.\n\n"
      "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE\n\n1) Regarding the request for functional restoration "
      "program, 80 hours:\n\nMedical Treatment Guideline(s) relied upon by Claims Administrator: The Claims "
      "Administrator based its decision on the Chronic Pain Medical Treatment Guidelines (2009).\n\nMedical "
      "Treatment Guideline(s) relied upon by the Expert Reviewer: The Expert Reviewer relied on the Official "
      "Disability Guidelines (ODG).\n\nRationale for the Decision: Not supported.\n",
      "x.txt");
  REQUIRE(p.record.items.size() == 1);
  CHECK(p.record.items[0].treatment == "functional restoration program, 80 hours");
  CHECK(p.record.items[0].claims_guidelines == Strings{"mtus-chronic-pain"});
  CHECK(p.record.items[0].guidelines == Strings{"odg"});
}

TEST_CASE("parser: a table of decisions above the items' blocks") {
  // As the reader gives a table: its caption, then one heading per row.
  const auto p = parser().parse(
      "IMR ISSUES, DECISIONS AND RATIONALES\n\nRequested service\n\nDecision:\n\nTENS unit rental: "
      "Overturned\n\nKnee brace: Upheld\n\nTENS unit rental\n\nClaims Administrator guideline: Decision based on "
      "MTUS Chronic Pain Medical Treatment Guidelines.\n\nDecision rationale: Supported.\n\nKnee brace\n\nClaims "
      "Administrator guideline: Decision based on Non-MTUS Citation ODG.\n\nDecision rationale: Not supported.\n",
      "x.txt");
  REQUIRE(p.record.items.size() == 2);
  CHECK(p.record.items[0].treatment == "TENS unit rental");
  CHECK(p.record.items[0].decision == "overturned");
  CHECK(p.record.items[0].claims_guidelines == Strings{"mtus-chronic-pain"});
  CHECK(p.record.items[0].rationale == "Supported.");
  CHECK(p.record.items[1].treatment == "Knee brace");
  CHECK(p.record.items[1].claims_guidelines == Strings{"odg"});
  CHECK(p.record.items[1].rationale == "Not supported.");
  CHECK(p.warnings.empty());
}

TEST_CASE("parser: decisions printed as the finding") {
  const auto p = parser().parse(
      "IMR ISSUES, DECISIONS AND RATIONALES\n\nDocusate 100mg #60: Medically necessary\n\nDecision rationale: "
      "Supported.\n\nOndansetron 8mg #30: Not medically necessary\n\nDecision rationale: Not supported.\n",
      "x.txt");
  REQUIRE(p.record.items.size() == 2);
  CHECK(p.record.items[0].treatment == "Docusate 100mg #60");
  CHECK(p.record.items[0].decision == "overturned");
  CHECK(p.record.items[1].treatment == "Ondansetron 8mg #30");
  CHECK(p.record.items[1].decision == "upheld");
}

TEST_CASE("parser: a guideline section shared by several items says which citation is whose") {
  const std::string issues =
      "MEDICAL PROFESSIONAL REVIEW\n\nISSUE AT DISPUTE:\n\n1. Home health aide: Upheld\n\n2. Medical "
      "transportation: Overturned\n\nMEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND "
      "WHY:\n\n";
  const auto p = parser().parse(issues +
                                    "MTUS Chronic Pain Medical Treatment Guidelines, Home health services, for the "
                                    "aide; ODG Knee Chapter, Transportation, for the transportation.\n",
                                "x.txt");
  REQUIRE(p.record.items.size() == 2);
  CHECK(p.record.items[0].guidelines == Strings{"mtus-chronic-pain"});
  CHECK(p.record.items[1].guidelines == Strings{"odg"});
  // Without saying whose, the section is every item's.
  const auto q = parser().parse(
      issues + "MTUS Chronic Pain Medical Treatment Guidelines, Home health services; ODG Knee Chapter.\n", "x.txt");
  REQUIRE(q.record.items.size() == 2);
  CHECK(q.record.items[0].guidelines == Strings{"mtus-chronic-pain", "odg"});
  CHECK(q.record.items[1].guidelines == Strings{"mtus-chronic-pain", "odg"});
}

TEST_CASE("parser: a board's diplomate is certified in what the board certified") {
  const auto in_brackets = parser().parse(
      "The Expert Reviewer is a Diplomate of the American Board of Psychiatry and Neurology (Psychiatry) and is "
      "licensed to practice in Illinois.\n",
      "x.txt");
  CHECK(in_brackets.record.reviewer.certifications == Strings{"Psychiatry"});
  CHECK(in_brackets.record.reviewer.license_states == Strings{"IL"});
  const auto board = parser().parse(
      "The expert reviewer is a Diplomate of the American Board of Orthopaedic Surgery and is licensed to practice "
      "in Ohio.\n",
      "x.txt");
  CHECK(board.record.reviewer.certifications == Strings{"Orthopaedic Surgery"});
}

TEST_CASE("parser: text that is not a letter gives an empty record, is_letter false") {
  for (const std::string& text : {std::string("# imrsearch\n\nA search engine. Build with cmake.\n"),
                                  std::string("Pancake recipe\n\nMix 2 cups of flour with 1 egg on 05/23/2004.\n"),
                                  std::string("lorem ipsum dolor sit amet\n")}) {
    const auto p = parser().parse(text, "x.txt");
    CHECK_FALSE(p.is_letter);
    CHECK(p.record.items.empty());
    CHECK_FALSE(p.record.outcome);
    CHECK(p.record.layout == "unknown");
  }
}

TEST_CASE("parser: hostile text never throws") {
  const std::string one_word(1 << 20, 'a');
  std::string upheld_lines;
  for (int i = 0; i < 20000; ++i) upheld_lines += ": Upheld\n";
  std::string upheld_paragraphs;
  for (int i = 0; i < 2000; ++i) upheld_paragraphs += ": Upheld\n\nClaims Administrator guideline:\n\n";
  std::string dates;
  for (int i = 0; i < 20000; ++i) dates += "99/99/99 injury on 02/30/2014 ";
  for (const std::string& text : {std::string(), std::string("\n\n\n"), one_word, upheld_lines, upheld_paragraphs,
                                  dates, std::string("\xff\xfe\x00garbage", 10)}) {
    CHECK_NOTHROW(parser().parse(text, "hostile.txt"));
  }
}

TEST_CASE("parser: an item heading without a decision is reported, not guessed") {
  const auto p = parser().parse(
      "IMR ISSUES, DECISIONS AND RATIONALES\n\nNorco 10/325mg #90\n\nClaims Administrator guideline: Decision "
      "based on MTUS Chronic Pain Treatment Guidelines.\n\nDecision rationale: Not supported.\n\nSoma 350mg: "
      "Overturned\n\nDecision rationale: Supported.\n",
      "x.txt");
  CHECK(p.is_letter);
  REQUIRE(p.record.items.size() == 1);
  CHECK(p.record.items[0].treatment == "Soma 350mg");
  CHECK(p.record.outcome == "overturned");
  REQUIRE(p.warnings.size() == 1);
  CHECK(p.warnings[0].find("Norco 10/325mg #90") != std::string::npos);
}
