// /api/feed: the newest matching letters as an Atom 1.0 feed (RFC 4287), for
// feed readers and scripts watching a saved search.
#include <cctype>
#include <ctime>
#include <string>
#include <string_view>
#include <vector>

#include "imr/api/handlers.h"
#include "imr/collector/letter_order.h"
#include "imr/schema/letter_identity.h"
#include "imr/schema/stored_letter.h"
#include "imr/schema/text.h"
#include "search_input.h"

namespace imr::searcher {
namespace {

constexpr std::size_t kFeedEntries = 50;
constexpr std::size_t kTitleBytes = 140;

// The length of the valid UTF-8 sequence at s[i], or 0.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  const std::size_t n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  return n;
}

// Text as XML character data: markup escaped, and what XML 1.0 cannot hold at
// all (control characters, invalid UTF-8) left out, so a letter's bytes can
// never break the feed.
std::string xml_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = utf8_length(s, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      ++i;
      continue;
    }
    const char c = s[i];
    if (n > 1)
      out.append(s.substr(i, n));
    else if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '"')
      out += "&quot;";
    else if (c == '\'')
      out += "&#39;";
    else if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r')
      out += c;
    i += n;
  }
  return out;
}

// A query-string component, percent-encoded (RFC 3986 unreserved characters kept).
std::string url_component(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : s) {
    const auto b = static_cast<unsigned char>(c);
    if (std::isalnum(b) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[b >> 4];
      out += kHex[b & 15];
    }
  }
  return out;
}

// "q=...&filter=...": the search the feed follows, as the page writes it.
std::string search_query_string(const Request& request) {
  std::vector<std::string> parts;
  if (const std::string q = request.param("q"); !q.empty()) parts.push_back("q=" + url_component(q));
  for (const std::string& f : request.all("filter")) parts.push_back("filter=" + url_component(f));
  return text::join(parts, "&");
}

// At most max_bytes, cut at a character boundary, with an ellipsis when cut.
std::string shortened(std::string_view s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return std::string(s);
  std::size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return std::string(text::trim(s.substr(0, end))) + "\xE2\x80\xA6";
}

std::string capitalised(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

std::string entry_title(const schema::Record& r, std::string_view key) {
  std::vector<std::string_view> treatments;
  for (const schema::Item& item : r.items) treatments.push_back(item.treatment);
  const std::string name = r.case_number.value_or(std::string(key));
  return shortened(treatments.empty() ? name : name + ": " + text::join(treatments, "; "), kTitleBytes);
}

// "Upheld: tramadol 50mg #60; Overturned: physical therapy x6"
std::string entry_summary(const schema::Record& r) {
  std::vector<std::string> decisions;
  for (const schema::Item& item : r.items) decisions.push_back(capitalised(item.decision) + ": " + item.treatment);
  return decisions.empty() ? "No decided items" : text::join(decisions, "; ");
}

std::string rfc3339(std::string_view date) { return std::string(date.substr(0, 10)) + "T00:00:00Z"; }

void add_entry(std::string& xml, const Xapian::Document& doc, const std::string& base,
               schema::LetterDictionaries& dictionaries) {
  const schema::Record r = schema::decode_stored_letter(doc.get_data(), dictionaries).record;
  const std::string key = schema::key_of(doc);
  xml += "  <entry>\n";
  xml += "    <id>urn:imrsearch:letter:" + xml_text(url_component(key)) + "</id>\n";
  xml += "    <title>" + xml_text(entry_title(r, key)) + "</title>\n";
  xml += "    <updated>" + xml_text(rfc3339(r.dates.decision.value_or(""))) + "</updated>\n";
  xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + xml_text(base + "/?doc=" + url_component(key)) +
         "\"/>\n";
  xml += "    <summary>" + xml_text(entry_summary(r)) + "</summary>\n";
  xml += "  </entry>\n";
}

std::string feed_title(const Request& request) {
  std::vector<std::string> parts;
  if (const std::string q = request.param("q"); !q.empty()) parts.push_back("\"" + q + "\"");
  for (const std::string& f : request.all("filter")) parts.push_back(f);
  return "IMR decisions" + (parts.empty() ? std::string() : ": " + text::join(parts, ", "));
}

}  // namespace

Response feed(SearchContext& ctx, const Request& request) {
  const auto start = Clock::now();
  const SearchInput in = read_input(ctx, request);
  const std::shared_ptr<const FacetColumns> columns = ctx.facet_columns();
  const std::vector<Xapian::docid> newest =
      letters_by_date(ctx.db(), in.query.query, in.filters, *columns, {.dated_only = true, .limit = kFeedEntries},
                      ctx.deadline_from(start));
  std::vector<Xapian::Document> docs;
  for (const Xapian::docid d : newest) docs.push_back(ctx.db().get_document(d));
  // The newest entry's date: the feed changes exactly when a newer letter arrives.
  const std::string updated = docs.empty() ? text::utc_timestamp(std::time(nullptr))
                                           : rfc3339(docs.front().get_value(schema::slot::decision_date));
  const std::string query = search_query_string(request);
  const std::string& base = request.base_url;
  std::string xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  xml += "  <id>urn:imrsearch:feed:" + xml_text(query.empty() ? "all" : query) + "</id>\n";
  xml += "  <title>" + xml_text(shortened(feed_title(request), 200)) + "</title>\n";
  xml += "  <updated>" + xml_text(updated) + "</updated>\n";
  xml += "  <author><name>imrsearch</name></author>\n";
  xml += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" +
         xml_text(base + "/api/feed" + (query.empty() ? "" : "?" + query)) + "\"/>\n";
  xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"" +
         xml_text(base + "/" + (query.empty() ? "" : "?" + query)) + "\"/>\n";
  for (const Xapian::Document& doc : docs) add_entry(xml, doc, base, ctx.letter_dictionaries());
  xml += "</feed>\n";
  Response r;
  r.content_type = "application/atom+xml; charset=utf-8";
  r.text = std::move(xml);
  return r;
}

}  // namespace imr::searcher
