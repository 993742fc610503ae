// Analyses item text exactly as the index does, so the vocabulary matches
// the same words a search for them would.
#include "item_facts.h"

#include "misspelled_drugs.h"
#include "text_util.h"

namespace imr::indexer::parsing {
namespace {

// "The Claims Administrator did not cite any medical evidence for its
// decision" names no guideline, whatever words it shares with one.
std::vector<std::string> guidelines_of(std::string_view citation, const schema::Vocabulary& vocabulary,
                                       const schema::Analyzer& analyzer) {
  if (contains_icase(citation, "did not cite")) return {};
  return vocabulary.guidelines_in(analyzer.tokens(citation));
}

}  // namespace

schema::Item item_facts(const PrintedItem& printed, const schema::Vocabulary& vocabulary,
                        const schema::Analyzer& analyzer) {
  schema::Item item;
  item.treatment = printed.treatment;
  item.decision = printed.decision;
  const auto tokens = analyzer.tokens(printed.treatment);
  item.drugs = vocabulary.drugs_in(tokens);
  if (item.drugs.empty()) item.drugs = misspelled_drugs(printed.treatment);
  item.category = vocabulary.category_of(printed.treatment, tokens, !item.drugs.empty());
  // A test measures the drug it names ("Serum carbamazepine level"); nobody asked for it.
  if (item.category == "lab") item.drugs.clear();
  if (item.category == "medication") item.drug_class = vocabulary.item_drug_class(tokens, item.drugs);
  item.guidelines = guidelines_of(printed.reviewer_citation, vocabulary, analyzer);
  item.claims_guidelines = guidelines_of(printed.claims_citation, vocabulary, analyzer);
  item.rationale = printed.rationale;
  return item;
}

}  // namespace imr::indexer::parsing
