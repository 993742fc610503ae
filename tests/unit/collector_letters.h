// Synthetic letters for the searcher's unit tests: records built in code,
// indexed through the real DocumentBuilder into an in-memory index. The
// expected answers from records are in collector_expected.h.
#pragma once

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "collector_expected.h"
#include "imr/document/document_builder.h"
#include "imr/schema/record.h"

namespace imr::test {

inline schema::Item make_item(std::size_t i, std::size_t j) {
  static const std::array<std::vector<std::string>, 5> drugs{
      {{"carisoprodol"}, {"hydrocodone", "acetaminophen"}, {"gabapentin"}, {}, {"omeprazole"}}};
  static const std::array<std::string, 5> classes{"muscle_relaxant", "opioid", "anticonvulsant", "", "gastro"};
  static const std::array<std::string, 3> other_categories{"physical_therapy", "imaging", "acupuncture"};
  static const std::array<std::string, 3> guidelines{"mtus-chronic-pain", "odg", "mtus-acoem"};
  const std::size_t k = (i * 7 + j * 3) % drugs.size();
  schema::Item item;
  item.drugs = drugs[k];
  item.category = item.drugs.empty() ? other_categories[(i + j) % 3] : "medication";
  if (!classes[k].empty()) item.drug_class = classes[k];
  item.decision = (i + 2 * j) % 3 == 0 ? "overturned" : "upheld";
  item.guidelines = {guidelines[(i + j) % 3]};
  if ((i + j) % 4 == 0) item.guidelines.push_back("odg");
  std::ranges::sort(item.guidelines);
  item.guidelines.erase(std::unique(item.guidelines.begin(), item.guidelines.end()), item.guidelines.end());
  item.treatment = (item.drugs.empty() ? item.category : item.drugs[0]) + " item " + std::to_string(j);
  item.rationale = "Rationale for " + item.treatment + ": the request is " + item.decision + ".";
  return item;
}

inline schema::Record make_record(std::size_t i) {
  static const std::array<std::string, 3> specialties{"Internal Medicine", "Orthopaedic Surgery", "Anesthesiology"};
  static const std::array<std::vector<std::string>, 3> states{{{"CA"}, {"CA", "NY"}, {"TX"}}};
  schema::Record r;
  r.case_number = "CM1" + std::to_string(4 + i % 2) + "-00" + std::to_string(10000 + i);
  r.source = "letters/" + std::to_string(i) + ".txt";
  r.dates.decision = std::to_string(2013 + i % 3) + "-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10);
  r.dates.injury = "2010-01-0" + std::to_string(1 + i % 9);
  r.reviewer.specialty = specialties[i % 3];
  r.reviewer.certifications = {specialties[i % 3]};
  r.reviewer.license_states = states[(i / 2) % 3];
  const std::size_t item_count = 1 + i % 3;
  for (std::size_t j = 0; j < item_count; ++j) r.items.push_back(make_item(i, j));
  r.outcome = schema::outcome_of(r.items);
  return r;
}

inline std::string text_of(const schema::Record& r, std::size_t i) {
  std::string text = "Case Number: " + r.case_number.value_or("") + "\n\n";
  text += (i % 2 == 0 ? "An alpha letter" : "A beta letter");
  text += " about treatment.\n\n";
  for (const schema::Item& item : r.items)
    text += item.treatment + ": " + item.decision + "\n\n" + item.rationale + "\n\n";
  return text;
}

struct LetterIndex {
  Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};
  std::vector<schema::Record> records;  // records[docid - 1]
};

inline void add_letter(LetterIndex& index, const schema::Record& r, const std::string& text) {
  const indexer::DocumentBuilder builder;
  const auto built = builder.build(r, text, "hash");
  index.db.replace_document(built.key_term, built.document);
  schema::add_stem_words(index.db, built.stems);
  index.records.push_back(r);
}

inline LetterIndex make_index(std::size_t letters) {
  LetterIndex index;
  for (std::size_t i = 0; i < letters; ++i) add_letter(index, make_record(i), text_of(make_record(i), i));
  index.db.commit();
  return index;
}

}  // namespace imr::test
