// The parser's regular expressions, compiled once with PCRE2's JIT. The
// patterns are written in the ECMAScript dialect std::regex read before;
// PCRE2 runs them the same way (lookahead, lazy quantifiers, "$" only at the
// end, "." stopping at CR and LF) at a fraction of the cost: std::regex was
// 40% of indexing's instructions, most of it locale lookups per character.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace imr::indexer::parsing {

// One match: where each group starts and ends in the text searched.
class Match {
 public:
  struct Group {
    bool matched = false;
    std::size_t start = 0, end = 0;
    std::size_t length() const { return end - start; }
  };

  Match(const char* text, std::vector<Group> groups) : text_(text), groups_(std::move(groups)) {}
  std::size_t size() const { return groups_.size(); }
  const Group& operator[](std::size_t i) const { return groups_[i]; }
  std::size_t length(std::size_t i = 0) const { return groups_[i].length(); }
  // Group i's text, or "" when it did not take part.
  std::string_view group(std::size_t i) const;
  const char* text() const { return text_; }

 private:
  const char* text_;
  std::vector<Group> groups_;
};

class Pattern {
 public:
  enum Flags { none = 0, icase = 1 };
  // Throws std::logic_error for a pattern PCRE2 cannot compile (a programming error).
  explicit Pattern(std::string_view regex, int flags = none);
  ~Pattern();
  Pattern(const Pattern&) = delete;
  Pattern& operator=(const Pattern&) = delete;

  // The first match in text[from, end) (text before `from` is seen by \b and
  // lookbehind, and "^" matches only at text's start), or none.
  std::optional<Match> search(std::string_view text, std::size_t from, std::size_t end) const;
  // The match that starts at text's start ("^" matches there), or none.
  std::optional<Match> prefix_of(std::string_view text) const;
  // Whether all of text matches.
  bool matches(std::string_view text) const;

 private:
  std::optional<Match> run(std::string_view text, std::size_t from, std::size_t end, std::uint32_t options) const;

  struct Compiled;
  std::unique_ptr<Compiled> compiled_;
};

}  // namespace imr::indexer::parsing
