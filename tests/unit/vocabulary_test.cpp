// Vocabulary: the built-in data loads, is consistent, and reads text the way
// the letters write drugs, treatments, guidelines, specialties and states.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "imr/schema/analyzer.h"
#include "imr/schema/vocabulary.h"
#include "schema/src/data_files.h"

namespace {

using imr::schema::Analyzer;
using imr::schema::Vocabulary;
using Strings = std::vector<std::string>;

const Vocabulary& vocab() {
  static const auto v = Vocabulary::builtin();
  return *v;
}

Strings drugs(std::string_view text) { return vocab().drugs_in(Analyzer().tokens(text)); }

std::optional<std::string> item_class(std::string_view treatment) {
  const auto tokens = Analyzer().tokens(treatment);
  const auto found = vocab().drugs_in(tokens);
  return vocab().item_drug_class(tokens, found);
}

std::string category(std::string_view treatment) {
  const auto tokens = Analyzer().tokens(treatment);
  return vocab().category_of(treatment, tokens, !vocab().drugs_in(tokens).empty());
}

Strings guidelines(std::string_view citation) { return vocab().guidelines_in(Analyzer().tokens(citation)); }

std::optional<std::string> specialty(std::string_view wording) { return vocab().specialty(Analyzer().tokens(wording)); }

bool has(const std::vector<Strings>& phrases, const Strings& phrase) {
  return std::ranges::find(phrases, phrase) != phrases.end();
}

const std::set<std::string> kDrugClasses{"opioid",         "muscle_relaxant", "nsaid",     "anticonvulsant",
                                         "antidepressant", "benzodiazepine",  "sleep_aid", "gastro",
                                         "topical",        "compound",        "other"};

}  // namespace

TEST_CASE("vocabulary: drug data is consistent") {
  const Strings generics = vocab().generics();
  CHECK(generics.size() >= 300);
  CHECK(std::set<std::string>(generics.begin(), generics.end()).size() == generics.size());
  for (const std::string& g : generics) {
    CAPTURE(g);
    const auto cls = vocab().drug_class(g);
    REQUIRE(cls);
    CHECK(kDrugClasses.contains(*cls));
    const Strings names = vocab().names_of(g);
    REQUIRE_FALSE(names.empty());
    CHECK(names.front() == g);
    for (const std::string& name : names) {
      CAPTURE(name);
      const Strings of = vocab().generics_of(name);
      // Every name leads back to its generic; a name standing for several
      // generics is a combination product, never a second meaning.
      CHECK(std::ranges::find(of, g) != of.end());
      for (const std::string& other : of) CHECK(vocab().drug_class(other));
    }
  }
}

TEST_CASE("vocabulary: brands and generics map both ways") {
  CHECK(vocab().generics_of("soma") == Strings{"carisoprodol"});
  CHECK(vocab().generics_of("SOMA") == Strings{"carisoprodol"});
  CHECK(vocab().generics_of("Norco") == Strings{"hydrocodone", "acetaminophen"});
  CHECK(vocab().generics_of("Ben-Gay") == Strings{"methyl salicylate", "menthol"});
  CHECK(vocab().generics_of("carisoprodol") == Strings{"carisoprodol"});
  CHECK(vocab().generics_of("klonipin") == Strings{"clonazepam"});
  CHECK(vocab().generics_of("unheard-of-drug").empty());
  const Strings names = vocab().names_of("cyclobenzaprine");
  for (const char* brand : {"flexeril", "fexmid", "amrix"}) CHECK(std::ranges::find(names, brand) != names.end());
  const Strings hydrocodone = vocab().names_of("Hydrocodone");
  CHECK(std::ranges::find(hydrocodone, "norco") != hydrocodone.end());
  CHECK(vocab().names_of("no such generic").empty());
}

TEST_CASE("vocabulary: drugs are found the way letters write them") {
  CHECK(drugs("CARISOPRODOL 350MG #30 QTY: 30.00") == Strings{"carisoprodol"});
  CHECK(drugs("Soma tablets 350mg") == Strings{"carisoprodol"});
  CHECK(drugs("Carisoprodol (Soma) 350 mg #60") == Strings{"carisoprodol"});
  CHECK(drugs("Carisoprodol (Soma\u00ae) Page(s): 29") == Strings{"carisoprodol"});
  CHECK(drugs("Norco 10/325mg QTY: 90.00") == Strings{"hydrocodone", "acetaminophen"});
  CHECK(drugs("NORCO 10/325 mg QTY 90.00") == Strings{"hydrocodone", "acetaminophen"});
  CHECK(drugs("Ketamine 5% Cream 60 Gm #1") == Strings{"ketamine"});
  CHECK(drugs("Alprazolam 1mg") == Strings{"alprazolam"});
  CHECK(drugs("Physical therapy sessions to the lumbar QTY: 6.00").empty());
  CHECK(drugs("norco, oxycontin, Ativan, klonipin, and carisoprodol") ==
        Strings{"hydrocodone", "acetaminophen", "oxycodone", "lorazepam", "clonazepam", "carisoprodol"});
  CHECK(drugs("Tylenol #3 #60") == Strings{"acetaminophen", "codeine"});
  CHECK(drugs("Tylenol 500mg") == Strings{"acetaminophen"});
  CHECK(drugs("Hydrocodone/APAP 10/325") == Strings{"hydrocodone", "acetaminophen"});
  CHECK(drugs("Terocin patches") == Strings{"methyl salicylate", "capsaicin", "menthol", "lidocaine"});
  CHECK(drugs("Flurbiprofen 20%/Lidocaine 5% cream 180gm") == Strings{"flurbiprofen", "lidocaine"});
}

TEST_CASE("vocabulary: drug classes of items") {
  CHECK(vocab().drug_class("carisoprodol") == "muscle_relaxant");
  CHECK(vocab().drug_class("Hydrocodone") == "opioid");
  CHECK_FALSE(vocab().drug_class("unheard-of-drug"));
  CHECK(item_class("Carisoprodol 350mg TA #120 with 3 refills QTY:480") == "muscle_relaxant");
  CHECK(item_class("Norco 10/325mg QTY: 90.00") == "opioid");
  CHECK(item_class("Hydrocodone/APAP 10/325") == "opioid");
  CHECK(item_class("APAP/hydrocodone 5/325") == "opioid");
  CHECK(item_class("Ketamine 5% Cream 60 Gm #1") == "topical");
  CHECK(item_class("Alprazolam 1mg") == "benzodiazepine");
  CHECK(item_class("Lidoderm 5% patch #30") == "topical");
  CHECK(item_class("Voltaren gel 1%") == "topical");
  CHECK(item_class("Voltaren XR 100mg") == "nsaid");
  CHECK(item_class("Diclofenac sodium 1.5% cream") == "topical");
  CHECK(item_class("Fentanyl 25mcg/hr patch #10") == "opioid");
  CHECK(item_class("Butrans 10mcg patch") == "opioid");
  CHECK(item_class("Flurbiprofen 20%/Lidocaine 5% cream 180gm") == "compound");
  CHECK(item_class("Compounded ketoprofen 20% cream") == "compound");
  CHECK(item_class("Terocin patch") == "topical");
  CHECK(item_class("Omeprazole 20mg #60") == "gastro");
  CHECK(item_class("Ambien 10mg #30") == "sleep_aid");
  CHECK(item_class("Theramine #90") == "other");
  CHECK_FALSE(item_class("Physical therapy sessions to the lumbar QTY: 6.00"));
}

TEST_CASE("vocabulary: treatment categories") {
  CHECK(category("Physical therapy sessions to the lumbar QTY: 6.00") == "physical_therapy");
  CHECK(category("CARISOPRODOL 350MG #30 QTY: 30.00") == "medication");
  CHECK(category("Ketamine 5% Cream 60 Gm #1") == "medication");
  CHECK(category("Soma tablets 350mg") == "medication");
  CHECK(category("Aquatic therapy 2x4 for the lumbar spine") == "physical_therapy");
  CHECK(category("Post-op physical therapy for the right shoulder x12") == "physical_therapy");
  CHECK(category("Acupuncture 6 sessions") == "acupuncture");
  CHECK(category("Chiropractic treatment 2x3") == "chiropractic");
  CHECK(category("MRI of the lumbar spine without contrast") == "imaging");
  CHECK(category("X-rays of the right knee") == "imaging");
  CHECK(category("EMG/NCV of the bilateral upper extremities") == "electrodiagnostic");
  CHECK(category("Lumbar epidural steroid injection at L4-L5") == "injection");
  CHECK(category("Bilateral L4-5 medial branch blocks") == "injection");
  CHECK(category("Trigger point injections with lidocaine x4") == "injection");
  CHECK(category("Radiofrequency ablation L3-L5") == "injection");
  CHECK(category("Toradol 60mg IM injection") == "medication");
  CHECK(category("Right shoulder arthroscopy with subacromial decompression") == "surgery");
  CHECK(category("Anterior cervical discectomy and fusion C5-C6") == "surgery");
  CHECK(category("Orthopedic surgical consultation") == "evaluation");
  CHECK(category("Follow-up visit with pain management") == "evaluation");
  CHECK(category("Functional capacity evaluation") == "evaluation");
  CHECK(category("TENS unit and supplies") == "dme");
  CHECK(category("Cold therapy unit rental x 7 days") == "dme");
  CHECK(category("Lumbar brace") == "dme");
  CHECK(category("Functional restoration program x 160 hours") == "program");
  CHECK(category("Gym membership x 6 months") == "program");
  CHECK(category("Cognitive behavioral therapy 6 sessions") == "psych");
  CHECK(category("Psychological evaluation") == "psych");
  CHECK(category("Urine drug screen") == "lab");
  CHECK(category("Urine toxicology screen for opioids") == "lab");
  CHECK(category("Genetic testing for narcotic risk") == "lab");
  CHECK(category("Home health care 4 hours per day") == "home_health");
  CHECK(category("Transportation to and from medical appointments") == "transportation");
  CHECK(category("Extracorporeal shockwave therapy") == "other");
  CHECK(category("Something unheard of") == "other");
  CHECK(category("") == "other");
}

TEST_CASE("vocabulary: guideline citations of the seed letters") {
  CHECK(guidelines("Decision based on MTUS Chronic Pain Treatment Guidelines Page(s): 30.") ==
        Strings{"mtus-chronic-pain"});
  CHECK(guidelines("Decision based on MTUS Chronic Pain Treatment Guidelines Carisoprodol (Soma\u00ae) Page(s): 29.") ==
        Strings{"mtus-chronic-pain"});
  CHECK(guidelines("Decision based on MTUS Chronic Pain Treatment Guidelines Chronic Pain Medication Guidelines, "
                   "Muscle Relaxants, Carisoprodol (Soma, Soprodal 350, Vanado.") == Strings{"mtus-chronic-pain"});
  CHECK(guidelines("Decision based on MTUS Chronic Pain Treatment Guidelines Criteria For Use Of Opioids Page(s): "
                   "88 and 89, 78.") == Strings{"mtus-chronic-pain"});
  CHECK(guidelines("Decision based on MTUS Chronic Pain Treatment Guidelines Muscle relaxants for pain Page(s): "
                   "(63-66). Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) <Pain>, "
                   "<Carisoprodol>.") == Strings{"mtus-chronic-pain", "odg"});
  CHECK(guidelines("Decision based on MTUS Chronic Pain Treatment Guidelines X 2009: Benzodiazepines, page 24 "
                   "Page(s): 24.") == Strings{"mtus-chronic-pain"});
  // The MTUS named by its edition cites the part printed beside it, else the Chronic Pain guidelines.
  CHECK(guidelines("Decision based on MTUS 2009: ACOEM, Chapter 12") == Strings{"mtus-acoem"});
  CHECK(guidelines("Decision based on Low Back Complaints (MTUS 2009), page 301") == Strings{"mtus-acoem"});
  CHECK(guidelines("Decision based on MTUS (Effective July 18, 2009): Postsurgical Treatment Guidelines") ==
        Strings{"mtus-postsurgical"});
  CHECK(guidelines("Decision based on MTUS 2009, Physical medicine, page 98; ODG") ==
        Strings{"mtus-chronic-pain", "odg"});
  CHECK(guidelines("The Claims Administrator did not cite any medical evidence for its decision.").empty());
  CHECK(guidelines("").empty());
}

TEST_CASE("vocabulary: guideline citations beyond the seeds") {
  CHECK(guidelines("Decision based on Non-MTUS Citation Official Disability Guidelines (ODG)") == Strings{"odg"});
  CHECK(guidelines("Decision based on MTUS Chronic Pain Medical Treatment Guidelines 2016") ==
        Strings{"mtus-chronic-pain"});
  CHECK(guidelines("Decision based on CA MTUS Chronic Pain, Opioids") == Strings{"mtus-chronic-pain"});
  CHECK(guidelines("Decision based on MTUS Low Back Complaints 2004, page 303") == Strings{"mtus-acoem"});
  CHECK(guidelines("Decision based on MTUS ACOEM Practice Guidelines, Chapter 9 Shoulder Complaints") ==
        Strings{"mtus-acoem"});
  CHECK(guidelines("Decision based on Non-MTUS Citation ACOEM Practice Guidelines, Chapter 7, Independent Medical "
                   "Examinations and Consultations") == Strings{"acoem"});
  CHECK(guidelines("Decision based on MTUS Postsurgical Treatment Guidelines") == Strings{"mtus-postsurgical"});
  CHECK(guidelines("Decision based on MTUS Acupuncture Medical Treatment Guidelines") == Strings{"mtus-acupuncture"});
  CHECK(guidelines("Decision based on MTUS Opioids Treatment Guidelines (2017)") == Strings{"mtus-opioids"});
  CHECK(guidelines("Decision based on Non-MTUS Citation UpToDate: Gabapentin") == Strings{"uptodate"});
  CHECK(guidelines("Decision based on Non-MTUS Citation Journal of Pain Research 2012") == Strings{"other"});
  CHECK(guidelines("Decision based on Non-MTUS Citation Spine Journal. Decision based on Non-MTUS Citation ODG") ==
        Strings{"other", "odg"});
  CHECK(guidelines("Decision based on MTUS Chronic Pain Treatment Guidelines. Decision based on Non-MTUS Citation "
                   "Medscape") == Strings{"mtus-chronic-pain", "other"});
}

TEST_CASE("vocabulary: specialties") {
  CHECK(specialty("Physical Medicine & Rehabilitation") == "Physical Medicine and Rehabilitation");
  CHECK(specialty("Physical Medicine and Rehabilitation") == "Physical Medicine and Rehabilitation");
  CHECK(specialty("PM&R") == "Physical Medicine and Rehabilitation");
  CHECK(specialty("Anesthesiology") == "Anesthesiology");
  CHECK(specialty("Pain Management") == "Pain Management");
  CHECK(specialty("Pain Medicine") == "Pain Management");
  CHECK(specialty("Internal Medicine") == "Internal Medicine");
  CHECK(specialty("Occupational Medicine") == "Occupational Medicine");
  CHECK(specialty("Interventional Spine") == "Interventional Spine");
  CHECK(specialty("Orthopedic Surgery") == "Orthopaedic Surgery");
  CHECK(specialty("Orthopaedic Surgery") == "Orthopaedic Surgery");
  CHECK(specialty("Orthopedic Spine Surgery") == "Spine Surgery");
  CHECK(specialty("Chiropractic") == "Chiropractic");
  CHECK(specialty("Addiction Psychiatry") == "Addiction Psychiatry");
  CHECK(specialty("Psychiatry") == "Psychiatry");
  CHECK(specialty("Urology") == "Urology");
  CHECK_FALSE(specialty("Basket Weaving"));
  const Strings all = vocab().specialties();
  CHECK(all.size() >= 50);
  CHECK(std::set<std::string>(all.begin(), all.end()).size() == all.size());
  for (const std::string& s : all) CHECK(specialty(s) == s);
}

TEST_CASE("vocabulary: states") {
  CHECK(vocab().state_code("California") == "CA");
  CHECK(vocab().state_code("CA") == "CA");
  CHECK(vocab().state_code("ca") == "CA");
  CHECK(vocab().state_code("North Carolina") == "NC");
  CHECK(vocab().state_code(" north  carolina.") == "NC");
  CHECK(vocab().state_code("Texas") == "TX");
  CHECK(vocab().state_code("Tennessee") == "TN");
  // The traditional abbreviations.
  CHECK(vocab().state_code("Calif.") == "CA");
  CHECK(vocab().state_code("N. Mex.") == "NM");
  CHECK(vocab().state_code("W. Va.") == "WV");
  CHECK(vocab().state_code("Penn") == "PA");
  CHECK_FALSE(vocab().state_code("Atlantis"));
  CHECK_FALSE(vocab().state_code(""));
}

TEST_CASE("vocabulary: synonyms both ways") {
  const auto pt = vocab().synonyms_of(Strings{"pt"});
  CHECK(has(pt, Strings{"physical", "therapy"}));
  CHECK_FALSE(has(pt, Strings{"pt"}));
  CHECK(has(vocab().synonyms_of(Strings{"physical", "therapy"}), Strings{"pt"}));
  CHECK(has(vocab().synonyms_of(Strings{"esi"}), Strings{"epidural", "steroid", "injection"}));
  CHECK(has(vocab().synonyms_of(Strings{"epidural", "steroid", "injections"}), Strings{"esi"}));
  CHECK(has(vocab().synonyms_of(Strings{"tens"}), Strings{"transcutaneous", "electrical", "nerve", "stimulation"}));
  CHECK(has(vocab().synonyms_of(Strings{"uds"}), Strings{"urine", "drug", "screen"}));
  CHECK(has(vocab().synonyms_of(Strings{"nsaids"}), Strings{"nsaid"}) == false);
  CHECK(has(vocab().synonyms_of(Strings{"nsaids"}), Strings{"nonsteroidal", "anti", "inflammatory", "drug"}));
  CHECK(has(vocab().synonyms_of(Strings{"tkr"}), Strings{"total", "knee", "arthroplasty"}));
  CHECK(vocab().synonyms_of(Strings{"physical"}).empty());
  CHECK(vocab().synonyms_of(Strings{}).empty());
}

TEST_CASE("vocabulary: a malformed data file is reported with its file and line") {
  std::map<std::string, std::string, std::less<>> files;
  for (const char* name : {"drugs.tsv", "drug_combinations.tsv", "drug_forms.tsv", "treatments.tsv", "guidelines.tsv",
                           "specialties.tsv", "states.tsv", "synonyms.tsv"})
    files[name] = std::string(*imr::schema::data_file(name));
  const auto load = [&] {
    return Vocabulary::from_data([&](std::string_view name) -> std::optional<std::string_view> {
      auto it = files.find(name);
      if (it == files.end()) return std::nullopt;
      return it->second;
    });
  };
  CHECK(load()->generics().size() == vocab().generics().size());

  const auto message = [&] {
    try {
      load();
    } catch (const std::runtime_error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  const std::string drugs_tsv = files["drugs.tsv"];
  files["drugs.tsv"] = "# comment\n\nfoo\tnot_a_class\n";
  CHECK(message() == "schema/data/drugs.tsv line 3: \"not_a_class\" is not a drug class of the contract");
  files["drugs.tsv"] = "foo\n";
  CHECK(message().starts_with("schema/data/drugs.tsv line 1: expected 2 to 3"));
  files["drugs.tsv"] = "foo\tother\tbar\nbaz\tother\tBar\n";
  CHECK(message().starts_with("schema/data/drugs.tsv line 2: \"Bar\" already names"));
  files["drugs.tsv"] = drugs_tsv;
  files["treatments.tsv"] = "medication\tmedication\nsurgery\tsurgery\nsorcery\tmagic wand\n";
  CHECK(message().starts_with("schema/data/treatments.tsv line 3:"));
  files.erase("treatments.tsv");
  CHECK(message() == "schema/data/treatments.tsv is missing");
}
