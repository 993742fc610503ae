// Indexed phrases: a frequent phrase kept as one term per letter must find
// exactly the letters the positional phrase query finds, and the searcher
// answers from the term only where the index says every letter carries it.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <xapian.h>

#include "imr/document/document_builder.h"
#include "imr/index/index_writer.h"
#include "imr/query/query_parser.h"
#include "imr/schema/analyzer.h"
#include "imr/schema/indexed_phrases.h"
#include "temp_dir.h"

namespace {

namespace fs = std::filesystem;
using imr::schema::IndexedPhrases;
using imr::schema::IndexedPhraseTable;

std::string term(std::string_view phrase) { return imr::schema::indexed_phrase_term(phrase); }

std::vector<std::string> terms_of(const IndexedPhrases& phrases, std::string_view text) {
  const std::vector<imr::schema::Token> tokens = imr::schema::Analyzer().tokens(text);
  return phrases.terms_in(tokens, std::vector<bool>(tokens.size(), false));
}

imr::schema::Record record_of(std::string source) {
  imr::schema::Record r;
  r.source = std::move(source);
  return r;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The hand-written letters and a freshly generated corpus, as texts: wording
// from many hands, and the generator's, which repeats the verdict phrases.
std::vector<std::string> letter_texts(const imr::testing::TempDir& dir) {
  std::vector<std::string> texts;
  for (const auto& e : fs::recursive_directory_iterator(fs::path(IMR_SOURCE_DIR) / "tests" / "data" / "letters"))
    if (e.path().extension() == ".txt" || e.path().extension() == ".md") texts.push_back(read_file(e.path()));
  const std::string cmd = std::string(IMR_BUILD_DIR) + "/imr-generate --letters 300 --seed 7 --out " +
                          (dir / "corpus").string() + " > /dev/null";
  REQUIRE(std::system(cmd.c_str()) == 0);
  for (const auto& e : fs::recursive_directory_iterator(dir / "corpus" / "letters"))
    if (e.is_regular_file()) texts.push_back(read_file(e.path()));
  return texts;
}

std::set<Xapian::docid> matches(const Xapian::Database& db, const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  std::set<Xapian::docid> out;
  const Xapian::MSet all = enquire.get_mset(0, db.get_doccount());
  for (auto it = all.begin(); it != all.end(); ++it) out.insert(*it);
  return out;
}

std::vector<std::string> words_of(const std::string& phrase) {
  std::vector<std::string> words;
  std::istringstream in(phrase);
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

}  // namespace

TEST_CASE("indexed phrases: every place a phrase stands gives its term, overlapping ones too") {
  const auto phrases = IndexedPhrases::from_data("test.txt", "Medically necessary\nnot medically necessary\n");
  CHECK(terms_of(*phrases, "The request is NOT medically necessary. It is medically\nnecessary, and medically so.") ==
        std::vector<std::string>{term("not medically necessary"), term("medically necessary"),
                                 term("medically necessary")});
  CHECK(terms_of(*phrases, "medically, as necessary").empty());
}

TEST_CASE("indexed phrases: no phrase is found across a word indexed without a position") {
  const auto phrases = IndexedPhrases::from_data("test.txt", "medically necessary\n");
  const std::vector<imr::schema::Token> tokens = imr::schema::Analyzer().tokens("medically necessary");
  CHECK(phrases->terms_in(tokens, {false, true}).empty());
  CHECK(phrases->terms_in(tokens, {false, false}).size() == 1);
}

TEST_CASE("indexed phrases: a phrase's term is short, the same for the same words, and differs between phrases") {
  CHECK(term("chronic pain") == term("chronic pain"));
  CHECK(term("chronic pain") != term("chronic pains"));
  CHECK(term("not medically necessary").starts_with("XPH"));
  CHECK(term("not medically necessary").size() == 11);
}

TEST_CASE("indexed phrases: a line of one word, or of words that are not consecutive, is refused with its number") {
  CHECK_THROWS_WITH_AS(IndexedPhrases::from_data("test.txt", "# c\nmedically necessary\nnecessary\n"),
                       doctest::Contains("test.txt line 3"), std::runtime_error);
}

TEST_CASE("indexed phrases: each builtin phrase's term finds exactly the letters its positional phrase finds") {
  imr::testing::TempDir dir;
  const std::vector<std::string> texts = letter_texts(dir);
  REQUIRE(texts.size() > 400);
  Xapian::WritableDatabase db("", Xapian::DB_BACKEND_INMEMORY);
  imr::indexer::DocumentBuilder builder;
  for (std::size_t i = 0; i < texts.size(); ++i)
    db.add_document(builder.build(record_of(std::to_string(i) + ".txt"), texts[i], "h").document);
  const auto phrases = IndexedPhrases::builtin();
  REQUIRE(phrases->size() >= 10);
  // The check means something only where letters have the words but not the phrase.
  std::size_t telling = 0;
  for (const std::string& phrase : phrases->phrases()) {
    CAPTURE(phrase);
    const std::vector<std::string> words = words_of(phrase);
    const std::set<Xapian::docid> by_positions =
        matches(db, Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end(), words.size()));
    CHECK(by_positions.size() > 20);
    CHECK(matches(db, Xapian::Query(imr::schema::indexed_phrase_term(phrase))) == by_positions);
    if (matches(db, Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end())).size() > by_positions.size())
      ++telling;
  }
  CHECK(telling >= phrases->size() / 2);
}

TEST_CASE("indexed phrases: a new index lists them all, one with letters only those it listed and still gets") {
  Xapian::WritableDatabase db("", Xapian::DB_BACKEND_INMEMORY);
  const auto both = IndexedPhrases::from_data("a.txt", "medically necessary\nchronic pain\n");
  const auto one = IndexedPhrases::from_data("b.txt", "chronic pain\nphysical therapy\n");
  const IndexedPhraseTable table(db);
  const std::vector<std::string> chronic_pain{"chronic", "pain"}, medically_necessary{"medically", "necessary"},
      physical_therapy{"physical", "therapy"};
  imr::schema::record_indexed_phrases(db, *both);
  CHECK(table.term_of(medically_necessary) == term("medically necessary"));
  db.add_document(imr::indexer::DocumentBuilder().build(record_of("a.txt"), "chronic pain", "h").document);
  imr::schema::record_indexed_phrases(db, *one);
  CHECK(table.term_of(chronic_pain) == term("chronic pain"));
  CHECK_FALSE(table.term_of(medically_necessary));
  CHECK_FALSE(table.term_of(physical_therapy));  // the letter already there has no such term
}

TEST_CASE("indexed phrases: an index with letters written before the list answers every phrase by positions") {
  Xapian::WritableDatabase db("", Xapian::DB_BACKEND_INMEMORY);
  db.add_document(imr::indexer::DocumentBuilder().build(record_of("a.txt"), "chronic pain", "h").document);
  imr::schema::record_indexed_phrases(db, *IndexedPhrases::builtin());
  CHECK_FALSE(IndexedPhraseTable(db).term_of(std::vector<std::string>{"chronic", "pain"}));
}

TEST_CASE("indexed phrases: a sharded index answers from the term only when every shard lists the phrase") {
  Xapian::WritableDatabase listed("", Xapian::DB_BACKEND_INMEMORY), unlisted("", Xapian::DB_BACKEND_INMEMORY);
  imr::schema::record_indexed_phrases(listed, *IndexedPhrases::builtin());
  const std::vector<std::string> words{"chronic", "pain"};
  std::vector<Xapian::Database> shards{listed};
  CHECK(IndexedPhraseTable(listed, &shards).term_of(words));
  shards.push_back(unlisted);
  CHECK_FALSE(IndexedPhraseTable(listed, &shards).term_of(words));
}

TEST_CASE("indexed phrases: the query parser answers a listed phrase from its term, with the same letters") {
  imr::testing::TempDir dir;
  {
    imr::indexer::IndexWriter writer(dir / "index");
    imr::indexer::DocumentBuilder builder;
    const std::vector<std::string> texts{"The request is not medically necessary.", "It is medically necessary.",
                                         "Not medically, but necessary.", "not medically necessary and appropriate"};
    for (std::size_t i = 0; i < texts.size(); ++i) {
      const std::string source = std::to_string(i) + ".txt";
      writer.write(builder.build(record_of(source), texts[i], std::to_string(i)), source);
    }
  }
  const Xapian::Database db((dir / "index").string());
  imr::searcher::QueryParser parser(nullptr);
  parser.answer_from(db);
  const Xapian::Query kept = parser.parse("\"Not medically necessary\"").query;
  CHECK(kept.get_description().find(term("not medically necessary")) != std::string::npos);
  CHECK(matches(db, kept) == std::set<Xapian::docid>{1, 4});
  // A phrase that is not listed is still matched by positions.
  const Xapian::Query positional = parser.parse("\"is not medically\"").query;
  CHECK(positional.get_description().find("PHRASE") != std::string::npos);
  CHECK(matches(db, positional) == std::set<Xapian::docid>{1});
}
