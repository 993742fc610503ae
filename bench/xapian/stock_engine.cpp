// Filters become boolean-term filters, as a stock Xapian application does:
// they hold per letter, not per item, so combined item-level filters match a
// superset of what the contract's same-item rule allows (reported in the README).
#include "xapian/stock_engine.h"

#include <cctype>
#include <map>
#include <optional>
#include <stdexcept>
#include <vector>

#include "imr/schema/field.h"
#include "xapian/stock_indexer.h"
#include "xapian/stock_schema.h"
#include "xapian/value_list_spy.h"

namespace imr::bench {
namespace {

constexpr unsigned kSnippetBytes = 300;

const stock::FacetSlot& facet_slot(const std::string& name) {
  const auto id = schema::find_field(name);
  const std::string canonical = id ? std::string(schema::field(*id).name) : name;
  for (const stock::FacetSlot& f : stock::kFacets)
    if (f.field == canonical) return f;
  throw std::runtime_error("the Xapian stock baseline has no facet " + name);
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// AND over fields of OR over each field's values.
std::optional<Xapian::Query> filter_query(const BenchQuery& q) {
  std::map<std::string_view, std::vector<Xapian::Query>> by_prefix;
  for (const auto& [field, value] : q.filters) {
    const std::string_view prefix = facet_slot(field).prefix;
    by_prefix[prefix].emplace_back(std::string(prefix) + lower(value));
  }
  if (q.decided)
    by_prefix["date"].emplace_back(Xapian::Query::OP_VALUE_RANGE, stock::kDateSlot, q.decided->from, q.decided->to);
  if (by_prefix.empty()) return std::nullopt;
  std::vector<Xapian::Query> groups;
  for (auto& [prefix, terms] : by_prefix) groups.emplace_back(Xapian::Query::OP_OR, terms.begin(), terms.end());
  return Xapian::Query(Xapian::Query::OP_AND, groups.begin(), groups.end());
}

class StockEngine final : public Engine {
 public:
  StockEngine() : stemmer_("english") {}

  void build(const std::filesystem::path& corpus, const std::filesystem::path& db) override {
    build_stock_index(corpus, db);
  }

  void open(const std::filesystem::path& db) override {
    db_ = Xapian::Database(db.string());
    parser_.set_database(db_);
    parser_.set_stemmer(stemmer_);
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser_.set_default_op(Xapian::Query::OP_AND);
  }

  QueryOutcome run(const BenchQuery& q) override {
    Xapian::Enquire enquire(db_);
    const Xapian::Query text = text_query(q.text);
    const auto filters = filter_query(q);
    enquire.set_query(filters ? Xapian::Query(Xapian::Query::OP_FILTER, text, *filters) : text);
    if (q.text.empty()) enquire.set_weighting_scheme(Xapian::BoolWeight());
    if (q.sort != "relevance") enquire.set_sort_by_value_then_relevance(stock::kDateSlot, q.sort == "date_desc");
    return q.kind == QueryKind::stats ? stats(enquire) : search(enquire, q);
  }

 private:
  Xapian::Query text_query(const std::string& text) {
    if (text.empty()) return Xapian::Query(std::string());  // not the shared static MatchAll (non-atomic refcount)
    const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_AUTO_SYNONYMS;
    return parser_.parse_query(text, flags);
  }

  QueryOutcome search(Xapian::Enquire& enquire, const BenchQuery& q) {
    std::vector<std::unique_ptr<ValueListSpy>> spies;
    for (const stock::FacetSlot& f : stock::kFacets) {
      spies.push_back(std::make_unique<ValueListSpy>(f.slot));
      enquire.add_matchspy(spies.back().get());
    }
    const Xapian::MSet mset = enquire.get_mset((q.page - 1) * q.per_page, q.per_page, db_.get_doccount());
    QueryOutcome out;
    out.total = mset.get_matches_estimated();
    out.facets = nlohmann::json::object();
    for (std::size_t i = 0; i < spies.size(); ++i)
      out.facets[std::string(stock::kFacets[i].field)] = spies[i]->counts();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      const std::string snippet = mset.snippet(it.get_document().get_data(), kSnippetBytes, stemmer_,
                                               Xapian::MSet::SNIPPET_BACKGROUND_MODEL, "<mark>", "</mark>", "...");
      if (out.hits++ == 0) out.first_snippet = snippet;
    }
    return out;
  }

  QueryOutcome stats(Xapian::Enquire& enquire) {
    ValueListSpy spy(stock::kItemOutcomesSlot);
    enquire.add_matchspy(&spy);
    enquire.get_mset(0, 0, db_.get_doccount());
    QueryOutcome out;
    out.facets = {{"drug", nlohmann::json::object()}};
    for (const auto& [pair, count] : spy.counts()) {
      const std::string drug = pair.substr(0, pair.find('\t'));
      out.facets["drug"][drug] = out.facets["drug"].value(drug, 0u) + count;
      out.total += count;
    }
    return out;
  }

  Xapian::Stem stemmer_;
  Xapian::Database db_;
  Xapian::QueryParser parser_;
};

}  // namespace

std::unique_ptr<Engine> make_stock_engine() { return std::make_unique<StockEngine>(); }

}  // namespace imr::bench
