// The drug table: generics with their class and other names (brands,
// abbreviations, common misspellings), branded products that stand for
// several generics or carry their own class (Norco, Terocin, Lidoderm), and
// the dosage-form words that make a medication topical or compounded.
// Read from drugs.tsv, drug_combinations.tsv and drug_forms.tsv.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "imr/schema/analyzer.h"
#include "imr/schema/token.h"
#include "phrase_matcher.h"
#include "vocab_tsv.h"

namespace imr::schema::vocab {

class DrugTable {
 public:
  // Throws std::runtime_error naming the file and line of a bad entry.
  explicit DrugTable(const DataReader& data);

  std::vector<std::string> drugs_in(std::span<const Token> tokens) const;
  std::optional<std::string> drug_class(std::string_view generic) const;
  std::optional<std::string> item_drug_class(std::span<const Token> treatment,
                                             std::span<const std::string> drugs) const;
  std::vector<std::string> names_of(std::string_view generic) const;
  std::vector<std::string> generics_of(std::span<const std::string> words) const;
  std::vector<std::string> generics() const;

 private:
  struct Generic {
    std::string name;
    std::string drug_class;
    std::vector<std::string> names;  // itself first, then brands and products, lower case
  };
  // What a matched name stands for.
  struct Product {
    std::vector<std::size_t> generics;      // indices into generics_
    std::optional<std::string> drug_class;  // a product's own class (Terocin: topical)
  };
  struct Form {
    bool compound;                          // "compounded": several ingredients mixed
    std::vector<std::string> kept_classes;  // classes a topical form does not override
  };
  struct FormsSeen {
    bool compound = false;
    const Form* topical = nullptr;
  };

  void load_generics(const DataReader& data);
  void load_products(const DataReader& data);
  void load_forms(const DataReader& data);
  void add_name(const DataReader& data, const TsvRow& row, std::string_view name, Product product);
  FormsSeen forms_in(std::span<const Token> treatment) const;
  const Product* classed_product_in(std::span<const Token> treatment) const;
  std::optional<std::string> principal_class(std::span<const std::string> drugs) const;

  std::vector<Generic> generics_;
  std::unordered_map<std::string, std::size_t> generic_index_;
  std::vector<Product> products_;
  PhraseMatcher names_;  // id: index into products_
  std::vector<Form> forms_;
  PhraseMatcher form_words_;  // id: index into forms_
};

}  // namespace imr::schema::vocab
