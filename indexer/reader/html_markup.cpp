// strip_html: one forward scan. Tags are bounded in length and every search
// for a closing tag that fails is remembered, so the scan stays linear in
// the size of the input whatever it holds.
#include "html_markup.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <string>

#include "html_entities.h"

namespace imr::indexer::reader {
namespace {

// A '<' with no '>' within this many bytes is text, not a tag.
constexpr std::size_t kMaxTag = 2048;

constexpr std::array<std::string_view, 30> kBlockElements = {
    "p",       "div",     "h1",     "h2",     "h3",      "h4",         "h5",     "h6",   "tr",      "table",
    "ul",      "ol",      "li",     "hr",     "pre",     "dl",         "dt",     "dd",   "body",    "html",
    "section", "article", "header", "footer", "address", "blockquote", "center", "main", "caption", "form"};
constexpr std::array<std::string_view, 3> kCellElements = {"td", "th", "tbody"};
constexpr std::array<std::string_view, 5> kDroppedElements = {"script", "style", "title", "noscript", "template"};
constexpr std::array<std::string_view, 27> kInlineElements = {
    "b",    "i",  "u",   "s",   "em",   "strong", "span", "font", "a",    "sup", "sub",   "small", "big",  "mark",
    "code", "tt", "del", "ins", "abbr", "strike", "head", "meta", "link", "img", "thead", "tfoot", "label"};

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

template <std::size_t N>
bool among(const std::array<std::string_view, N>& names, std::string_view name) {
  return std::ranges::find(names, name) != names.end();
}

struct Tag {
  std::string name;  // lower case
  bool closing = false;
  std::size_t end = 0;  // just past '>'
};

std::optional<Tag> tag_at(std::string_view text, std::size_t pos) {
  Tag tag;
  std::size_t i = pos + 1;
  if (i < text.size() && text[i] == '/') tag.closing = true, ++i;
  for (; i < text.size() && is_alnum(text[i]) && tag.name.size() < 16; ++i) tag.name += lower(text[i]);
  if (tag.name.empty() || !(tag.name[0] >= 'a' && tag.name[0] <= 'z')) return std::nullopt;
  if (i < text.size() && !is_space(text[i]) && text[i] != '>' && text[i] != '/') return std::nullopt;
  const std::size_t close = text.substr(i, kMaxTag).find('>');
  if (close == std::string_view::npos) return std::nullopt;
  tag.end = i + close + 1;
  return tag;
}

bool is_html_element(std::string_view name) {
  return name == "br" || among(kBlockElements, name) || among(kCellElements, name) || among(kDroppedElements, name) ||
         among(kInlineElements, name);
}

class Stripper {
 public:
  Stripper(std::string_view text, HtmlInput input) : text_(text), input_(input) {}

  std::string run() {
    while (pos_ < text_.size()) {
      if (text_[pos_] != '<' || !markup()) text_run();
    }
    return decode_entities(out_);
  }

 private:
  // Consumes markup at pos_; false when the '<' is text.
  bool markup() {
    const std::string_view rest = text_.substr(pos_);
    if (rest.starts_with("<!--")) return skip_past("-->", pos_ + 4, comment_end_missing_);
    if (input_ == HtmlInput::document && (rest.starts_with("<!") || rest.starts_with("<?"))) {
      const std::size_t close = rest.substr(0, kMaxTag).find('>');
      if (close == std::string_view::npos) return false;
      pos_ += close + 1;
      return true;
    }
    const auto tag = tag_at(text_, pos_);
    if (!tag || (input_ == HtmlInput::embedded && !is_html_element(tag->name))) return false;
    pos_ = tag->end;
    apply(*tag);
    return true;
  }

  void apply(const Tag& tag) {
    if (!tag.closing && among(kDroppedElements, tag.name)) {
      skip_past("</" + tag.name, pos_, dropped_end_missing_[tag.name]);
      if (const std::size_t close = text_.substr(pos_, kMaxTag).find('>'); close != std::string_view::npos)
        pos_ += close + 1;
    } else if (tag.name == "br") {
      out_ += '\n';
    } else if (among(kBlockElements, tag.name)) {
      if (tag.name == "pre") in_pre_ = !tag.closing;
      out_ += "\n\n";
    } else if (among(kCellElements, tag.name) && !tag.closing) {
      out_ += '\t';
    }
  }

  // Moves past the next `marker` (any case) from `from`; when there is none,
  // the markup runs to the end of the input, as browsers read it.
  bool skip_past(std::string_view marker, std::size_t from, bool& missing) {
    const std::string_view rest = text_.substr(std::min(from, text_.size()));
    // std::search, not std::ranges::search: clang 14 with libstdc++ 12 rejects
    // the ranges form with a predicate, and the fuzzer build uses clang.
    const auto hit = missing ? rest.end()
                             : std::search(rest.begin(), rest.end(), marker.begin(), marker.end(),
                                           [](char a, char b) { return lower(a) == lower(b); });
    if (hit == rest.end()) {
      missing = true;
      pos_ = text_.size();
    } else {
      pos_ = from + static_cast<std::size_t>(hit - rest.begin()) + marker.size();
    }
    return true;
  }

  // Text up to the next '<'; the character at pos_ is text even if it is one.
  void text_run() {
    if (input_ == HtmlInput::document && !in_pre_) return text_char();
    // Spacing is kept as it is, so the run is copied whole.
    const std::size_t next = std::min(text_.find('<', pos_ + 1), text_.size());
    out_.append(text_, pos_, next - pos_);
    pos_ = next;
  }

  void text_char() {
    const char c = text_[pos_++];
    if (is_space(c)) {
      if (!out_.empty() && out_.back() != ' ') out_ += ' ';
      return;
    }
    out_ += c;
  }

  std::string_view text_;
  HtmlInput input_;
  std::size_t pos_ = 0;
  std::string out_;
  bool in_pre_ = false;
  bool comment_end_missing_ = false;
  std::map<std::string, bool> dropped_end_missing_;
};

}  // namespace

std::string strip_html(std::string_view text, HtmlInput input) { return Stripper(text, input).run(); }

}  // namespace imr::indexer::reader
