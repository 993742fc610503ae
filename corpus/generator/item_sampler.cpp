// ItemSampler: items per letter, decisions, citations and rationales.
#include "item_sampler.h"

#include <algorithm>
#include <cctype>

namespace imr::generator {
namespace {

constexpr double kUpheldShare = 0.88;
constexpr double kClaimsCitedNothing = 0.12;
constexpr int kNewGuidelinesYear = 2016;  // the MTUS was rewritten in 2016

std::size_t item_count(Random& random) { return 1 + random.weighted({55, 25, 12, 5, 3}); }

// The ids a citation's chosen lines name, each once, in the order it names them.
std::vector<std::string> guideline_ids(const Filled& citation) {
  std::vector<std::string> out;
  if (const auto it = citation.facts.find("guidelines"); it != citation.facts.end())
    for (const std::string& id : it->second)
      if (std::ranges::find(out, id) == out.end()) out.push_back(id);
  return out;
}

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

ItemSampler::ItemSampler(const TemplateBook& book) : book_(book), treatments_(book) {}

std::vector<CaseItem> ItemSampler::sample(const LetterCase& letter, Random& random) const {
  const std::size_t count = item_count(random);
  const bool shouting = random.chance(letter.layout == Layout::maximus_inc ? 0.4 : 0.15);
  std::vector<CaseItem> items;
  while (items.size() < count) {
    CaseItem next = item(letter, random);
    if (shouting) next.treatment = upper(next.treatment);
    const bool repeated = std::ranges::any_of(items, [&](const CaseItem& i) { return i.treatment == next.treatment; });
    if (!repeated) items.push_back(std::move(next));
  }
  return items;
}

CaseItem ItemSampler::item(const LetterCase& letter, Random& random) const {
  const SampledTreatment t = treatments_.sample(random);
  CaseItem item;
  item.treatment = t.treatment;
  item.subject = t.subject;
  item.kind = t.kind;
  item.facts = t.facts;
  item.upheld = random.chance(kUpheldShare);
  Slots slots;
  SlotFacts cited;
  for (const std::string_view part : {"mtus", "mtus2016", "odg"}) {
    Filled filled = book_.fill_with_facts(std::string(part) + "." + t.kind, {}, random);
    slots.emplace(part, std::move(filled.text));
    cited.emplace(part, std::move(filled.facts));
  }
  const bool new_era = year_of(letter.decision) >= kNewGuidelinesYear;
  const Filled reviewer = book_.fill_with_facts(new_era ? "cite.new" : "cite.old", slots, random, cited);
  item.reviewer_citation = reviewer.text;
  item.reviewer_guidelines = guideline_ids(reviewer);
  // The professional review layout prints no claims administrator citation.
  if (letter.layout != Layout::professional_review) {
    const bool none = random.chance(kClaimsCitedNothing);
    const Filled claims = book_.fill_with_facts(none ? "claims.none" : "cite.claims", slots, random, cited);
    item.claims_citation = claims.text;
    item.claims_guidelines = guideline_ids(claims);
  }
  item.rationale = rationale(letter, t, item.upheld, random);
  return item;
}

std::string ItemSampler::rationale(const LetterCase& letter, const SampledTreatment& t, bool upheld,
                                   Random& random) const {
  const Date report = add_days(letter.ur_denial, -random.between(5, 60));
  Slots words{{"subject", t.subject}, {"treatment", t.treatment}, {"report", printed(report, letter.prose_dates)}};
  // Facts are worded for a medication or for any other treatment.
  const std::string family = t.medication ? ".medication" : ".procedure";
  const std::string verdict = upheld ? "upheld" : "overturned";
  words["why"] = book_.fill("why." + t.kind, {}, random);
  words["facts"] = book_.fill("facts." + verdict + family, words, random);
  words["more_facts"] = book_.fill("facts.more_" + verdict + family, words, random);
  return book_.fill("rationale." + verdict, words, random);
}

}  // namespace imr::generator
