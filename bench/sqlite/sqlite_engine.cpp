// Each query first collects the matching letter ids into a temporary table,
// then counts facets and reads one page from it: one text match per query,
// as imrsearch does one scan.
#include "sqlite/sqlite_engine.h"

#include <array>
#include <map>
#include <optional>

#include "sqlite/sql_query.h"
#include "sqlite/sqlite_db.h"
#include "sqlite/sqlite_loader.h"

namespace imr::bench {
namespace {

// One facet: letters counted per value of a column, over the matched letters.
struct FacetSql {
  const char* field;
  const char* counted;  // "value, count" columns
  const char* table;    // with its alias
  const char* letter;   // the alias's letter id column
  const char* where;    // "" or "WHERE ..."
};

constexpr std::array kFacets{
    FacetSql{"decision", "i.decision, COUNT(DISTINCT i.letter)", "items i", "i.letter", ""},
    FacetSql{"drug", "d.drug, COUNT(DISTINCT d.letter)", "item_drugs d", "d.letter", ""},
    FacetSql{"category", "i.category, COUNT(DISTINCT i.letter)", "items i", "i.letter", ""},
    FacetSql{"guideline", "g.guideline, COUNT(DISTINCT g.letter)", "item_guidelines g", "g.letter", ""},
    FacetSql{"outcome", "l.outcome, COUNT(*)", "letters l", "l.id", "WHERE l.outcome IS NOT NULL"},
    FacetSql{"drug_class", "i.drug_class, COUNT(DISTINCT i.letter)", "items i", "i.letter",
             "WHERE i.drug_class IS NOT NULL"},
    FacetSql{"specialty", "s.specialty, COUNT(DISTINCT s.letter)", "letter_specialties s", "s.letter", ""},
    FacetSql{"license_state", "s.state, COUNT(DISTINCT s.letter)", "letter_states s", "s.letter", ""},
    FacetSql{"decision_year", "l.decision_year, COUNT(*)", "letters l", "l.id", "WHERE l.decision_year IS NOT NULL"},
};

// SQLite's planner cannot know how many letters temp.matched holds. Few
// matched letters are best counted from them (CROSS JOIN fixes that loop
// order); many are best counted by reading the facet's table in index order.
// A query matching under 1 in kFewMatches letters counts from the matches.
constexpr std::int64_t kFewMatches = 8;

std::string facet_sql(const FacetSql& f, bool few_matches) {
  const std::string from = few_matches
                               ? std::string("temp.matched m CROSS JOIN ") + f.table + " ON " + f.letter + " = m.id"
                               : std::string(f.table) + " JOIN temp.matched m ON m.id = " + f.letter;
  return std::string("SELECT ") + f.counted + " FROM " + from + " " + f.where + " GROUP BY 1";
}

std::string stats_by_drug_sql(bool few_matches) {
  const std::string from = few_matches ? "temp.matched m CROSS JOIN item_drugs d ON d.letter = m.id"
                                       : "item_drugs d JOIN temp.matched m ON m.id = d.letter";
  return "SELECT d.drug, COUNT(*), SUM(i.decision = 'upheld'), SUM(i.decision = 'overturned') FROM " + from +
         " JOIN items i ON i.id = d.item GROUP BY 1 ORDER BY 2 DESC";
}

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
    Statement& count = db_->prepared("SELECT COUNT(*) FROM letters");
    letters_ = count.step() ? count.number(0) : 0;
  }

  std::string plan(const BenchQuery& q) override {
    const SqlCondition c = builder_.condition(q);
    std::string out = "matching letters:\n" + query_plan("INSERT INTO temp.matched " + c.select_ids(), c.values);
    if (q.kind == QueryKind::stats)
      return out + "stats, few matches:\n" + query_plan(stats_by_drug_sql(true), {}) + "stats, many matches:\n" +
             query_plan(stats_by_drug_sql(false), {});
    out += "a facet (drug), few matches:\n" + query_plan(facet_sql(kFacets[1], true), {}) +
           "a facet (drug), many matches:\n" + query_plan(facet_sql(kFacets[1], false), {});
    const bool has_text = !q.text.empty();
    std::vector<std::string> page_values;
    if (has_text) page_values.push_back(builder_.fts_match(q.text));
    return out + "the page:\n" + query_plan(page_sql(q, has_text), page_values);
  }

  QueryOutcome run(const BenchQuery& q) override {
    QueryOutcome out;
    const std::int64_t matched = collect_matches(q);
    out.total = static_cast<std::uint64_t>(matched);
    const bool few = matched * kFewMatches < letters_;
    out.facets = nlohmann::json::object();
    if (q.kind == QueryKind::stats) {
      count_stats(out, few);
      return out;
    }
    for (const FacetSql& f : kFacets) out.facets[f.field] = counts(facet_sql(f, few));
    read_page(q, out);
    return out;
  }

 private:
  std::int64_t collect_matches(const BenchQuery& q) {
    db_->prepared("DELETE FROM temp.matched").step();
    const SqlCondition c = builder_.condition(q);
    Statement& insert = db_->prepared("INSERT INTO temp.matched " + c.select_ids());
    for (std::size_t i = 0; i < c.values.size(); ++i) insert.bind(static_cast<int>(i + 1), c.values[i]);
    insert.step();
    return db_->changes();
  }

  // EXPLAIN QUERY PLAN's rows, indented by depth (unbound parameters are NULL: nothing runs).
  std::string query_plan(const std::string& sql, const std::vector<std::string>& values) {
    Statement& s = db_->prepared("EXPLAIN QUERY PLAN " + sql);
    for (std::size_t i = 0; i < values.size(); ++i) s.bind(static_cast<int>(i + 1), values[i]);
    std::map<std::int64_t, int> depth{{0, 0}};
    std::string out;
    while (s.step()) {
      const int d = depth[s.number(1)] + 1;
      depth[s.number(0)] = d;
      out += std::string(2 * static_cast<std::size_t>(d), ' ') + s.text(3) + "\n";
    }
    return out;
  }

  nlohmann::json counts(const std::string& sql) {
    nlohmann::json values = nlohmann::json::object();
    Statement& s = db_->prepared(sql);
    while (s.step()) values[s.text(0)] = s.number(1);
    return values;
  }

  void count_stats(QueryOutcome& out, bool few_matches) {
    nlohmann::json rows = nlohmann::json::object();
    Statement& s = db_->prepared(stats_by_drug_sql(few_matches));
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
  std::int64_t letters_ = 0;
};

}  // namespace

std::unique_ptr<Engine> make_sqlite_engine() { return std::make_unique<SqliteEngine>(); }

}  // namespace imr::bench
