// PhraseMatcher: the trie, its singular word keys and leftmost-longest search.
#include "phrase_matcher.h"

#include <stdexcept>

namespace imr::schema {
namespace {

bool ends_with(std::string_view word, std::string_view suffix) {
  return word.size() >= suffix.size() && word.substr(word.size() - suffix.size()) == suffix;
}

bool all_letters(std::string_view word) {
  for (char c : word)
    if (c < 'a' || c > 'z') return false;
  return true;
}

}  // namespace

std::vector<std::string> PhraseMatcher::words_of(std::span<const Token> tokens) {
  std::vector<std::string> words;
  for (const Token& t : tokens)
    if (!t.compound) words.push_back(t.term);
  return words;
}

std::string PhraseMatcher::key_of(std::string_view word) {
  // Short words ("tens", "cts", "uds" are abbreviations, not plurals) and
  // words ending like a singular ("class", "status", "analysis") are left
  // alone; the rule only has to be the same on both sides.
  if (word.size() < 5 || !all_letters(word) || !ends_with(word, "s")) return std::string(word);
  if (ends_with(word, "ss") || ends_with(word, "us") || ends_with(word, "is")) return std::string(word);
  if (word.size() > 4 && ends_with(word, "ies")) return std::string(word.substr(0, word.size() - 3)) + "y";
  for (std::string_view es : {"ches", "shes", "xes", "sses"})
    if (ends_with(word, es)) return std::string(word.substr(0, word.size() - 2));
  return std::string(word.substr(0, word.size() - 1));
}

std::vector<std::string> PhraseMatcher::keys_of(std::span<const std::string> words) {
  std::vector<std::string> keys;
  keys.reserve(words.size());
  for (const std::string& w : words) keys.push_back(key_of(w));
  return keys;
}

PhraseMatcher::Id PhraseMatcher::add(std::span<const std::string> words, Id id) {
  if (words.empty()) throw std::invalid_argument("a phrase needs at least one word");
  std::uint32_t node = 0;
  for (const std::string& key : keys_of(words)) {
    auto it = nodes_[node].next.find(key);
    if (it == nodes_[node].next.end()) {
      const auto child = static_cast<std::uint32_t>(nodes_.size());
      nodes_[node].next.emplace(key, child);
      nodes_.emplace_back();
      node = child;
    } else {
      node = it->second;
    }
  }
  if (nodes_[node].id) return *nodes_[node].id;
  nodes_[node].id = id;
  ++phrases_;
  return id;
}

std::optional<PhraseMatcher::Id> PhraseMatcher::find_exact(std::span<const std::string> words) const {
  if (words.empty()) return std::nullopt;
  const auto keys = keys_of(words);
  const auto m = longest_at(keys, 0);
  if (!m || m->end != keys.size()) return std::nullopt;
  return m->id;
}

std::optional<PhraseMatcher::Match> PhraseMatcher::longest_at(std::span<const std::string> keys,
                                                              std::size_t from) const {
  std::optional<Match> best;
  std::uint32_t node = 0;
  for (std::size_t i = from; i < keys.size(); ++i) {
    auto it = nodes_[node].next.find(keys[i]);
    if (it == nodes_[node].next.end()) break;
    node = it->second;
    if (nodes_[node].id) best = Match{from, i + 1, *nodes_[node].id};
  }
  return best;
}

std::vector<PhraseMatcher::Match> PhraseMatcher::find_all(std::span<const std::string> words) const {
  return find_all_keys(keys_of(words));
}

std::vector<PhraseMatcher::Match> PhraseMatcher::find_all_keys(std::span<const std::string> keys) const {
  std::vector<Match> out;
  std::size_t i = 0;
  while (i < keys.size()) {
    if (auto m = longest_at(keys, i)) {
      out.push_back(*m);
      i = m->end;
    } else {
      ++i;
    }
  }
  return out;
}

std::vector<PhraseMatcher::Match> PhraseMatcher::find_all(std::span<const Token> tokens) const {
  // The keys straight from the tokens: a letter's words are not copied first (words_of).
  std::vector<std::size_t> token_of;  // word index -> token index
  std::vector<std::string> keys;
  token_of.reserve(tokens.size());
  keys.reserve(tokens.size());
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].compound) continue;
    token_of.push_back(i);
    keys.push_back(key_of(tokens[i].term));
  }
  auto matches = find_all_keys(keys);
  for (Match& m : matches) {
    m.begin = token_of[m.begin];
    m.end = token_of[m.end - 1] + 1;
  }
  return matches;
}

}  // namespace imr::schema
