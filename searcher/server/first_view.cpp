// first_view_requests() reads a page URL as web/state.js stateFromUrl() does
// and asks what its firstRequests() asks, parameters in the same order.
#include "first_view.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <optional>
#include <utility>

namespace imr::searcher {
namespace {

// The page's own choices (web/state.js).
constexpr unsigned kPerPage = 20;
constexpr std::string_view kAnyDecisionDate = "decided:1000..";
constexpr std::array<std::string_view, 3> kSorts{"relevance", "date_desc", "date_asc"};
constexpr std::array<std::string_view, 2> kViews{"results", "analytics"};
constexpr std::array<std::string_view, 6> kStatsBy{"drug",      "drug_class", "category",
                                                   "guideline", "specialty",  "license_state"};
constexpr std::array<std::string_view, 2> kStatsTime{"decision_year", "decision_month"};

constexpr std::string_view kBlockStart = "<script id=\"first-answers\" type=\"application/json\">";

using Params = std::vector<std::pair<std::string, std::string>>;

template <std::size_t N>
std::string one_of(const std::string& value, const std::array<std::string_view, N>& allowed,
                   std::string_view fallback) {
  return std::ranges::find(allowed, value) != allowed.end() ? value : std::string(fallback);
}

bool is_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (i != 4 && i != 7 && !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

// FROM..TO with either end left out, not both; else none.
std::string range_of(const std::string& value) {
  const std::size_t dots = value.find("..");
  if (dots == std::string::npos || value == "..") return {};
  const std::string_view from = std::string_view(value).substr(0, dots);
  const std::string_view to = std::string_view(value).substr(dots + 2);
  return (from.empty() || is_date(from)) && (to.empty() || is_date(to)) ? value : std::string();
}

struct PageState {
  std::string q;
  std::vector<std::string> filters;
  unsigned page = 1;
  std::string sort, view, by, time, decided, injured, undated;
};

// Only a page number written as plain digits (or none) is read: any other
// spelling the page reads its own way, so it asks for itself.
std::optional<PageState> state_of(const Request& url) {
  PageState s;
  const std::string page = url.param("page", "1");
  unsigned long number = 0;
  const auto [end, ec] = std::from_chars(page.data(), page.data() + page.size(), number);
  if (ec != std::errc() || end != page.data() + page.size() || number > 1'000'000) return std::nullopt;
  s.page = number > 0 ? static_cast<unsigned>(number) : 1;
  s.q = url.param("q");
  for (const std::string& f : url.all("filter"))
    if (f.find(':') != std::string::npos) s.filters.push_back(f);
  s.sort = one_of(url.param("sort"), kSorts, "relevance");
  s.view = one_of(url.param("view"), kViews, "");
  s.by = one_of(url.param("by"), kStatsBy, "drug");
  s.time = one_of(url.param("time"), kStatsTime, "decision_year");
  s.decided = range_of(url.param("decided"));
  s.injured = range_of(url.param("injured"));
  s.undated = url.param("undated") == "include" ? "include" : "";
  return s;
}

bool nothing_asked(const PageState& s) {
  return s.q.empty() && s.filters.empty() && s.decided.empty() && s.injured.empty();
}

std::string view_of(const PageState& s) {
  if (!s.view.empty()) return s.view;
  return nothing_asked(s) && s.page == 1 && s.sort == "relevance" ? "analytics" : "results";
}

std::string date_clauses(const PageState& s) {
  std::string clauses;
  if (!s.decided.empty()) {
    const std::string range = "decided:" + s.decided;
    clauses = s.undated == "include" ? "(" + range + " OR NOT " + std::string(kAnyDecisionDate) + ")" : range;
  }
  if (!s.injured.empty()) clauses += (clauses.empty() ? "" : " ") + ("injury:" + s.injured);
  return clauses;
}

std::string api_query(const PageState& s) {
  const std::string dates = date_clauses(s);
  if (dates.empty()) return s.q;
  return s.q.empty() ? dates : "(" + s.q + ") " + dates;
}

Params api_params(const PageState& s) {
  Params params;
  if (const std::string q = api_query(s); !q.empty()) params.emplace_back("q", q);
  for (const std::string& f : s.filters) params.emplace_back("filter", f);
  return params;
}

// As URLSearchParams writes a value, but every byte outside A-Z a-z 0-9 and
// "-._~" escaped: the page reads the URL back through URLSearchParams.
std::string encoded(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : s) {
    const auto b = static_cast<unsigned char>(c);
    if (std::isalnum(b) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[b >> 4];
      out += kHex[b & 15];
    }
  }
  return out;
}

ApiCall call(std::string path, const Params& params) {
  ApiCall c{std::move(path), {}, {}};
  c.url = c.path;
  for (std::size_t i = 0; i < params.size(); ++i) {
    c.url += (i == 0 ? "?" : "&") + encoded(params[i].first) + "=" + encoded(params[i].second);
    c.request.params.emplace(params[i]);
  }
  return c;
}

ApiCall search_call(const PageState& s) {
  Params params = api_params(s);
  params.emplace_back("per_page", view_of(s) != "analytics" ? std::to_string(kPerPage) : "0");
  params.emplace_back("page", std::to_string(s.page));
  if (s.sort != "relevance") params.emplace_back("sort", s.sort);
  return call("/api/search", params);
}

ApiCall stats_call(const PageState& s, const std::string& by) {
  Params params = api_params(s);
  params.emplace_back("by", by);
  return call("/api/stats", params);
}

// The count of letters without a decision date beside a decision range.
ApiCall undated_call(const PageState& s) {
  PageState without = s;
  without.decided.clear();
  without.undated.clear();
  Params params = api_params(without);
  const std::string none = "NOT " + std::string(kAnyDecisionDate);
  const auto q = std::ranges::find(params, std::string("q"), &Params::value_type::first);
  if (q != params.end())
    q->second = "(" + q->second + ") " + none;
  else
    params.emplace_back("q", none);  // URLSearchParams.set appends a parameter it did not hold
  params.emplace_back("per_page", "0");
  return call("/api/search", params);
}

// JSON text that can sit in an HTML script element: these three only occur
// inside strings, where their escapes mean the same.
std::string inert_json(const nlohmann::json& value) {
  const std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == '<')
      out += "\\u003c";
    else if (c == '>')
      out += "\\u003e";
    else if (c == '&')
      out += "\\u0026";
    else
      out += c;
  }
  return out;
}

}  // namespace

std::vector<ApiCall> first_view_requests(const Request& page) {
  const std::optional<PageState> s = state_of(page);
  if (!s || !page.param("doc").empty()) return {};
  std::vector<ApiCall> calls{search_call(*s)};
  if (view_of(*s) == "analytics") {
    calls.push_back(stats_call(*s, s->by));
    calls.push_back(stats_call(*s, s->time));
  }
  if (!s->decided.empty()) calls.push_back(undated_call(*s));
  return calls;
}

std::string with_first_answers(std::string page, const nlohmann::json& answers) {
  const std::size_t at = page.find(kBlockStart);
  if (at == std::string::npos || answers.empty()) return page;
  page.insert(at + kBlockStart.size(), inert_json(answers));
  return page;
}

}  // namespace imr::searcher
