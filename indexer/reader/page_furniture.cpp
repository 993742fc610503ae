// join_pages: page numbers by their shape, running headers and footers by
// repetition across pages in the top and bottom lines of each page.
#include "reader/page_furniture.h"

#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "reader/line_tidy.h"
#include "reader/text_lines.h"

namespace imr::indexer::reader {
namespace {

// How many non-empty lines at each end of a page may be a header or footer.
constexpr std::size_t kFurnitureZone = 3;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// "Page 2 of 5", "page 2", "2 of 5", "2/5", "- 2 -", "2" (after tidy_line).
bool is_page_number(std::string_view line) {
  std::string_view t = line;
  if (t.size() > 4 && lower(t[0]) == 'p' && lower(t[1]) == 'a' && lower(t[2]) == 'g' && lower(t[3]) == 'e') {
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

// Headers repeat with their numbers changed ("Page 2", dates): compare shapes.
std::string shape_of(std::string_view tidy) {
  std::string key;
  for (const char c : tidy) key += is_digit(c) ? '#' : lower(c);
  return key;
}

struct Page {
  std::vector<std::string_view> lines;  // as written: the unwrapper reads their spacing
  std::vector<bool> in_zone;            // among the first or last non-empty lines
};

Page read_page(std::string_view text) {
  Page page{split_lines(text), {}};
  page.in_zone.assign(page.lines.size(), false);
  std::size_t seen = 0;
  for (std::size_t i = 0; i < page.lines.size() && seen < kFurnitureZone; ++i)
    if (!is_blank_line(page.lines[i])) page.in_zone[i] = true, ++seen;
  seen = 0;
  for (std::size_t i = page.lines.size(); i-- > 0 && seen < kFurnitureZone;)
    if (!is_blank_line(page.lines[i])) page.in_zone[i] = true, ++seen;
  return page;
}

// Shapes found in the zones of at least two pages and of half the pages.
std::unordered_set<std::string> running_lines(const std::vector<Page>& pages) {
  std::unordered_map<std::string, std::size_t> pages_with;
  for (const Page& page : pages) {
    std::unordered_set<std::string> shapes;
    for (std::size_t i = 0; i < page.lines.size(); ++i)
      if (page.in_zone[i]) shapes.insert(shape_of(tidy_line(page.lines[i])));
    for (const std::string& shape : shapes) ++pages_with[shape];
  }
  std::unordered_set<std::string> running;
  for (const auto& [shape, count] : pages_with)
    if (count >= 2 && count * 2 >= pages.size()) running.insert(shape);
  return running;
}

bool ends_sentence(std::string_view text) {
  return !text.empty() && std::string_view(".!?:;\")]").find(text.back()) != std::string_view::npos;
}

class PageJoiner {
 public:
  PageJoiner(const std::vector<Page>& pages, const layout::LetterLabels& labels)
      : multi_page_(pages.size() > 1),
        running_(multi_page_ ? running_lines(pages) : std::unordered_set<std::string>{}),
        labels_(labels) {}

  void add(const Page& page) {
    std::vector<std::string_view> kept;
    for (std::size_t i = 0; i < page.lines.size(); ++i)
      if (keeps(page.lines[i], page.in_zone[i])) kept.push_back(page.lines[i]);
    std::size_t first = 0;
    std::size_t last = kept.size();
    while (first < last && is_blank_line(kept[first])) ++first;
    while (last > first && is_blank_line(kept[last - 1])) --last;
    if (first == last) return;
    if (!out_.empty()) out_ += ends_sentence(last_line_) ? "\n\n" : "\n";
    for (std::size_t i = first; i < last; ++i) {
      if (i > first) out_ += '\n';
      out_ += kept[i];
    }
    last_line_ = tidy_line(kept[last - 1]);
  }

  std::string take() { return std::move(out_); }

 private:
  bool keeps(std::string_view line, bool in_zone) {
    const std::string tidy = tidy_line(line);
    if (tidy.empty()) return true;
    // A bare number is a page number only where page numbers are printed.
    if (is_page_number(tidy) && ((multi_page_ && in_zone) || lower(tidy[0]) == 'p')) return false;
    if (!in_zone || !running_.contains(shape_of(tidy))) return true;
    return labels_.match_at(tidy, 0) && kept_once_.insert(shape_of(tidy)).second;
  }

  bool multi_page_;
  std::unordered_set<std::string> running_;
  const layout::LetterLabels& labels_;
  std::unordered_set<std::string> kept_once_;
  std::string out_;
  std::string last_line_;
};

}  // namespace

std::string join_pages(const std::vector<std::string>& pages, const layout::LetterLabels& labels) {
  std::vector<Page> read;
  read.reserve(pages.size());
  for (const std::string& text : pages) read.push_back(read_page(text));
  PageJoiner joiner(read, labels);
  for (const Page& page : read) joiner.add(page);
  return joiner.take();
}

}  // namespace imr::indexer::reader
