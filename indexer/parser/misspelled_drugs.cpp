// Names by their lower-case spelling, then each strength's word against them.
#include "misspelled_drugs.h"

#include <algorithm>
#include <unordered_map>

#include "imr/schema/data_table.h"
#include "imr/schema/text.h"
#include "text_util.h"

namespace imr::indexer::parsing {
namespace {

// Shorter names are too close to other words for one letter to be a slip.
constexpr std::size_t kMinNameLetters = 6;

// Single-word names (generics and brands) -> their generic.
const std::unordered_map<std::string, std::string>& drug_names() {
  static const std::unordered_map<std::string, std::string> names = [] {
    std::unordered_map<std::string, std::string> out;
    const auto add = [&](std::string_view name, const std::string& generic) {
      const std::string lower = text::lower(text::trim(name));
      if (lower.size() >= kMinNameLetters && std::ranges::all_of(lower, [](char c) { return c >= 'a' && c <= 'z'; }))
        out.emplace(lower, generic);
    };
    for (const schema::TsvRow& row : schema::read_data_table("drugs.tsv", 2, 3)) {
      add(row.column(0), row.column(0));
      std::string_view others = row.column(2);
      for (std::size_t comma = others.find(','); !others.empty(); comma = others.find(',')) {
        add(others.substr(0, comma), row.column(0));
        others = comma == std::string_view::npos ? std::string_view() : others.substr(comma + 1);
      }
    }
    return out;
  }();
  return names;
}

// Whether a and b differ by one slip of the keys: a letter changed, added or
// left out, or two neighbours swapped ("Oxycodoen").
bool one_slip_apart(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (a.size() != b.size()) return a.substr(i) == b.substr(i + 1);
  if (i == a.size()) return false;
  if (a.substr(i + 1) == b.substr(i + 1)) return true;
  return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2);
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

// Long names are also misspelt by their unstressed vowels, two at most
// ("Methocarbomal"): the consonants, which carry the name, stay.
constexpr std::size_t kMinVowelSlipLetters = 8;
constexpr std::size_t kMaxVowelSlips = 2;

bool vowels_apart(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a.size() < kMinVowelSlipLetters) return false;
  std::size_t slips = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] == b[i]) continue;
    if (!is_vowel(a[i]) || !is_vowel(b[i]) || ++slips > kMaxVowelSlips) return false;
  }
  return slips > 0;
}

}  // namespace

std::vector<std::string> misspelled_drugs(std::string_view treatment) {
  static const Pattern before_strength(
      R"(\b([a-z]{6,})(?:\s+(?:hcl|er|xr|cr|sr|xl|ir|sodium|potassium|hydrochloride|bitartrate|tartrate|maleate|succinate))*\s*\d+(?:\.\d+)?(?:/\d+(?:\.\d+)?)?\s*(?:mg|mcg|ml|%))",
      Pattern::icase);
  std::vector<std::string> out;
  for (const Match& m : search_all(treatment, before_strength)) {
    const std::string word = text::lower(group(m, 1));
    std::string found;
    bool several = false;
    for (const auto& [name, generic] : drug_names()) {
      if (!(one_slip_apart(word, name) || vowels_apart(word, name)) || generic == found) continue;
      several = !found.empty();
      found = generic;
      if (several) break;
    }
    if (!found.empty() && !several && std::ranges::find(out, found) == out.end()) out.push_back(found);
  }
  return out;
}

}  // namespace imr::indexer::parsing
