// The index on disk: add, replace, skip unchanged, stale letters, locking.
#include <doctest/doctest.h>

#include <xapian.h>

#include "imr/document/document_builder.h"
#include "imr/index/index_writer.h"
#include "imr/schema/field.h"
#include "imr/schema/stored_letter.h"
#include "temp_dir.h"

namespace {

using imr::indexer::DocumentBuilder;
using imr::indexer::IndexWriter;
using imr::indexer::WriteOutcome;
using imr::schema::Record;

Record letter(std::optional<std::string> case_number, std::string source) {
  Record r;
  r.case_number = std::move(case_number);
  r.source = std::move(source);
  r.items.push_back({.treatment = "Soma 350mg",
                     .drugs = {"carisoprodol"},
                     .category = "medication",
                     .drug_class = "muscle_relaxant",
                     .decision = "upheld"});
  r.outcome = imr::schema::outcome_of(r.items);
  return r;
}

}  // namespace

TEST_CASE("letters are added, then replaced by case number") {
  imr::testing::TempDir dir;
  DocumentBuilder builder;
  {
    IndexWriter w(dir / "index");
    CHECK(w.write(builder.build(letter("CM14-1", "a.txt"), "text one", "h1"), "a.txt") == WriteOutcome::added);
    CHECK(w.write(builder.build(letter("CM14-2", "b.txt"), "text two", "h2"), "b.txt") == WriteOutcome::added);
    CHECK(w.write(builder.build(letter("CM14-1", "a.txt"), "text one again", "h3"), "a.txt") == WriteOutcome::replaced);
  }
  Xapian::Database db((dir / "index").string());
  CHECK(db.get_doccount() == 2);
  CHECK(db.term_exists("again"));
}

TEST_CASE("an unchanged source is recognised by its content hash") {
  imr::testing::TempDir dir;
  DocumentBuilder builder;
  IndexWriter w(dir / "index");
  w.write(builder.build(letter("CM14-1", "a.txt"), "text", "hash-a"), "a.txt");
  CHECK(w.unchanged("a.txt", "hash-a"));
  CHECK_FALSE(w.unchanged("a.txt", "hash-b"));
  CHECK_FALSE(w.unchanged("b.txt", "hash-a"));
}

TEST_CASE("a file whose case number changed leaves no stale letter") {
  imr::testing::TempDir dir;
  DocumentBuilder builder;
  IndexWriter w(dir / "index");
  w.write(builder.build(letter("CM14-1", "a.txt"), "text", "h1"), "a.txt");
  w.write(builder.build(letter("CM14-9", "a.txt"), "text", "h2"), "a.txt");
  w.commit();
  CHECK(w.document_count() == 1);
}

TEST_CASE("letters without a case number get a stable key from their text") {
  DocumentBuilder builder;
  const auto a = builder.build(letter(std::nullopt, "x.txt"), "same text", "h");
  const auto b = builder.build(letter(std::nullopt, "y.txt"), "same text", "h");
  const auto c = builder.build(letter(std::nullopt, "z.txt"), "other text", "h");
  CHECK(a.key_term == b.key_term);
  CHECK(a.key_term != c.key_term);
}

TEST_CASE("a second writer gets a clear 'locked' error") {
  imr::testing::TempDir dir;
  IndexWriter first(dir / "index");
  try {
    IndexWriter second(dir / "index");
    FAIL("the second writer opened a locked index");
  } catch (const imr::indexer::IndexLocked& e) {
    CHECK(std::string(e.what()).find("locked") != std::string::npos);
  }
}

TEST_CASE("uncommitted batches are invisible to readers - committed ones are whole") {
  imr::testing::TempDir dir;
  DocumentBuilder builder;
  IndexWriter w(dir / "index", 2);
  w.write(builder.build(letter("CM14-1", "a.txt"), "one", "h1"), "a.txt");
  {
    Xapian::Database db((dir / "index").string());
    CHECK(db.get_doccount() == 0);
  }
  w.write(builder.build(letter("CM14-2", "b.txt"), "two", "h2"), "b.txt");  // fills the batch: committed
  Xapian::Database db((dir / "index").string());
  CHECK(db.get_doccount() == 2);
}

TEST_CASE("the document carries terms, boolean facet terms, values and the stored letter") {
  DocumentBuilder builder;
  Record r = letter("CM14-0039927", "s.txt");
  r.dates.decision = "2014-07-29";
  r.reviewer.license_states = {"CA"};
  const auto built = builder.build(r, "Carisoprodol 350mg is not indicated", "hash");
  const Xapian::Document& doc = built.document;
  auto has = [&](const std::string& term) {
    auto t = doc.termlist_begin();
    t.skip_to(term);
    return t != doc.termlist_end() && *t == term;
  };
  CHECK(has("carisoprodol"));
  CHECK(has("350mg"));
  CHECK(has("Zindic"));
  CHECK(has("XDRUGcarisoprodol"));
  CHECK(has("XDECupheld"));
  CHECK(has("XCLASSmuscle_relaxant"));
  CHECK(has("XSTATEca"));
  CHECK(has("XYEAR2014"));
  CHECK(has("Qcm14-0039927"));
  CHECK(doc.get_value(imr::schema::slot::decision_date) == "2014-07-29");
  const auto stored = imr::schema::decode_stored_letter(doc.get_data());
  CHECK(stored.record == r);
  CHECK(stored.text == "Carisoprodol 350mg is not indicated");
}
