// Paragraph-at-a-time highlighting must find exactly the hits of a whole-text
// analysis, and snippets must not change, while the screen skips paragraphs.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "imr/schema/analyzer.h"
#include "imr/snippet/highlighter.h"
#include "imr/snippet/hit_screen.h"
#include "snippet/marked_html.h"
#include "snippet/snippet_builder.h"

namespace {

using imr::schema::Analyzer;
using imr::searcher::Highlight;
using imr::searcher::Highlighter;
using imr::searcher::HitFinder;
using imr::searcher::HitScreen;
using Kind = Highlight::Kind;

// Words whose English stems are not a prefix of the word, and others.
const std::string kText =
    "The patient was hoping for relief; studies of dying nerves were gently reviewed.\n\n"
    "Generalization of ABILITY and probabilities: the reviewer's happiest finding.\n\n"
    "Ｆｕｌｌｗｉｄｔｈ Pain and ﬁbromyalgia appear here, with L5-S1 fusion.\n\n"
    "Nothing relevant in this paragraph at all, only filler words about the weather.\n\n"
    "Functional\n\nimprovement is split; functional improvement is not. Stretching, stretched, stretches.";

std::vector<Highlight> highlights_for(const Analyzer& analyzer, const std::vector<std::string>& stem_words) {
  std::vector<Highlight> out;
  for (const std::string& w : stem_words) out.push_back({Kind::stem, {analyzer.stem_term(w)}});
  out.push_back({Kind::term, {"pain"}});
  out.push_back({Kind::term, {"fullwidth"}});
  out.push_back({Kind::term, {"fibromyalgia"}});
  out.push_back({Kind::term, {"l5-s1"}});
  out.push_back({Kind::prefix, {"stretch"}});
  out.push_back({Kind::phrase, {"functional", "improvement"}});
  return out;
}

}  // namespace

TEST_CASE("screen: paragraph analysis finds the hits of a whole-text analysis") {
  const Analyzer analyzer;
  const std::vector<std::string> words{"hope",      "study",    "die",   "gentle",   "generalize",
                                       "abilities", "probable", "happy", "reviewers"};
  for (const std::string& w : words) {
    const std::vector<Highlight> highlights = highlights_for(analyzer, {w});
    const auto whole = HitFinder(analyzer, highlights).find(analyzer.tokens(kText));
    const auto parts = Highlighter(analyzer, highlights).hits(kText);
    INFO("stem of " << w);
    // The one intended difference: a phrase across a blank line is not marked.
    std::vector<imr::searcher::TextRange> expected;
    for (const auto& r : whole)
      if (std::string_view(kText).substr(r.start, r.end - r.start).find("\n\n") == std::string_view::npos)
        expected.push_back(r);
    CHECK(parts == expected);
    CHECK(parts.size() >= 6);
  }
}

TEST_CASE("screen: snippets equal those built from the whole text's tokens") {
  const Analyzer analyzer;
  const std::string filler(2000, 'x');
  const std::string text = "Opening words here.\n\n" + std::string("word ") + filler +
                           "\n\nA paragraph hoping for pain relief.\n\n" + "Closing words.";
  for (const std::vector<Highlight>& highlights : {std::vector<Highlight>{{Kind::stem, {analyzer.stem_term("hoping")}}},
                                                   std::vector<Highlight>{{Kind::term, {"absent"}}}}) {
    const auto tokens = analyzer.tokens(text);
    const auto hits = HitFinder(analyzer, highlights).find(tokens);
    CHECK(Highlighter(analyzer, highlights).snippet(text) == imr::searcher::build_snippet(text, tokens, hits));
  }
}

TEST_CASE("screen: rules out ASCII paragraphs without the words, never non-ASCII ones") {
  const Analyzer analyzer;
  const std::vector<Highlight> highlights{{Kind::stem, {analyzer.stem_term("radiculopathy")}}, {Kind::term, {"soma"}}};
  const HitScreen screen(highlights);
  CHECK_FALSE(screen.may_hit("Nothing relevant here at all."));
  CHECK(screen.may_hit("Lumbar RADICULOPATHIES were noted."));
  CHECK(screen.may_hit("He takes SOMA daily."));
  CHECK(screen.may_hit("Ｓｏｍａ in full width."));
  CHECK_FALSE(HitScreen({}).may_hit("anything"));
}

namespace {

// The five real letters and the hand-written ones: wording nobody tuned this on.
std::vector<std::string> letter_texts() {
  std::vector<std::string> out;
  const std::filesystem::path root(IMR_SOURCE_DIR);
  for (const auto& dir : {root / "corpus" / "seeds", root / "tests" / "data" / "letters"})
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
      if (entry.path().extension() == ".txt") {
        std::ifstream in(entry.path(), std::ios::binary);
        out.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
      }
  return out;
}

// Hits and snippet as analysing every paragraph whole would give them.
struct Reference {
  std::vector<imr::searcher::TextRange> hits;
  std::string snippet;
};

Reference whole_paragraphs(const Analyzer& analyzer, const std::vector<Highlight>& highlights, std::string_view text) {
  const HitFinder finder(analyzer, highlights);
  std::vector<imr::schema::Token> tokens;
  Reference ref;
  for (const imr::searcher::TextRange& p : imr::searcher::paragraphs(text)) {
    std::vector<imr::schema::Token> part = analyzer.tokens(text.substr(p.start, p.end - p.start));
    for (imr::schema::Token& t : part) {
      t.start += p.start;
      t.end += p.start;
    }
    std::ranges::copy(finder.find(part), std::back_inserter(ref.hits));
    std::ranges::move(part, std::back_inserter(tokens));
  }
  ref.snippet = imr::searcher::build_snippet(text, tokens, ref.hits);
  return ref;
}

}  // namespace

TEST_CASE("screen: hits and snippets from candidate runs equal whole-paragraph analysis on real letters") {
  const Analyzer analyzer;
  const auto stems = [&](std::initializer_list<const char*> words) {
    std::vector<Highlight> out;
    for (const char* w : words) out.push_back({Kind::stem, {analyzer.stem_term(w)}});
    return out;
  };
  std::vector<std::vector<Highlight>> queries{
      stems({"pain"}),
      stems({"medically", "necessary"}),
      stems({"lumbar", "fusion", "therapy"}),
      stems({"studies", "happiness", "reviewer"}),
      {{Kind::term, {"mg"}}, {Kind::term, {"l5-s1"}}, {Kind::term, {"350"}}},
      {{Kind::term, {"carisoprodol"}}, {Kind::term, {"soma"}}, {Kind::prefix, {"medic"}}},
      {{Kind::prefix, {"tram"}}, {Kind::term, {"odg"}}, {Kind::term, {"mtus"}}},
      {{Kind::phrase, {"functional", "improvement"}}, {Kind::term, {"pain"}}},
      {{Kind::phrase, {"not", "medically", "necessary"}}},
      {{Kind::phrase, {"the", "patient"}}, {Kind::phrase, {"mg", "1"}}, {Kind::stem, {analyzer.stem_term("request")}}},
  };
  const std::vector<std::string> texts = letter_texts();
  REQUIRE(texts.size() >= 40);
  std::size_t hits_seen = 0;
  for (std::size_t q = 0; q < queries.size(); ++q)
    for (std::size_t l = 0; l < texts.size(); ++l) {
      const Reference ref = whole_paragraphs(analyzer, queries[q], texts[l]);
      const Highlighter highlighter(analyzer, queries[q]);
      INFO("query " << q << ", letter " << l);
      CHECK(highlighter.hits(texts[l]) == ref.hits);
      CHECK(highlighter.snippet(texts[l]) == ref.snippet);
      CHECK(highlighter.hits_in(texts[l]) == !ref.hits.empty());
      hits_seen += ref.hits.size();
    }
  CHECK(hits_seen > 1000);
}

TEST_CASE("screen: candidate runs are the whitespace runs holding a needle, for a phrase up to its last word") {
  const std::vector<Highlight> word_highlights{{Kind::term, {"pain"}}, {Kind::prefix, {"lumb"}}};
  const HitScreen words(word_highlights);
  using imr::searcher::TextRange;
  CHECK(words.candidate_runs("Low-back PAIN, lumbar\tpainful;  nothing") ==
        std::vector<TextRange>{{9, 14}, {15, 21}, {22, 30}});
  CHECK(words.candidate_runs("nothing here") == std::vector<TextRange>{});
  CHECK_FALSE(words.candidate_runs("Ｐａｉｎ full width").has_value());
  // A short stem still gives runs: words begin with their stem's first byte.
  const Analyzer analyzer;
  const std::vector<Highlight> short_stems{{Kind::stem, {analyzer.stem_term("die")}}};
  CHECK(HitScreen(short_stems).candidate_runs("Dying, undying and (died) x-dies") ==
        std::vector<TextRange>{{0, 6}, {19, 25}, {26, 32}});
  // A phrase's window reaches as many runs with a letter or digit as it has
  // words after the first; runs of punctuation alone take no position.
  const std::vector<Highlight> phrase{{Kind::phrase, {"low", "back", "pain"}}};
  CHECK(HitScreen(phrase).candidate_runs("a low -- back, pain x low") == std::vector<TextRange>{{2, 19}, {22, 25}});
  // Windows that overlap are joined, so no hit is found twice.
  CHECK(HitScreen(phrase).candidate_runs("low low back pain") == std::vector<TextRange>{{0, 17}});
}
