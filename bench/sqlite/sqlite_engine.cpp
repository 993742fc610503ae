// Each query first collects the matching letter ids into a temporary table,
// then counts facets and reads one page from it: one text match per query,
// as imrsearch does one scan.
#include "sqlite/sqlite_engine.h"

#include <array>
#include <optional>

#include "sqlite/sql_query.h"
#include "sqlite/sqlite_db.h"
#include "sqlite/sqlite_loader.h"

namespace imr::bench {
namespace {

struct FacetSql {
  const char* field;
  const char* sql;
};

// Letters counted per value, over the matched letters in temp.matched.
constexpr std::array kFacets{
    FacetSql{
        "decision",
        "SELECT i.decision, COUNT(DISTINCT i.letter) FROM items i JOIN temp.matched m ON m.id = i.letter GROUP BY 1"},
    FacetSql{
        "drug",
        "SELECT d.drug, COUNT(DISTINCT d.letter) FROM item_drugs d JOIN temp.matched m ON m.id = d.letter GROUP BY 1"},
    FacetSql{
        "category",
        "SELECT i.category, COUNT(DISTINCT i.letter) FROM items i JOIN temp.matched m ON m.id = i.letter GROUP BY 1"},
    FacetSql{"guideline",
             "SELECT g.guideline, COUNT(DISTINCT g.letter) FROM item_guidelines g JOIN temp.matched m ON m.id = "
             "g.letter GROUP BY 1"},
    FacetSql{"outcome",
             "SELECT l.outcome, COUNT(*) FROM letters l JOIN temp.matched m ON m.id = l.id WHERE l.outcome IS NOT NULL "
             "GROUP BY 1"},
    FacetSql{"drug_class",
             "SELECT i.drug_class, COUNT(DISTINCT i.letter) FROM items i JOIN temp.matched m ON m.id = i.letter WHERE "
             "i.drug_class IS NOT NULL GROUP BY 1"},
    FacetSql{"specialty",
             "SELECT s.specialty, COUNT(DISTINCT s.letter) FROM letter_specialties s JOIN temp.matched m ON m.id = "
             "s.letter GROUP BY 1"},
    FacetSql{"license_state",
             "SELECT s.state, COUNT(DISTINCT s.letter) FROM letter_states s JOIN temp.matched m ON m.id = s.letter "
             "GROUP BY 1"},
    FacetSql{"decision_year",
             "SELECT l.decision_year, COUNT(*) FROM letters l JOIN temp.matched m ON m.id = l.id WHERE l.decision_year "
             "IS NOT NULL GROUP BY 1"},
};

constexpr const char* kStatsByDrug =
    "SELECT d.drug, COUNT(*), SUM(i.decision = 'upheld'), SUM(i.decision = 'overturned') "
    "FROM item_drugs d JOIN items i ON i.id = d.item JOIN temp.matched m ON m.id = d.letter "
    "GROUP BY 1 ORDER BY 2 DESC";

std::string order_by(const BenchQuery& q, bool has_text) {
  if (q.sort == "date_desc") return "l.decision_date DESC";
  if (q.sort == "date_asc") return "l.decision_date ASC";
  return has_text ? "bm25(letter_text)" : "l.id";
}

// One page of hits with snippets: FTS5's snippet() needs the MATCH in the same statement.
std::string page_sql(const BenchQuery& q, bool has_text) {
  const std::string snippet =
      has_text ? "snippet(letter_text, 0, '<mark>', '</mark>', '...', 24)" : "substr(letter_text.body, 1, 200)";
  return "SELECT l.case_number, " + snippet +
         " FROM letter_text JOIN temp.matched m ON m.id = letter_text.rowid JOIN letters l ON l.id = m.id" +
         (has_text ? " WHERE letter_text MATCH ?" : "") + " ORDER BY " + order_by(q, has_text) + " LIMIT ? OFFSET ?";
}

class SqliteEngine final : public Engine {
 public:
  void build(const std::filesystem::path& corpus, const std::filesystem::path& db) override {
    build_sqlite_index(corpus, db);
  }

  void open(const std::filesystem::path& db) override {
    if (!std::filesystem::exists(db)) throw std::runtime_error("no SQLite index at " + db.string());
    db_.emplace(db);
    db_->exec("CREATE TEMP TABLE matched(id INTEGER PRIMARY KEY);");
  }

  QueryOutcome run(const BenchQuery& q) override {
    QueryOutcome out;
    out.total = static_cast<std::uint64_t>(collect_matches(q));
    out.facets = nlohmann::json::object();
    if (q.kind == QueryKind::stats) {
      count_stats(out);
      return out;
    }
    for (const FacetSql& f : kFacets) out.facets[f.field] = counts(f.sql);
    read_page(q, out);
    return out;
  }

 private:
  std::int64_t collect_matches(const BenchQuery& q) {
    db_->prepared("DELETE FROM temp.matched").step();
    const SqlCondition c = builder_.condition(q);
    Statement& insert = db_->prepared("INSERT INTO temp.matched SELECT l.id FROM letters l WHERE " + c.where);
    for (std::size_t i = 0; i < c.values.size(); ++i) insert.bind(static_cast<int>(i + 1), c.values[i]);
    insert.step();
    return db_->changes();
  }

  nlohmann::json counts(const std::string& sql) {
    nlohmann::json values = nlohmann::json::object();
    Statement& s = db_->prepared(sql);
    while (s.step()) values[s.text(0)] = s.number(1);
    return values;
  }

  void count_stats(QueryOutcome& out) {
    nlohmann::json rows = nlohmann::json::object();
    Statement& s = db_->prepared(kStatsByDrug);
    out.total = 0;
    while (s.step()) {
      rows[s.text(0)] = s.number(1);
      out.total += static_cast<std::uint64_t>(s.number(1));
    }
    out.facets["drug"] = std::move(rows);
  }

  void read_page(const BenchQuery& q, QueryOutcome& out) {
    const bool has_text = !q.text.empty();
    Statement& s = db_->prepared(page_sql(q, has_text));
    int next = 1;
    if (has_text) s.bind(next++, builder_.fts_match(q.text));
    s.bind(next++, static_cast<std::int64_t>(q.per_page));
    s.bind(next, static_cast<std::int64_t>(q.page - 1) * q.per_page);
    while (s.step()) {
      if (out.hits++ == 0) out.first_snippet = s.text(1);
    }
  }

  SqlQueryBuilder builder_;
  std::optional<Connection> db_;
};

}  // namespace

std::unique_ptr<Engine> make_sqlite_engine() { return std::make_unique<SqliteEngine>(); }

}  // namespace imr::bench
