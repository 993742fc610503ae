// Wrapping, hyphenation, pagination and the text noise of extracted PDFs.
#include "page_layout.h"

#include <cctype>

namespace imr::generator {
namespace {

constexpr std::size_t kMinHyphenated = 8;  // shorter words are never broken
constexpr std::size_t kMinPart = 3;

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (const char c : text) {
    if (c == ' ' || c == '\n') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

// A wrapped line; one that ends inside a hyphenated word has no space after
// its hyphen in extracted text, unlike a line that ends at a space.
struct Line {
  std::string text;
  bool hyphen_break = false;
};

bool breakable(const std::string& word) {
  if (word.size() < kMinHyphenated) return false;
  for (const char c : word)
    if (!std::isalpha(static_cast<unsigned char>(c))) return false;
  return true;
}

class Wrapper {
 public:
  Wrapper(const PageStyle& style, Random& random) : style_(style), random_(random) {}

  std::vector<Line> wrap(const std::string& text, bool hyphenate) {
    lines_.clear();
    line_.clear();
    for (const std::string& word : words_of(text)) place(word, hyphenate);
    flush();
    return std::move(lines_);
  }

 private:
  void place(const std::string& word, bool hyphenate) {
    const std::size_t room = line_.empty() ? style_.width : style_.width - std::min(style_.width, line_.size() + 1);
    if (word.size() <= room) return append(word);
    if (hyphenate && breakable(word) && room > kMinPart + 1 && random_.chance(style_.hyphenation)) {
      const std::size_t cut = std::min(room - 1, word.size() - kMinPart);
      if (cut >= kMinPart) {
        append(word.substr(0, cut) + "-");
        flush(true);
        return append(word.substr(cut));
      }
    }
    flush();
    append(word);
  }
  void append(const std::string& word) {
    if (!line_.empty()) line_ += ' ';
    line_ += word;
  }
  void flush(bool hyphen_break = false) {
    if (!line_.empty()) lines_.push_back({std::move(line_), hyphen_break});
    line_.clear();
  }

  const PageStyle& style_;
  Random& random_;
  std::vector<Line> lines_;
  std::string line_;
};

// Item headings wrap where PDFs wrapped them: sometimes mid-heading.
std::vector<Line> heading_lines(const std::string& text, Wrapper& wrapper, Random& random) {
  const auto space = text.find(' ', text.size() / 2);
  if (text.size() > 30 && space != std::string::npos && random.chance(0.25))
    return {{text.substr(0, space)}, {text.substr(space + 1)}};
  return wrapper.wrap(text, false);
}

std::vector<Line> paragraph_lines(const Paragraph& p, Wrapper& wrapper, Random& random) {
  switch (p.kind) {
    case Block::heading:
      return {{p.text}};
    case Block::item_heading:
      return heading_lines(p.text, wrapper, random);
    case Block::prose:
      return wrapper.wrap(p.text, true);
    case Block::citation:
      return wrapper.wrap(p.text, false);
    case Block::lines:
      break;
  }
  std::vector<Line> out;
  std::size_t start = 0;
  while (start <= p.text.size()) {
    const auto nl = std::min(p.text.find('\n', start), p.text.size());
    out.push_back({p.text.substr(start, nl - start)});
    start = nl + 1;
  }
  return out;
}

std::string with_curly_quotes(std::string text) {
  std::string out;
  for (const char c : text) out += c == '\'' ? std::string("\u2019") : std::string(1, c);
  return out;
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (auto pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size()))
    text.replace(pos, from.size(), to);
}

// A line as extraction gives it: the seeds end every line with a space, but
// for a line ending in a word's hyphen ("non-").
std::vector<std::string> physical_lines(const std::vector<Line>& text_lines, const PageStyle& style) {
  std::vector<std::string> out;
  for (const Line& line : text_lines) {
    out.push_back(style.double_spaced && !line.hyphen_break ? line.text + " " : line.text);
    if (style.double_spaced) out.emplace_back();
  }
  return out;
}

}  // namespace

PageStyle sample_page_style(const TemplateBook& book, Random& random) {
  PageStyle s;
  s.width = static_cast<std::size_t>(random.between(86, 100));
  s.double_spaced = random.chance(0.5);
  s.lines_per_page = s.double_spaced ? 54 : static_cast<std::size_t>(random.between(44, 52));
  s.furniture = random.chance(0.7);
  s.form_feeds = random.chance(0.6);
  s.mojibake = random.chance(0.5);
  s.curly_quotes = random.chance(0.3);
  s.hyphenation = random.chance(0.5) ? 0.15 : 0.0;
  s.running_header = s.furniture ? book.fill("page.header", {}, random) : "";
  return s;
}

std::vector<Page> paginate(const LetterText& text, const PageStyle& style, Random& random) {
  Wrapper wrapper(style, random);
  std::vector<std::string> lines;
  for (const Paragraph& p : text) {
    const std::string body = style.curly_quotes && p.kind == Block::prose ? with_curly_quotes(p.text) : p.text;
    for (std::string& line : physical_lines(paragraph_lines({p.kind, body}, wrapper, random), style))
      lines.push_back(std::move(line));
    lines.push_back(style.double_spaced ? " " : "");
  }
  const std::size_t furniture = style.furniture ? (style.running_header.empty() ? 2 : 4) : 0;
  const std::size_t per_page = style.lines_per_page - furniture;
  std::vector<Page> pages;
  for (std::size_t i = 0; i < lines.size(); i += per_page)
    pages.emplace_back(lines.begin() + static_cast<long>(i),
                       lines.begin() + static_cast<long>(std::min(lines.size(), i + per_page)));
  if (!style.furniture) return pages;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    if (!style.running_header.empty()) pages[i].insert(pages[i].begin(), {style.running_header, ""});
    pages[i].insert(pages[i].end(), {"", "Page " + std::to_string(i + 1) + " of " + std::to_string(pages.size())});
  }
  return pages;
}

std::string page_text(const std::vector<Page>& pages, const PageStyle& style) {
  std::string out;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    // Without a form feed or furniture a page break leaves no mark: a blank
    // line there would be a paragraph break the letter's record does not have.
    if (i > 0 && (style.form_feeds || style.furniture)) out += style.form_feeds ? "\f" : "\n";
    for (const std::string& line : pages[i]) out += line + "\n";
  }
  if (style.mojibake) {
    replace_all(out, "\u00ae", "\u00c2\u00ae");
    replace_all(out, "\u2019", "\u00e2\u20ac\u2122");
  }
  return out;
}

}  // namespace imr::generator
