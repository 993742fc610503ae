// A single pass over the paragraphs. An item opens at its heading (or its
// notice sentence) and each label switches which of its parts the following
// paragraphs belong to; a section heading or the next item closes it.
#include "printed_items.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <functional>
#include <memory>
#include <optional>
#include <utility>

#include "imr/layout/letter_labels.h"
#include "text_util.h"

namespace imr::indexer::parsing {
namespace {

enum class Part { none, claims, reviewer, rationale };

// The item labels of letter_labels.tsv, by name.
Part part_named(std::string_view name) {
  if (name == "claims_guideline") return Part::claims;
  if (name == "maximus_guideline") return Part::reviewer;
  if (name == "rationale") return Part::rationale;
  return Part::none;
}

// Item headings are short; a long paragraph ending in "Upheld" is prose.
constexpr std::size_t kMaxHeadingBytes = 600;

struct LabelMatch {
  Part part = Part::none;
  std::string_view rest;
};

LabelMatch label_of(std::string_view paragraph, const layout::LetterLabels& labels) {
  const std::string_view p = trim_markup(paragraph);
  const auto match = labels.match_at(p, 0);
  if (!match || match->label->kind != layout::LabelKind::label) return {};
  const Part part = part_named(match->label->name);
  if (part == Part::none) return {};
  std::string_view rest = trim_markup(p.substr(match->end));
  if (!rest.empty() && rest.front() == ':') rest = trim_markup(rest.substr(1));
  return {part, rest};
}

// The number an item heading starts with, in the forms letters print: "1)",
// "2.", "(3)", "a)", "(b)", "C.", "IV.", or a numbering word of the labels
// before it ("Item 1:", "Disputed Item #2 -", "Treatment 3."), or that word
// alone with its colon ("Disputed Treatment: X"), then the lead words of the
// labels ("Request for X"). Neither is part of the treatment.
class ItemNumbering {
 public:
  explicit ItemNumbering(const layout::LetterLabels& labels) : pattern_(regex(labels), Pattern::none) {
    for (const layout::Label& label : labels.labels())
      if (label.kind == layout::LabelKind::lead) leads_.push_back(label.text + " ");
  }

  std::pair<int, std::string_view> split(std::string_view text) const {
    text = trim_markup(text);
    const auto m = search(text.substr(0, kMaxNumberingBytes), pattern_);
    if (!m) return {0, without_lead(text)};
    return {value_of(*m), without_lead(trim_markup(text.substr(static_cast<std::size_t>(m->length(0)))))};
  }

 private:
  static constexpr std::size_t kMaxNumberingBytes = 40;

  std::string_view without_lead(std::string_view text) const {
    for (const std::string& lead : leads_)
      if (text.size() > lead.size() && starts_with_icase(text, lead)) return trim_markup(text.substr(lead.size()));
    return text;
  }

  static std::string escaped(std::string_view text) {
    std::string out;
    for (const char c : text) {
      if (c == ' ') {
        out += "\\s+";
        continue;
      }
      if (!std::isalnum(static_cast<unsigned char>(c))) out += '\\';
      out += c;
    }
    return out;
  }

  // Groups: 1-3 after a numbering word (digits, roman, letter); 4 digits, 5 roman, 6-8 a letter.
  static std::string regex(const layout::LetterLabels& labels) {
    std::string words;
    for (const layout::Label& label : labels.labels())
      if (label.kind == layout::LabelKind::numbering) words += (words.empty() ? "" : "|") + escaped(label.text);
    std::string worded;
    if (!words.empty())
      worded =
          "(?i:(?:" + words +
          R"()(?:\s*(?:no\.?\s*|#\s*)?(?:(\d{1,2})(?:\s+of\s+\d{1,2})?|([ivx]{1,5})|([a-h]))(?:\s*[:.)\-]|\s+-)|\s*:))|)";
    return "^(?:" + worded +
           R"(\(?(\d{1,2})\s*[.)]|\(?([IVX]{1,5}|[ivx]{1,5})[.)]|\(?([a-h])\)|\(([A-H])\)|([A-H])[.)])\s+)";
  }

  static int roman(std::string_view text) {
    int total = 0, last = 0;
    for (auto it = text.rbegin(); it != text.rend(); ++it) {
      const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(*it)));
      const int v = c == 'x' ? 10 : c == 'v' ? 5 : 1;
      total += v < last ? -v : v;
      last = std::max(last, v);
    }
    return total;
  }

  static int value_of(const Match& m) {
    for (const std::size_t g : {1U, 4U}) {
      if (!m[g].matched) continue;
      int n = 0;
      const std::string_view digits = m.group(g);
      std::from_chars(digits.data(), digits.data() + digits.size(), n);
      return n;
    }
    for (const std::size_t g : {2U, 5U})
      if (m[g].matched) return roman(m.group(g));
    for (const std::size_t g : {3U, 6U, 7U, 8U})
      if (m[g].matched) return std::tolower(static_cast<unsigned char>(m.group(g).front())) - 'a' + 1;
    return 0;
  }

  Pattern pattern_;
  std::vector<std::string> leads_;
};

// "the request for a lumbar epidural injection": the article belongs to the sentence.
std::string_view without_article(std::string_view treatment) {
  for (const std::string_view article : {"a ", "an "})
    if (starts_with_icase(treatment, article)) return trim_markup(treatment.substr(article.size()));
  return treatment;
}

PrintedItem item_of(std::string_view treatment, std::string_view decision = {}, int number = 0) {
  PrintedItem item;
  item.treatment = std::string(treatment);
  item.decision = std::string(decision);
  item.number = number;
  return item;
}

bool has_word_character(std::string_view s) {
  for (const char c : s)
    if (std::isalnum(static_cast<unsigned char>(c))) return true;
  return false;
}

// A page break can join a heading to the paragraph before it ("... is not
// medically necessary. Norco 10/325mg: Upheld"): the heading starts after the
// last sentence of at least this many words that a capital follows. Shorter
// runs are part of the treatment ("Compound cream: Flurbiprofen 20%").
constexpr std::size_t kMinSentenceWords = 5;
// A full stop ends a shorter sentence too ("Weaning is recommended."); only a
// colon joins a few words to what follows.
constexpr std::size_t kMinSentenceWordsBeforeFullStop = 3;

std::size_t heading_start(std::string_view text) {
  std::size_t words = 0;  // in the sentence so far
  std::size_t start = 0;
  for (std::size_t i = 1; i + 1 < text.size(); ++i) {
    if (text[i] != ' ') continue;
    ++words;
    if (text[i - 1] != '.' && text[i - 1] != ':') continue;
    const std::size_t min_words = text[i - 1] == '.' ? kMinSentenceWordsBeforeFullStop : kMinSentenceWords;
    if (words >= min_words && std::isupper(static_cast<unsigned char>(text[i + 1]))) start = i + 1;
    words = 0;
  }
  return start;
}

struct DecidedHeading {
  std::string_view lead;  // the end of the paragraph before, when a page break joined them
  PrintedItem item;
};

// "X: Denial upheld", "X: UR denial overturned": what was upheld is named
// before the decision; the heading still ends at its colon.
std::string_view without_denial_word(std::string_view before) {
  for (const std::string_view word : {"denial", "UR", "the"}) {
    if (before.size() <= word.size() || !starts_with_icase(before.substr(before.size() - word.size()), word)) continue;
    const std::string_view rest = before.substr(0, before.size() - word.size());
    if (rest.back() != ' ' && rest.back() != ':') continue;
    before = trim_markup(rest);
  }
  return before;
}

// Leaders running from an item heading to its decision, as a table of
// contents prints them ("X ........ Upheld", "X ------ Upheld", "X ____
// Upheld", "X . . . . Upheld"): their length, or 0 when fewer than three
// leader characters end the text. Fewer are punctuation ("10 mg.").
std::size_t leader_length(std::string_view before) {
  constexpr std::size_t kMinLeaders = 3;
  std::size_t length = 0, leaders = 0;
  while (length < before.size()) {
    const char c = before[before.size() - 1 - length];
    if (c == '.' || c == '-' || c == '_') {
      ++leaders;
    } else if (std::isspace(static_cast<unsigned char>(c)) == 0) {
      break;
    }
    ++length;
  }
  return leaders >= kMinLeaders ? length : 0;
}

// What stands between an item heading and its decision: a colon ("X:
// Upheld"), or a hyphen, en dash or em dash after a space ("X - Upheld"), as
// letters typed anew print it; its length, or 0 for none.
std::size_t decision_separator(std::string_view before) {
  if (before.ends_with(':')) return 1;
  for (const std::string_view dash : {" --", " -", " \u2013", " \u2014"})
    if (before.ends_with(dash)) return dash.size();
  return 0;
}

// The decision words of the labels, longest first, so that "Not medically
// necessary" is tried before the "Medically necessary" it ends with.
std::vector<const layout::Label*> decision_words(const layout::LetterLabels& labels) {
  std::vector<const layout::Label*> out;
  for (const layout::Label& label : labels.labels())
    if (label.kind == layout::LabelKind::decision) out.push_back(&label);
  std::ranges::stable_sort(out, std::greater<>(), [](const layout::Label* l) { return l->text.size(); });
  return out;
}

// "Carisoprodol 350mg QTY: 30.00: Upheld" -> the item; checked by hand rather
// than by regex because it runs on every paragraph, however long.
std::optional<DecidedHeading> decided_heading(std::string_view paragraph,
                                              const std::vector<const layout::Label*>& decisions,
                                              const ItemNumbering& numbering) {
  std::string_view p = trim_markup(paragraph);
  if (p.size() > kMaxHeadingBytes) return std::nullopt;
  while (!p.empty() && p.back() == '.') p = trim_markup(p.substr(0, p.size() - 1));
  // "X (Upheld)": the brackets stand for the colon.
  const bool bracketed = p.ends_with(')');
  if (bracketed) p = trim_markup(p.substr(0, p.size() - 1));
  for (const layout::Label* decision : decisions) {
    const std::string_view word = decision->text;
    if (p.size() <= word.size() || !starts_with_icase(p.substr(p.size() - word.size()), word)) continue;
    const std::string_view raw = p.substr(0, p.size() - word.size());
    // Leaders are read before the markup is trimmed: an underscore is both.
    const std::size_t leaders = bracketed ? 0 : leader_length(raw);
    const std::string_view before = without_denial_word(trim_markup(raw.substr(0, raw.size() - leaders)));
    const std::size_t separator =
        bracketed ? (before.ends_with('(') ? 1 : 0) : (leaders > 0 ? 0 : decision_separator(before));
    if (separator == 0 && leaders == 0) continue;
    const std::size_t start = heading_start(before);
    const auto [number, treatment] =
        numbering.split(trim_markup(before.substr(start, before.size() - separator - start)));
    if (!has_word_character(treatment)) return std::nullopt;
    return DecidedHeading{trim_markup(before.substr(0, start)), item_of(treatment, decision->name, number)};
  }
  return std::nullopt;
}

// "Upheld", "Overturned.", "Decision: Upheld" below an item heading: the
// decision (the name of its label); "Decision:" alone gives "", its decision
// being the next paragraph.
std::optional<std::string_view> bare_decision(std::string_view paragraph, const layout::LetterLabels& labels) {
  std::string_view p = trim_markup(paragraph);
  while (!p.empty() && p.back() == '.') p = trim_markup(p.substr(0, p.size() - 1));
  const auto match = labels.match_at(p, 0);
  if (match && match->label->kind == layout::LabelKind::label && match->label->name == "decision") {
    p = trim_markup(p.substr(match->end));
    if (p.empty()) return std::string_view{};
  }
  const layout::Label* decision = labels.decision_word(p);
  if (!decision) return std::nullopt;
  return std::string_view(decision->name);
}

bool ends_sentence(std::string_view text, std::string_view ends) {
  return !text.empty() && ends.find(text.back()) != std::string_view::npos;
}

// "1) Regarding the request for acupuncture 2x4:" -> the item the block details.
std::optional<PrintedItem> regarding_heading(std::string_view paragraph, const ItemNumbering& numbering) {
  static constexpr std::string_view kRegarding = "Regarding the request for ";
  if (paragraph.size() > kMaxHeadingBytes) return std::nullopt;
  auto [number, rest] = numbering.split(paragraph);
  if (!starts_with_icase(rest, kRegarding)) return std::nullopt;
  rest = trim_markup(rest.substr(kRegarding.size()));
  if (!rest.empty() && rest.back() == ':') rest = trim_markup(rest.substr(0, rest.size() - 1));
  if (!has_word_character(rest)) return std::nullopt;
  return item_of(without_article(rest), {}, number);
}

// "1) MAXIMUS Federal Services, Inc. has determined the request for X is not
// medically necessary and appropriate."
std::vector<PrintedItem> notice_decisions(std::string_view paragraph) {
  static const Pattern decided(
      R"((?:(\d{1,2})\s*[.)]\s*)?MAXIMUS Federal Services,? Inc\.? has determined the request for (.+?) is (not )?medically necessary)",
      Pattern::icase);
  std::vector<PrintedItem> out;
  if (!contains_icase(paragraph, "has determined the request for")) return out;
  for (const Match& m : search_all(paragraph, decided)) {
    int number = 0;
    const std::string_view digits = group(m, 1);
    std::from_chars(digits.data(), digits.data() + digits.size(), number);
    // "the request for X, 80 hours, is not ...": the comma before "is" closes the sentence's insertion.
    std::string_view treatment = trim_markup(group(m, 2));
    while (!treatment.empty() && treatment.back() == ',')
      treatment = trim_markup(treatment.substr(0, treatment.size() - 1));
    out.push_back(item_of(without_article(treatment), m[3].matched ? "upheld" : "overturned", number));
  }
  return out;
}

std::string key_of(std::string_view treatment) {
  std::string key;
  for (const char c : treatment)
    if (std::isalnum(static_cast<unsigned char>(c)))
      key.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return key;
}

void append(std::string& to, std::string_view text, std::string_view separator) {
  if (text.empty()) return;
  if (!to.empty()) to += separator;
  to += text;
}

// The reviewer may adopt the claims administrator's citation by reference.
bool adopts_claims_citation(std::string_view reviewer_citation) {
  static const Pattern adopts(
      R"(found that the [^.]{0,80}used by the Claims Administrator (?:was|were) (?:appropriate|relevant|applicable))",
      Pattern::icase);
  return search(reviewer_citation, adopts).has_value();
}

// "ODG Knee Chapter, Transportation, for the transportation": the words a
// segment of a citation shared by several items says it is for.
std::vector<std::string> segment_targets(std::string_view segment) {
  static const Pattern target(R"(\bfor\s+(?:the\s+|an?\s+)?([A-Za-z][A-Za-z-]{2,}))", Pattern::icase);
  std::vector<std::string> out;
  for (const Match& m : search_all(segment, target)) out.push_back(lower(group(m, 1)));
  return out;
}

bool names_word_of(std::string_view treatment, const std::vector<std::string>& words) {
  static const Pattern word(R"([A-Za-z][A-Za-z-]*)");
  for (const Match& m : search_all(treatment, word))
    if (std::ranges::find(words, lower(group(m, 0))) != words.end()) return true;
  return false;
}

// One guideline section for several items may say which citation is for
// which ("MTUS ..., for the aide; ODG ..., for the transportation"): an item
// takes the segments that name a word of its treatment, when some but not
// all do; else the whole section.
std::string own_segments(const std::string& citation, const PrintedItem& item) {
  static const Pattern semicolon(R"(;\s*)");
  const std::vector<std::string> segments = split(citation, semicolon);
  if (segments.size() < 2) return citation;
  std::string own;
  std::size_t taken = 0;
  for (const std::string& segment : segments) {
    if (!names_word_of(item.treatment, segment_targets(segment))) continue;
    append(own, segment, "; ");
    ++taken;
  }
  return taken == 0 || taken == segments.size() ? citation : own;
}

// PDF lines of an item heading are at most this long; a longer paragraph
// before a heading is not its first line.
constexpr std::size_t kMaxHeadingLineBytes = 160;

// A paragraph of plain text and the part of an item it was added to, so
// that it can be taken back when it turns out to be the next item's heading.
struct PlainParagraph {
  std::string text;
  std::optional<std::size_t> item;
  Part part = Part::none;
  std::size_t size_before = 0;  // of that part's text
};

std::string* text_of(PrintedItem& item, Part part) {
  switch (part) {
    case Part::claims:
      return &item.claims_citation;
    case Part::reviewer:
      return &item.reviewer_citation;
    case Part::rationale:
      return &item.rationale;
    case Part::none:
      return nullptr;
  }
  return nullptr;
}

// A line a heading can go on after: short, and stopping mid-sentence.
bool continues_line(std::string_view before) {
  return !before.empty() && before.size() <= kMaxHeadingLineBytes && !ends_sentence(before, ".!?:;");
}

// "QTY: 60.00", "Qty: 60", "Quantity 30.00" on a line of its own: the count
// of the heading above it, not an item.
bool is_quantity_line(std::string_view text) {
  static const Pattern quantity(R"((?:qty|quantity)\s*[:#]?\s*\d+(?:\.\d+)?)", Pattern::icase);
  return text.size() < 32 && quantity.matches(trim_markup(text));
}

// The conclusion phrases of the labels, lower-cased, longest first.
std::vector<std::pair<std::string, const layout::Label*>> conclusion_phrases(const layout::LetterLabels& labels) {
  std::vector<std::pair<std::string, const layout::Label*>> out;
  for (const layout::Label& label : labels.labels())
    if (label.kind == layout::LabelKind::conclusion) out.emplace_back(lower(label.text), &label);
  std::ranges::stable_sort(out, std::greater<>(), [](const auto& c) { return c.first.size(); });
  return out;
}

struct Conclusion {
  std::size_t start = 0;
  std::size_t end = 0;
  std::string_view decision;
};

// The last conclusion phrase in text, as whole words; the longest of those
// starting there ("is not medically necessary and appropriate").
std::optional<Conclusion> last_conclusion(std::string_view text,
                                          const std::vector<std::pair<std::string, const layout::Label*>>& phrases) {
  const std::string lowered = lower(text);
  std::optional<Conclusion> found;
  for (const auto& [phrase, label] : phrases) {
    for (std::size_t at = lowered.rfind(phrase); at != std::string::npos;
         at = at == 0 ? std::string::npos : lowered.rfind(phrase, at - 1)) {
      const std::size_t end = at + phrase.size();
      const bool whole = (at == 0 || !std::isalnum(static_cast<unsigned char>(lowered[at - 1]))) &&
                         (end == lowered.size() || !std::isalnum(static_cast<unsigned char>(lowered[end])));
      if (!whole) continue;
      if (!found || at > found->start) found = Conclusion{at, end, label->name};
      break;
    }
  }
  return found;
}

// "Outcome: Denial upheld", "DETERMINATION: The Claims Administrator's decision is reversed."
// below an item heading: a decision label whose value is a decision of several
// words or a sentence ending in a conclusion.
std::optional<std::string_view> labelled_conclusion(
    std::string_view paragraph, const layout::LetterLabels& labels,
    const std::vector<std::pair<std::string, const layout::Label*>>& phrases) {
  std::string_view p = trim_markup(paragraph);
  if (p.size() > kMaxHeadingBytes) return std::nullopt;
  while (!p.empty() && p.back() == '.') p = trim_markup(p.substr(0, p.size() - 1));
  const auto match = labels.match_at(p, 0);
  if (!match || match->label->kind != layout::LabelKind::label || match->label->name != "decision") return std::nullopt;
  p = trim_markup(p.substr(match->end));
  if (const layout::Label* decision = labels.decision_in_full(p)) return std::string_view(decision->name);
  const auto conclusion = last_conclusion(p, phrases);
  if (!conclusion || conclusion->end != p.size()) return std::nullopt;
  return conclusion->decision;
}

// "/dgm", "PM/dgm": the typist's reference below a letter's last paragraph.
bool is_reference_initials(std::string_view text) {
  static const Pattern initials(R"([A-Za-z]{0,4}/[A-Za-z]{2,4})");
  return text.size() <= 9 && initials.matches(trim_markup(text));
}

// Where the last sentence of text starts: after the last ". ", "? " or "! "
// that a capital follows; npos when text is one sentence.
std::size_t last_sentence_start(std::string_view text) {
  for (std::size_t i = text.size(); i-- > 2;)
    if (std::isupper(static_cast<unsigned char>(text[i])) && text[i - 1] == ' ' &&
        std::string_view(".?!").find(text[i - 2]) != std::string_view::npos)
      return i;
  return std::string_view::npos;
}

// The next item's heading that PDF text joined to the end of a rationale:
// words after its last sentence that end no sentence ("... is medically
// necessary. Lumbar facet injections L3-L4" / "Decision: Upheld"), or, with
// decided set, a last sentence that ends with a decision word ("... not
// medically necessary. Home exercise kit is overturned." / "Claims
// Administrator guideline: ..."). Taken off the rationale; "" when none.
std::string take_joined_heading(std::string& rationale, const layout::LetterLabels& labels, bool decided) {
  const std::string_view text = trim_markup(rationale);
  const std::size_t start = last_sentence_start(text);
  if (start == std::string_view::npos || text.size() - start > kMaxHeadingBytes) return {};
  std::string_view tail = text.substr(start);
  if (decided) {
    if (!tail.ends_with('.')) return {};
    const std::string_view sentence = tail.substr(0, tail.size() - 1);
    const std::size_t space = sentence.rfind(' ');
    if (space == std::string_view::npos) return {};
    // In the sentence the decision is lower case; as a label it starts with a capital.
    std::string word(sentence.substr(space + 1));
    if (word.empty()) return {};
    word.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(word.front())));
    if (!labels.decision_word(word)) return {};
  } else if (std::string_view(".?!:;\")").find(tail.back()) != std::string_view::npos) {
    return {};
  }
  std::string heading(tail);
  rationale.resize(static_cast<std::size_t>(text.data() - rationale.data()) + start);
  while (!rationale.empty() && rationale.back() == ' ') rationale.pop_back();
  return heading;
}
}  // namespace

struct ItemRules {
  explicit ItemRules(const layout::LetterLabels& labels)
      : labels(labels), decisions(decision_words(labels)), conclusions(conclusion_phrases(labels)), numbering(labels) {}
  const layout::LetterLabels& labels;
  const std::vector<const layout::Label*> decisions;
  const std::vector<std::pair<std::string, const layout::Label*>> conclusions;
  const ItemNumbering numbering;
};

namespace {

class ItemScanner {
 public:
  explicit ItemScanner(const ItemRules& rules)
      : labels_(rules.labels),
        decisions_(rules.decisions),
        conclusions_(rules.conclusions),
        numbering_(rules.numbering) {}

  void paragraph(const Paragraph& p) {
    if (p.heading) close();
    section_ = p.section;
    read(p.body);
  }

  PrintedItems finish() {
    const auto sharing = std::ranges::count_if(out_.items, [](const PrintedItem& i) { return !i.reviewer_cited; });
    for (PrintedItem& item : out_.items) complete(item, sharing > 1);
    return std::move(out_);
  }

 private:
  void read(std::string_view text) {
    if (text.empty()) return;
    if (auto notices = notice_decisions(text); !notices.empty()) return add_notices(std::move(notices));
    const bool decision_announced = std::exchange(decision_announced_, false);
    if (const auto decision = bare_decision(text, labels_)) return decided_below(*decision);
    if (const auto decision = labelled_conclusion(text, labels_, conclusions_)) return decided_below(*decision);
    if (auto heading = decided_heading(text, decisions_, numbering_)) {
      // "Decision:" announced the decision of the paragraph above; a heading
      // with its own decision shows that paragraph was a table's caption
      // ("Requested service" / "Decision:" / "Walker: Overturned").
      if (decision_announced) last_plain_ = {};
      read(heading->lead);  // strictly shorter than text, so this ends
      if (heading->lead.empty() && continues_heading(heading->item)) join_first_line(heading->item);
      return open(std::move(heading->item), false);
    }
    if (auto item = regarding_heading(text, numbering_)) return open(std::move(*item), true);
    if (const LabelMatch label = label_of(text, labels_); label.part != Part::none) return labelled(label);
    content(text);
  }

  void close() {
    current_.reset();
    part_ = Part::none;
    last_plain_ = {};
  }

  // The paragraph before was plain text; it goes back out of the item part
  // it was added to.
  std::string withdraw_last_plain() {
    PlainParagraph plain = std::exchange(last_plain_, {});
    if (plain.item)
      if (std::string* text = text_of(out_.items[*plain.item], plain.part)) text->resize(plain.size_before);
    return std::move(plain.text);
  }

  // A heading that PDF text broke over two paragraphs ("Physical therapy ...
  // for six" / "weeks QTY: 12.00: Overturned"): the paragraph before is a
  // line that stops mid-sentence, and this heading is not numbered anew.
  bool continues_heading(const PrintedItem& heading) const {
    return heading.number == 0 && continues_line(last_plain_.text) &&
           last_plain_.text.size() + heading.treatment.size() < kMaxHeadingBytes;
  }

  // The first line carries the heading's numbering, if any ("2) Nucynta ER" / "100mg #120: Upheld").
  void join_first_line(PrintedItem& heading) {
    const std::string joined = withdraw_last_plain() + " " + heading.treatment;
    const auto [number, treatment] = numbering_.split(joined);
    heading.number = number;
    heading.treatment = std::string(treatment);
  }

  // A decision printed below its heading ("Norco 10/325mg #90" / "Upheld", or
  // after a dotted leader):
  // the paragraph before is the heading, unless it ends a sentence and an
  // open item still lacks its decision (the decision closes the item's block).
  void decided_below(std::string_view decision) {
    if (decision.empty()) {  // "Decision:" alone; the plain paragraph before stays the heading
      decision_announced_ = true;
      return;
    }
    if (last_plain_.text.empty() && current_)
      last_plain_.text = take_joined_heading(out_.items[*current_].rationale, labels_, false);
    const std::string& before = last_plain_.text;
    // "X ........" / "Upheld": leaders end the heading's line, not a sentence.
    const std::size_t leaders = leader_length(before);
    const bool heading_before =
        !before.empty() && before.size() <= kMaxHeadingBytes && (leaders > 0 || !ends_sentence(before, ".!?"));
    if (!heading_before) {
      if (current_ && out_.items[*current_].decision.empty()) out_.items[*current_].decision = std::string(decision);
      return;
    }
    std::string heading = withdraw_last_plain();
    heading.resize(heading.size() - leaders);
    while (!heading.empty() && (heading.back() == ':' || heading.back() == ' ')) heading.pop_back();
    const auto [number, treatment] = numbering_.split(heading);
    if (has_word_character(treatment)) open(item_of(treatment, decision, number), false);
  }

  void add_notices(std::vector<PrintedItem> notices) {
    close();
    for (PrintedItem& n : notices) out_.items.push_back(std::move(n));
  }

  // A "Regarding" block details an item already decided, when there is one;
  // a decided heading repeats one listed before with nothing of its own yet
  // (an item table above the items' blocks).
  //
  // The same heading right after a bare one is either the next row of a
  // table listing one treatment twice, or the block of a table's last row:
  // it opens an item of its own, taken back if its block shows it was the row's.
  void open(PrintedItem item, bool details) {
    const bool repeats_current = !details && current_ && is_bare(out_.items[*current_]) &&
                                 key_of(out_.items[*current_].treatment) == key_of(item.treatment) &&
                                 out_.items[*current_].decision == item.decision;
    close();
    if (const auto found = details ? find(item) : repeats_current ? std::nullopt : listed_before(item)) {
      current_ = *found;
    } else {
      out_.items.push_back(std::move(item));
      current_ = out_.items.size() - 1;
      if (repeats_current) repeated_row_ = current_;
    }
    if (details) switch_to(part_of_section());
  }

  // A repeated heading whose block begins: the block of the first row it
  // repeats that has none yet, when there is one.
  void settle_repeated_row() {
    if (!current_ || std::exchange(repeated_row_, std::nullopt) != current_ || *current_ + 1 != out_.items.size())
      return;
    const PrintedItem repeated = out_.items.back();
    out_.items.pop_back();
    if (const auto listed = listed_before(repeated)) {
      current_ = *listed;
      return;
    }
    out_.items.push_back(repeated);
  }

  // The item's part that the following paragraphs fill; a part entered counts
  // as cited, so letter-wide text does not replace it.
  void switch_to(Part part) {
    part_ = part;
    PrintedItem& item = out_.items[*current_];
    if (part == Part::claims) item.claims_cited = true;
    if (part == Part::reviewer) item.reviewer_cited = true;
  }

  std::optional<std::size_t> find(const PrintedItem& item) const {
    const std::string key = key_of(item.treatment);
    for (std::size_t i = 0; i < out_.items.size(); ++i) {
      const PrintedItem& other = out_.items[i];
      if ((item.number != 0 && other.number == item.number) || key_of(other.treatment) == key) return i;
    }
    return std::nullopt;
  }

  std::optional<std::size_t> listed_before(const PrintedItem& item) const {
    const std::string key = key_of(item.treatment);
    for (std::size_t i = 0; i < out_.items.size(); ++i) {
      const PrintedItem& other = out_.items[i];
      const bool same_decision = item.decision.empty() || other.decision == item.decision;
      if (key_of(other.treatment) == key && same_decision && is_bare(other)) return i;
    }
    return std::nullopt;
  }

  static bool is_bare(const PrintedItem& item) {
    return !item.claims_cited && !item.reviewer_cited && item.claims_citation.empty() &&
           item.reviewer_citation.empty() && item.rationale.empty();
  }

  Part part_of_section() const {
    if (section_ == Section::guidelines) return Part::reviewer;
    if (section_ == Section::rationale) return Part::rationale;
    return Part::none;
  }

  void labelled(const LabelMatch& label) {
    settle_repeated_row();
    if (current_ && repeats(label.part)) reopen_after_heading();
    if (!current_) open_undecided();
    if (!current_) return;
    switch_to(label.part);
    add(label.rest);
    last_plain_ = {};
  }

  bool repeats(Part part) const {
    const PrintedItem& item = out_.items[*current_];
    return (part == Part::claims && item.claims_cited) || (part == Part::reviewer && item.reviewer_cited) ||
           (part == Part::rationale && !item.rationale.empty());
  }

  // The item's labels start over: the paragraph before was the heading of a
  // next item, read as the end of this one's rationale.
  void reopen_after_heading() {
    std::string heading = withdraw_last_plain();
    if (heading.empty()) heading = take_joined_heading(out_.items[*current_].rationale, labels_, true);
    close();
    last_plain_.text = std::move(heading);
  }

  // A label with no item open: the paragraph before it was an item heading,
  // either one that lost its decision or one whose decision a table above the
  // items' blocks gave ("Four-wheeled walker      Overturned").
  void open_undecided() {
    if (last_plain_.text.empty() || last_plain_.text.size() > kMaxHeadingBytes) return;
    PrintedItem item = item_of(numbering_.split(last_plain_.text).second);
    if (const auto listed = listed_before(item)) {
      current_ = *listed;
      return;
    }
    out_.items.push_back(std::move(item));
    current_ = out_.items.size() - 1;
  }

  void content(std::string_view text) {
    if (is_reference_initials(text)) return;
    // The name of an item a table listed, alone, numbered or not: the heading of that item's block.
    if (text.size() <= kMaxHeadingBytes)
      if (const auto listed = listed_before(item_of(numbering_.split(text).second))) {
        close();
        current_ = *listed;
        return;
      }
    if (is_quantity_line(text) && continues_line(last_plain_.text))
      return content(withdraw_last_plain() + " " + std::string(text));  // not a quantity line: ends here
    last_plain_ = {};
    last_plain_.text = std::string(text);
    if (!current_) {
      if (section_ == Section::guidelines) append(letter_guidelines_, text, " ");
      if (section_ == Section::rationale) append(letter_rationale_, text, "\n\n");
      return;
    }
    if (part_ != Part::rationale) switch_by_sentence(text);
    last_plain_.item = current_;
    last_plain_.part = part_;
    if (const std::string* part = text_of(out_.items[*current_], part_)) last_plain_.size_before = part->size();
    add(text);
  }

  // Citations that come without a label: "The Expert Reviewer based their
  // decision on ...", or a second "Decision based on ..." after the claims line.
  void switch_by_sentence(std::string_view text) {
    const PrintedItem& item = out_.items[*current_];
    if (starts_with_icase(text, "The Expert Reviewer based") ||
        (part_ == Part::claims && !item.claims_citation.empty() && starts_with_icase(text, "Decision based on"))) {
      switch_to(Part::reviewer);
    } else if (starts_with_icase(text, "The Claims Administrator based") ||
               starts_with_icase(text, "The Claims Administrator did not cite")) {
      switch_to(Part::claims);
    }
  }

  void add(std::string_view text) {
    if (std::string* part = text_of(out_.items[*current_], part_))
      append(*part, text, part_ == Part::rationale ? "\n\n" : " ");
  }

  void complete(PrintedItem& item, bool shared) {
    if (!item.reviewer_cited)
      item.reviewer_citation = shared ? own_segments(letter_guidelines_, item) : letter_guidelines_;
    if (item.rationale.empty()) item.rationale = letter_rationale_;
    if (adopts_claims_citation(item.reviewer_citation))
      item.reviewer_citation = item.claims_citation + " " + item.reviewer_citation;
    if (item.decision.empty()) decide_by_heading(item);
    if (item.decision.empty()) decide_by_rationale(item);
    if (item.decision.empty()) out_.warnings.push_back("item heading without a decision: \"" + item.treatment + "\"");
  }

  // A heading that says its decision as a sentence ("The request for Norco
  // 10/325mg #60 is not medically necessary.", "X is overturned."): the
  // treatment is what the sentence is about.
  void decide_by_heading(PrintedItem& item) const {
    std::string_view heading = trim_markup(item.treatment);
    while (!heading.empty() && heading.back() == '.') heading = trim_markup(heading.substr(0, heading.size() - 1));
    const auto c = last_conclusion(heading, conclusions_);
    if (!c || c->end != heading.size() || c->start == 0) return;
    const std::string_view about = without_article(numbering_.split(heading.substr(0, c->start)).second);
    if (!has_word_character(about)) return;
    item.decision = std::string(c->decision);
    item.treatment = std::string(about);
  }

  // A heading with no decision of its own: the rationale's last conclusion
  // decides ("... Therefore, the UR decision is overturned.").
  void decide_by_rationale(PrintedItem& item) const {
    if (const auto c = last_conclusion(item.rationale, conclusions_)) item.decision = std::string(c->decision);
  }

  PrintedItems out_;
  std::optional<std::size_t> current_;
  Part part_ = Part::none;
  const layout::LetterLabels& labels_;
  const std::vector<const layout::Label*>& decisions_;
  const std::vector<std::pair<std::string, const layout::Label*>>& conclusions_;
  const ItemNumbering& numbering_;
  Section section_ = Section::preamble;
  PlainParagraph last_plain_;
  bool decision_announced_ = false;          // the paragraph before was "Decision:" alone
  std::optional<std::size_t> repeated_row_;  // an item opened by a heading repeating the bare one before
  std::string letter_guidelines_;
  std::string letter_rationale_;
};

}  // namespace

std::shared_ptr<const ItemRules> item_rules(const layout::LetterLabels& labels) {
  return std::make_shared<const ItemRules>(labels);
}

PrintedItems printed_items(const LetterText& text, const ItemRules& rules) {
  ItemScanner scanner(rules);
  for (const Paragraph& p : text.paragraphs()) scanner.paragraph(p);
  return scanner.finish();
}

}  // namespace imr::indexer::parsing
