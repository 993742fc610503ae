#include "compound_filter.h"

#include <cctype>

namespace imr::schema {
namespace {

// Long chains ("a-b-c-d-e-...") are split so one term never grows without bound.
constexpr std::size_t kMaxParts = 8;

bool is_connector(std::string_view gap) {
  if (gap == "-" || gap == "/" || gap == "@") return true;
  return gap == "\u2010" || gap == "\u2011";  // Unicode hyphen, non-breaking hyphen
}

bool is_word_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || u >= 0x80;
}

// "c++", "c#", "1+": a word followed directly by one or two '+' or one '#'.
std::uint32_t symbol_suffix_end(std::string_view text, std::uint32_t end) {
  std::uint32_t e = end;
  if (e < text.size() && text[e] == '#') {
    ++e;
  } else {
    while (e < text.size() && text[e] == '+' && e - end < 2) ++e;
  }
  if (e == end) return end;
  if (e < text.size() && (is_word_byte(text[e]) || text[e] == '+' || text[e] == '#')) return end;
  return e;
}

// "350mg" -> "350" + "mg"; "4.5mg" -> "4.5" + "mg". Other words stay whole.
void split_number_unit(std::string_view text, Span word, std::vector<Span>& out) {
  std::uint32_t i = word.start;
  while (i < word.end && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.' || text[i] == ',')) ++i;
  const bool has_digits = i > word.start && std::isdigit(static_cast<unsigned char>(text[word.start]));
  bool rest_alpha = i < word.end;
  for (std::uint32_t j = i; j < word.end && rest_alpha; ++j)
    rest_alpha = std::isalpha(static_cast<unsigned char>(text[j]));
  if (has_digits && rest_alpha && std::isdigit(static_cast<unsigned char>(text[i - 1]))) {
    out.push_back({word.start, i});
    out.push_back({i, word.end});
  } else {
    out.push_back(word);
  }
}

}  // namespace

void for_each_group(std::string_view text, const std::vector<Span>& words,
                    const std::function<void(const WordGroup&)>& each) {
  WordGroup g;
  std::size_t i = 0;
  while (i < words.size()) {
    std::size_t j = i + 1;
    while (j < words.size() && j - i < kMaxParts &&
           is_connector(text.substr(words[j - 1].end, words[j].start - words[j - 1].end)))
      ++j;
    g.parts.clear();
    for (std::size_t k = i; k < j; ++k) split_number_unit(text, words[k], g.parts);
    g.whole = {words[i].start, symbol_suffix_end(text, words[j - 1].end)};
    each(g);
    i = j;
  }
}

std::vector<WordGroup> group_compounds(std::string_view text, const std::vector<Span>& words) {
  std::vector<WordGroup> groups;
  for_each_group(text, words, [&groups](const WordGroup& g) { groups.push_back(g); });
  return groups;
}

}  // namespace imr::schema
