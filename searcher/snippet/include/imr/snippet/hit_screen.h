// A cheap byte test run before ICU analysis: which parts of a text can hold a
// hit at all. It may let through parts without hits (ICU then judges), but it
// never rules out a part that has one, so hits stay exactly those of a full
// analysis while most of a letter is never analysed.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "imr/query/parsed_query.h"
#include "imr/snippet/text_range.h"

namespace imr::searcher {

// Lower-case text that every ASCII token hitting h contains; it tells nothing
// when empty or not ASCII itself.
std::string needle_of(const Highlight& h);

// The smallest span of whole runs between whitespace that covers range; in
// ASCII text it yields, analysed alone, the same tokens as in its paragraph.
TextRange whole_runs(std::string_view text, TextRange range);

class HitScreen {
 public:
  explicit HitScreen(std::span<const Highlight> highlights);

  // False only when no token of part can hit any highlight.
  bool may_hit(std::string_view part) const;

  // The runs of part between whitespace that hold a needle (for a phrase, with
  // the runs its other words can reach), joined where they overlap, in text
  // order, as offsets into part: analysing each alone finds exactly part's
  // hits, as positions within a span of whole runs differ from the
  // paragraph's by one offset. Nullopt when part must be analysed whole (part
  // or a needle is not ASCII).
  std::optional<std::vector<TextRange>> candidate_runs(std::string_view part) const;

 private:
  // Lower-case ASCII strings one of which every hit's token contains; empty
  // when some highlight allows no such test (then every part may hit).
  std::vector<std::string> needles_;
  std::vector<std::size_t> words_after_;  // by needle: a phrase's words after its first, else 0
  bool pass_all_ = false;
};

}  // namespace imr::searcher
