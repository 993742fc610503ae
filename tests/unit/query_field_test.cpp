// The query parser on fields and date ranges, checked against letters whose
// records have known values.
#include <doctest/doctest.h>

#include "query_test_index.h"

namespace {

using imr::schema::Item;
using imr::schema::Record;
using query_test::Names;
using query_test::sorted;

Item item(std::vector<std::string> drugs, std::string category, std::optional<std::string> drug_class,
          std::string decision, std::vector<std::string> guidelines) {
  Item i;
  i.treatment = "treatment";
  i.drugs = std::move(drugs);
  i.category = std::move(category);
  i.drug_class = std::move(drug_class);
  i.decision = std::move(decision);
  i.guidelines = std::move(guidelines);
  i.claims_guidelines = {"odg"};
  return i;
}

Record soma_letter() {
  Record r;
  r.case_number = "CM14-0039927";
  r.dates.assigned = "2014-06-27";
  r.dates.injury = "2004-05-17";
  r.dates.decision = "2014-07-29";
  r.dates.ur_denial = "2014-03-04";
  r.dates.application_received = "2014-04-04";
  r.priority = "standard";
  r.reviewer.specialty = "Internal Medicine";
  r.reviewer.certifications = {"Internal Medicine"};
  r.reviewer.license_states = {"CA"};
  r.patient.sex = "female";
  r.items = {item({"carisoprodol"}, "medication", "muscle_relaxant", "upheld", {"mtus-chronic-pain", "odg"})};
  r.outcome = "upheld";
  return r;
}

Record norco_letter() {
  Record r;
  r.case_number = "CM15-0001111";
  r.dates.assigned = "2015-01-10";
  r.dates.injury = "2010-11-02";
  r.dates.decision = "2015-02-28";
  r.dates.ur_denial = "2014-12-01";
  r.dates.application_received = "2014-12-20";
  r.priority = "expedited";
  r.reviewer.specialty = "Physical Medicine & Rehabilitation";
  r.reviewer.certifications = {"Physical Medicine & Rehabilitation", "Pain Management"};
  r.reviewer.license_states = {"NY", "NC"};
  r.patient.sex = "male";
  r.items = {item({"hydrocodone", "acetaminophen"}, "medication", "opioid", "overturned", {"mtus-opioids"}),
             item({}, "physical_therapy", std::nullopt, "upheld", {"mtus-acoem"})};
  r.outcome = "partially_overturned";
  return r;
}

Record letter_without_dates() {
  Record r;
  r.case_number = "CM16-0002222";
  r.dates.decision = "2016-01-01";
  return r;
}

struct Fixture {
  Fixture() {
    index.add(soma_letter(), "Carisoprodol 350mg is not indicated.");
    index.add(norco_letter(), "Norco 10/325 for chronic pain; physical therapy for the back.");
    index.add(letter_without_dates(), "A letter about a knee brace.");
  }
  Names find(std::string_view q) const { return sorted(index.find(parser.parse(q).query)); }

  query_test::TestIndex index;
  query_test::SmallThesaurus thesaurus;
  query_test::Parser parser{thesaurus};
};

const Names kSoma{"CM14-0039927"}, kNorco{"CM15-0001111"}, kThird{"CM16-0002222"};

}  // namespace

TEST_CASE_FIXTURE(Fixture, "drug: by generic or brand - a combination needs all its generics") {
  CHECK(find("drug:carisoprodol") == kSoma);
  CHECK(find("drug:Soma") == kSoma);
  CHECK(find("drug:norco") == kNorco);
  CHECK(find("drug:acetaminophen") == kNorco);
  CHECK(find("drug:tylenol") == kNorco);
  CHECK(find("drug:\"soma compound\"").empty());  // carisoprodol AND aspirin
  CHECK(find("drug:baclofen").empty());
  CHECK(find("drug:hydro*") == kNorco);
}

TEST_CASE_FIXTURE(Fixture, "item-level fields: class, category, decision, guideline, claims") {
  CHECK(find("class:muscle_relaxant") == kSoma);
  CHECK(find("class:\"muscle relaxant\"") == kSoma);
  CHECK(find("drug_class:opioid") == kNorco);
  CHECK(find("category:physical_therapy") == kNorco);
  CHECK(find("category:physical-therapy") == kNorco);
  CHECK(find("category:medication") == Names{"CM14-0039927", "CM15-0001111"});
  CHECK(find("decision:overturned") == kNorco);
  CHECK(find("decision:upheld") == Names{"CM14-0039927", "CM15-0001111"});
  CHECK(find("guideline:odg") == kSoma);
  CHECK(find("guideline:mtus-acoem") == kNorco);
  CHECK(find("claims:odg") == Names{"CM14-0039927", "CM15-0001111"});
}

TEST_CASE_FIXTURE(Fixture, "letter-level fields: outcome, specialty, state, case, year, priority, sex") {
  CHECK(find("outcome:partially_overturned") == kNorco);
  CHECK(find("outcome:upheld") == kSoma);
  CHECK(find("specialty:\"internal medicine\"") == kSoma);
  CHECK(find("specialty:\"Pain Management\"") == kNorco);
  CHECK(find("specialty:\"physical medicine and rehabilitation\"") == kNorco);
  CHECK(find("state:california") == kSoma);
  CHECK(find("state:CA") == kSoma);
  CHECK(find("license_state:nc") == kNorco);
  CHECK(find("case:cm14-0039927") == kSoma);
  CHECK(find("year:2015") == kNorco);
  CHECK(find("priority:expedited") == kNorco);
  CHECK(find("sex:female") == kSoma);
}

TEST_CASE_FIXTURE(Fixture, "fields combine with words and operators and do not change ranking") {
  CHECK(find("drug:carisoprodol OR decision:overturned") == Names{"CM14-0039927", "CM15-0001111"});
  CHECK(find("category:medication -drug:soma") == kNorco);
  CHECK(find("therapy drug:norco") == kNorco);
  CHECK(find("therapy -drug:norco").empty());
  const auto filter_only = parser.parse("category:medication");
  Xapian::WritableDatabase db("", Xapian::DB_BACKEND_INMEMORY);
  Xapian::Document doc;
  doc.add_boolean_term("XCATmedication");
  db.add_document(doc);
  Xapian::Enquire enquire(db);
  enquire.set_query(filter_only.query);
  const Xapian::MSet mset = enquire.get_mset(0, 10);
  REQUIRE(mset.size() == 1);
  CHECK(mset.begin().get_weight() == 0.0);
}

TEST_CASE_FIXTURE(Fixture, "item_fields: positive item-level fields with canonical values") {
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  CHECK(parser.parse("drug:soma").item_fields == Pairs{{"drug", "carisoprodol"}});
  CHECK(parser.parse("drug:norco class:opioid decision:overturned category:medication guideline:odg").item_fields ==
        Pairs{{"drug", "hydrocodone"},
              {"drug", "acetaminophen"},
              {"drug_class", "opioid"},
              {"decision", "overturned"},
              {"category", "medication"},
              {"guideline", "odg"}});
  CHECK(parser.parse("state:ca outcome:upheld specialty:x").item_fields.empty());
  CHECK(parser.parse("pain -drug:soma NOT decision:upheld").item_fields.empty());
  CHECK(parser.parse("drug:soma").highlights.empty());
}

TEST_CASE_FIXTURE(Fixture, "date ranges: full dates, years, months, single periods, open ends") {
  CHECK(find("injury:2004-01-01..2004-12-31") == kSoma);
  CHECK(find("injury:2004-05-17..2004-05-17") == kSoma);
  CHECK(find("injury:2004-05-18..2004-12-31").empty());
  CHECK(find("decided:2014..2015") == Names{"CM14-0039927", "CM15-0001111"});
  CHECK(find("decided:2014") == kSoma);
  CHECK(find("decided:2015-02") == kNorco);
  CHECK(find("decided:2014-08").empty());
  CHECK(find("decided:..2015") == Names{"CM14-0039927", "CM15-0001111"});
  CHECK(find("decided:2015..") == Names{"CM15-0001111", "CM16-0002222"});
  CHECK(find("decided:..2014-07-28").empty());
  CHECK(find("decided:..2014-07-29") == kSoma);
  CHECK(find("injury:05/17/2004") == kSoma);
}

TEST_CASE_FIXTURE(Fixture, "every date field reads its own slot") {
  CHECK(find("assigned:2014-06") == kSoma);
  CHECK(find("ur_denial:2014-12-01") == kNorco);
  CHECK(find("received:2014-04-04") == kSoma);
  CHECK(find("decision_date:2016") == kThird);
  CHECK(find("injury:2016").empty());
  CHECK(find("injury:2005.. carisoprodol").empty());
  CHECK(find("injury:2000.. drug:soma") == kSoma);
}
