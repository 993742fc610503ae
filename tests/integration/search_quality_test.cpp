// Search that experts can trust, end to end over a generated corpus of 3,000
// letters: exact totals and facets against counts from the parsed records,
// every quoted stretch of a letter finding it, letter markup shown as text,
// and the OpenAPI document true to the running server. The same checks at
// any size: IMR_QUALITY_LETTERS=100000 build/tests/imr-integration-tests -tc='quality*'.
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "collector_expected.h"
#include "imr/schema/analyzer.h"
#include "imr/schema/record.h"
#include "imr/schema/standard_passages.h"
#include "imr/schema/stored_letter.h"
#include "openapi_check.h"
#include "test_server.h"

namespace {

namespace fs = std::filesystem;
using imr::test::FilterList;
using nlohmann::json;

int letters_wanted() {
  const char* n = std::getenv("IMR_QUALITY_LETTERS");
  return n && std::atoi(n) > 0 ? std::atoi(n) : 3000;
}
const int kLetters = letters_wanted();
constexpr const char* kHostileWord = "zanzibarine";

fs::path work_dir() { return fs::temp_directory_path() / ("imr-quality-" + std::to_string(getpid())); }

std::vector<imr::schema::Record> read_records(const fs::path& jsonl) {
  std::vector<imr::schema::Record> out;
  std::ifstream in(jsonl);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(json::parse(line).get<imr::schema::Record>());
  return out;
}

// A letter whose text (once read: the entities are the HTML page's own)
// says <script>, <img onerror=...> and &amp;, which must stay text.
fs::path write_hostile_letter(const fs::path& dir) {
  fs::create_directories(dir);
  const fs::path file = dir / "hostile.html";
  std::ofstream(file) << "<html><body><p>Case Number: CM15-0999999</p><p>The " << kHostileWord
                      << " note said &lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=alert(2)&gt; "
                         "and Smith &amp;amp; Jones.</p></body></html>\n";
  return file;
}

// The generated corpus (its records as imr-index extract parses them, and as
// the generator meant them), indexed and served.
struct Corpus {
  fs::path dir = work_dir();
  fs::path generated = dir.string() + "-letters";
  int generate_status = imr::testing::run({imr::testing::binary("imr-generate"), "--letters", std::to_string(kLetters),
                                           "--out", generated.string(), "--seed", "7"},
                                          dir.string() + "-generate.log");
  fs::path hostile = write_hostile_letter(generated / "hostile");
  // Through a shell, to keep the records (stdout) apart from the warnings (stderr).
  int extract_status =
      imr::testing::run({"/bin/sh", "-c",
                         "'" + imr::testing::binary("imr-index") + "' extract '" + (generated / "letters").string() +
                             "' '" + hostile.string() + "' > '" + (generated / "extract.jsonl").string() + "'"},
                        generated / "extract.log");
  std::vector<imr::schema::Record> extracted = read_records(generated / "extract.jsonl");
  std::vector<imr::schema::Record> truth = read_records(generated / "truth.jsonl");
  imr::test::TestServer server{dir, {generated / "letters", hostile}};

  ~Corpus() {
    fs::remove_all(generated);
    fs::remove(dir.string() + "-generate.log");
  }
};

const Corpus& corpus() {
  static const Corpus c;
  return c;
}

std::string url_encode(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string search_path(const FilterList& filters, const std::string& q = "") {
  std::string path = "/api/search?per_page=1&q=" + url_encode(q);
  for (const auto& [f, v] : filters) path += "&filter=" + url_encode(f + ":" + v);
  return path;
}

std::map<std::string, unsigned> facet_of(const json& facets, const std::string& name) {
  std::map<std::string, unsigned> out;
  for (const json& v : facets[name]) out[v["value"]] = v["count"];
  return out;
}

const std::vector<std::string> kFacets{"decision",  "outcome",   "drug",          "drug_class",   "category",
                                       "guideline", "specialty", "license_state", "decision_year"};

// One facet value whose letter count differs between two record sets.
struct FacetDifference {
  std::string facet, value;
  unsigned a = 0, b = 0;
  unsigned letters() const { return a > b ? a - b : b - a; }
};

std::vector<FacetDifference> facet_differences(const std::vector<imr::schema::Record>& a,
                                               const std::vector<imr::schema::Record>& b) {
  std::vector<const imr::schema::Record*> pa, pb;
  for (const auto& r : a) pa.push_back(&r);
  for (const auto& r : b) pb.push_back(&r);
  std::vector<FacetDifference> out;
  for (const std::string& f : kFacets) {
    auto ea = imr::test::expected_facet(pa, {}, f);
    const auto eb = imr::test::expected_facet(pb, {}, f);
    for (const auto& [v, n] : eb) ea.try_emplace(v, 0);
    for (const auto& [v, n] : ea) {
      const unsigned m = eb.contains(v) ? eb.at(v) : 0;
      if (m != n) out.push_back({f, v, n, m});
    }
  }
  return out;
}

// Checks a search's total and every facet against counts from letters (the
// records a text query q finds; all of them for the empty query); the total.
long check_totals_and_facets(const std::vector<const imr::schema::Record*>& letters, const FilterList& filters,
                             const std::string& q = "") {
  const std::string path = search_path(filters, q);
  CAPTURE(path);
  const json res = corpus().server.get_json(path);
  const auto total = std::ranges::count_if(letters, [&](const auto* r) { return imr::test::letter_ok(*r, filters); });
  CHECK(res["total"] == total);
  for (const std::string& facet : kFacets) {
    CAPTURE(facet);
    CHECK(facet_of(res["facets"], facet) == imr::test::expected_facet(letters, filters, facet));
  }
  return total;
}

// Lower-case words of a text, split at anything but ASCII letters and digits.
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> out(1);
  for (const char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      out.back() += static_cast<char>(std::tolower(c));
    else if (!out.back().empty())
      out.emplace_back();
  }
  if (out.back().empty()) out.pop_back();
  return out;
}

// A text query, and whether a letter's words hold it, decided here rather
// than by the index: a word in any form the English stemmer joins, a phrase
// as those very words in a row.
struct TextQuery {
  std::string q;
  std::function<bool(const std::vector<std::string>&)> finds;
};

TextQuery word_query(const std::string& word) {
  return {word, [word](const std::vector<std::string>& words) {
            static const Xapian::Stem stem("english");
            return std::ranges::any_of(words, [&](const std::string& w) { return stem(w) == stem(word); });
          }};
}

TextQuery phrase_query(const std::vector<std::string>& phrase) {
  std::string q;
  for (const std::string& w : phrase) q += (q.empty() ? "" : " ") + w;
  return {"\"" + q + "\"", [phrase](const std::vector<std::string>& words) {
            return std::search(words.begin(), words.end(), phrase.begin(), phrase.end()) != words.end();
          }};
}

// The parsed records (imr-index extract) of the letters whose indexed text holds query.
std::vector<const imr::schema::Record*> letters_holding(const TextQuery& query) {
  static const std::map<std::string, std::vector<std::string>> words_by_source = [] {
    std::map<std::string, std::vector<std::string>> out;
    Xapian::Database db(corpus().server.index_dir().string());
    for (Xapian::PostingIterator it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
      const auto letter = imr::schema::read_stored_letter(db, db.get_document(*it));
      out[letter.record.source] = words_of(letter.text);
    }
    return out;
  }();
  std::vector<const imr::schema::Record*> out;
  for (const auto& r : corpus().extracted) {
    const auto words = words_by_source.find(r.source);
    REQUIRE(words != words_by_source.end());
    if (query.finds(words->second)) out.push_back(&r);
  }
  return out;
}

// A run of non-space characters of a text and the bytes it takes.
struct SpacedWord {
  std::string text;
  std::size_t start;
  std::size_t end;
};

std::vector<SpacedWord> spaced_words(std::string_view text) {
  std::vector<SpacedWord> words;
  auto space = [](unsigned char c) { return std::isspace(c) != 0; };
  for (std::size_t i = 0; i < text.size();) {
    if (space(text[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && !space(text[end])) ++end;
    words.push_back({std::string(text.substr(i, end - i)), i, end});
    i = end;
  }
  return words;
}

// Whether bytes [from, to) of a letter's text share a word with a standard passage.
bool touches_standard_passage(const imr::schema::StandardPassages& standard, std::string_view text, std::size_t from,
                              std::size_t to) {
  const std::vector<imr::schema::Token> tokens = imr::schema::Analyzer().tokens(text);
  const std::vector<bool> inside = standard.inside(tokens);
  for (std::size_t i = 0; i < tokens.size(); ++i)
    if (inside[i] && tokens[i].start < to && tokens[i].end > from) return true;
  return false;
}

}  // namespace

TEST_CASE("quality: the generated corpus is parsed and indexed") {
  REQUIRE(corpus().generate_status == 0);
  CHECK(corpus().extract_status == 0);
  REQUIRE(corpus().extracted.size() == kLetters + 1);  // and the hostile letter
  CHECK(corpus().truth.size() == kLetters);
  CHECK(corpus().server.index_status() == 0);
  CHECK(corpus().server.get_json("/api/health")["documents"] == kLetters + 1);
  const std::vector<FacetDifference> differences =
      facet_differences(corpus().truth, std::vector(corpus().extracted.begin(), corpus().extracted.begin() + kLetters));
  unsigned letters = 0;
  std::ostringstream listing;
  for (const FacetDifference& d : differences) {
    letters += d.letters();
    listing << d.facet << ":" << d.value << " truth " << d.a << " parsed " << d.b << "; ";
  }
  MESSAGE("truth vs extract: " << differences.size() << " facet counts differ, by " << letters
                               << " letters in all: " << listing.str());
  // The generator words a share of treatments and specialties outside the
  // parser's vocabulary on purpose, with their true facts. At 3,000 letters
  // (seed 7) the parsed counts then differ from the truth by 729 letter
  // counts over 70 facet values (most: category other +117, the unlisted
  // products' drugs and classes, specialty wordings kept as printed). A bound
  // of a quarter of the letters (750) sits just above, so a parser
  // regression shows here; parser work should lower it.
  CHECK(letters <= kLetters / 4);
}

TEST_CASE("quality: totals and facets equal counts from the parsed records, for many filter combinations") {
  const std::vector<FilterList> combinations{
      {},
      {{"decision", "overturned"}},
      {{"decision", "upheld"}},
      {{"drug", "gabapentin"}},
      {{"drug", "hydrocodone"}, {"decision", "overturned"}},
      {{"drug", "carisoprodol"}, {"decision", "upheld"}},
      {{"drug", "gabapentin"}, {"drug", "hydrocodone"}},
      {{"drug_class", "opioid"}, {"decision", "overturned"}},
      {{"drug_class", "nsaid"}, {"guideline", "odg"}},
      {{"category", "physical_therapy"}, {"decision", "overturned"}},
      {{"category", "imaging"}, {"category", "injection"}},
      {{"category", "medication"}, {"guideline", "mtus-chronic-pain"}, {"decision", "upheld"}},
      {{"guideline", "odg"}},
      {{"guideline", "mtus-acoem"}, {"guideline", "acoem"}},
      {{"outcome", "partially_overturned"}},
      {{"outcome", "upheld"}, {"outcome", "overturned"}},
      {{"outcome", "overturned"}, {"drug_class", "opioid"}},
      {{"specialty", "Internal Medicine"}},
      {{"specialty", "Orthopaedic Surgery"}, {"decision", "overturned"}},
      {{"license_state", "CA"}},
      {{"license_state", "CA"}, {"license_state", "NY"}, {"category", "surgery"}},
      {{"decision_year", "2014"}},
      {{"decision_year", "2015"}, {"drug", "omeprazole"}},
      {{"decision_year", "2013"}, {"decision_year", "2014"}, {"decision", "overturned"}},
      {{"drug", "tramadol"}, {"drug_class", "opioid"}, {"decision", "overturned"}},
      {{"category", "dme"}, {"decision", "upheld"}, {"license_state", "CA"}},
      {{"category", "acupuncture"}, {"outcome", "overturned"}},
      {{"drug_class", "muscle_relaxant"}, {"drug_class", "benzodiazepine"}, {"decision", "upheld"}},
      {{"category", "psych"}, {"category", "program"}, {"decision", "overturned"}, {"decision_year", "2015"}},
      {{"drug", "cyclobenzaprine"}, {"guideline", "mtus-chronic-pain"}},
      {{"category", "lab"}, {"specialty", "Family Medicine"}},
  };
  std::vector<const imr::schema::Record*> letters;
  for (const auto& r : corpus().extracted) letters.push_back(&r);
  for (const FilterList& filters : combinations) check_totals_and_facets(letters, filters);
}

TEST_CASE("quality: text queries with filters give totals and facets equal to counts from the parsed records") {
  const std::vector<std::pair<TextQuery, FilterList>> cases{
      {word_query("tolerance"), {{"drug", "hydrocodone"}}},
      {word_query("tolerance"), {{"drug_class", "opioid"}, {"decision", "upheld"}}},
      {word_query("sleep"), {{"drug", "zolpidem"}, {"drug", "eszopiclone"}}},
      {word_query("therapy"), {{"category", "physical_therapy"}, {"decision", "overturned"}}},
      {phrase_query({"medically", "necessary"}), {{"decision", "overturned"}}},
      {phrase_query({"functional", "improvement"}), {{"decision", "upheld"}, {"guideline", "mtus-chronic-pain"}}},
      {phrase_query({"functional", "improvement"}), {{"outcome", "partially_overturned"}, {"decision_year", "2015"}}},
  };
  for (const auto& test_case : cases) {
    const auto& text = test_case.first;
    const auto& filters = test_case.second;
    CAPTURE(text.q);
    const std::vector<const imr::schema::Record*> letters = letters_holding(text);
    REQUIRE(letters.size() > 10);
    // The text alone first, so that a miscount below is the filters' and
    // facets' doing, not a word counted differently here.
    CHECK(corpus().server.get_json(search_path({}, text.q))["total"] == letters.size());
    const long total = check_totals_and_facets(letters, filters, text.q);
    MESSAGE(text.q << ": " << letters.size() << " letters, " << total << " with the filters");
    CHECK(total > 0);  // else the filters would be checked on nothing
  }
}

TEST_CASE("quality: 500 random stretches of letters, quoted, find their letter") {
  Xapian::Database db(corpus().server.index_dir().string());
  const auto standard = imr::schema::StandardPassages::builtin();
  std::mt19937 rng(11);
  int tried = 0, found = 0;
  for (int attempt = 0; tried < 500 && attempt < 5000; ++attempt) {
    const auto letter = imr::schema::read_stored_letter(
        db, db.get_document(std::uniform_int_distribution<Xapian::docid>(1, db.get_lastdocid())(rng)));
    if (!letter.record.case_number) continue;
    const std::vector<SpacedWord> words = spaced_words(letter.text);
    if (words.size() < 12) continue;
    const std::size_t length = std::uniform_int_distribution<std::size_t>(2, 12)(rng);
    const std::size_t start = std::uniform_int_distribution<std::size_t>(0, words.size() - length)(rng);
    // The index keeps no positions there, so the README promises no phrase match.
    if (touches_standard_passage(*standard, letter.text, words[start].start, words[start + length - 1].end)) continue;
    std::string stretch;
    for (std::size_t i = start; i < start + length; ++i) stretch += (stretch.empty() ? "" : " ") + words[i].text;
    std::ranges::replace(stretch, '"', ' ');
    if (std::ranges::none_of(stretch, [](unsigned char c) { return std::isalnum(c); })) continue;
    ++tried;
    const std::string q = "case:" + *letter.record.case_number + " \"" + stretch + "\"";
    CAPTURE(q);
    const json res = corpus().server.get_json(search_path({}, q));
    found += res["total"] == 1;
    CHECK(res["total"] == 1);
  }
  CHECK(tried == 500);
  MESSAGE(found << " of " << tried << " quoted stretches found their letter");
}

TEST_CASE("quality: markup in a letter is shown as text in snippets and in the document") {
  const json res = corpus().server.get_json(search_path({}, kHostileWord));
  REQUIRE(res["total"] == 1);
  const std::string snippet = res["hits"][0]["snippet"];
  const json doc = corpus().server.get_json("/api/doc/CM15-0999999?q=" + std::string(kHostileWord));
  const std::string html = doc["html"];
  for (const std::string& shown : {snippet, html}) {
    CAPTURE(shown);
    CHECK(shown.find("<mark>" + std::string(kHostileWord) + "</mark>") != std::string::npos);
    CHECK(shown.find("&lt;script&gt;") != std::string::npos);
    CHECK(shown.find("&lt;img src=x onerror=alert(2)&gt;") != std::string::npos);
    CHECK(shown.find("<script") == std::string::npos);
    CHECK(shown.find("<img") == std::string::npos);
    CHECK(shown.find("Smith &amp;amp; Jones") != std::string::npos);
  }
}

// Every letter's decision date ("" for none) in the order `sort` lists them, page by page.
std::vector<std::string> dates_in_order(const std::string& sort) {
  std::vector<std::string> out;
  for (int page = 1;; ++page) {
    const json res =
        corpus().server.get_json("/api/search?per_page=100&sort=" + sort + "&page=" + std::to_string(page));
    if (res["hits"].empty()) return out;
    for (const json& hit : res["hits"])
      out.push_back(hit["decision_date"].is_string() ? hit["decision_date"].get<std::string>() : "");
  }
}

TEST_CASE("quality: letters without a decision date come last in both date orders") {
  const auto undated = std::ranges::count_if(corpus().extracted, [](const auto& r) { return !r.dates.decision; });
  REQUIRE(undated > 0);  // the hostile letter has none
  for (const std::string sort : {"date_desc", "date_asc"}) {
    CAPTURE(sort);
    std::vector<std::string> dates = dates_in_order(sort);
    REQUIRE(dates.size() == corpus().extracted.size());
    const auto first_undated = std::ranges::find(dates, "");
    CHECK(dates.end() - first_undated == undated);
    CHECK(std::all_of(first_undated, dates.end(), [](const std::string& d) { return d.empty(); }));
    CHECK(std::is_sorted(dates.begin(), first_undated, [&](const std::string& a, const std::string& b) {
      return sort == "date_asc" ? a < b : a > b;
    }));
  }
}

TEST_CASE("quality: every route the OpenAPI document describes answers as documented") {
  const json spec = corpus().server.get_json("/api/openapi.json");
  const std::string key = "CM15-0999999";
  for (const auto& described : spec["paths"].items()) {
    const std::string& path = described.key();
    const auto brace = path.find('{');
    const std::string concrete = brace == std::string::npos ? path : path.substr(0, brace) + key;
    CAPTURE(path);
    const auto res = corpus().server.client().Get(concrete);
    REQUIRE(res);
    CHECK(res->status == 200);
    // The export and the feed are not JSON: their media type must be a documented one.
    const std::string type = res->get_header_value("Content-Type");
    const json body = type.starts_with("application/json") ? json::parse(res->body) : json();
    for (const std::string& problem : imr::test::response_problems(spec, path, 200, body, type)) FAIL_CHECK(problem);
  }
  const json bad = corpus().server.get_json("/api/similar/" + key + "?per_page=0", 400);
  CHECK(imr::test::response_problems(spec, "/api/similar/{key}", 400, bad).empty());
  CHECK(corpus().server.get_json("/api/nothing", 404)["error"].is_string());
}

TEST_CASE("quality: a misspelled drug field value gets the whole query corrected") {
  const json res = corpus().server.get_json(search_path({}, "drug:gabapenten"));
  CHECK(res["total"] == 0);
  REQUIRE(res["suggestion"].is_string());
  CHECK(res["suggestion"] == "drug:gabapentin");
  CHECK(corpus().server.get_json(search_path({}, "drug:gabapentin"))["total"].get<int>() > 0);
}

TEST_CASE("quality: a misspelled drug name gets a suggestion that finds many more letters") {
  const json res = corpus().server.get_json(search_path({}, "gabapenten"));
  REQUIRE(res["suggestion"].is_string());
  CHECK(res["suggestion"] == "gabapentin");
  CHECK(corpus().server.get_json(search_path({}, "gabapentin"))["total"].get<int>() > res["total"].get<int>());
  CHECK(corpus().server.get_json(search_path({}, "gabapentin"))["suggestion"].is_null());
}
