// A whole case: layout tied to the decision year, the dates before it, the
// patient, the reviewer, the diagnoses and the items.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "item_sampler.h"
#include "letter_case.h"
#include "random.h"
#include "template_book.h"

namespace imr::generator {

class CaseSampler {
 public:
  explicit CaseSampler(const TemplateBook& book);
  LetterCase sample(std::uint64_t number, Random& random) const;

 private:
  void sample_dates(LetterCase& c, Random& random) const;
  void sample_reviewer(LetterCase& c, Random& random) const;
  std::string printed_specialty(const std::string& canonical, Random& random) const;

  const TemplateBook& book_;
  ItemSampler items_;
  std::vector<std::string> specialties_;  // weighted canonical names
  std::vector<std::string> subspecialties_;
  struct State {
    std::string code, name;  // "NV", "Nevada"
  };
  using Wordings = std::map<std::string, std::vector<std::string>, std::less<>>;
  static Wordings wordings_of(const TemplateBook& book, std::string_view section);
  void add_state(LetterCase& c, const State& state) const;

  State home_;
  std::vector<State> other_states_;  // every state but California
  // Canonical name -> its other printed wordings; read once, not per letter.
  Wordings wordings_, unlisted_wordings_;
};

}  // namespace imr::generator
