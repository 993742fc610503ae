// Scanned by hand, not by regex: it runs over every summary, however long.
#include "summary_requests.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "text_util.h"

namespace imr::indexer::parsing {
namespace {

// An enumeration starts soon after the word "request", in the same sentence
// ("is requesting for (a)"), and its markers follow each other within a
// treatment's length or two.
constexpr std::size_t kLeadBytes = 120;
constexpr std::size_t kGapBytes = 400;
constexpr std::size_t kMaxMarkers = 26;

bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// "(a)" .. "(z)" or "1)" / "(1)" .. "26)": the k-th marker (from 0) of either form.
std::string marker(bool letters, std::size_t k) {
  if (letters) return std::string("(") + static_cast<char>('a' + k) + ")";
  return std::to_string(k + 1) + ")";
}

// Where the k-th marker is in lower-case text at or after from, ending before
// limit: every search is bounded, so many "request"s stay linear.
std::size_t find_marker(std::string_view text, bool letters, std::size_t k, std::size_t from, std::size_t limit) {
  const std::string m = marker(letters, k);
  const std::string_view window = text.substr(0, std::min(limit, text.size()));
  for (std::size_t at = window.find(m, from); at != std::string_view::npos; at = window.find(m, at + 1))
    if (letters || at == 0 || !is_alnum(text[at - 1])) return at;  // "11)" is not "1)"
  return std::string_view::npos;
}

// The markers of one form in a row from the first one, at first.
std::size_t enumeration_from(std::string_view text, bool letters, std::size_t first) {
  // A second list (the UR's reasons, item by item) begins at the next first marker.
  const std::size_t restart = find_marker(text, letters, 0, first + 1, first + kMaxMarkers * kGapBytes);
  std::size_t count = 1;
  for (std::size_t prev = first; count < kMaxMarkers; ++count) {
    const std::size_t next = find_marker(text, letters, count, prev + 1, std::min(prev + kGapBytes, restart));
    if (next == std::string_view::npos) break;
    prev = next;
  }
  return count;
}

constexpr std::array<std::string_view, 9> kPluralLeads{"the",   "these", "both",    "all",     "two",
                                                       "three", "four",  "several", "multiple"};

// "denied the requests", "the requests were denied"; not "the requests for
// authorization", which are forms, not treatments.
bool plural_at(std::string_view text, std::size_t at) {
  const std::string_view after = text.substr(at + std::string_view("requests").size());
  if (!after.empty() && is_alnum(after.front())) return false;
  if (trim(after).starts_with("for authorization")) return false;
  const std::string_view before = trim(text.substr(0, at));
  const std::size_t space = before.find_last_of(' ');
  const std::string_view word = space == std::string_view::npos ? before : before.substr(space + 1);
  return std::ranges::find(kPluralLeads, word) != kPluralLeads.end();
}

}  // namespace

SummaryRequests summary_requests(std::string_view summary) {
  const std::string text = lower(summary);
  SummaryRequests out;
  // Several "request"s before one list find the same first marker: it is counted once.
  std::array<std::size_t, 2> counted{std::string::npos, std::string::npos};
  for (std::size_t at = text.find("request"); at != std::string::npos; at = text.find("request", at + 1)) {
    if (at > 0 && is_alnum(text[at - 1])) continue;
    for (const bool letters : {true, false}) {
      const std::size_t first = find_marker(text, letters, 0, at, at + kLeadBytes);
      if (first == std::string::npos || first == counted[letters]) continue;
      if (std::string_view(text).substr(at, first - at).find(". ") != std::string_view::npos) continue;
      counted[letters] = first;
      if (const std::size_t n = enumeration_from(text, letters, first); n >= 2)
        out.listed = std::max(out.listed.value_or(0), n);
    }
    out.several = out.several || (text.compare(at, 8, "requests") == 0 && plural_at(text, at));
  }
  return out;
}

}  // namespace imr::indexer::parsing
