// Snippets and marked documents: escaping, marks, windows, word boundaries.
#include <doctest/doctest.h>

#include <regex>
#include <set>
#include <sstream>

#include "imr/schema/analyzer.h"
#include "imr/snippet/highlighter.h"
#include "snippet/marked_html.h"

namespace {

using imr::schema::Analyzer;
using imr::searcher::Highlight;
using imr::searcher::Highlighter;
using Kind = Highlight::Kind;

std::string snippet(const std::string& text, std::vector<Highlight> highlights) {
  const Analyzer analyzer;
  return Highlighter(analyzer, highlights).snippet(text);
}

std::string without_marks(std::string s) {
  for (const std::string tag : {"<mark>", "</mark>"})
    for (auto at = s.find(tag); at != std::string::npos; at = s.find(tag)) s.erase(at, tag.size());
  return s;
}

// Filler text of numbered words, so a cut inside a word would show.
std::string filler(int from, int count) {
  std::string out;
  for (int i = from; i < from + count; ++i) out += "word" + std::to_string(i) + " ";
  return out;
}

std::vector<std::string> words_of(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  for (std::string w; in >> w;)
    if (w != "…") out.push_back(w);
  return out;
}

}  // namespace

TEST_CASE("snippet: letter markup is escaped, only our marks are HTML") {
  const std::string text =
      "The note said <script>alert(1)</script> and <img src=x onerror=alert(1)> "
      "from Smith & Sons &amp; \"quotes\" 'single' then carisoprodol was denied.";
  const std::string s = snippet(text, {{Kind::term, {"carisoprodol"}}});
  CHECK(s.find("<mark>carisoprodol</mark>") != std::string::npos);
  CHECK(s.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(s.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
  CHECK(s.find("Smith &amp; Sons &amp;amp;") != std::string::npos);
  CHECK(s.find("&quot;quotes&quot; &#39;single&#39;") != std::string::npos);
  const std::string plain = without_marks(s);
  CHECK(plain.find('<') == std::string::npos);
  CHECK(plain.find('>') == std::string::npos);
  CHECK(imr::searcher::html_escape("<a href='x'>&</a>") == "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;");
}

TEST_CASE("snippet: a phrase is one mark - stems, prefixes and compounds are marked") {
  const Analyzer analyzer;
  const std::string text = "Soma is a muscle relaxant. Muscle spasm at L5-S1 persists; gabapentin helps relaxing.";
  CHECK(snippet(text, {{Kind::phrase, {"muscle", "relaxant"}}}).find("<mark>muscle relaxant</mark>") !=
        std::string::npos);
  CHECK(snippet(text, {{Kind::phrase, {"muscle", "relaxant"}}}).find("<mark>Muscle</mark> spasm") == std::string::npos);
  const std::string stems = snippet(text, {{Kind::stem, {analyzer.stem_term("relaxants")}}});
  CHECK(stems.find("<mark>relaxant</mark>") != std::string::npos);
  CHECK(stems.find("<mark>relaxing</mark>") != std::string::npos);
  CHECK(snippet(text, {{Kind::term, {"l5-s1"}}}).find("<mark>L5-S1</mark>") != std::string::npos);
  CHECK(snippet(text, {{Kind::term, {"s1"}}}).find("L5-<mark>S1</mark>") != std::string::npos);
  CHECK(snippet(text, {{Kind::prefix, {"gaba"}}}).find("<mark>gabapentin</mark>") != std::string::npos);
}

TEST_CASE("snippet: about 200-300 characters around the hits, never cutting a word") {
  const std::string text = filler(0, 200) + "carisoprodol " + filler(200, 200);
  const std::string s = snippet(text, {{Kind::term, {"carisoprodol"}}});
  CHECK(s.find("<mark>carisoprodol</mark>") != std::string::npos);
  const std::string plain = without_marks(s);
  CHECK(plain.size() >= 200);
  CHECK(plain.size() <= 320);
  const auto words = words_of(plain);
  const auto all = words_of(text);
  const std::set<std::string> known(all.begin(), all.end());
  for (const auto& w : words) CHECK(known.contains(w));
  CHECK(plain.starts_with("… "));
  CHECK(plain.ends_with(" …"));
}

TEST_CASE("snippet: two distant clusters give two windows joined by an ellipsis") {
  const std::string text = filler(0, 50) + "soma here " + filler(50, 300) + "soma again " + filler(350, 50);
  const std::string s = snippet(text, {{Kind::term, {"soma"}}});
  const auto first = s.find("<mark>soma</mark> here");
  const auto second = s.find("<mark>soma</mark> again");
  REQUIRE(first != std::string::npos);
  REQUIRE(second != std::string::npos);
  CHECK(s.substr(first, second - first).find(" … ") != std::string::npos);
  CHECK(without_marks(s).size() <= 340);
}

TEST_CASE("snippet: the opening of the text when nothing matches") {
  const std::string text = "Case Number: CM14-0039927 " + filler(0, 100);
  const std::string s = snippet(text, {});
  CHECK(s.starts_with("Case Number: CM14-0039927"));
  CHECK(s.find("<mark>") == std::string::npos);
  CHECK(s.size() <= 300);
  CHECK(snippet("short letter", {{Kind::term, {"absent"}}}) == "short letter");
}

TEST_CASE("marked document: paragraphs, every hit marked, escaped") {
  const Analyzer analyzer;
  const std::vector<Highlight> h{{Kind::term, {"soma"}}};
  const std::string html = Highlighter(analyzer, h).document("First <b>Soma</b>.\n\nSecond soma & more.\n\n");
  CHECK(html == "<p>First &lt;b&gt;<mark>Soma</mark>&lt;/b&gt;.</p>\n<p>Second <mark>soma</mark> &amp; more.</p>\n");
}
