// TemplateBook: reading the template files and filling their lines.
#include "template_book.h"

#include <cctype>
#include <stdexcept>

#include "template_files.h"

namespace imr::generator {
namespace {

// Sections refer to each other; a cycle would never end.
constexpr int kMaxDepth = 24;
constexpr std::string_view kFiles[] = {"letters.tmpl",    "summaries.tmpl",  "treatments.tmpl",
                                       "rationales.tmpl", "guidelines.tmpl", "people.tmpl"};

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

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> out;
  for (std::size_t start = 0;;) {
    const auto at = text.find(separator, start);
    out.push_back(trim(text.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start)));
    if (at == std::string_view::npos) return out;
    start = at + 1;
  }
}

constexpr std::string_view kFactsMark = " => ";

// "drugs: hydrocodone, acetaminophen; class: opioid"
Facts parse_facts(std::string_view text, const std::string& where) {
  Facts facts;
  for (const std::string_view part : split(text, ';')) {
    const auto colon = part.find(':');
    if (colon == std::string_view::npos || trim(part.substr(0, colon)).empty())
      throw std::runtime_error(where + ": a fact is \"key: values\", not \"" + std::string(part) + "\"");
    std::vector<std::string>& values = facts[std::string(trim(part.substr(0, colon)))];
    for (const std::string_view value : split(part.substr(colon + 1), ','))
      if (!value.empty()) values.emplace_back(value);
  }
  return facts;
}

// The line's own facts win over the section's, key by key.
Facts merged(const Facts& defaults, Facts own) {
  for (const auto& [key, values] : defaults) own.try_emplace(key, values);
  return own;
}

void append(Facts& to, const Facts& from) {
  for (const auto& [key, values] : from) to[key].insert(to[key].end(), values.begin(), values.end());
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
      if (!content)
        throw std::runtime_error("corpus/generator/templates/" + std::string(name) + " is missing from the build");
      b.add_file(name, *content);
    }
    return b;
  }();
  return book;
}

struct TemplateBook::Expansion {
  const Slots& slots;
  const SlotFacts& slot_facts;
  Random& random;
  Facts facts;
};

void TemplateBook::add_file(std::string_view name, std::string_view content) {
  Section* section = nullptr;
  std::size_t line_no = 0;
  while (!content.empty()) {
    const auto nl = content.find('\n');
    const std::string_view line = trim(content.substr(0, nl));
    content = nl == std::string_view::npos ? std::string_view() : content.substr(nl + 1);
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    const std::string where = "corpus/generator/templates/" + std::string(name) + " line " + std::to_string(line_no);
    const auto mark = line.find(kFactsMark);
    const std::string_view text = trim(line.substr(0, mark));
    const Facts facts =
        mark == std::string_view::npos ? Facts{} : parse_facts(line.substr(mark + kFactsMark.size()), where);
    if (line.starts_with("==")) {
      section = &sections_[std::string(trim(text.substr(2)))];
      section->defaults = facts;
      continue;
    }
    if (!section) throw std::runtime_error(where + ": text before the first \"== section\"");
    section->lines.emplace_back(text == "-" ? std::string_view() : text);
    section->facts.push_back(merged(section->defaults, facts));
  }
}

const TemplateBook::Section& TemplateBook::section(std::string_view name) const {
  const auto it = sections_.find(name);
  if (it == sections_.end() || it->second.lines.empty())
    throw std::runtime_error("no template section \"" + std::string(name) + "\"");
  return it->second;
}

bool TemplateBook::has(std::string_view name) const {
  const auto it = sections_.find(name);
  return it != sections_.end() && !it->second.lines.empty();
}

const std::vector<std::string>& TemplateBook::lines(std::string_view name) const { return section(name).lines; }

const std::vector<Facts>& TemplateBook::facts(std::string_view name) const { return section(name).facts; }

std::string TemplateBook::fill(std::string_view name, const Slots& slots, Random& random) const {
  return fill_with_facts(name, slots, random).text;
}

Filled TemplateBook::fill_with_facts(std::string_view name, const Slots& slots, Random& random,
                                     const SlotFacts& slot_facts) const {
  Expansion x{slots, slot_facts, random, {}};
  std::string text = expand_line(section(name), x, 0);
  return {std::move(text), std::move(x.facts)};
}

// The line's own facts come before those of what it expands to.
std::string TemplateBook::expand_line(const Section& s, Expansion& x, int depth) const {
  const std::size_t chosen = x.random.below(s.lines.size());
  append(x.facts, s.facts[chosen]);
  return expand(s.lines[chosen], x, depth);
}

std::string TemplateBook::expand(std::string_view text, Expansion& x, int depth) const {
  if (depth > kMaxDepth)
    throw std::runtime_error("template sections refer to each other in a cycle: " + std::string(text));
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto open = text.find('{', pos);
    if (open == std::string_view::npos) break;
    out.append(text.substr(pos, open - pos));
    const auto close = closing_brace(text, open);
    out += expand_braces(text.substr(open + 1, close - open - 1), x, depth + 1);
    pos = close + 1;
  }
  if (pos < text.size()) out.append(text.substr(pos));
  return out;
}

std::string TemplateBook::expand_braces(std::string_view inner, Expansion& x, int depth) const {
  const bool capital = inner.starts_with('^');
  if (capital) inner.remove_prefix(1);
  std::string out;
  if (const auto choices = top_level_choices(inner); choices.size() > 1) {
    out = expand(choices[x.random.below(choices.size())], x, depth);
  } else if (inner.starts_with('@')) {
    out = expand_line(section(inner.substr(1)), x, depth);
  } else {
    const auto it = x.slots.find(inner);
    if (it == x.slots.end()) throw std::runtime_error("template slot {" + std::string(inner) + "} has no value");
    out = it->second;
    if (const auto facts = x.slot_facts.find(inner); facts != x.slot_facts.end()) append(x.facts, facts->second);
  }
  if (capital) capitalise(out);
  return out;
}

}  // namespace imr::generator
