// Finds the printed certifications and states, then names them the way the
// vocabulary does, so the same specialty is one facet value however printed.
#include "reviewer_facts.h"

#include "field_values.h"
#include "text_util.h"

namespace imr::indexer::parsing {
namespace {

struct Printed {
  std::vector<std::string> certifications;
  std::string states;
};

const Pattern& list_separator() {
  static const Pattern re(R"(\s*(?:,|;|/|\band\b)\s*)", Pattern::icase);
  return re;
}

// The 2016 credentials block ("State(s) of Licensure: California,North Carolina").
Printed from_block(std::string_view text, const layout::LetterLabels& labels) {
  static const Pattern cert_separator(R"(\s*[,;]\s*)");
  const FieldValues fields(text, labels);
  Printed out;
  if (const auto states = fields.first("license_states")) out.states = *states;
  if (const auto certs = fields.first("certifications")) out.certifications = split(*certs, cert_separator);
  return out;
}

Printed from_prose(std::string_view text) {
  static const Pattern prose(
      R"(Board Certified in ([^,.\n]+?)(?:,?\s+(?:has|with)\s+(?:a\s+)?sub-?specialty\s+in\s+([^,.\n]+?))?,?\s+and\s+(?:is\s+)?licensed\s+to\s+practice\s+in\s+([^.\n]+))",
      Pattern::icase);
  Printed out;
  if (const auto m = search(text, prose)) {
    for (const std::size_t g : {1u, 2u})
      if (const auto c = trim(group(*m, g)); !c.empty()) out.certifications.emplace_back(c);
    out.states = group(*m, 3);
  }
  return out;
}

}  // namespace

ReviewerFacts reviewer_facts(std::string_view whole_text, const layout::LetterLabels& labels,
                             const schema::Vocabulary& vocabulary, const schema::Analyzer& analyzer) {
  Printed printed = from_block(whole_text, labels);
  if (printed.certifications.empty() && printed.states.empty()) printed = from_prose(whole_text);

  ReviewerFacts out;
  schema::Reviewer& r = out.reviewer;
  for (const std::string& c : printed.certifications) {
    const auto canonical = vocabulary.specialty(analyzer.tokens(c));
    if (!canonical) out.warnings.push_back("unknown reviewer certification \"" + c + "\"");
    r.certifications.push_back(canonical.value_or(c));
  }
  if (!r.certifications.empty()) r.specialty = r.certifications[0];
  if (r.certifications.size() > 1) r.subspecialty = r.certifications[1];
  for (const std::string& s : split(printed.states, list_separator())) {
    std::string_view name = trim_markup(s);
    while (!name.empty() && name.back() == '.') name.remove_suffix(1);
    if (const auto code = vocabulary.state_code(name))
      r.license_states.push_back(*code);
    else
      out.warnings.push_back("unknown license state \"" + s + "\"");
  }
  return out;
}

}  // namespace imr::indexer::parsing
