// Finds the printed certifications and states, then names them the way the
// vocabulary does, so the same specialty is one facet value however printed.
#include "reviewer_facts.h"

#include <algorithm>
#include <unordered_map>

#include "field_values.h"
#include "imr/schema/data_table.h"
#include "imr/schema/text.h"
#include "text_util.h"

namespace imr::indexer::parsing {
namespace {

// A piece of the printed credentials: bytes [begin, end) of Printed::credentials.
struct Piece {
  std::size_t begin;
  std::size_t end;
};

struct Printed {
  std::string credentials;    // the certifications as printed, one phrase on one line
  std::vector<Piece> pieces;  // one certification each, as printed
  std::string states;
};

const Pattern& list_separator() {
  static const Pattern re(R"(\s*(?:,|;|/|\band\b)\s*)", Pattern::icase);
  return re;
}

// The pieces between separators, each without its lead-in words and spaces.
std::vector<Piece> pieces_of(std::string_view text, const Pattern& separator, const Pattern& lead_in) {
  std::vector<Piece> out;
  const auto add = [&](std::size_t begin, std::size_t end) {
    if (const auto m = lead_in.prefix_of(text.substr(begin, end - begin))) begin += m->length(0);
    while (begin < end && text[begin] == ' ') ++begin;
    while (end > begin && text[end - 1] == ' ') --end;
    if (begin < end) out.push_back({begin, end});
  };
  std::size_t start = 0;
  for (const Match& m : search_all(text, separator)) {
    add(start, offset_in(m, text));
    start = offset_in(m, text) + m.length(0);
  }
  add(start, text.size());
  return out;
}

Printed printed(std::string_view credentials, const Pattern& separator, const Pattern& lead_in,
                std::string_view states) {
  Printed out{std::string(regex_window(credentials)), {}, std::string(states)};
  std::ranges::replace(out.credentials, '\n', ' ');
  out.pieces = pieces_of(out.credentials, separator, lead_in);
  return out;
}

// The 2016 credentials block ("State(s) of Licensure: California,North Carolina").
Printed from_block(std::string_view text, const layout::LetterLabels& labels) {
  static const Pattern cert_separator(R"(\s*[,;]\s*)");
  static const Pattern no_lead_in("^");
  const FieldValues fields(text, labels);
  const auto states = fields.first("license_states");
  const auto certs = fields.first("certifications");
  return printed(certs.value_or(""), cert_separator, no_lead_in, states.value_or(""));
}

// "The expert reviewer is <credentials> and is licensed (to practice) in <states>" (or "holds
// <credentials>", or the credentials alone after a "Reviewer:" label, "; licensed in <states>"),
// the states running on over a line break after a separator and past the
// periods of old abbreviations ("Calif., Ariz., N. Mex. and Wash."),
// the credentials opening with a board certification or a licence: "Board
// Certified in Anesthesiology, has a subspecialty in Pain Management",
// "Licensed in Chiropractic, Acupuncture", "a Licensed Psychologist", "a
// Diplomate of the American Board of Psychiatry and Neurology (Psychiatry)".
Printed from_prose(std::string_view text) {
  static const Pattern prose(
      R"((?:\b(?:is|holds)\s+|:\s+)((?:an?\s+)?(?:board|licensed|certified|registered|diplomate|doctor|psycholog|chiropract|acupunctur|physical\s+therap|podiatr|dentist|pharmacist|nurse)[^.]{0,300}?)(?:,?\s+and|;)\s+(?:is\s+)?(?:also\s+)?licensed\s+(?:to\s+practice\s+)?in\s+((?:[^.\n]|\.(?=\s*(?:[,;&]|and\b|[A-Z][a-z]{0,4}\.))|(?<=[,;&.]|and)[ \t]*\n)+))",
      Pattern::icase);
  static const Pattern separator(
      R"(\s*(?:[,;]|\b(?:has|with)\s+(?:a\s+)?sub-?specialty\s+in\b|\band\s+(?:is\s+)?(?:also\s+)?(?:board[\s-]+certified|licensed|certified)\s+in\b)\s*)",
      Pattern::icase);
  // A board's diplomate holds what the board certified: the certification in
  // brackets where the board certifies several, else the board's own name. A
  // physician's degree ("a Doctor of Osteopathy, is Board Certified in ...")
  // certifies no specialty.
  static const Pattern lead_in(
      R"((?:is\s+)?(?:also\s+)?(?:an?\s+)?(?:(?:board[\s-]+certified|board\s+certification|licensed|certified)\s+in\s+|diplomate\s+of\s+(?:the\s+)?(?:American\s+)?Board\s+of\s+(?:[^(),;]*\(\s*)?|doctor\s+of\s+(?:osteopathy|osteopathic\s+medicine|medicine)\s*$)?)",
      Pattern::icase);
  if (const auto m = search(text, prose)) return printed(group(*m, 1), separator, lead_in, group(*m, 2));
  return {};
}

const Pattern& state_lead_in() {
  static const Pattern re(R"((?:the\s+)?(?:(?:states?|commonwealth)\s+of\s+)?)", Pattern::icase);
  return re;
}

// Shortened words of credentials -> the words they stand for
// (schema/data/specialty_abbreviations.tsv).
const std::unordered_map<std::string, std::vector<std::string>>& abbreviations() {
  static const auto table = [] {
    std::unordered_map<std::string, std::vector<std::string>> out;
    for (const schema::TsvRow& row : schema::read_data_table("specialty_abbreviations.tsv", 2, 2)) {
      static const Pattern spaces(R"(\s+)");
      std::vector<std::string> words;
      for (const std::string& word : split(row.column(1), spaces)) words.push_back(text::lower(word));
      out.emplace(text::lower(row.column(0)), std::move(words));
    }
    return out;
  }();
  return table;
}

// The tokens with each shortened word written out, every full word standing
// where the short one was printed, so a match still maps to its piece.
std::vector<schema::Token> with_abbreviations_written_out(std::vector<schema::Token> tokens) {
  std::vector<schema::Token> out;
  out.reserve(tokens.size());
  for (schema::Token& token : tokens) {
    const auto found = token.compound ? abbreviations().end() : abbreviations().find(token.term);
    if (found == abbreviations().end()) {
      out.push_back(std::move(token));
      continue;
    }
    for (const std::string& word : found->second) {
      out.push_back(token);
      out.back().term = word;
    }
  }
  return out;
}

// The canonical names of the printed pieces. Named on the whole phrase, so a
// name with a comma in it stays one ("Endocrinology, Diabetes and
// Metabolism"); a piece the vocabulary names nothing in stays as printed.
std::vector<std::string> certifications(const Printed& printed, const schema::Vocabulary& vocabulary,
                                        const schema::Analyzer& analyzer, std::vector<std::string>& warnings) {
  const auto tokens = with_abbreviations_written_out(analyzer.tokens(printed.credentials));
  const auto named = vocabulary.specialties_in(tokens);
  std::vector<std::string> out;
  for (const Piece& piece : printed.pieces) {
    bool covered = false;
    bool named_in_piece = false;
    for (const auto& n : named) {
      const std::size_t begin = tokens[n.begin].start;
      if (begin >= piece.end || tokens[n.end - 1].end <= piece.begin) continue;
      covered = true;
      // "Foot and Ankle Surgery (podiatry)": a bracket after a certification glosses it.
      if (named_in_piece && begin > 0 && printed.credentials[begin - 1] == '(') continue;
      named_in_piece = true;
      if (begin >= piece.begin && std::ranges::find(out, n.name) == out.end()) out.push_back(n.name);
    }
    if (covered) continue;
    const std::string raw = printed.credentials.substr(piece.begin, piece.end - piece.begin);
    warnings.push_back("unknown reviewer certification \"" + raw + "\"");
    out.push_back(raw);
  }
  return out;
}

// "California He/she has been in active practice": a line break ended the
// list where a period should have; the state the text starts with, of up to
// this many words.
constexpr std::size_t kMaxStateWords = 3;

std::optional<std::string> state_before_sentence(std::string_view text, const schema::Vocabulary& vocabulary) {
  std::vector<std::size_t> ends;
  for (std::size_t i = 0; i < text.size() && ends.size() < kMaxStateWords; ++i)
    if (text[i] == ' ') ends.push_back(i);
  for (auto it = ends.rbegin(); it != ends.rend(); ++it)
    if (const auto code = vocabulary.state_code(text.substr(0, *it))) return *code;
  return std::nullopt;
}

}  // namespace

ReviewerFacts reviewer_facts(std::string_view whole_text, const layout::LetterLabels& labels,
                             const schema::Vocabulary& vocabulary, const schema::Analyzer& analyzer) {
  Printed printed = from_block(whole_text, labels);
  if (printed.pieces.empty() && printed.states.empty()) printed = from_prose(whole_text);

  ReviewerFacts out;
  schema::Reviewer& r = out.reviewer;
  r.certifications = certifications(printed, vocabulary, analyzer, out.warnings);
  if (!r.certifications.empty()) r.specialty = r.certifications[0];
  if (r.certifications.size() > 1) r.subspecialty = r.certifications[1];
  for (const std::string& s : split(printed.states, list_separator())) {
    std::string_view name = trim_markup(s);
    while (!name.empty() && name.back() == '.') name.remove_suffix(1);
    // "the District of Columbia", "the State of California", "California (CA)".
    if (const auto m = state_lead_in().prefix_of(name)) name = trim_markup(name.substr(m->length(0)));
    if (const std::size_t bracket = name.find(" ("); bracket != std::string_view::npos && name.ends_with(')'))
      name = trim_markup(name.substr(0, bracket));
    if (const auto code = vocabulary.state_code(name)) {
      r.license_states.push_back(*code);
    } else if (const auto first = state_before_sentence(name, vocabulary)) {
      r.license_states.push_back(*first);
      break;  // the rest is the next sentence
    } else {
      out.warnings.push_back("unknown license state \"" + s + "\"");
    }
  }
  return out;
}

}  // namespace imr::indexer::parsing
