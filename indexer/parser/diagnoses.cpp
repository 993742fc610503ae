// The forms are tried from most to least explicit and the first that
// matches wins: a summary that lists diagnoses and also mentions one in
// passing gives the list. Only lists split on "and": in "diagnosed with other
// and unspecified complications" the "and" is part of one diagnosis.
#include "diagnoses.h"

#include "text_util.h"

namespace imr::indexer::parsing {
namespace {

constexpr std::size_t kMaxDiagnosisBytes = 200;
constexpr std::size_t kMaxDiagnoses = 20;

struct Form {
  const Pattern& pattern;  // group 1 is the diagnosis text
  const Pattern& separator;
};

// "Diagnoses, 10/03/14:- Low back pain- Lumbar radiculopathy- Lumbar facetal pain."
const Pattern& listed() {
  static const Pattern re(R"(\bDiagnos[ie]s\b[^:.]{0,40}:\s*(.+?)(?:\.(?:\s|$)|\n|$))", Pattern::icase);
  return re;
}
// "Diagnoses include lumbar strain and sciatica", "Her diagnoses included: X, Y and Z",
// "The diagnoses have included X and Y".
const Pattern& included() {
  static const Pattern re(
      R"(\bdiagnos[ie]s\s+(?:(?:have|has)\s+)?(?:include[sd]?|including)\b\s*:?\s*(.+?)(?:\.(?:\s|$)|\n|$))",
      Pattern::icase);
  return re;
}
const Pattern& claimed() {
  static const Pattern re(
      R"(\b(?:filed|submitted)\s+(?:a\s+)?claims?\s+for\s+(.+?),?\s+(?:associated with|reportedly|sustained|secondary to|due to|from)\b)",
      Pattern::icase);
  return re;
}
const Pattern& stated() {
  static const Pattern re(
      R"(\b(?:was|were|been|is)\s+diagnosed\s+with\s+(.+?)(?:\.(?:\s|$)|\n|$)|\b(?:The|His|Her|Their)\s+diagnos[ie]s\s+(?:was|were|is|are|include[sd]?)\s*:?\s+(.+?)(?:\.(?:\s|$)|\n|$))",
      Pattern::icase);
  return re;
}

// "and" joins list items except in the ICD wording "other and unspecified X",
// which names one diagnosis.
const Pattern& list_separator() {
  static const Pattern re(R"((?:^|\s)-\s*|-\s+|;\s*|,\s*(?:and\s+)?|\s+and\s+(?!unspecified\b)|\b\d{1,2}[.)]\s+)",
                          Pattern::icase);
  return re;
}
const Pattern& phrase_separator() {
  static const Pattern re(R"(;\s*)");
  return re;
}

// "a claim for a right shoulder labral tear": the article belongs to the sentence.
void drop_article(std::string& part) {
  for (const std::string_view article : {"a ", "an "})
    if (starts_with_icase(part, article)) part.erase(0, article.size());
}

std::vector<std::string> parts_of(std::string_view text, const Pattern& separator) {
  std::vector<std::string> out;
  for (std::string& part : split(text, separator)) {
    drop_article(part);
    while (!part.empty() && (part.back() == '.' || part.back() == ',')) part.pop_back();
    if (!part.empty() && part.size() <= kMaxDiagnosisBytes && out.size() < kMaxDiagnoses)
      out.push_back(std::move(part));
  }
  return out;
}

std::string_view first_group(const Match& m) {
  for (std::size_t i = 1; i < m.size(); ++i)
    if (m[i].matched) return group(m, i);
  return {};
}

}  // namespace

std::vector<std::string> diagnoses_in(std::string_view summary) {
  const Form forms[] = {{listed(), list_separator()},
                        {included(), list_separator()},
                        {claimed(), list_separator()},
                        {stated(), phrase_separator()}};
  for (const Form& form : forms)
    if (const auto m = search(summary, form.pattern))
      if (auto found = parts_of(first_group(*m), form.separator); !found.empty()) return found;
  return {};
}

}  // namespace imr::indexer::parsing
