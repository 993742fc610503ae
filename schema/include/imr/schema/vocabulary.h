// The vocabularies of schema/data: drugs (generics, brands, combinations,
// classes), treatment categories, guidelines, board specialties, states and
// abbreviations. Loaded once, immutable, safe to share between threads.
// Text is matched on analysed tokens, so the vocabulary sees words exactly
// as the index does ("Soma®", "SOMA" and "soma" are one name).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "imr/schema/token.h"

namespace imr::schema {

class Vocabulary {
 public:
  // From the data files built into the binary (schema/data). Throws
  // std::runtime_error naming the file and line of any malformed entry.
  static std::shared_ptr<const Vocabulary> builtin();
  // The content of a data file by name ("drugs.tsv"); nullopt when missing.
  using DataSource = std::function<std::optional<std::string_view>(std::string_view name)>;
  // From other data, such as a test's own files; builtin() reads data_file().
  static std::shared_ptr<const Vocabulary> from_data(const DataSource& source);

  // --- drugs -------------------------------------------------------------
  // Generic ingredients named in the tokens, brands and combinations expanded
  // ("Norco 10/325" -> hydrocodone, acetaminophen), in order of mention, unique.
  std::vector<std::string> drugs_in(std::span<const Token> tokens) const;
  // "opioid", "muscle_relaxant", ... for a generic; nullopt when unknown.
  std::optional<std::string> drug_class(std::string_view generic) const;
  // The class of an item given its printed treatment and drugs: "compound"
  // for compounded creams of several ingredients, "topical" for creams,
  // patches and gels, else the class of its principal drug.
  std::optional<std::string> item_drug_class(std::span<const Token> treatment,
                                             std::span<const std::string> drugs) const;
  // All names of a generic (itself and its brands), lower case.
  std::vector<std::string> names_of(std::string_view generic) const;
  // The generics a name stands for: "soma" -> carisoprodol; "norco" ->
  // hydrocodone, acetaminophen; a generic -> itself; unknown -> empty.
  std::vector<std::string> generics_of(std::string_view name) const;
  // Every generic in the vocabulary.
  std::vector<std::string> generics() const;

  // --- treatments, guidelines, people -------------------------------------
  // The contract's category of a printed treatment ("medication", "surgery"...),
  // given its text, the tokens of that text and whether it names a drug.
  std::string category_of(std::string_view treatment, std::span<const Token> tokens, bool has_drugs) const;
  // Guideline ids a citation names, in order, unique ("mtus-chronic-pain", "odg").
  std::vector<std::string> guidelines_in(std::span<const Token> citation) const;
  // Canonical board specialty for a wording ("Physical Medicine & Rehabilitation").
  std::optional<std::string> specialty(std::span<const Token> wording) const;
  // Every specialty a credential names, in order ("Licensed in Chiropractic,
  // Acupuncture"; "Endocrinology, Diabetes and Metabolism" is one), each with
  // the tokens [begin, end) of the span given that name it.
  struct NamedSpecialty {
    std::string name;
    std::size_t begin;
    std::size_t end;
  };
  std::vector<NamedSpecialty> specialties_in(std::span<const Token> credentials) const;
  // Every canonical specialty.
  std::vector<std::string> specialties() const;
  // "California" or "CA" -> "CA".
  std::optional<std::string> state_code(std::string_view name) const;

  // --- query synonyms ----------------------------------------------------
  // Other ways of writing a phrase ("pt" -> "physical therapy"), each as
  // analysed terms; the phrase itself is not included.
  std::vector<std::vector<std::string>> synonyms_of(std::span<const std::string> terms) const;

  ~Vocabulary();
  struct Data;

 private:
  explicit Vocabulary(std::unique_ptr<Data> data);
  std::unique_ptr<Data> data_;
};

}  // namespace imr::schema
