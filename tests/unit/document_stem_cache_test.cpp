// The document builder's stem cache answers exactly what the analyzer does.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "imr/document/document_builder.h"
#include "imr/schema/analyzer.h"

namespace {

using imr::indexer::StemCache;
using imr::schema::Analyzer;

const std::vector<std::string> kWords = {"pains", "pain", "injections", "treatment", "treated", "l5", "therapies"};

}  // namespace

TEST_CASE("stem cache: each word's indexed stem term is the analyzer's, asked once or again") {
  const Analyzer analyzer;
  StemCache cache;
  for (int round = 0; round < 2; ++round)
    for (const std::string& w : kWords) CHECK(cache.indexed_stem_term(analyzer, w) == analyzer.indexed_stem_term(w));
  CHECK(cache.size() == kWords.size());
}

TEST_CASE("stem cache: once full it keeps its size and still answers every word right") {
  const Analyzer analyzer;
  StemCache cache(2);
  for (int round = 0; round < 2; ++round)
    for (const std::string& w : kWords) CHECK(cache.indexed_stem_term(analyzer, w) == analyzer.indexed_stem_term(w));
  CHECK(cache.size() == 2);
}
