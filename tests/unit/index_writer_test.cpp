// The index on disk: add, replace, skip unchanged, stale letters, locking.
#include <doctest/doctest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "imr/document/document_builder.h"
#include "imr/index/index_writer.h"
#include "imr/index/sharded_index.h"
#include "imr/parser/letter_parser.h"
#include "imr/pipeline/index_run.h"
#include "imr/schema/field.h"
#include "imr/schema/letter_dictionary.h"
#include "imr/schema/letter_identity.h"
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

TEST_CASE("a letter read by another reading version is not unchanged and the index names its version") {
  imr::testing::TempDir dir;
  DocumentBuilder builder;
  {
    IndexWriter w(dir / "index", imr::indexer::kLettersPerBatch, "reading 1");
    w.write(builder.build(letter("CM14-1", "a.txt"), "text", "hash-a"), "a.txt");
    CHECK(w.unchanged("a.txt", "hash-a"));
  }
  {
    IndexWriter w(dir / "index", imr::indexer::kLettersPerBatch, "reading 2");
    CHECK_FALSE(w.unchanged("a.txt", "hash-a"));
    CHECK(w.write(builder.build(letter("CM14-1", "a.txt"), "text", "hash-a"), "a.txt") == WriteOutcome::replaced);
    CHECK(w.unchanged("a.txt", "hash-a"));
  }
  const Xapian::Database db((dir / "index").string());
  CHECK(db.get_metadata(std::string(imr::schema::kReadingVersionKey)) == "reading 2");
}

TEST_CASE("re-indexing an unchanged file reads it again after the reading version of the parser changed") {
  imr::testing::TempDir dir;
  const std::filesystem::path letter_file = dir / "CM15-0108842.txt";
  std::filesystem::copy_file(
      std::filesystem::path(IMR_SOURCE_DIR) / "tests/data/letters/item-shapes/decision_on_its_own_line.txt",
      letter_file);
  const auto run = [&](const std::string& version) {
    imr::indexer::ShardedIndex index(dir / "index", 0, imr::indexer::kLettersPerBatch, version);
    imr::indexer::IndexRunSummary summary;
    imr::indexer::index_files({letter_file.string()}, 1, index, summary,
                              {.warnings = [](auto&&...) {}, .progress = [](std::size_t) {}});
    return summary;
  };
  // An index written before letters carried a version holds none.
  CHECK(run("").added == 1);
  CHECK(run("").unchanged == 1);
  const std::string current(imr::indexer::kReadingVersion);
  REQUIRE_FALSE(current.empty());
  const auto reread = run(current);
  CHECK(reread.unchanged == 0);
  CHECK(reread.replaced == 1);
  CHECK(run(current).unchanged == 1);
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

TEST_CASE("a stored letter's key, read from its record and text, is the key its term holds") {
  DocumentBuilder builder;
  for (const auto& case_number : {std::optional<std::string>("CM14-0039927"), std::optional<std::string>()}) {
    const auto built = builder.build(letter(case_number, "x.txt"), "Some letter text.", "h");
    const std::string key = imr::schema::key_of(built.document);
    CHECK(imr::schema::key_of(built.stored.record, built.stored.text) == key);
    CHECK(key == (case_number ? "cm14-0039927" : "h" + imr::schema::content_hash("Some letter text.")));
  }
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
  CHECK_FALSE(has("Zindic"));  // stems are the index's stem table's, not the letter's
  CHECK(built.stems == std::vector<imr::schema::StemmedWord>{{"indicated", "Zindic"}});
  CHECK(has("XDRUGcarisoprodol"));
  CHECK(has("XDECupheld"));
  CHECK(has("XCLASSmuscle_relaxant"));
  CHECK(has("XSTATEca"));
  CHECK(has("XYEAR2014"));
  CHECK(has("Qcm14-0039927"));
  CHECK(doc.get_value(imr::schema::slot::decision_date) == "2014-07-29");
  CHECK(built.stored.record == r);
  CHECK(built.stored.text == "Carisoprodol 350mg is not indicated");
}

// Letters that share boilerplate sentences, as real ones do, each in its own
// choice and order, with details of its own.
std::string boilerplate_letter(int n) {
  static const char* const kSentences[] = {
      "The Independent Medical Review determination follows the Medical Treatment Utilization Schedule.",
      "The requested treatment is not medically necessary and appropriate for this injured worker.",
      "Guidelines recommend a trial of conservative care before more invasive procedures are considered.",
      "The records do not document objective functional improvement after the prior course of therapy.",
      "Chronic pain medical treatment guidelines support opioids only with ongoing review of pain relief.",
      "The patient reported persistent low back pain radiating to the left lower extremity.",
      "Physical examination revealed tenderness to palpation and decreased range of motion.",
      "An MRI of the lumbar spine showed disc desiccation with a posterior annular fissure.",
      "The expert reviewer is board certified in Physical Medicine and Rehabilitation.",
      "This decision is final and binding unless appealed to the Workers Compensation Appeals Board.",
      "Muscle relaxants are recommended as a second-line option for short-term treatment only.",
      "There is no documentation of failed first-line therapy with antidepressants or anticonvulsants."};
  constexpr int kCount = sizeof(kSentences) / sizeof(kSentences[0]);
  std::string text = "Case " + std::to_string(n) + ". ";
  for (int i = 0; i < 8; ++i) text += std::string(kSentences[(n * 5 + i * 7) % kCount]) + " ";
  return text + "Reviewed on day " + std::to_string(n * 37 % 365) + ".";
}

TEST_CASE("the first batch with enough letters trains the index's dictionary and every letter reads back") {
  imr::testing::TempDir dir;
  DocumentBuilder builder;
  const int letters = 3 * 100;
  {
    IndexWriter w(dir / "index", 100);
    Xapian::Database before((dir / "index").string());
    CHECK(imr::schema::LetterDictionary::newest(before) == nullptr);
    for (int n = 0; n < letters; ++n) {
      const std::string name = std::to_string(n) + ".txt";
      w.write(builder.build(letter("CM14-" + std::to_string(n), name), boilerplate_letter(n), name), name);
    }
  }
  Xapian::Database db((dir / "index").string());
  const auto dictionary = imr::schema::LetterDictionary::newest(db);
  REQUIRE(dictionary != nullptr);
  // The first batch went in before there was a dictionary; the later ones are compressed with it.
  std::size_t first_batch_bytes = 0, last_batch_bytes = 0;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const Xapian::Document doc = db.get_document(*it);
    const auto stored = imr::schema::read_stored_letter(db, doc);
    const int n = std::stoi(stored.record.case_number.value().substr(5));
    CHECK(stored.text == boilerplate_letter(n));
    CHECK(stored.record.source == std::to_string(n) + ".txt");
    if (n < 100) first_batch_bytes += doc.get_data().size();
    if (n >= 200) last_batch_bytes += doc.get_data().size();
  }
  CHECK(last_batch_bytes * 3 < first_batch_bytes * 2);  // about 1.7x smaller here
}

TEST_CASE("a stored letter round-trips with and without a dictionary and rejects garbage") {
  std::vector<std::string> samples;
  for (int n = 0; n < 100; ++n) samples.push_back(boilerplate_letter(n));
  const auto dictionary = imr::schema::LetterDictionary::train(samples);
  REQUIRE(dictionary != nullptr);
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  imr::schema::LetterDictionaries dictionaries(db);
  const imr::schema::StoredLetter letter{::letter("CM14-7", "7.txt"), boilerplate_letter(7)};
  const std::string plain = imr::schema::encode_stored_letter(letter, nullptr);
  const std::string packed = imr::schema::encode_stored_letter(letter, dictionary.get());
  CHECK(packed.size() * 3 < plain.size() * 2);  // about 1.7x smaller here
  CHECK(imr::schema::decode_stored_letter(plain, dictionaries).text == letter.text);
  CHECK_THROWS_WITH(imr::schema::decode_stored_letter(packed, dictionaries),
                    doctest::Contains("which the index lacks"));
  dictionary->store(db);
  const auto read = imr::schema::decode_stored_letter(packed, dictionaries);
  CHECK(read.record == letter.record);
  CHECK(read.text == letter.text);
  CHECK_THROWS_WITH(imr::schema::decode_stored_letter(packed.substr(0, packed.size() / 2), dictionaries),
                    doctest::Contains("corrupt"));
  CHECK(imr::schema::LetterDictionary::train(std::span(samples).first(10)) == nullptr);
}

// Preparers compress each letter with the dictionary of the shard it goes to,
// read while that shard's writer may be training it: a letter compressed with
// any other dictionary must be compressed again, or the index could not read it.
TEST_CASE("a letter compressed ahead with another dictionary than the index's is compressed again") {
  imr::testing::TempDir dir;
  DocumentBuilder builder;
  std::vector<std::string> samples;
  for (int n = 1000; n < 1100; ++n) samples.push_back(boilerplate_letter(n) + " foreign");
  const std::shared_ptr<const imr::schema::LetterDictionary> foreign = imr::schema::LetterDictionary::train(samples);
  REQUIRE(foreign != nullptr);
  {
    IndexWriter w(dir / "index", 100);
    for (int n = 0; n < 100; ++n) {
      const std::string name = std::to_string(n) + ".txt";
      w.write(builder.build(letter("CM14-" + std::to_string(n), name), boilerplate_letter(n), name), name);
    }
    const std::shared_ptr<const imr::schema::LetterDictionary> own = w.dictionary();
    REQUIRE(own != nullptr);
    REQUIRE(own->id() != foreign->id());
    const auto with = [](std::shared_ptr<const imr::schema::LetterDictionary> d) {
      return [d](const std::string&) { return d; };
    };
    w.write(builder.build(letter("CM14-own", "own.txt"), boilerplate_letter(500), "o", with(own)), "own.txt");
    w.write(builder.build(letter("CM14-foreign", "foreign.txt"), boilerplate_letter(501), "f", with(foreign)),
            "foreign.txt");
  }
  Xapian::Database db((dir / "index").string());
  for (const auto& [key, n] : {std::pair{"CM14-own", 500}, std::pair{"CM14-foreign", 501}}) {
    Xapian::PostingIterator it = db.postlist_begin(imr::schema::key_term(key));
    REQUIRE(it != db.postlist_end(imr::schema::key_term(key)));
    CHECK(imr::schema::read_stored_letter(db, db.get_document(*it)).text == boilerplate_letter(n));
  }
}

// A shard of a sharded index gets a share of each batch, which may be fewer
// letters than a dictionary needs: the texts wait for the next batches.
TEST_CASE("batches too small to train on train the dictionary together") {
  imr::testing::TempDir dir;
  DocumentBuilder builder;
  {
    IndexWriter w(dir / "index", imr::schema::LetterDictionary::kMinSamples / 2);
    for (std::size_t n = 0; n < 3 * imr::schema::LetterDictionary::kMinSamples; ++n) {
      const std::string name = std::to_string(n) + ".txt";
      w.write(builder.build(letter("CM14-" + std::to_string(n), name), boilerplate_letter(static_cast<int>(n)), name),
              name);
    }
  }
  CHECK(imr::schema::LetterDictionary::newest(Xapian::Database((dir / "index").string())) != nullptr);
}
