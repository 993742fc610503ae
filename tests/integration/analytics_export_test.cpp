// The analytics, export and feed endpoints end to end: the real imr-index
// indexes generated letters (more than one export chunk) plus two written
// here (one showing markup, one without a decision date), the real
// imr-search serves them, and every answer is checked against what
// /api/search and /api/doc say about the same letters. The CSV and the feed
// are parsed by Python's csv and xml.dom.minidom, not by code of ours.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "test_server.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr int kGenerated = 700;  // more letters than one export chunk (512)

// An HTML letter; markup in it is written as entities, so its text shows "<img ...>" literally.
std::string letter_html(const std::string& case_number, const std::string& decision_line,
                        const std::string& treatment) {
  return "<!doctype html>\n<html><head><title>IMR determination</title></head><body>\n"
         "<p><b>Case Number:</b> " +
         case_number + "</p>\n<p><b>Date Assigned:</b> 06/27/2019 <b>Date of Injury:</b> 05/17/2004</p>\n" +
         decision_line +
         "<p><b>Priority:</b> Standard <b>Application Received:</b> 04/04/2019</p>\n"
         "<h3>HOW THE IMR FINAL DETERMINATION WAS MADE</h3>\n<p>MAXIMUS Federal Services sent the complete case "
         "file to an expert reviewer. The expert reviewer is Board Certified in Family Practice and is licensed to "
         "practice in California.</p>\n<h3>CLINICAL CASE SUMMARY</h3>\n<p>The injured worker is a 52-year-old male "
         "who reported an injury on 05/17/2004.</p>\n<h3>IMR ISSUES, DECISIONS AND RATIONALES</h3>\n<p>The Final "
         "Determination was based on decisions for the disputed items/services set forth below:</p>\n<p><b>" +
         treatment +
         ":</b> Overturned</p>\n<p><b>Claims Administrator guideline:</b> Decision based on MTUS Acupuncture "
         "Medical Treatment Guidelines.</p>\n<p><b>MAXIMUS guideline:</b> Decision based on MTUS Acupuncture Medical "
         "Treatment Guidelines.</p>\n<p><b>Decision rationale:</b> Acupuncture is recommended as an option when "
         "pain medication is reduced or not tolerated.</p>\n</body></html>\n";
}

const std::string kMarkupCase = "CM99-0000042";
const std::string kMarkupTreatment = "Acupuncture <img src=x onerror=\"alert(1)\"> 6 sessions, \"lumbar\" spine";

fs::path hand_letters(const fs::path& dir) {
  fs::create_directories(dir);
  std::ofstream(dir / "markup_letter.html")
      << letter_html(kMarkupCase, "<p><b>Decision Date:</b> 12/30/2019</p>\n",
                     "Acupuncture &lt;img src=x onerror=\"alert(1)\"&gt; 6 sessions, \"lumbar\" spine");
  std::ofstream(dir / "undated_letter.html") << letter_html("CM99-0000043", "", "Acupuncture 6 sessions");
  return dir;
}

struct Fixture {
  fs::path dir = fs::temp_directory_path() / ("imr-analytics-" + std::to_string(getpid()));
  fs::path index;
  std::unique_ptr<imr::test::SearchServer> server;

  Fixture() {
    fs::remove_all(dir);
    fs::create_directories(dir);
    REQUIRE(imr::test::run({imr::test::binary("imr-generate"), "--letters", std::to_string(kGenerated), "--out",
                            (dir / "generated").string(), "--seed", "1201"},
                           dir / "generate.log") == 0);
    REQUIRE(imr::test::run({imr::test::binary("imr-index"), "--db", (dir / "index").string(),
                            (dir / "generated" / "letters").string(), hand_letters(dir / "hand").string()},
                           dir / "index.log") == 0);
    server = std::make_unique<imr::test::SearchServer>(dir / "index", dir / "server.log");
  }
  ~Fixture() {
    server.reset();
    fs::remove_all(dir);
  }
};

const Fixture& fixture() {
  static const Fixture f;
  return f;
}

const imr::test::SearchServer& server() { return *fixture().server; }

std::string encoded(const std::string& s) { return httplib::detail::encode_query_param(s); }

// "q=...&filter=...&filter=..."
std::string query_string(const std::string& q, const std::vector<std::string>& filters) {
  std::string out = "q=" + encoded(q);
  for (const std::string& f : filters) out += "&filter=" + encoded(f);
  return out;
}

// Every hit of a search, page by page.
std::vector<json> all_hits(const std::string& query) {
  std::vector<json> hits;
  for (int page = 1;; ++page) {
    const json res = server().get_json("/api/search?per_page=100&page=" + std::to_string(page) + "&" + query);
    for (const json& h : res["hits"]) hits.push_back(h);
    if (res["hits"].empty() || hits.size() >= res["total"].get<std::size_t>()) break;
  }
  return hits;
}

struct Counts {
  std::size_t items = 0, upheld = 0, overturned = 0;
  bool operator==(const Counts&) const = default;
  void add(const json& c) {
    items += c["items"].get<std::size_t>();
    upheld += c["upheld"].get<std::size_t>();
    overturned += c["overturned"].get<std::size_t>();
  }
  void add_item(const json& item) {
    ++items;
    (item["decision"] == "upheld" ? upheld : overturned)++;
  }
};

std::ostream& operator<<(std::ostream& out, const Counts& c) {
  return out << c.items << "/" << c.upheld << "/" << c.overturned;
}

// The items of the hits, counted.
Counts items_of(const std::vector<json>& hits) {
  Counts out;
  for (const json& h : hits)
    for (const json& item : h["items"]) out.add_item(item);
  return out;
}

// Rows plus missing: every matching item once, for a field with one value per item.
Counts stats_total(const json& stats) {
  Counts out;
  for (const json& row : stats["rows"]) out.add(row);
  out.add(stats["missing"]);
  return out;
}

// Runs python3 on a script with arguments; its standard output, parsed as JSON.
json python_json(const std::string& script, const std::vector<std::string>& args, const fs::path& out) {
  std::vector<std::string> argv{"/usr/bin/python3", "-c", script};
  argv.insert(argv.end(), args.begin(), args.end());
  fs::remove(out);
  const int status = imr::test::run(argv, out);
  const std::string text = imr::testing::read_text(out);
  CAPTURE(text.substr(0, 2000));
  REQUIRE(status == 0);
  return json::parse(text);
}

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("imr-analytics-scratch-" + std::to_string(getpid()));
  fs::create_directories(dir);
  return dir / name;
}

httplib::Result get(const std::string& path) { return server().client().Get(path); }

// The body of a 200 answer, with its content type checked.
std::string body_of(const std::string& path, const std::string& content_type) {
  auto res = get(path);
  REQUIRE(res);
  CAPTURE(path);
  CAPTURE(res->body.substr(0, 500));
  REQUIRE(res->status == 200);
  CHECK(res->get_header_value("Content-Type") == content_type);
  return res->body;
}

// Python's csv module, strict about quoting: the rows of an export.
json csv_rows(const std::string& body) {
  const fs::path file = scratch("export.csv");
  std::ofstream(file, std::ios::binary) << body;
  return python_json(
      "import csv, json, sys\n"
      "with open(sys.argv[1], newline='', encoding='utf-8') as f:\n"
      "    print(json.dumps(list(csv.reader(f, strict=True))))\n",
      {file.string()}, scratch("csv.json"));
}

// xml.dom.minidom: the feed's fields and entries.
json feed_of(const std::string& body) {
  const fs::path file = scratch("feed.xml");
  std::ofstream(file, std::ios::binary) << body;
  return python_json(
      "import json, sys, xml.dom.minidom\n"
      "doc = xml.dom.minidom.parse(sys.argv[1])\n"
      "feed = doc.documentElement\n"
      "assert feed.tagName == 'feed' and feed.namespaceURI == 'http://www.w3.org/2005/Atom', feed.tagName\n"
      "def text(node, name):\n"
      "    found = [c for c in node.childNodes if c.nodeType == c.ELEMENT_NODE and c.tagName == name]\n"
      "    assert len(found) == 1, name\n"
      "    assert all(n.nodeType == n.TEXT_NODE for n in found[0].childNodes), name + ' holds markup'\n"
      "    return ''.join(n.data for n in found[0].childNodes)\n"
      "def links(node):\n"
      "    return {l.getAttribute('rel'): l.getAttribute('href') for l in node.childNodes\n"
      "            if l.nodeType == l.ELEMENT_NODE and l.tagName == 'link'}\n"
      "entries = [{'id': text(e, 'id'), 'title': text(e, 'title'), 'updated': text(e, 'updated'),\n"
      "            'summary': text(e, 'summary'), 'links': links(e)} for e in feed.getElementsByTagName('entry')]\n"
      "print(json.dumps({'id': text(feed, 'id'), 'title': text(feed, 'title'), 'updated': text(feed, 'updated'),\n"
      "                  'links': links(feed), 'entries': entries}))\n",
      {file.string()}, scratch("feed.json"));
}

// The order of export and feed: newest decision first, undated last, equal dates by key.
bool in_export_order(const json& a, const json& b) {
  const std::string da = a["decision_date"].is_string() ? a["decision_date"].get<std::string>() : "";
  const std::string db = b["decision_date"].is_string() ? b["decision_date"].get<std::string>() : "";
  if (da != db) return da > db;
  return a["key"].get<std::string>() < b["key"].get<std::string>();
}

std::vector<std::string> keys_in_export_order(std::vector<json> hits) {
  std::ranges::sort(hits, in_export_order);
  std::vector<std::string> keys;
  for (const json& h : hits) keys.push_back(h["key"]);
  return keys;
}

const std::vector<std::pair<std::string, std::vector<std::string>>> kSearches{
    {"", {}}, {"pain", {}}, {"", {"license_state:CA"}}, {"acupuncture", {"outcome:overturned"}}};

}  // namespace

TEST_CASE("stats by month and by year sum to the items of the search's letters") {
  for (const auto& [q, filters] : kSearches) {
    const std::string query = query_string(q, filters);
    CAPTURE(query);
    const Counts items = items_of(all_hits(query));
    REQUIRE(items.items > 0);
    const json by_month = server().get_json("/api/stats?by=decision_month&" + query);
    const json by_year = server().get_json("/api/stats?by=decision_year&" + query);
    CHECK(stats_total(by_month) == items);
    CHECK(stats_total(by_year) == items);
    CHECK(by_month["missing"] == by_year["missing"]);
    // Each year is the sum of its months, and both come oldest first.
    std::map<std::string, Counts> months_per_year;
    std::string previous;
    for (const json& row : by_month["rows"]) {
      const std::string month = row["value"];
      CHECK(month.size() == 7);
      CHECK(previous < month);
      previous = month;
      months_per_year[month.substr(0, 4)].add(row);
    }
    previous.clear();
    for (const json& row : by_year["rows"]) {
      CHECK(previous < row["value"].get<std::string>());
      previous = row["value"];
      Counts year;
      year.add(row);
      CHECK(months_per_year[row["value"]] == year);
    }
    CHECK(months_per_year.size() == by_year["rows"].size());
  }
}

TEST_CASE("stats counts the items without a value as missing") {
  for (const auto& [q, filters] : kSearches) {
    const std::string query = query_string(q, filters);
    CAPTURE(query);
    Counts undated, without_drug;
    for (const json& hit : all_hits(query))
      for (const json& item : hit["items"]) {
        if (hit["decision_date"].is_null()) undated.add_item(item);
        if (item["drugs"].empty()) without_drug.add_item(item);
      }
    Counts missing_year, missing_drug;
    missing_year.add(server().get_json("/api/stats?by=decision_year&" + query)["missing"]);
    missing_drug.add(server().get_json("/api/stats?by=drug&" + query)["missing"]);
    CHECK(missing_year == undated);
    CHECK(missing_drug == without_drug);
  }
  // The undated letter written here is among them.
  CHECK(server().get_json("/api/stats?by=decision_month&q=case:CM99-0000043")["missing"]["items"] == 1);
}

TEST_CASE("stats pair rows sum to the rows of their first field") {
  // Dated letters only, so every item has a year.
  const std::string dated = "q=" + encoded("decided:1990..2099");
  for (const auto& [by, then] : std::vector<std::pair<std::string, std::string>>{
           {"drug", "decision_year"}, {"decision_year", "category"}, {"specialty", "decision_month"}}) {
    CAPTURE(by);
    const json single = server().get_json("/api/stats?by=" + by + "&" + dated);
    const json pairs = server().get_json("/api/stats?by=" + by + "&then=" + then + "&" + dated);
    CHECK(pairs["then"] == then);
    std::map<std::string, Counts> summed, expected;
    std::vector<std::string> order;
    for (const json& row : pairs["rows"]) {
      summed[row["value"]].add(row);
      if (order.empty() || order.back() != row["value"]) order.push_back(row["value"]);
    }
    std::vector<std::string> single_order;
    for (const json& row : single["rows"]) {
      expected[row["value"]].add(row);
      single_order.push_back(row["value"]);
    }
    CHECK(summed == expected);
    CHECK(order == single_order);  // the pairs of a value together, values in the by field's order
    CHECK(pairs["missing"] == single["missing"]);
  }
  CHECK(server().get_json("/api/stats?by=drug&then=colour", 400)["error"].get<std::string>().find("decision_month") !=
        std::string::npos);
}

TEST_CASE("stats rows carry the Wilson interval around their rate") {
  const json stats = server().get_json("/api/stats?by=category");
  REQUIRE_FALSE(stats["rows"].empty());
  for (const json& row : stats["rows"]) {
    const double rate = row["overturn_rate"], low = row["rate_low"], high = row["rate_high"];
    CHECK(low <= rate);
    CHECK(rate <= high);
    CHECK(0.0 <= low);
    CHECK(high <= 1.0);
    CHECK(low < high);
  }
}

TEST_CASE("export csv has one parsable row per item of every matching letter in date order") {
  for (const auto& [q, filters] : kSearches) {
    const std::string query = query_string(q, filters);
    CAPTURE(query);
    const std::vector<json> hits = all_hits(query);
    auto res = get("/api/export?" + query);
    REQUIRE(res);
    REQUIRE(res->status == 200);
    CHECK(res->get_header_value("Content-Type") == "text/csv; charset=utf-8");
    CHECK(res->get_header_value("Content-Disposition") == "attachment; filename=\"imr-export.csv\"");
    CHECK(res->get_header_value("X-Total-Count") == std::to_string(hits.size()));
    const json rows = csv_rows(res->body);
    REQUIRE(rows.size() >= 1);
    CHECK(rows[0] == json{"key", "case_number", "decision_date", "injury_date", "specialty", "license_states",
                          "treatment", "drugs", "drug_class", "category", "decision", "guidelines"});
    CHECK(rows.size() - 1 == items_of(hits).items);
    // The rows, letter by letter, are the hits' items in export order.
    std::vector<std::string> row_keys;
    for (std::size_t i = 1; i < rows.size(); ++i) {
      CHECK(rows[i].size() == 12);
      if (row_keys.empty() || row_keys.back() != rows[i][0]) row_keys.push_back(rows[i][0]);
    }
    std::vector<std::string> expected_keys;
    for (const std::string& key : keys_in_export_order(hits)) {
      const auto hit = std::ranges::find_if(hits, [&](const json& h) { return h["key"] == key; });
      if (!(*hit)["items"].empty()) expected_keys.push_back(key);
    }
    CHECK(row_keys == expected_keys);
  }
}

TEST_CASE("export csv fields round-trip quotes commas and markup") {
  const json rows = csv_rows(body_of("/api/export?q=case:" + kMarkupCase, "text/csv; charset=utf-8"));
  REQUIRE(rows.size() == 2);
  const json hit = server().get_json("/api/search?q=case:" + kMarkupCase)["hits"][0];
  const json& row = rows[1];
  CHECK(row[0] == hit["key"]);
  CHECK(row[1] == kMarkupCase);
  CHECK(row[2] == "2019-12-30");
  CHECK(row[6] == kMarkupTreatment);
  CHECK(row[6] == hit["items"][0]["treatment"]);
  CHECK(row[9] == "acupuncture");
  CHECK(row[10] == "overturned");
}

TEST_CASE("export jsonl lines are the records of api doc") {
  const std::string body = body_of("/api/export?format=jsonl", "application/x-ndjson");
  const std::size_t total = server().get_json("/api/search?per_page=1")["total"];
  REQUIRE(total > 512);  // more than one chunk
  std::size_t lines = 0, start = 0;
  std::set<std::string> keys;
  while (start < body.size()) {
    const std::size_t end = body.find('\n', start);
    REQUIRE(end != std::string::npos);
    const json line = json::parse(body.substr(start, end - start));
    start = end + 1;
    ++lines;
    json doc = server().get_json("/api/doc/" + encoded(line["key"].get<std::string>()));
    doc.erase("html");
    CHECK(line == doc);
    CHECK(keys.insert(line["key"]).second);
  }
  CHECK(lines == total);
}

TEST_CASE("export and feed answer a bad query filter or format with a 400 before streaming") {
  for (const std::string path : {"/api/export?filter=colour:red", "/api/export?filter=drug", "/api/export?q=%22soma",
                                 "/api/export?format=xml", "/api/feed?filter=colour:red", "/api/feed?q=(unclosed"}) {
    CAPTURE(path);
    auto res = get(path);
    REQUIRE(res);
    CHECK(res->status == 400);
    CHECK(res->get_header_value("Content-Type").starts_with("application/json"));
    CHECK(json::parse(res->body)["error"].is_string());
  }
}

TEST_CASE("feed is valid Atom with the newest dated letters first") {
  const std::string body =
      body_of("/api/feed?filter=" + encoded("license_state:CA"), "application/atom+xml; charset=utf-8");
  const json feed = feed_of(body);
  const std::vector<json> hits = all_hits(query_string("", {"license_state:CA"}));
  std::vector<json> dated;
  std::ranges::copy_if(hits, std::back_inserter(dated), [](const json& h) { return h["decision_date"].is_string(); });
  const std::vector<std::string> order = keys_in_export_order(dated);
  const json& entries = feed["entries"];
  REQUIRE(dated.size() > 50);
  REQUIRE(entries.size() == 50);
  const std::string base = "http://127.0.0.1:" + std::to_string(server().port());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    CAPTURE(i);
    const json& e = entries[i];
    CHECK(e["links"]["alternate"] == base + "/?doc=" + order[i]);
    CHECK(e["id"] == "urn:imrsearch:letter:" + order[i]);
    if (i > 0) CHECK(entries[i - 1]["updated"].get<std::string>() >= e["updated"].get<std::string>());
  }
  const auto newest = std::ranges::find_if(dated, [&](const json& h) { return h["key"] == order[0]; });
  CHECK(entries[0]["updated"] == (*newest)["decision_date"].get<std::string>() + "T00:00:00Z");
  CHECK(feed["updated"] == entries[0]["updated"]);
  CHECK(feed["links"]["self"] == base + "/api/feed?filter=license_state%3ACA");
  CHECK(feed["id"].get<std::string>().find("filter=license_state%3ACA") != std::string::npos);
}

TEST_CASE("feed escapes a letter's markup and leaves out undated letters") {
  const std::string body = body_of("/api/feed?q=onerror", "application/atom+xml; charset=utf-8");
  CHECK(body.find("<img") == std::string::npos);
  const json feed = feed_of(body);
  const auto markup = std::ranges::find_if(
      feed["entries"], [](const json& e) { return e["title"].get<std::string>().starts_with(kMarkupCase); });
  REQUIRE(markup != feed["entries"].end());
  CHECK((*markup)["title"] == kMarkupCase + ": " + kMarkupTreatment);
  CHECK((*markup)["summary"] == "Overturned: " + kMarkupTreatment);
  CHECK((*markup)["updated"] == "2019-12-30T00:00:00Z");
  CHECK(server().get_json("/api/search?q=case:CM99-0000043")["total"] == 1);
  CHECK(feed_of(body_of("/api/feed?q=case:CM99-0000043", "application/atom+xml; charset=utf-8"))["entries"].empty());
}

TEST_CASE("feed links use the public url when given and never a Host header with markup") {
  imr::test::SearchServer public_server(fixture().dir / "index", fixture().dir / "public.log",
                                        {"--host", "127.0.0.1", "--public-url", "https://imr.example.org/"});
  auto res = public_server.client().Get("/api/feed?q=onerror");
  REQUIRE(res);
  REQUIRE(res->status == 200);
  const json feed = feed_of(res->body);
  REQUIRE(feed["entries"].size() == 1);
  CHECK(feed["entries"][0]["links"]["alternate"].get<std::string>().starts_with("https://imr.example.org/?doc="));
  CHECK(feed["links"]["self"] == "https://imr.example.org/api/feed?q=onerror");

  auto forged = server().client().Get("/api/feed?q=onerror", {{"Host", "evil.example\"><b>x</b>"}});
  REQUIRE(forged);
  REQUIRE(forged->status == 200);
  const std::string self = feed_of(forged->body)["links"]["self"];
  CHECK(self == "http://127.0.0.1:" + std::to_string(server().port()) + "/api/feed?q=onerror");
}
