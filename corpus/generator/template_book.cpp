// TemplateBook: reading the template files and filling their lines.
#include "template_book.h"

#include <cctype>
#include <stdexcept>

#include "template_files.h"

namespace imr::generator {
namespace {

// Sections refer to each other; a cycle would never end.
constexpr int kMaxDepth = 24;
constexpr std::string_view kFiles[] = {"letters.tmpl", "summaries.tmpl", "treatments.tmpl", "rationales.tmpl",
                                       "guidelines.tmpl", "people.tmpl"};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// The index of the '}' closing the '{' at open, braces nesting.
std::size_t closing_brace(std::string_view text, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < text.size(); ++i) {
    if (text[i] == '{') ++depth;
    if (text[i] == '}' && --depth == 0) return i;
  }
  throw std::runtime_error("template line has an unclosed '{': " + std::string(text));
}

std::vector<std::string_view> top_level_choices(std::string_view inner) {
  std::vector<std::string_view> out;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < inner.size(); ++i) {
    if (inner[i] == '{') ++depth;
    if (inner[i] == '}') --depth;
    if (inner[i] == '|' && depth == 0) {
      out.push_back(inner.substr(start, i - start));
      start = i + 1;
    }
  }
  out.push_back(inner.substr(start));
  return out;
}

void capitalise(std::string& s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
}

}  // namespace

const TemplateBook& TemplateBook::standard() {
  static const TemplateBook book = [] {
    TemplateBook b;
    for (const std::string_view name : kFiles) {
      const auto content = generator_templates::data_file(name);
      if (!content) throw std::runtime_error("corpus/generator/templates/" + std::string(name) + " is missing from the build");
      b.add_file(name, *content);
    }
    return b;
  }();
  return book;
}

void TemplateBook::add_file(std::string_view name, std::string_view content) {
  std::vector<std::string>* section = nullptr;
  std::size_t line_no = 0;
  while (!content.empty()) {
    const auto nl = content.find('\n');
    const std::string_view line = trim(content.substr(0, nl));
    content = nl == std::string_view::npos ? std::string_view() : content.substr(nl + 1);
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    if (line.starts_with("==")) {
      section = &sections_[std::string(trim(line.substr(2)))];
      continue;
    }
    if (!section)
      throw std::runtime_error("corpus/generator/templates/" + std::string(name) + " line " +
                               std::to_string(line_no) + ": text before the first \"== section\"");
    section->emplace_back(line == "-" ? std::string_view() : line);
  }
}

const std::vector<std::string>& TemplateBook::lines(std::string_view section) const {
  const auto it = sections_.find(section);
  if (it == sections_.end() || it->second.empty())
    throw std::runtime_error("no template section \"" + std::string(section) + "\"");
  return it->second;
}

std::string TemplateBook::fill(std::string_view section, const Slots& slots, Random& random) const {
  return expand(random.pick(lines(section)), slots, random, 0);
}

std::string TemplateBook::expand(std::string_view text, const Slots& slots, Random& random, int depth) const {
  if (depth > kMaxDepth) throw std::runtime_error("template sections refer to each other in a cycle: " + std::string(text));
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto open = text.find('{', pos);
    if (open == std::string_view::npos) break;
    out.append(text.substr(pos, open - pos));
    const auto close = closing_brace(text, open);
    out += expand_braces(text.substr(open + 1, close - open - 1), slots, random, depth + 1);
    pos = close + 1;
  }
  if (pos < text.size()) out.append(text.substr(pos));
  return out;
}

std::string TemplateBook::expand_braces(std::string_view inner, const Slots& slots, Random& random, int depth) const {
  const bool capital = inner.starts_with('^');
  if (capital) inner.remove_prefix(1);
  std::string out;
  if (const auto choices = top_level_choices(inner); choices.size() > 1) {
    out = expand(choices[random.below(choices.size())], slots, random, depth);
  } else if (inner.starts_with('@')) {
    out = expand(random.pick(lines(inner.substr(1))), slots, random, depth);
  } else {
    const auto it = slots.find(inner);
    if (it == slots.end()) throw std::runtime_error("template slot {" + std::string(inner) + "} has no value");
    out = it->second;
  }
  if (capital) capitalise(out);
  return out;
}

}  // namespace imr::generator
