// similar_query(): ESet terms of one letter as a query.
#include "imr/query/similar_query.h"

#include <string>
#include <vector>

#include "imr/schema/field.h"

namespace imr::searcher {
namespace {

// Enough terms to characterise a letter; more only add boilerplate.
constexpr Xapian::termcount kLetterTerms = 30;
constexpr std::size_t kMinTermBytes = 3;

// Only words of the text: no stems, facet or key terms (prefixed, upper
// case), and no numbers, which say nothing about what a letter is about.
class TextWords final : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    if (term.size() < kMinTermBytes) return false;
    const unsigned char first = static_cast<unsigned char>(term.front());
    return (first >= 'a' && first <= 'z') || first >= 0x80;
  }
};

Xapian::Query category_filter(const schema::Record& record) {
  std::vector<Xapian::Query> terms;
  for (const schema::Item& item : record.items)
    terms.emplace_back(schema::boolean_term(schema::FieldId::category, item.category));
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

}  // namespace

ParsedQuery similar_query(const Xapian::Database& db, Xapian::docid letter, const schema::Record& record,
                          const std::string& key_term) {
  Xapian::RSet rset;
  rset.add_document(letter);
  Xapian::Enquire enquire(db);
  const TextWords words;
  // A sharded index's term frequencies are otherwise estimated from one shard
  // (Xapian 1.4), so its similar letters would differ from one database's.
  const Xapian::ESet eset = enquire.get_eset(kLetterTerms, rset, Xapian::Enquire::USE_EXACT_TERMFREQ, &words);

  ParsedQuery out;
  out.empty = eset.empty();
  out.words_mark_items = false;
  for (auto it = eset.begin(); it != eset.end(); ++it) out.highlights.push_back({Highlight::Kind::term, {*it}});
  Xapian::Query query(Xapian::Query::OP_OR, eset.begin(), eset.end());
  if (!record.items.empty()) {
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, category_filter(record));
    for (const schema::Item& item : record.items) out.item_fields.emplace_back("category", item.category);
  }
  out.query = Xapian::Query(Xapian::Query::OP_AND_NOT, query, Xapian::Query(key_term));
  return out;
}

}  // namespace imr::searcher
