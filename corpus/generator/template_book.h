// The wording of the letters: named sections of alternative lines read from
// corpus/generator/templates/*.txt. A line may hold
//   {slot}           a value the caller supplies (a date, a drug name)
//   {@section}       one line of another section, itself filled
//   {a|b|c}          one of the choices, each filled in turn
//   {^...}           any of the above, its first letter capitalised
// and a line that is just "-" is an empty choice (an optional sentence).
//
// What a line states, for the true record, follows " => " at its end:
//   Norco 10/325mg{qty} => drugs: hydrocodone, acetaminophen
// ("key: values; key: values", values comma-separated). Facts after a
// section's "== name => ..." hold for each of its lines, a line's own key
// replacing the section's. Choices within a line must not change its facts.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "random.h"

namespace imr::generator {

using Slots = std::map<std::string, std::string, std::less<>>;
// "drugs" -> {"hydrocodone", "acetaminophen"}: what the chosen lines state.
using Facts = std::map<std::string, std::vector<std::string>, std::less<>>;
// The facts a slot's value brings where a line uses the slot.
using SlotFacts = std::map<std::string, Facts, std::less<>>;

struct Filled {
  std::string text;
  Facts facts;  // of every line chosen, in the order the text uses them
};

class TemplateBook {
 public:
  // Every template file built into the binary. Throws std::runtime_error
  // naming the file and line of a malformed one.
  static const TemplateBook& standard();

  // Adds the sections of one file ("== name" opens a section; '#' comments).
  void add_file(std::string_view name, std::string_view content);

  // One line of the section, filled. Throws for an unknown section or slot.
  std::string fill(std::string_view section, const Slots& slots, Random& random) const;
  // The same, with the facts of the lines chosen and of the slots used.
  Filled fill_with_facts(std::string_view section, const Slots& slots, Random& random,
                         const SlotFacts& slot_facts = {}) const;
  bool has(std::string_view section) const;
  // The section's lines as written, for lists (diagnoses, body parts).
  const std::vector<std::string>& lines(std::string_view section) const;
  // The facts of each of those lines, in the same order.
  const std::vector<Facts>& facts(std::string_view section) const;

 private:
  struct Section {
    std::vector<std::string> lines;
    std::vector<Facts> facts;  // per line
    Facts defaults;            // from the "== name => ..." line
  };
  struct Expansion;  // what one fill carries through its nested expansions

  const Section& section(std::string_view name) const;
  std::string expand_line(const Section& s, Expansion& x, int depth) const;
  std::string expand(std::string_view text, Expansion& x, int depth) const;
  std::string expand_braces(std::string_view inner, Expansion& x, int depth) const;

  std::map<std::string, Section, std::less<>> sections_;
};

}  // namespace imr::generator
