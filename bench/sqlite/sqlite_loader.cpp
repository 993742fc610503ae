// Bulk load in large transactions, indexes after the load, then FTS5
// 'optimize': what a careful user does for a one-off import.
#include "sqlite/sqlite_loader.h"

#include <cctype>
#include <cstdio>
#include <optional>
#include <string>

#include "common/corpus.h"
#include "common/specialties.h"
#include "sqlite/sqlite_db.h"

namespace imr::bench {
namespace {

constexpr const char* kSchema = R"sql(
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
CREATE TABLE letters(id INTEGER PRIMARY KEY, case_number TEXT, decision_date TEXT,
                     outcome TEXT, decision_year TEXT);
CREATE TABLE letter_states(letter INTEGER, state TEXT);
CREATE TABLE letter_specialties(letter INTEGER, specialty TEXT);
CREATE TABLE items(id INTEGER PRIMARY KEY, letter INTEGER, category TEXT, drug_class TEXT, decision TEXT);
CREATE TABLE item_drugs(item INTEGER, letter INTEGER, drug TEXT);
CREATE TABLE item_guidelines(item INTEGER, letter INTEGER, guideline TEXT);
CREATE VIRTUAL TABLE letter_text USING fts5(body, tokenize = 'porter unicode61');
BEGIN;
)sql";

constexpr const char* kIndexes = R"sql(
COMMIT;
CREATE INDEX letters_date ON letters(decision_date);
CREATE INDEX letter_states_letter ON letter_states(letter);
CREATE INDEX letter_states_state ON letter_states(state, letter);
CREATE INDEX letter_specialties_letter ON letter_specialties(letter);
CREATE INDEX items_letter ON items(letter);
CREATE INDEX item_drugs_item ON item_drugs(item);
CREATE INDEX item_drugs_drug ON item_drugs(drug, letter);
CREATE INDEX item_drugs_letter ON item_drugs(letter);
CREATE INDEX item_guidelines_item ON item_guidelines(item);
CREATE INDEX item_guidelines_letter ON item_guidelines(letter);
INSERT INTO letter_text(letter_text) VALUES('optimize');
ANALYZE;
)sql";

constexpr std::int64_t kLettersPerTransaction = 10000;

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

void bind_optional(Statement& s, int index, const std::optional<std::string>& value) {
  if (value) s.bind(index, *value);
}

class Loader {
 public:
  explicit Loader(Connection& db) : db_(db) {}

  void add(const schema::Record& r, std::string_view text) {
    ++letter_;
    insert_letter(r);
    for (const std::string& state : r.reviewer.license_states)
      insert("INSERT INTO letter_states VALUES (?, ?)", letter_, state);
    for (const std::string& specialty : specialties_of(r))
      insert("INSERT INTO letter_specialties VALUES (?, ?)", letter_, specialty);
    for (const schema::Item& item : r.items) insert_item(item);
    db_.prepared("INSERT INTO letter_text(rowid, body) VALUES (?, ?)").bind(1, letter_).bind(2, text).step();
    if (letter_ % kLettersPerTransaction == 0) db_.exec("COMMIT; BEGIN;");
  }

 private:
  void insert_letter(const schema::Record& r) {
    Statement& s = db_.prepared("INSERT INTO letters VALUES (?, ?, ?, ?, ?)");
    s.bind(1, letter_);
    bind_optional(s, 2, r.case_number);
    bind_optional(s, 3, r.dates.decision);
    bind_optional(s, 4, r.outcome);
    if (r.dates.decision) s.bind(5, r.dates.decision->substr(0, 4));
    s.step();
  }

  void insert_item(const schema::Item& item) {
    ++item_;
    Statement& s = db_.prepared("INSERT INTO items VALUES (?, ?, ?, ?, ?)");
    s.bind(1, item_).bind(2, letter_).bind(3, item.category);
    bind_optional(s, 4, item.drug_class);
    s.bind(5, item.decision).step();
    for (const std::string& drug : item.drugs) insert_item_value("INSERT INTO item_drugs VALUES (?, ?, ?)", drug);
    for (const std::string& g : item.guidelines) insert_item_value("INSERT INTO item_guidelines VALUES (?, ?, ?)", g);
  }

  void insert_item_value(const std::string& sql, const std::string& value) {
    db_.prepared(sql).bind(1, item_).bind(2, letter_).bind(3, lower(value)).step();
  }

  void insert(const std::string& sql, std::int64_t id, const std::string& value) {
    db_.prepared(sql).bind(1, id).bind(2, value).step();
  }

  Connection& db_;
  std::int64_t letter_ = 0;
  std::int64_t item_ = 0;
};

}  // namespace

void build_sqlite_index(const std::filesystem::path& corpus, const std::filesystem::path& db_file) {
  std::filesystem::remove(db_file);
  Connection db(db_file);
  db.exec(kSchema);
  Loader loader(db);
  const auto letters =
      for_each_letter(corpus, [&](const schema::Record& r, std::string_view text) { loader.add(r, text); });
  db.exec(kIndexes);
  std::fprintf(stderr, "sqlite: indexed %llu letters into %s\n", static_cast<unsigned long long>(letters),
               db_file.c_str());
}

}  // namespace imr::bench
