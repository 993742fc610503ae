#include "xapian/stock_indexer.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <iterator>
#include <set>
#include <string>

#include <xapian.h>

#include "common/brand_names.h"
#include "common/corpus.h"
#include "common/specialties.h"
#include "xapian/stock_schema.h"

namespace imr::bench {
namespace {

using stock::kValueSeparator;

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Every value of a facet in a letter, once each.
std::set<std::string> facet_values(std::string_view field, const schema::Record& r) {
  std::set<std::string> values;
  const auto add_optional = [&](const std::optional<std::string>& v) {
    if (v) values.insert(*v);
  };
  if (field == "outcome") add_optional(r.outcome);
  if (field == "specialty") std::ranges::copy(specialties_of(r), std::inserter(values, values.end()));
  if (field == "decision_year" && r.dates.decision) values.insert(r.dates.decision->substr(0, 4));
  if (field == "license_state") values.insert(r.reviewer.license_states.begin(), r.reviewer.license_states.end());
  for (const schema::Item& item : r.items) {
    if (field == "decision") values.insert(item.decision);
    if (field == "category") values.insert(item.category);
    if (field == "drug_class") add_optional(item.drug_class);
    if (field == "drug") values.insert(item.drugs.begin(), item.drugs.end());
    if (field == "guideline") values.insert(item.guidelines.begin(), item.guidelines.end());
  }
  return values;
}

std::string joined(const std::set<std::string>& values) {
  std::string out;
  for (const std::string& v : values) out += (out.empty() ? "" : std::string(1, kValueSeparator)) + v;
  return out;
}

std::string item_outcomes(const schema::Record& r) {
  std::string out;
  for (const schema::Item& item : r.items)
    for (const std::string& drug : item.drugs) out += drug + '\t' + item.decision + kValueSeparator;
  return out;
}

Xapian::Document document_of(Xapian::TermGenerator& generator, const schema::Record& r, std::string_view text) {
  Xapian::Document doc;
  generator.set_document(doc);
  generator.index_text(std::string(text));
  for (const stock::FacetSlot& f : stock::kFacets) {
    const std::set<std::string> values = facet_values(f.field, r);
    for (const std::string& v : values) doc.add_boolean_term(std::string(f.prefix) + lower(v));
    doc.add_value(f.slot, joined(values));
  }
  if (r.dates.decision) doc.add_value(stock::kDateSlot, *r.dates.decision);
  doc.add_value(stock::kCaseSlot, r.case_number.value_or(""));
  doc.add_value(stock::kItemOutcomesSlot, item_outcomes(r));
  doc.set_data(std::string(text));
  return doc;
}

}  // namespace

void build_stock_index(const std::filesystem::path& corpus, const std::filesystem::path& db_dir) {
  std::filesystem::remove_all(db_dir);
  Xapian::WritableDatabase db(db_dir.string(), Xapian::DB_CREATE);
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("english"));
  const auto letters = for_each_letter(corpus, [&](const schema::Record& r, std::string_view text) {
    db.add_document(document_of(generator, r, text));
  });
  // The QueryParser looks synonyms up by the term as it parses it: stemmed ("Z" + stem) or not.
  const Xapian::Stem stemmer("english");
  for (const auto& [name, generic] : brand_names()) {
    db.add_synonym(name, generic);
    if (name.find(' ') == std::string::npos) db.add_synonym("Z" + stemmer(name), "Z" + stemmer(generic));
  }
  db.commit();
  std::fprintf(stderr, "xapian: indexed %llu letters into %s\n", static_cast<unsigned long long>(letters),
               db_dir.c_str());
}

}  // namespace imr::bench
