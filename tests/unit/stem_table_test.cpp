// Stems answered at query time (schema/stem_table.h): the index's stem table,
// written by the index writer in each batch's transaction, makes a stemmed
// word find exactly the letters holding a word with its stem, through
// batches, replacements, deletions and shards; an index whose letters carry
// stem terms (the earlier scheme) is refused with what to do.
#include <doctest/doctest.h>

#include <cctype>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <xapian.h>

#include "imr/api/search_context.h"
#include "imr/document/document_builder.h"
#include "imr/index/sharded_index.h"
#include "imr/schema/analyzer.h"
#include "imr/schema/stem_table.h"
#include "imr/schema/vocabulary.h"
#include "temp_dir.h"

namespace {

namespace fs = std::filesystem;
using namespace imr;
using Keys = std::set<std::string>;

struct Letter {
  std::string case_number;
  std::string text;
};

const std::vector<Letter> kLetters{
    {"CM-1", "It is medically necessary to continue walking."},
    {"CM-2", "The medical records show injections were necessary."},
    {"CM-3", "No medication is needed; an injection and a walk are advised."},
    {"CM-4", "Medic notes: walks daily, injected twice, necessity unclear."},
    {"CM-5", "The injured worker walked with a cane; the medications helped."},
    {"CM-6", "Injecting the knee is not medically indicated."},
    {"CM-7", "She reports pain while walking and medicating."},
    {"CM-8", "Nothing of note."},
};

void write_letter(indexer::ShardedIndex& index, const Letter& l) {
  schema::Record r;
  r.case_number = l.case_number;
  r.source = l.case_number + ".txt";
  const indexer::BuiltDocument built = indexer::DocumentBuilder().build(r, l.text, "hash-" + l.text);
  index.shard(index.shard_of(built.key_term)).write(built, r.source);
}

// The case numbers of the letters a query matches.
Keys matches(const Xapian::Database& db, const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  Keys out;
  const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount() + 1);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const Xapian::Document doc = it.get_document();
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
      if ((*t).starts_with('Q')) out.insert(*t);
  }
  return out;
}

// What a stemmed word must find: the OR of every word of the index with its stem.
Keys letters_with_stem(const Xapian::Database& db, std::string_view word) {
  const schema::Analyzer analyzer;
  const std::string stem = analyzer.stem_term(word);
  std::vector<Xapian::Query> words;
  for (auto it = db.allterms_begin(); it != db.allterms_end(); ++it)
    if (std::islower(static_cast<unsigned char>((*it).front())) && analyzer.stem_term(*it) == stem)
      words.emplace_back(*it);
  return matches(db, Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end()));
}

}  // namespace

TEST_CASE("stem table: a sharded index written in batches finds exactly the letters of a word's stem") {
  const testing::TempDir dir;
  {
    indexer::ShardedIndex index(dir / "index", 2, 3);  // 3 letters a batch: several commits per shard
    for (const Letter& l : kLetters) write_letter(index, l);
    write_letter(index, {"CM-2", "The records were reviewed."});  // replaced: its words are gone
    CHECK(index.remove("CM-3"));
    index.commit();
  }
  const auto ctx = searcher::SearchContext::open(dir / "index", schema::Vocabulary::builtin());
  REQUIRE(ctx->shards().size() == 2);
  // Each shard lists only its own letters' words: the reader needs the union.
  const schema::StemTable first(ctx->shards()[0]), second(ctx->shards()[1]), both(ctx->db(), &ctx->shards());
  CHECK(first.words_of("Zwalk") != both.words_of("Zwalk"));
  CHECK(second.words_of("Zwalk") != both.words_of("Zwalk"));
  CHECK(both.words_of("Zwalk") == std::vector<std::string>{"walked", "walking", "walks"});
  CHECK(letters_with_stem(ctx->db(), "walking") == Keys{"Qcm-1", "Qcm-4", "Qcm-5", "Qcm-7"});
  for (const char* q : {"medically", "necessary", "injections", "walking", "walk", "medic", "medications", "pain"}) {
    CAPTURE(q);
    CHECK(matches(ctx->db(), ctx->parser().parse(q).query) == letters_with_stem(ctx->db(), q));
  }
}

TEST_CASE("stem table: words of a cancelled batch are written again with the next one") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  schema::StemTableWriter writer;
  writer.add({{"walking", "Zwalk"}});
  writer.write(db);
  writer.cancel();
  db.set_metadata("imr:stem:walk", "");  // what the cancelled transaction took with it
  writer.add({{"walking", "Zwalk"}, {"walks", "Zwalk"}});
  writer.write(db);
  writer.committed();
  CHECK(schema::StemTable(db).words_of("Zwalk") == std::vector<std::string>{"walking", "walks"});
}

TEST_CASE("stem table: an index whose letters hold stem terms is refused by the writer and the searcher") {
  const testing::TempDir dir;
  {
    Xapian::WritableDatabase old((dir / "index").string(), Xapian::DB_CREATE);
    Xapian::Document doc;
    doc.add_posting("walking", 1);
    doc.add_term("Zwalk");
    old.add_document(doc);
    old.commit();
  }
  const std::string what = "index the letters again into a new folder";
  CHECK_THROWS_WITH(indexer::ShardedIndex(dir / "index"), doctest::Contains(what.c_str()));
  CHECK_THROWS_WITH(searcher::SearchContext::open(dir / "index", schema::Vocabulary::builtin()),
                    doctest::Contains(what.c_str()));
  // An index of the current scheme opens, also when it is still empty.
  indexer::ShardedIndex(dir / "new").commit();
  CHECK_NOTHROW(indexer::ShardedIndex(dir / "new"));
}
