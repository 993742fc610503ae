// Paragraph-at-a-time highlighting must find exactly the hits of a whole-text
// analysis, and snippets must not change, while the screen skips paragraphs.
#include <doctest/doctest.h>

#include "imr/schema/analyzer.h"
#include "imr/snippet/highlighter.h"
#include "imr/snippet/hit_screen.h"
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
