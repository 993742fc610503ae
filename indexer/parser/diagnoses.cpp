// The forms are tried from most to least explicit and the first that
// matches wins: a summary that lists diagnoses and also mentions one in
// passing gives the list. How a list splits depends on its punctuation:
// semicolons hold commas inside their items ("L1 fracture, healed; lumbar
// spondylosis"); a serial comma (", and") holds "and" inside its items
// ("adjustment disorder with anxiety and depressed mood, and insomnia").
// "other and unspecified complications" is one diagnosis (the ICD wording).
#include "diagnoses.h"

#include <algorithm>

#include "text_util.h"

namespace imr::indexer::parsing {
namespace {

constexpr std::size_t kMaxDiagnosisBytes = 200;
constexpr std::size_t kMaxDiagnoses = 20;

// How the words after a form's lead-in name diagnoses.
enum class Kind {
  list,       // "Diagnoses include X, Y and Z": any "and" between items splits
  diagnosed,  // "was diagnosed with X and Y": an "and" splits only after two words or more
              // ("cervical and lumbar strain" is one)
  single,     // "The diagnosis is X, severe by ...": one diagnosis, up to its first comma
  labelled,   // "Diagnosis: X, right worse than left": one diagnosis, commas and all,
              // unless semicolons list several under the singular label
};

struct Form {
  const Pattern& pattern;  // the first group that took part is the diagnosis text
  Kind kind;
};

// "Diagnoses, 10/03/14:- Low back pain- Lumbar radiculopathy- Lumbar facetal pain.", or a
// bulleted list on the lines after the label.
const Pattern& listed() {
  static const Pattern re(
      R"(\bDiagnoses\b[^:.]{0,40}:\s*((?:.|\n(?=\s*(?:-|•)\s))+?)(?:\.(?:\s|$)|\n(?!\s*(?:-|•)\s)|$))", Pattern::icase);
  return re;
}
const Pattern& labelled_single() {
  static const Pattern re(R"(\bDiagnosis\b[^:.]{0,40}:\s*(.+?)(?:\.(?:\s|$)|\n|$))", Pattern::icase);
  return re;
}
// "Diagnoses include lumbar strain and sciatica", "Her diagnoses included: X, Y and Z",
// "The diagnoses have included X and Y", "She carries diagnoses of X, Y, and Z".
const Pattern& included() {
  static const Pattern re(
      R"(\bdiagnos[ie]s\s+(?:(?:have|has)\s+)?(?:include[sd]?|including)\b\s*:?\s*(.+?)(?:\.(?:\s|$)|\n|$)|\b(?:carries|carried|has|had|have)\s+(?:the\s+)?diagnoses\s+of\s+(.+?)(?:\.(?:\s|$)|\n|$))",
      Pattern::icase);
  return re;
}
const Pattern& claimed() {
  static const Pattern re(
      R"(\b(?:filed|submitted)\s+(?:a\s+)?claims?\s+for\s+(.+?),?\s+(?:associated with|reportedly|sustained|secondary to|due to|from)\b)",
      Pattern::icase);
  return re;
}
// "Her diagnoses were reported as X and Y", "Psychological diagnoses are X".
const Pattern& stated_plural() {
  static const Pattern re(
      R"(\b(?:(?:The|His|Her|Their|Current|Psychological|Psychiatric|Medical|Working|Final)\s+)+diagnoses\s+(?:were|are|have\s+been)\s*:?\s+(?:(?:reported|noted|listed|documented|given)\s+as\s+)?(.+?)(?:\.(?:\s|$)|\n|$))",
      Pattern::icase);
  return re;
}
const Pattern& diagnosed() {
  static const Pattern re(R"(\b(?:was|were|been|is)\s+diagnosed\s+(?:with|as\s+having)\s+(.+?)(?:\.(?:\s|$)|\n|$))",
                          Pattern::icase);
  return re;
}
const Pattern& stated_single() {
  static const Pattern re(
      R"(\b(?:The|His|Her|Their)\s+diagnosis\s+(?:was|is)\s*:?\s+(?:(?:reported|noted|listed|documented|given)\s+as\s+)?(.+?)(?:\.(?:\s|$)|\n|$))",
      Pattern::icase);
  return re;
}

// The sentence goes on after the diagnoses: "X and Y, and he underwent surgery".
const Pattern& clause_after() {
  static const Pattern re(
      R"(,?\s+(?:and|but|which|who)\s+(?:he|she|they|it|his|her|the\s+(?:patient|worker|injured|claimant|applicant|employee))\b)",
      Pattern::icase);
  return re;
}

const Pattern& semicolons() {
  static const Pattern re(R"(;\s*)");
  return re;
}
// Dashes and numbers open list items; a comma (with its serial "and") ends one.
const Pattern& list_marks() {
  static const Pattern re(R"((?:^|\s)(?:-|•)\s*|-\s+|,\s*(?:and\s+)?|\b\d{1,2}[.)]\s+)", Pattern::icase);
  return re;
}
const Pattern& bare_and() {
  static const Pattern re(R"(\s+and\s+(?!unspecified\b))", Pattern::icase);
  return re;
}
const Pattern& serial_comma() {
  static const Pattern re(R"(,\s+and\s)", Pattern::icase);
  return re;
}
// Words that qualify the diagnosis before them rather than name another
// ("lumbar fusion, status post hardware removal", "L1 fracture, healed").
const Pattern& qualifier() {
  static const Pattern re(
      R"(^(?:status\s+post|s/p|post-?operative|healed|resolved|improved|unresolved|(?:right|left)\s+(?:worse|greater)\s+than\s+(?:right|left))\b)",
      Pattern::icase);
  return re;
}

// A part made only of words of severity and course qualifies the diagnosis
// before it, as ICD and DSM names print them ("major depressive disorder,
// recurrent, severe", "..., single episode, moderate").
const Pattern& course_qualifier() {
  static const Pattern re(
      R"((?:(?:mild|moderate|severe|recurrent|single|episode|in|partial|full|remission|unspecified|chronic|acute|subacute|to|intractable|not|without|with|psychotic|features|initial|subsequent|encounter|sequela)\s*)+)",
      Pattern::icase);
  return re;
}

// "C6 and C7", "L4 and L5-S1": a spinal level or a number is no diagnosis of its own.
bool is_level(std::string_view piece) {
  static const Pattern re(R"([CTLS]\d{1,2}(?:\s*-\s*[CTLS]?\d{1,2})?|\d+)", Pattern::icase);
  return re.matches(trim_markup(piece));
}

// "a claim for a right shoulder labral tear": the article belongs to the sentence.
void drop_article(std::string& part) {
  for (const std::string_view article : {"a ", "an "})
    if (starts_with_icase(part, article)) part.erase(0, article.size());
}

std::size_t word_count(std::string_view s) {
  std::size_t words = 0;
  bool in_word = false;
  for (const char c : s) {
    const bool space = c == ' ';
    words += !space && !in_word;
    in_word = !space;
  }
  return words;
}

// A part split at each bare "and" that the kind allows. An "and" after
// "with" joins what the diagnosis is with ("adjustment disorder with mixed
// anxiety and depressed mood").
void add_split_at_and(std::vector<std::string>& out, const std::string& part, Kind kind) {
  static const Pattern with(R"(\bwith\b)", Pattern::icase);
  std::vector<std::string> pieces = split(part, bare_and());
  const bool one = pieces.size() > 1 && (search(pieces.front(), with).has_value() ||
                                         (kind == Kind::diagnosed && word_count(pieces.front()) < 2) ||
                                         std::ranges::any_of(pieces, is_level));
  if (one) pieces = {part};
  for (std::string& piece : pieces) out.push_back(std::move(piece));
}

std::vector<std::string> pieces_of(std::string_view text, Kind kind) {
  if (kind == Kind::single) return {std::string(text.substr(0, text.find_first_of(",;")))};
  if (text.find(';') != std::string_view::npos) return split(text, semicolons());
  if (kind == Kind::labelled) return {std::string(text)};
  std::vector<std::string> out;
  const bool serial = search(text, serial_comma()).has_value();
  for (const std::string& part : split(text, list_marks())) {
    if (!out.empty() && (search(part, qualifier()) || course_qualifier().matches(trim_markup(part)))) {
      out.back() += ", " + part;
    } else if (serial) {
      out.push_back(part);
    } else {
      add_split_at_and(out, part, kind);
    }
  }
  return out;
}

std::vector<std::string> parts_of(std::string_view text, Kind kind) {
  if (const auto clause = search(text, clause_after())) text = text.substr(0, offset_in(*clause, text));
  std::vector<std::string> out;
  for (std::string& part : pieces_of(text, kind)) {
    drop_article(part);
    while (!part.empty() && (part.back() == '.' || part.back() == ',' || part.back() == ' ')) part.pop_back();
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
  const Form forms[] = {{listed(), Kind::list},         {labelled_single(), Kind::labelled},
                        {included(), Kind::list},       {claimed(), Kind::list},
                        {stated_plural(), Kind::list},  {diagnosed(), Kind::diagnosed},
                        {stated_single(), Kind::single}};
  for (const Form& form : forms)
    if (const auto m = search(summary, form.pattern))
      if (auto found = parts_of(first_group(*m), form.kind); !found.empty()) return found;
  return {};
}

}  // namespace imr::indexer::parsing
