// Finds the printed certifications and states, then names them the way the
// vocabulary does, so the same specialty is one facet value however printed.
#include "reviewer_facts.h"

#include <algorithm>
#include <regex>

#include "field_values.h"
#include "text_util.h"

namespace imr::indexer::parsing {
namespace {

struct Printed {
  std::vector<std::string> certifications;
  std::string states;
};

const std::regex& list_separator() {
  static const std::regex re(R"(\s*(?:,|;|/|\band\b)\s*)", std::regex::icase);
  return re;
}

// The 2016 credentials block ("State(s) of Licensure: California,North Carolina").
Printed from_block(std::string_view text, const layout::LetterLabels& labels) {
  static const std::regex cert_separator(R"(\s*[,;]\s*)");
  const FieldValues fields(text, labels);
  Printed out;
  if (const auto states = fields.first("license_states")) out.states = *states;
  if (const auto certs = fields.first("certifications")) out.certifications = split(*certs, cert_separator);
  return out;
}

// "Board Certified in Anesthesiology, has a subspecialty in Pain Management",
// "Licensed in Chiropractic, Acupuncture", "a Licensed Psychologist": one
// certification per piece, its lead-in words dropped.
std::vector<std::string> certifications_of(std::string_view credentials) {
  static const std::regex separator(
      R"(\s*(?:[,;]|\b(?:has|with)\s+(?:a\s+)?sub-?specialty\s+in\b|\band\s+(?:is\s+)?(?:also\s+)?(?:board[\s-]+certified|licensed|certified)\s+in\b)\s*)",
      std::regex::icase);
  static const std::regex lead_in(
      R"(^(?:is\s+)?(?:also\s+)?(?:an?\s+)?(?:(?:board[\s-]+certified|licensed|certified)\s+in\s+)?)",
      std::regex::icase);
  std::string flat(credentials);
  std::ranges::replace(flat, '\n', ' ');
  std::vector<std::string> out;
  for (const std::string& piece : split(flat, separator))
    if (auto c = std::string(trim(std::regex_replace(piece, lead_in, ""))); !c.empty()) out.push_back(std::move(c));
  return out;
}

// "The expert reviewer is <credentials> and is licensed to practice in <states>",
// the credentials opening with a board certification or a licence.
Printed from_prose(std::string_view text) {
  static const std::regex prose(
      R"(\bis\s+((?:an?\s+)?(?:board|licensed|certified|registered|doctor|psycholog|chiropract|acupunctur|physical\s+therap|podiatr|dentist|pharmacist|nurse)[^.]{0,300}?),?\s+and\s+(?:is\s+)?(?:also\s+)?licensed\s+to\s+practice\s+in\s+([^.\n]+))",
      std::regex::icase);
  Printed out;
  if (const auto m = search(text, prose)) {
    out.certifications = certifications_of(group(*m, 1));
    out.states = group(*m, 2);
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
