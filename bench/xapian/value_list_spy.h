// A Xapian MatchSpy counting the values of a multi-valued slot (values
// separated by '\n'), every occurrence: ValueCountMatchSpy counts a slot's
// whole content as one value, which would count "drug A + drug B" as its own
// drug. Facet slots hold each value once per letter, so they count letters.
#pragma once

#include <map>
#include <string>

#include <xapian.h>

namespace imr::bench {

class ValueListSpy : public Xapian::MatchSpy {
 public:
  explicit ValueListSpy(Xapian::valueno slot) : slot_(slot) {}
  void operator()(const Xapian::Document& doc, double weight) override;
  const std::map<std::string, Xapian::doccount>& counts() const { return counts_; }

 private:
  Xapian::valueno slot_;
  std::map<std::string, Xapian::doccount> counts_;
};

}  // namespace imr::bench
