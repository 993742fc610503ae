// The wording of the letters: named sections of alternative lines read from
// corpus/generator/templates/*.txt. A line may hold
//   {slot}           a value the caller supplies (a date, a drug name)
//   {@section}       one line of another section, itself filled
//   {a|b|c}          one of the choices, each filled in turn
//   {^...}           any of the above, its first letter capitalised
// and a line that is just "-" is an empty choice (an optional sentence).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "random.h"

namespace imr::generator {

using Slots = std::map<std::string, std::string, std::less<>>;

class TemplateBook {
 public:
  // Every template file built into the binary. Throws std::runtime_error
  // naming the file and line of a malformed one.
  static const TemplateBook& standard();

  // Adds the sections of one file ("== name" opens a section; '#' comments).
  void add_file(std::string_view name, std::string_view content);

  // One line of the section, filled. Throws for an unknown section or slot.
  std::string fill(std::string_view section, const Slots& slots, Random& random) const;
  // The section's lines as written, for lists (diagnoses, body parts).
  const std::vector<std::string>& lines(std::string_view section) const;

 private:
  std::string expand(std::string_view text, const Slots& slots, Random& random, int depth) const;
  std::string expand_braces(std::string_view inner, const Slots& slots, Random& random, int depth) const;

  std::map<std::string, std::vector<std::string>, std::less<>> sections_;
};

}  // namespace imr::generator
