// join_pages: page numbers by their shape, running headers and footers by
// repetition across pages in the top and bottom lines of each page.
// split_at_page_numbers: the page breaks of text that lost its form feeds.
#include "page_furniture.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "line_tidy.h"
#include "line_unwrapper.h"
#include "text_lines.h"

namespace imr::indexer::reader {
namespace {

// Narrower texts are not wrapped letters: their widest line says nothing.
constexpr std::size_t kMinWrapWidth = 60;
// How many non-empty lines at each end of a page may be a header or footer.
constexpr std::size_t kFurnitureZone = 3;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// "Page 2 of 5", "page 2", "2 of 5", "2/5", "- 2 -", "2" (after tidy_line).
bool is_page_number(std::string_view line) {
  std::array<char, 24> lowered{};  // the longest form, "page 9999 of 9999", fits
  if (line.size() > lowered.size()) return false;
  std::ranges::transform(line, lowered.begin(), lower);
  std::string_view t(lowered.data(), line.size());
  if (t.size() > 4 && t.starts_with("page")) {
    t.remove_prefix(4);
    if (t.starts_with(' ')) t.remove_prefix(1);
    if (t.empty()) return false;
  }
  if (t.starts_with("- ") && t.ends_with(" -") && t.size() > 4) t = t.substr(2, t.size() - 4);
  std::size_t i = 0;
  const auto digits = [&] {
    const std::size_t from = i;
    while (i < t.size() && is_digit(t[i])) ++i;
    return i > from && i - from <= 4;
  };
  if (!digits()) return false;
  if (i == t.size()) return true;
  for (std::string_view sep : {" of ", "/", " / "}) {
    if (t.substr(i).starts_with(sep)) {
      i += sep.size();
      return digits() && i == t.size();
    }
  }
  return false;
}

// "CM16-0123456" (after tidy_line): a case number alone.
bool is_case_number(std::string_view line) {
  constexpr std::size_t kMinDigits = 5, kMaxDigits = 8;
  if (line.size() < 5 + kMinDigits || line.size() > 5 + kMaxDigits || !line.starts_with("CM")) return false;
  if (!is_digit(line[2]) || !is_digit(line[3]) || line[4] != '-') return false;
  return std::ranges::all_of(line.substr(5), is_digit);
}

// "Page 2 of 5" (after tidy_line) as {2, 5}; nothing for any other line.
// Only this explicit form marks a page break: a bare number may be anything.
std::optional<std::pair<int, int>> page_n_of_m(std::string_view t) {
  // is_page_number checks the whole form ("of" or "/" between the numbers);
  // what is left is to read the first and the last run of digits.
  if (t.size() < 8 || (t[0] != 'P' && t[0] != 'p') || t[4] != ' ' || !is_page_number(t)) return std::nullopt;
  const std::size_t first_end = t.find_first_not_of("0123456789", 5);
  const std::size_t last_start = t.find_last_not_of("0123456789") + 1;
  if (first_end == std::string_view::npos || last_start <= first_end) return std::nullopt;  // "Page 12"
  const auto number = [](std::string_view digits) {
    int n = 0;
    for (const char c : digits) n = n * 10 + (c - '0');
    return n;
  };
  return std::pair{number(t.substr(5, first_end - 5)), number(t.substr(last_start))};
}

// Lines longer than this print more than a page's furniture.
constexpr std::size_t kMaxFurnitureLine = 120;
// Fewer non-blank lines than this between two repeats of a line are no page.
constexpr std::size_t kMinPageLines = 5;

// "Page 2 of 5" alone, or at either end of a running line beside other
// furniture ("MAXIMUS FEDERAL SERVICES, INC.   Page 2 of 5", "Page 2 of 5 | CM16-0123456").
std::optional<std::pair<int, int>> page_mark(std::string_view t) {
  if (const auto alone = page_n_of_m(t)) return alone;
  if (t.size() > kMaxFurnitureLine) return std::nullopt;
  for (std::size_t at = t.find(" Page "); at != std::string_view::npos; at = t.find(" Page ", at + 1))
    if (const auto tail = page_n_of_m(t.substr(at + 1))) return tail;
  std::size_t end = 0;  // after the fourth word: "Page", "2", "of", "5"
  for (int word = 0; word < 4 && end != std::string_view::npos; ++word) end = t.find(' ', end + 1);
  return end == std::string_view::npos ? std::nullopt : page_n_of_m(t.substr(0, end));
}

bool ends_sentence(std::string_view text) {
  return !text.empty() && std::string_view(".!?:;\")]").find(text.back()) != std::string_view::npos;
}

// Headers repeat with their numbers changed ("Page 2", dates): compare shapes.
std::string shape_of(std::string_view tidy) {
  std::string key;
  for (const char c : tidy) key += is_digit(c) ? '#' : lower(c);
  return key;
}

// Where on its page a line is: among the first or the last non-empty lines
// (both on a short page), or neither.
enum Zone : unsigned char { kBody = 0, kTop = 1, kBottom = 2 };

struct Page {
  std::vector<std::string_view> lines;  // as written: the unwrapper reads their spacing
  std::vector<unsigned char> zone;      // Zone bits per line
};

// A line that goes on with the sentence above it ("...is not medically" /
// "necessary and appropriate.") is text, however many pages end with it.
bool continues_sentence(const Page& page, std::size_t i) {
  const std::string tidy = tidy_line(page.lines[i]);
  if (tidy.empty() || tidy[0] < 'a' || tidy[0] > 'z') return false;
  for (std::size_t above = i; above-- > 0;) {
    const std::string line = tidy_line(page.lines[above]);
    if (!line.empty()) return !ends_sentence(line);
  }
  return false;
}

Page read_page(std::string_view text) {
  Page page{split_lines(text), {}};
  page.zone.assign(page.lines.size(), kBody);
  std::size_t seen = 0;
  for (std::size_t i = 0; i < page.lines.size() && seen < kFurnitureZone; ++i)
    if (!is_blank_line(page.lines[i])) page.zone[i] |= kTop, ++seen;
  seen = 0;
  for (std::size_t i = page.lines.size(); i-- > 0 && seen < kFurnitureZone;)
    if (!is_blank_line(page.lines[i])) page.zone[i] |= kBottom, ++seen;
  return page;
}

// A shape as running in one zone: a header repeats at the top of pages, a
// footer at the bottom. (A citation that ends one page and is quoted again
// at the top of the next is neither.)
std::string zoned(unsigned char zone, const std::string& shape) { return static_cast<char>('0' + zone) + shape; }

// Shapes found in the same zone of at least two pages and of half the pages.
std::unordered_set<std::string> running_lines(const std::vector<Page>& pages) {
  std::unordered_map<std::string, std::size_t> pages_with;
  for (const Page& page : pages) {
    std::unordered_set<std::string> shapes;
    for (std::size_t i = 0; i < page.lines.size(); ++i) {
      if (page.zone[i] == kBody) continue;
      const std::string shape = shape_of(tidy_line(page.lines[i]));
      for (const Zone z : {kTop, kBottom})
        if (page.zone[i] & z) shapes.insert(zoned(z, shape));
    }
    for (const std::string& shape : shapes) ++pages_with[shape];
  }
  std::unordered_set<std::string> running;
  for (const auto& [shape, count] : pages_with)
    if (count >= 2 && count * 2 >= pages.size()) running.insert(shape);
  return running;
}

// The longest line of the text: where it was wrapped, about the wrap width.
std::size_t widest_line(const std::vector<Page>& pages) {
  std::size_t widest = 0;
  for (const Page& page : pages)
    for (const std::string_view line : page.lines) widest = std::max(widest, tidy_line(line).size());
  return widest;
}

// What ends a paragraph where two pages meet: what ends one in the text.
// Double spacing marks it with a line of spaces (an empty line follows
// every line there), or, without such lines, with one empty line more than
// follows each line.
std::string paragraph_end(const std::vector<Page>& pages) {
  // Spaces only: a form feed left at a page's end is no paragraph mark.
  const auto spaces_only = [](std::string_view line) {
    return !line.empty() && line.find_first_not_of(" \t") == std::string_view::npos;
  };
  std::vector<std::string_view> lines;
  for (const Page& page : pages) lines.insert(lines.end(), page.lines.begin(), page.lines.end());
  if (line_style_of(lines) != LineStyle::double_spaced) return "\n\n";
  return std::ranges::any_of(lines, spaces_only) ? "\n \n" : std::string(line_gap(lines) + 2, '\n');
}

std::string_view first_word(std::string_view line) {
  const std::size_t start = line.find_first_not_of(" \t");
  if (start == std::string_view::npos) return {};
  const std::size_t end = line.find_first_of(" \t", start);
  return line.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

// "2)", "2.", "(2)": the number of a list entry or item.
bool is_enumerator(std::string_view word) {
  if (word.starts_with('(')) word.remove_prefix(1);
  std::size_t digits = 0;
  while (digits < word.size() && is_digit(word[digits])) ++digits;
  return digits > 0 && digits + 1 == word.size() && (word.back() == ')' || word.back() == '.');
}

// "QTY:", "Quantity:", "#:": a label names its value in capitals or a sign;
// prose that a colon ends ("set forth below:") ends in a lower-case word.
bool ends_with_label(std::string_view line) {
  line.remove_suffix(1);
  const std::size_t space = line.find_last_of(" \t");
  const std::string_view word = space == std::string_view::npos ? line : line.substr(space + 1);
  return !word.empty() && !(word.front() >= 'a' && word.front() <= 'z');
}

bool starts_upper(std::string_view text) {
  const std::size_t start = text.find_first_not_of(" \t");
  return start != std::string_view::npos && text[start] >= 'A' && text[start] <= 'Z';
}

class PageJoiner {
 public:
  PageJoiner(const std::vector<Page>& pages, const layout::LetterLabels& labels)
      : multi_page_(pages.size() > 1),
        running_(multi_page_ ? running_lines(pages) : std::unordered_set<std::string>{}),
        labels_(labels),
        width_(widest_line(pages)),
        paragraph_end_(paragraph_end(pages)) {}

  void add(const Page& page) {
    const std::vector<bool> furniture = furniture_of(page, !out_.empty());
    std::vector<std::string_view> kept;
    for (std::size_t i = 0; i < page.lines.size(); ++i)
      if (!furniture[i]) kept.push_back(page.lines[i]);
    std::size_t first = 0;
    std::size_t last = kept.size();
    while (first < last && is_blank_line(kept[first])) ++first;
    while (last > first && is_blank_line(kept[last - 1])) --last;
    if (first == last) return;
    if (!out_.empty()) out_ += runs_on(kept[first]) ? "\n" : paragraph_end_;
    for (std::size_t i = first; i < last; ++i) {
      if (i > first) out_ += '\n';
      out_ += kept[i];
    }
    last_line_ = tidy_line(kept[last - 1]);
  }

  std::string take() { return std::move(out_); }

 private:
  // A page that ends mid-sentence or at a label whose value opens the next
  // page runs on into the next, and so does one whose last line is full
  // (the next page's first word would not have fit), unless the next page
  // opens with an item's number ("2) Regarding ...").
  bool runs_on(std::string_view next_line) const {
    const std::string_view word = first_word(next_line);
    // An item's number opens a paragraph even after a citation without a stop.
    if (is_enumerator(word) && starts_upper(next_line.substr(next_line.find(word) + word.size()))) return false;
    if (!ends_sentence(last_line_)) return true;
    // After a colon only a label's value runs on ("Suboxone 8/2mg QTY:" /
    // "60.00: Overturned"); a heading ("Regarding the request for X:") or a
    // sentence that introduces a list ("...set forth below:" / "6 sessions of
    // physical therapy: Overturned") is a paragraph of its own.
    if (last_line_.ends_with(':'))
      return ends_with_label(last_line_) && !word.empty() && is_digit(word.front()) && !is_enumerator(word);
    return width_ >= kMinWrapWidth && last_line_.size() + 1 + word.size() > width_ && !is_enumerator(word);
  }

  // Furniture runs from a page's edge inward: page numbers and running lines
  // with nothing else between them and the edge. A line repeated in the
  // zone but below some text (an item heading quoted again near the end) is
  // text. A bare number is a page number only where page numbers are printed.
  std::vector<bool> furniture_of(const Page& page, bool later_page) {
    std::vector<bool> out(page.lines.size(), false);
    const auto mark = [&](std::size_t i, Zone z) -> bool {
      const std::string tidy = tidy_line(page.lines[i]);
      if (tidy.empty()) return true;
      if (!(page.zone[i] & z)) return false;
      // The case number alone heads the pages after the first, even in a
      // letter too short for it to repeat; the first page prints it labelled.
      if ((is_page_number(tidy) || (is_case_number(tidy) && (later_page || z == kBottom))) && multi_page_) {
        out[i] = true;
        return true;
      }
      // An item's number opens a heading, never a header or footer ("2) Regarding ...");
      // a page that opens in lower case goes on with the page before.
      if (!running_.contains(zoned(z, shape_of(tidy))) || continues_sentence(page, i) ||
          is_enumerator(first_word(tidy)) || (z == kTop && tidy[0] >= 'a' && tidy[0] <= 'z'))
        return false;
      const auto label = labels_.match_at(tidy, 0);
      // An item's label ("Medical Treatment Guideline(s) Used by the Claims
      // Administrator: ...") opens a page by chance, never as its header.
      if (label && label->label->kind == layout::LabelKind::label) return false;
      out[i] = !(label && kept_once_.insert(shape_of(tidy)).second);
      return true;
    };
    for (std::size_t i = 0; i < page.lines.size() && mark(i, kTop); ++i) {
    }
    for (std::size_t i = page.lines.size(); i-- > 0 && mark(i, kBottom);) {
    }
    // "Page 2 of 5" is no text wherever it stands.
    for (std::size_t i = 0; i < page.lines.size(); ++i) {
      const std::string tidy = tidy_line(page.lines[i]);
      if (!tidy.empty() && lower(tidy[0]) == 'p' && is_page_number(tidy)) out[i] = true;
    }
    return out;
  }

  bool multi_page_;
  std::unordered_set<std::string> running_;
  const layout::LetterLabels& labels_;
  std::size_t width_;
  std::string paragraph_end_;
  std::unordered_set<std::string> kept_once_;
  std::string out_;
  std::string last_line_;
};

}  // namespace

std::vector<std::string> split_at_page_numbers(const std::string& text) {
  struct Mark {
    std::size_t begin, end;  // the line, without its newline
    int page, of;
    std::size_t lines_before;  // non-blank lines before it in the text
  };
  std::vector<Mark> marks;
  std::size_t lines = 0;
  for (const std::string_view line : split_lines(text)) {
    if (const auto n = page_mark(tidy_line(line))) {
      const auto begin = static_cast<std::size_t>(line.data() - text.data());
      marks.push_back({begin, begin + line.size(), n->first, n->second, lines});
    }
    lines += !is_blank_line(line);
  }
  if (marks.empty()) return {text};
  // Numbers at the top: "Page 1 of n" opens the text and more than a footer
  // follows the last one (a last page may be short).
  const bool headers = marks.front().page == 1 && marks.front().lines_before < kFurnitureZone &&
                       lines - marks.back().lines_before > kFurnitureZone + 1;
  // A footer's mark ends its page; the last page's ends the text, unless
  // the marks head the pages after the first ("Page 2 of 3" at the top of
  // page 2, none on page 1), where the last one opens a page with text below.
  const auto only_blank_after = [&](std::size_t at) {
    return std::ranges::all_of(std::string_view(text).substr(at),
                               [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f'; });
  };
  std::vector<std::string> pages;
  std::size_t start = 0;
  for (const Mark& m : marks) {
    if (headers && m.page == 1) continue;
    const std::size_t cut = headers ? m.begin : std::min(text.size(), m.end + 1);
    if (cut <= start || (!headers && only_blank_after(cut))) continue;
    pages.push_back(text.substr(start, cut - start));
    start = cut;
  }
  pages.push_back(text.substr(start));
  return pages;
}

namespace {

// A line that could be a letterhead or footer: short, of two words or more,
// each opening with a capital, a digit or a sign ("MAXIMUS FEDERAL SERVICES,
// INC.", "P.O. Box 138009, Sacramento, CA 95813-8009"), and no label or
// field (no colon). Prose and item lines have words in lower case.
bool is_furniture_like(std::string_view tidy, const layout::LetterLabels& labels) {
  if (tidy.size() > kMaxFurnitureLine || tidy.find(':') != std::string_view::npos || labels.match_at(tidy, 0))
    return false;
  std::size_t words = 0;
  bool letters = false;
  for (std::size_t at = 0; at < tidy.size(); ++at) {
    if (at > 0 && tidy[at - 1] != ' ') continue;
    if (tidy[at] >= 'a' && tidy[at] <= 'z') return false;
    ++words;
  }
  for (const char c : tidy) letters |= (c >= 'A' && c <= 'Z');
  return words >= 2 && letters;
}

bool has_lower_case(std::string_view text) {
  return std::ranges::any_of(text, [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace

std::vector<std::string> split_at_running_lines(const std::string& text, const layout::LetterLabels& labels) {
  // Letterheads repeat word for word, where two items' headings may differ
  // only in their numbers: lines are compared as printed.
  struct Line {
    std::string_view text;
    std::string tidy;
    std::size_t non_blank_before;
  };
  std::vector<Line> lines;
  std::unordered_map<std::string, std::size_t> count;
  std::unordered_set<std::string> in_capitals;
  std::size_t non_blank = 0;
  for (const std::string_view line : split_lines(text)) {
    lines.push_back({line, tidy_line(line), non_blank});
    const std::string& tidy = lines.back().tidy;
    non_blank += !tidy.empty();
    if (!is_furniture_like(tidy, labels)) continue;
    ++count[tidy];
    if (!has_lower_case(tidy)) in_capitals.insert(tidy);
  }
  // The running line: the line in capitals repeated most, at least twice and
  // a page apart each time. (A line of capitalised words may be a wrapped
  // line of a guideline's title repeated for every item: it only goes with a
  // running line, below it.)
  std::string running;
  std::size_t times = 0;
  for (const auto& [tidy, n] : count)
    if (n >= 2 && in_capitals.contains(tidy) && (n > times || (n == times && tidy < running)))
      running = tidy, times = n;
  if (running.empty()) return {text};
  // A line of prose in capitals (an item's name quoted in a sentence,
  // wrapped where its heading is) goes on with the sentence above it, right
  // above it or, in double-spaced text, with lower case going on below.
  const auto in_prose = [&](std::size_t i) {
    if (i > 0 && !lines[i - 1].tidy.empty() && !ends_sentence(lines[i - 1].tidy)) return true;
    std::size_t above = i, below = i + 1;
    while (above > 0 && lines[above - 1].tidy.empty()) --above;
    while (below < lines.size() && lines[below].tidy.empty()) ++below;
    if (above == 0 || below == lines.size()) return false;
    const std::string& next = lines[below].tidy;
    return !ends_sentence(lines[above - 1].tidy) && next[0] >= 'a' && next[0] <= 'z';
  };
  std::vector<std::size_t> at;  // indices of its lines
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].tidy != running) continue;
    if (in_prose(i) || (!at.empty() && lines[i].non_blank_before - lines[at.back()].non_blank_before < kMinPageLines))
      return {text};
    at.push_back(i);
  }
  // At the top of the text it heads each page; else it ends one, with the
  // lines repeated as often right below it (an address under a company name).
  const bool headers = lines[at.front()].non_blank_before < kFurnitureZone;
  const auto offset = [&](std::size_t i) { return static_cast<std::size_t>(lines[i].text.data() - text.data()); };
  const auto cut_of = [&](std::size_t i) {
    if (headers) return offset(i);
    for (std::size_t below = i + 1, seen = 0; below < lines.size() && seen + 1 < kFurnitureZone; ++below) {
      if (lines[below].tidy.empty()) continue;
      const auto found = count.find(lines[below].tidy);
      if (found == count.end() || found->second != times) break;
      i = below, ++seen;
    }
    return std::min(text.size(), offset(i) + lines[i].text.size() + 1);
  };
  std::vector<std::string> pages;
  std::size_t start = 0;
  for (const std::size_t i : at) {
    const std::size_t cut = cut_of(i);
    if (cut <= start || cut >= text.size()) continue;
    pages.push_back(text.substr(start, cut - start));
    start = cut;
  }
  pages.push_back(text.substr(start));
  return pages;
}

std::string join_pages(const std::vector<std::string>& pages, const layout::LetterLabels& labels) {
  std::vector<Page> read;
  read.reserve(pages.size());
  for (const std::string& text : pages) read.push_back(read_page(text));
  PageJoiner joiner(read, labels);
  for (const Page& page : read) joiner.add(page);
  return joiner.take();
}

}  // namespace imr::indexer::reader
