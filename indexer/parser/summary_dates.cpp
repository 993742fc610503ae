// A date belongs to a fact when the words right before it name that fact;
// only words that can sit between the name and the date are allowed, so
// "injury and was seen on 5/1/13" does not make 5/1/13 the injury date
// ("Utilization Review (UR), dated", "the UR physician denied the request on" name the review).
#include "summary_dates.h"

#include <algorithm>

#include "dates.h"
#include "text_util.h"

namespace imr::indexer::parsing {
namespace {

constexpr std::size_t kLeadIn = 90;  // bytes before a date that may name it

const Pattern& injury_lead_in() {
  static const Pattern re(
      R"(\b(?:injur(?:y|ies|ed)|date of injury|DOI)(?:\s+to\s+(?:his|her|the|their)(?:\s+[A-Za-z-]+){1,3}?)?(?:\s+(?:date|of|on|dated|was|is|at|work|while|reported|occurred|sustained|the))*\s*:?\s*$)",
      Pattern::icase);
  return re;
}

const Pattern& ur_lead_in() {
  static const Pattern re(
      R"(\b(?:utilization review|UR)(?:\s*\(UR\))?(?:,?\s+(?:determination|decision|letter|report|being|challenged|appealed|under|review|is|was|from|dated|of|on|the|physician|reviewer|denied|non-?certified|modified|requests?|treatment|this|these))*\s*,?\s*:?\s*$)",
      Pattern::icase);
  return re;
}

// "On 11/17/2016, utilization review non-certified the requests": the fact
// named right after the date, as the sentence's subject.
const Pattern& ur_lead_out() {
  static const Pattern re(
      R"(^\s*,?\s*(?:the\s+)?(?:utilization review|UR)\s+(?:non-?certified|denied|modified|determination|decision))",
      Pattern::icase);
  return re;
}

constexpr std::size_t kLeadOut = 60;  // bytes after a date that may name it

// The sentence that introduces the worker ("The injured worker is a 39-year-old
// male security guard who was shot at during a robbery on 3/2/2015") tells how
// the injury happened: a date "on" it is the injury's, when no date is named so.
const Pattern& introduction() {
  static const Pattern re(R"(\b\d{1,3}[-\s]years?[-\s]old\b[^.]*?\s(?:on|of)\s+$)", Pattern::icase);
  return re;
}

constexpr std::size_t kMaxIntroductionBytes = 300;

std::string_view lead_in(std::string_view text, std::size_t offset) {
  const std::size_t start = offset > kLeadIn ? offset - kLeadIn : 0;
  return text.substr(start, offset - start);
}

}  // namespace

SummaryDates summary_dates(std::string_view summary) {
  SummaryDates out;
  for (const DateMention& d : dates_in(summary)) {
    if (!d.iso) continue;
    const std::string_view before = lead_in(summary, d.offset);
    if (!out.injury && search(before, injury_lead_in()))
      out.injury = d.iso;
    else if (!out.ur_denial && (search(before, ur_lead_in()) ||
                                search(summary.substr(d.offset + d.text.size(), kLeadOut), ur_lead_out())))
      out.ur_denial = d.iso;
  }
  if (!out.injury) {
    // Only the first date of the introduction.
    const auto first = dates_in(summary.substr(0, std::min(summary.find(". "), kMaxIntroductionBytes)));
    if (!first.empty() && first[0].iso && first[0].iso != out.ur_denial &&
        search(summary.substr(0, first[0].offset), introduction()))
      out.injury = first[0].iso;
  }
  return out;
}

}  // namespace imr::indexer::parsing
