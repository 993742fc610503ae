// Vocabulary: the tables of schema/data behind one immutable, shareable object.
#include "imr/schema/vocabulary.h"

#include <algorithm>
#include <cctype>

#include "data_files.h"
#include "imr/schema/analyzer.h"
#include "imr/schema/term_normalizer.h"
#include "phrase_matcher.h"
#include "vocab_drugs.h"
#include "vocab_guidelines.h"
#include "vocab_names.h"
#include "vocab_treatments.h"

namespace imr::schema {
namespace {

bool all_of_class(std::string_view s, int (*pred)(int)) {
  return !s.empty() && std::ranges::all_of(s, [pred](char c) { return pred(static_cast<unsigned char>(c)) != 0; });
}

// The words of a name made only of ASCII letter or digit runs separated by
// spaces, which the analyser would return unchanged but lower-cased. The
// query parser looks names up for every word it expands, and building an
// ICU iterator per lookup cost more than the lookup itself.
std::optional<std::vector<std::string>> plain_words(std::string_view name) {
  std::vector<std::string> words;
  for (std::size_t start = 0; start <= name.size();) {
    const std::size_t end = std::min(name.find(' ', start), name.size());
    const std::string_view word = name.substr(start, end - start);
    if (!all_of_class(word, std::isalpha) && !all_of_class(word, std::isdigit)) return std::nullopt;
    words.push_back(normalize_term(word));
    start = end + 1;
  }
  return words;
}

}  // namespace

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

std::vector<std::string> Vocabulary::names_of(std::string_view generic) const { return data_->drugs.names_of(generic); }

std::vector<std::string> Vocabulary::generics_of(std::string_view name) const {
  if (auto words = plain_words(name)) return data_->drugs.generics_of(*words);
  // Analysed like the data, so "Ben-Gay", "BENGAY" and "soma" are looked up as written.
  return data_->drugs.generics_of(PhraseMatcher::words_of(Analyzer().tokens(name)));
}

std::vector<std::string> Vocabulary::generics() const { return data_->drugs.generics(); }

// "Associated surgical service: Sling" is what follows the prefix; the whole
// text decides only when that rest fits no category.
std::string Vocabulary::category_of(std::string_view treatment, std::span<const Token> tokens, bool has_drugs) const {
  if (const auto rest = data_->treatments.rest_after_prefix(treatment)) {
    const auto first = std::ranges::find_if(tokens, [&](const Token& t) { return t.start >= *rest; });
    const std::span<const Token> rest_tokens(first, tokens.end());
    std::string category = data_->treatments.category_of(treatment.substr(*rest), rest_tokens,
                                                         !data_->drugs.drugs_in(rest_tokens).empty());
    if (category != "other") return category;
  }
  return data_->treatments.category_of(treatment, tokens, has_drugs);
}

std::vector<std::string> Vocabulary::guidelines_in(std::span<const Token> citation) const {
  return data_->guidelines.guidelines_in(citation);
}

std::optional<std::string> Vocabulary::specialty(std::span<const Token> wording) const {
  return data_->specialties.specialty(wording);
}

std::vector<Vocabulary::NamedSpecialty> Vocabulary::specialties_in(std::span<const Token> credentials) const {
  return data_->specialties.specialties_in(credentials);
}

std::vector<std::string> Vocabulary::specialties() const { return data_->specialties.specialties(); }

std::optional<std::string> Vocabulary::state_code(std::string_view name) const {
  return data_->states.state_code(name);
}

std::vector<std::vector<std::string>> Vocabulary::synonyms_of(std::span<const std::string> terms) const {
  return data_->synonyms.synonyms_of(terms);
}

}  // namespace imr::schema
