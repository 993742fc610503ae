// Vocabulary: the tables of schema/data behind one immutable, shareable object.
#include "imr/schema/vocabulary.h"

#include "imr/schema/analyzer.h"
#include "imr/schema/data_files.h"
#include "imr/schema/phrase_matcher.h"
#include "vocab_drugs.h"
#include "vocab_guidelines.h"
#include "vocab_names.h"
#include "vocab_treatments.h"

namespace imr::schema {

struct Vocabulary::Data {
  explicit Data(const vocab::DataReader& data)
      : drugs(data), treatments(data), guidelines(data), specialties(data), states(data), synonyms(data) {}
  vocab::DrugTable drugs;
  vocab::TreatmentTable treatments;
  vocab::GuidelineTable guidelines;
  vocab::SpecialtyTable specialties;
  vocab::StateTable states;
  vocab::SynonymTable synonyms;
};

std::shared_ptr<const Vocabulary> Vocabulary::builtin() { return from_data(data_file); }

std::shared_ptr<const Vocabulary> Vocabulary::from_data(const DataSource& source) {
  // The analyser is only needed while phrases are read; matching then works
  // on const tables, so the vocabulary can be shared between threads.
  const Analyzer analyzer;
  return std::shared_ptr<const Vocabulary>(new Vocabulary(std::make_unique<Data>(vocab::DataReader{source, analyzer})));
}

Vocabulary::Vocabulary(std::unique_ptr<Data> data) : data_(std::move(data)) {}
Vocabulary::~Vocabulary() = default;

std::vector<std::string> Vocabulary::drugs_in(std::span<const Token> tokens) const {
  return data_->drugs.drugs_in(tokens);
}

std::optional<std::string> Vocabulary::drug_class(std::string_view generic) const {
  return data_->drugs.drug_class(generic);
}

std::optional<std::string> Vocabulary::item_drug_class(std::span<const Token> treatment,
                                                       std::span<const std::string> drugs) const {
  return data_->drugs.item_drug_class(treatment, drugs);
}

std::vector<std::string> Vocabulary::names_of(std::string_view generic) const {
  return data_->drugs.names_of(generic);
}

std::vector<std::string> Vocabulary::generics_of(std::string_view name) const {
  // Analysed like the data, so "Ben-Gay", "BENGAY" and "soma" are looked up as written.
  return data_->drugs.generics_of(PhraseMatcher::words_of(Analyzer().tokens(name)));
}

std::vector<std::string> Vocabulary::generics() const { return data_->drugs.generics(); }

std::string Vocabulary::category_of(std::span<const Token> treatment, bool has_drugs) const {
  return data_->treatments.category_of(treatment, has_drugs);
}

std::vector<std::string> Vocabulary::guidelines_in(std::span<const Token> citation) const {
  return data_->guidelines.guidelines_in(citation);
}

std::optional<std::string> Vocabulary::specialty(std::span<const Token> wording) const {
  return data_->specialties.specialty(wording);
}

std::vector<std::string> Vocabulary::specialties() const { return data_->specialties.specialties(); }

std::optional<std::string> Vocabulary::state_code(std::string_view name) const {
  return data_->states.state_code(name);
}

std::vector<std::vector<std::string>> Vocabulary::synonyms_of(std::span<const std::string> terms) const {
  return data_->synonyms.synonyms_of(terms);
}

}  // namespace imr::schema
