// Shared letter pieces; wording comes from the templates.
#include "letter_parts.h"

#include <array>

namespace imr::generator {
namespace {

// "a, b and c", the way the letters join short lists.
std::string joined(const std::vector<std::string>& parts, std::string_view last = " and ") {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += i + 1 == parts.size() ? std::string(last) : ", ";
    out += parts[i];
  }
  return out;
}

std::string joined_with(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? std::string(separator) : "") + parts[i];
  return out;
}

std::string requests_of(const LetterCase& c, Random& random) {
  std::vector<std::string> names;
  for (const CaseItem& item : c.items) names.push_back(random.chance(0.5) ? item.treatment : item.subject);
  if (names.size() > 1 && random.chance(0.3)) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i)
      out += (i ? " (" : "(") + std::string(1, static_cast<char>('a' + i)) + ") " + names[i];
    return out;
  }
  return joined(names);
}

std::string sex_word(const LetterCase& c, Random& random) {
  if (random.chance(0.85)) return c.sex;
  return c.sex == "male" ? (random.chance(0.5) ? "man" : "gentleman") : "woman";
}

// Two labels side by side, as the PDF's table comes out in text.
std::string pair_line(const std::string& left, const std::string& right) { return left + " " + right; }

}  // namespace

Paragraph header_table(const LetterCase& c, Random& random, const Labels& labels) {
  const auto field = [](std::string_view label, const std::string& value) { return std::string(label) + " " + value; };
  const std::array<std::string, 7> fields{
      "Case Number: " + c.case_number,
      "Date Assigned: " + header_date(c.assigned),
      "Date of Injury: " + header_date(c.injury),
      field(labels.decision_date, header_date(c.decision)),
      field(labels.ur_denial_date, header_date(c.ur_denial)),
      std::string("Priority: ") + (c.expedited ? "Expedited" : "Standard"),
      (random.chance(0.2) ? "Application\nReceived: " : "Application Received: ") + header_date(c.received)};
  std::string text;
  if (random.chance(0.6)) {
    text = pair_line(fields[0], "") + "\n" + pair_line(fields[1], fields[2]) + "\n" + pair_line(fields[3], fields[4]) +
           "\n" + pair_line(fields[5], fields[6]);
  } else {
    text = joined_with({fields.begin(), fields.end()}, "\n");
  }
  std::string tidy;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (!(text[i] == ' ' && (i + 1 == text.size() || text[i + 1] == '\n'))) tidy += text[i];
  return {Block::lines, tidy};
}

std::string reviewer_prose(const LetterCase& c) {
  std::string out = "Board Certified in " + c.certifications.front();
  if (c.certifications.size() > 1) out += ", has a subspecialty in " + c.certifications[1];
  return out + " and is licensed to practice in " + joined(c.license_states);
}

std::vector<Paragraph> credentials_block(const LetterCase& c, Random& random) {
  const std::string states = joined_with(c.license_states, random.chance(0.6) ? "," : ", ");
  return {{Block::prose, "The Expert Reviewer has the following credentials:"},
          {Block::lines, "State(s) of Licensure: " + states},
          {Block::lines, "Certification(s)/Specialty: " + joined_with(c.certifications, ", ")}};
}

std::vector<Paragraph> summary(const LetterCase& c, const TemplateBook& book, Random& random) {
  const auto date = [&](Date d) {
    return printed(d, random.chance(0.8) ? c.prose_dates : prose_style(random, year_of(c.decision)));
  };
  std::vector<std::string> past;
  for (const std::string& t : book.lines("past_treatment"))
    if (past.size() < 4 && random.chance(0.25)) past.push_back(t);
  if (past.empty()) past.push_back("medications");
  const int pain = random.between(5, 9);
  const Slots slots{{"age", std::to_string(c.age)},
                    {"sex", sex_word(c, random)},
                    {"injury", date(c.injury)},
                    {"report", date(add_days(c.ur_denial, -random.between(5, 40)))},
                    {"imaging", date(add_days(c.ur_denial, -random.between(60, 400)))},
                    {"ur", date(c.ur_denial)},
                    {"pain", std::to_string(pain)},
                    {"pain_low", std::to_string(pain - random.between(1, 3))},
                    {"treatments", joined(past)},
                    {"requests", requests_of(c, random)},
                    {"requests_word", c.items.size() > 1 ? "requests" : "request"},
                    {"diagnoses", joined(c.diagnoses)},
                    {"diagnoses_list", joined(c.diagnoses)},
                    {"diagnoses_dashed", joined_with(c.diagnoses, "- ")},
                    {"diagnoses_semicolon", joined_with(c.diagnoses, "; ")}};
  const auto fill = [&](std::string_view section) { return book.fill(section, slots, random); };
  const std::size_t form = random.weighted({0.4, 0.3, 0.3});  // listed, claimed, stated
  std::string first = fill(form == 1 ? "summary.opening_claim" : "summary.opening");
  for (const char* s : {"summary.mechanism", "summary.history", "summary.complaint", "summary.more_complaint"})
    first += " " + fill(s);
  // One fill per statement, in the order the seeds' letters were first drawn:
  // the operands of + are unsequenced, so "a + b" draws in a compiler's order.
  const std::string imaging = fill("summary.imaging");
  std::string second = fill("summary.exam") + " " + imaging;
  if (form == 0) second += " " + fill("summary.diagnoses_listed");
  if (form == 2) second += " " + fill("summary.diagnoses_stated");
  const std::string ur = fill(c.ur_in_summary ? "summary.ur" : "summary.no_ur");
  const std::string request = fill("summary.request");
  second += " " + fill("summary.plan") + " " + request + " " + ur;
  if (random.chance(0.5)) return {{Block::prose, first + " " + second}};
  return {{Block::prose, first}, {Block::prose, second}};
}

Paragraph item_heading(const CaseItem& item, std::string number, Random& random) {
  const std::string decision = item.upheld ? "Upheld" : "Overturned";
  return {Block::item_heading, number + item.treatment + (random.chance(0.5) ? ":  " : ": ") + decision};
}

std::vector<Paragraph> item_parts(const CaseItem& item, const Labels& labels) {
  const auto labelled = [](std::string_view label, const std::string& text) { return std::string(label) + " " + text; };
  std::vector<Paragraph> out;
  if (!item.claims_citation.empty()) out.push_back({Block::citation, labelled(labels.claims, item.claims_citation)});
  out.push_back({Block::citation, labelled(labels.reviewer, item.reviewer_citation)});
  out.push_back({Block::prose, labelled(labels.rationale, item.rationale)});
  return out;
}

std::vector<Paragraph> item_block(const CaseItem& item, std::string number, Random& random) {
  std::vector<Paragraph> out{item_heading(item, std::move(number), random)};
  add(out, item_parts(item, kStandardLabels));
  return out;
}

void add(LetterText& text, std::vector<Paragraph> more) {
  for (Paragraph& p : more) text.push_back(std::move(p));
}

}  // namespace imr::generator
