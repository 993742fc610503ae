// DrugTable: loading the drug files and finding drugs and classes in text.
#include "vocab_drugs.h"

#include <algorithm>
#include <array>

#include "imr/schema/term_normalizer.h"
#include "vocab_tsv.h"

namespace imr::schema::vocab {
namespace {

// The contract's drug classes (section 2); the data may use no other.
constexpr std::array<std::string_view, 11> kClasses{"opioid",         "muscle_relaxant", "nsaid",     "anticonvulsant",
                                                    "antidepressant", "benzodiazepine",  "sleep_aid", "gastro",
                                                    "topical",        "compound",        "other"};
constexpr std::string_view kOther = "other";
constexpr std::string_view kTopical = "topical";
constexpr std::string_view kCompound = "compound";

void check_class(const TsvRow& row, std::string_view cls) {
  if (std::ranges::find(kClasses, cls) == kClasses.end())
    row.fail("\"" + std::string(cls) + "\" is not a drug class of the contract");
}

}  // namespace

DrugTable::DrugTable(const DataReader& data) {
  load_generics(data);
  load_products(data);
  load_forms(data);
}

void DrugTable::add_name(const DataReader& data, const TsvRow& row, std::string_view name, Product product) {
  const auto id = static_cast<PhraseMatcher::Id>(products_.size());
  if (names_.add(data.words(row, name), id) != id)
    row.fail("\"" + std::string(name) + "\" already names another drug or product");
  for (std::size_t g : product.generics) push_unique(generics_[g].names, normalize_term(name));
  products_.push_back(std::move(product));
}

// drugs.tsv: generic, class, other names (comma-separated).
void DrugTable::load_generics(const DataReader& data) {
  for (const TsvRow& row : data.rows("drugs.tsv", 2, 3)) {
    const std::string generic = normalize_term(row.column(0));
    check_class(row, row.column(1));
    if (row.column(1) == kCompound) row.fail("\"compound\" is the class of mixtures, not of one generic");
    if (!generic_index_.emplace(generic, generics_.size()).second)
      row.fail("generic \"" + generic + "\" is listed twice");
    generics_.push_back(Generic{generic, row.column(1), {}});
    const std::size_t g = generics_.size() - 1;
    add_name(data, row, generic, Product{{g}, std::nullopt});
    for (const std::string& name : split_list(row.column(2))) add_name(data, row, name, Product{{g}, std::nullopt});
  }
}

// drug_combinations.tsv: product names, class, generics (comma-separated).
void DrugTable::load_products(const DataReader& data) {
  for (const TsvRow& row : data.rows("drug_combinations.tsv", 3, 3)) {
    check_class(row, row.column(1));
    Product product{{}, row.column(1)};
    for (const std::string& generic : split_list(row.column(2))) {
      auto it = generic_index_.find(normalize_term(generic));
      if (it == generic_index_.end()) row.fail("\"" + generic + "\" is not a generic of drugs.tsv");
      product.generics.push_back(it->second);
    }
    for (const std::string& name : split_list(row.column(0))) add_name(data, row, name, product);
  }
}

// drug_forms.tsv: word, "topical" or "compound", classes a topical form keeps.
void DrugTable::load_forms(const DataReader& data) {
  for (const TsvRow& row : data.rows("drug_forms.tsv", 2, 3)) {
    if (row.column(1) != kTopical && row.column(1) != kCompound) row.fail("the kind must be topical or compound");
    Form form{row.column(1) == kCompound, split_list(row.column(2))};
    for (const std::string& cls : form.kept_classes) check_class(row, cls);
    const auto id = static_cast<PhraseMatcher::Id>(forms_.size());
    if (form_words_.add(data.words(row, row.column(0)), id) != id)
      row.fail("\"" + row.column(0) + "\" is listed twice");
    forms_.push_back(std::move(form));
  }
}

std::vector<std::string> DrugTable::drugs_in(std::span<const Token> tokens) const {
  std::vector<std::string> out;
  for (const auto& m : names_.find_all(tokens))
    for (std::size_t g : products_[m.id].generics) push_unique(out, generics_[g].name);
  return out;
}

std::optional<std::string> DrugTable::drug_class(std::string_view generic) const {
  auto it = generic_index_.find(normalize_term(generic));
  if (it == generic_index_.end()) return std::nullopt;
  return generics_[it->second].drug_class;
}

DrugTable::FormsSeen DrugTable::forms_in(std::span<const Token> treatment) const {
  FormsSeen seen;
  for (const auto& m : form_words_.find_all(treatment)) {
    const Form& form = forms_[m.id];
    if (form.compound)
      seen.compound = true;
    else if (!seen.topical)
      seen.topical = &form;
  }
  return seen;
}

const DrugTable::Product* DrugTable::classed_product_in(std::span<const Token> treatment) const {
  for (const auto& m : names_.find_all(treatment))
    if (products_[m.id].drug_class) return &products_[m.id];
  return nullptr;
}

// Of several drugs, the first with a specific class speaks for the item
// ("APAP/hydrocodone" is an opioid, not an analgesic of class other).
std::optional<std::string> DrugTable::principal_class(std::span<const std::string> drugs) const {
  std::optional<std::string> first;
  for (const std::string& d : drugs) {
    auto cls = drug_class(d);
    if (!cls) continue;
    if (*cls != kOther) return cls;
    if (!first) first = cls;
  }
  return first;
}

std::optional<std::string> DrugTable::item_drug_class(std::span<const Token> treatment,
                                                      std::span<const std::string> drugs) const {
  const FormsSeen forms = forms_in(treatment);
  const Product* product = classed_product_in(treatment);
  const bool one_product =
      product && std::ranges::all_of(drugs, [&](const std::string& d) {
        return std::ranges::any_of(product->generics, [&](std::size_t g) { return generics_[g].name == d; });
      });
  if (forms.compound || (forms.topical && drugs.size() >= 2 && !one_product)) return std::string(kCompound);
  if (one_product) return product->drug_class;
  auto cls = principal_class(drugs);
  if (forms.topical &&
      (!cls || std::ranges::find(forms.topical->kept_classes, *cls) == forms.topical->kept_classes.end()))
    return std::string(kTopical);
  return cls;
}

std::vector<std::string> DrugTable::names_of(std::string_view generic) const {
  auto it = generic_index_.find(normalize_term(generic));
  if (it == generic_index_.end()) return {};
  return generics_[it->second].names;
}

std::vector<std::string> DrugTable::generics_of(std::span<const std::string> words) const {
  std::vector<std::string> out;
  if (auto id = names_.find_exact(words))
    for (std::size_t g : products_[*id].generics) out.push_back(generics_[g].name);
  return out;
}

std::vector<std::string> DrugTable::generics() const {
  std::vector<std::string> out;
  for (const Generic& g : generics_) out.push_back(g.name);
  return out;
}

}  // namespace imr::schema::vocab
