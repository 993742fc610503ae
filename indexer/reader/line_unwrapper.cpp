// unwrap_paragraphs: classify lines, pick the style, gather paragraphs, then
// mend paragraphs cut by page breaks.
#include "line_unwrapper.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "line_tidy.h"
#include "text_lines.h"

namespace imr::indexer::reader {
namespace {

// Share of text lines followed by an empty line that marks double spacing.
constexpr double kDoubleSpacedShare = 0.75;
// Share of single gaps between lines that break a sentence in a wrapped
// text; paragraphs one to a line break hardly any.
constexpr double kMidSentenceShare = 0.2;
// Fewer breaks than this tell nothing.
constexpr std::size_t kBreaksToTell = 4;
// Lines this long were not wrapped by anyone.
constexpr std::size_t kUnwrappedLineBytes = 200;
// Two empty lines are a text's line gap where gaps of one are at most this
// share of them; a text spaced by one has a gap of two only where a
// paragraph ends, far less often than a gap of one.
constexpr double kStrayGapShare = 0.1;

enum class LineKind { empty, blank, text };

LineKind kind_of(std::string_view line) {
  if (line.empty()) return LineKind::empty;
  return is_blank_line(line) ? LineKind::blank : LineKind::text;
}

bool ends_with_break_hyphen(std::string_view raw_line) {
  // "treat-" at the very end; "pain- " (with a space) is a dash, not a break.
  return raw_line.size() >= 2 && raw_line.back() == '-' && raw_line[raw_line.size() - 2] != ' ' &&
         raw_line[raw_line.size() - 2] != '-';
}

bool ends_sentence(std::string_view text) {
  return !text.empty() && std::string_view(".!?:;\")]").find(text.back()) != std::string_view::npos;
}

bool starts_lower(std::string_view text) { return !text.empty() && text.front() >= 'a' && text.front() <= 'z'; }

// Whether the breaks between text lines that have `empties` empty lines
// between them look like a wrapped text's: a wrapped text breaks many lines
// mid-sentence, the next line going on in lower case; paragraphs one to a
// line end with their sentence or are headings. Text with an empty line
// after every line is either double-spaced or one paragraph per line with
// single empty lines between (exported from HTML, Word or markdown); text
// without empty lines is either hard-wrapped or one paragraph per line. (A
// stray space-only line, such as a markdown hard break, proves nothing.)
// Nothing: too few such breaks to tell.
std::optional<bool> breaks_wrap(const std::vector<std::string_view>& lines, std::size_t empties) {
  std::size_t breaks = 0;
  std::size_t mid_sentence = 0;
  for (std::size_t i = 0; i + empties + 1 < lines.size(); ++i) {
    const std::string_view next = lines[i + empties + 1];
    if (kind_of(lines[i]) != LineKind::text || kind_of(next) != LineKind::text) continue;
    if (!std::all_of(lines.begin() + static_cast<long>(i) + 1, lines.begin() + static_cast<long>(i + empties) + 1,
                     [](std::string_view l) { return l.empty(); }))
      continue;
    ++breaks;
    const std::string line = tidy_line(lines[i]);
    mid_sentence += ends_with_break_hyphen(lines[i]) || (!ends_sentence(line) && starts_lower(tidy_line(next)));
  }
  if (breaks < kBreaksToTell) return std::nullopt;
  return static_cast<double>(mid_sentence) >= kMidSentenceShare * static_cast<double>(breaks);
}

// A line's last column and what stands before it, where a gap of two spaces
// or more (or a tab) divides them and the first does not end with a colon.
std::optional<std::pair<std::string_view, std::string_view>> table_row(std::string_view raw) {
  while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\t' || raw.back() == '\r')) raw.remove_suffix(1);
  std::size_t gap = raw.size();
  for (std::size_t i = raw.size(); i-- > 1;) {
    if (raw[i] == '\t' || (raw[i] == ' ' && raw[i - 1] == ' ')) {
      gap = i;
      break;
    }
  }
  if (gap == raw.size()) return std::nullopt;
  std::size_t first_end = gap;
  while (first_end > 0 && (raw[first_end - 1] == ' ' || raw[first_end - 1] == '\t')) --first_end;
  const std::string_view first = raw.substr(0, first_end);
  if (is_blank_line(first) || first.back() == ':') return std::nullopt;
  return std::pair{first, raw.substr(gap + 1)};
}

// A row's first cell when it is only the row's number ("1    Lunesta 3mg #30     Upheld"):
// the rest, the treatment; else the cells as they are.
std::string_view without_number_cell(std::string_view cells) {
  std::size_t i = 0;
  while (i < cells.size() && (cells[i] == ' ' || cells[i] == '\t')) ++i;
  const std::size_t digits = i;
  while (i < cells.size() && i - digits < 3 && cells[i] >= '0' && cells[i] <= '9') ++i;
  if (i == digits || i - digits > 2 || i + 1 >= cells.size()) return cells;
  const bool gap = cells[i] == '\t' || (cells[i] == ' ' && cells[i + 1] == ' ');
  return gap ? cells.substr(i) : cells;
}

class ParagraphBuilder {
 public:
  ParagraphBuilder(const Dehyphenator& dehyphenator, bool mend_page_breaks, const DecisionLineTest& is_decision_line,
                   const DecisionLineTest& is_decision_column, bool spaced_line_ends)
      : dehyphenator_(dehyphenator),
        mend_page_breaks_(mend_page_breaks),
        is_decision_line_(is_decision_line),
        is_decision_column_(is_decision_column),
        spaced_line_ends_(spaced_line_ends) {}

  void add_line(std::string_view raw) {
    const auto row = table_row(raw);
    if (row && add_table_row(*row)) return;
    const std::string tidy = tidy_line(raw);
    if (tidy.empty()) return;
    if (!row && continues_row(tidy)) return;
    open_row_.reset();
    last_line_has_columns_ = row.has_value();
    // "Norco 10/325mg #90" / "Upheld"; after "Norco 10/325mg #90:" it is the usual heading, wrapped.
    if (!current_.empty() && !current_.ends_with(':') && is_decision_line_ && is_decision_line_(tidy)) end_paragraph();
    if (current_.empty()) {
      current_ = tidy;
    } else if (hyphen_pending_) {
      dehyphenator_.join(current_, tidy);
    } else {
      dehyphenator_.join_unbroken(current_, tidy);
    }
    // Where every line ends with a space (PDF text), "treat- " is a break too.
    if (spaced_line_ends_ && raw.ends_with(' ')) raw.remove_suffix(1);
    hyphen_pending_ = ends_with_break_hyphen(raw);
  }

  // A row of a table of decisions ("Four-wheeled walker with seat      Overturned"):
  // the column gap stands for the colon of an item heading, and the row is a
  // paragraph of its own. A heading that has its colon is the usual kind.
  bool add_table_row(const std::pair<std::string_view, std::string_view>& row) {
    if (!is_decision_column_) return false;
    const std::string decision = tidy_line(row.second);
    if (!is_decision_column_(decision)) return false;
    // The line above in columns too is the table's header ("Requested service
    // Decision"), which introduces the rows rather than begins the first one.
    if (last_line_has_columns_ && !current_.empty() && !ends_sentence(current_)) current_ += ':';
    if (last_line_has_columns_ && current_.empty() && !paragraphs_.empty() && !ends_sentence(paragraphs_.back()))
      paragraphs_.back() += ':';
    last_line_has_columns_ = false;
    end_paragraph();
    const std::string treatment = tidy_line(without_number_cell(row.first));
    current_ = treatment + ": " + decision;
    end_paragraph();
    open_row_ = std::pair{treatment, decision};
    return true;
  }

  // The treatment cell of a row wrapped onto the line below ("99213 Office
  // visit, established patient,      Overturned" / "level 3"): a short line
  // starting lower-case right after the row belongs to its treatment.
  bool continues_row(const std::string& tidy) {
    constexpr std::size_t kMaxCellLineBytes = 80;
    if (!open_row_ || !current_.empty() || paragraphs_.empty() || tidy.size() > kMaxCellLineBytes ||
        !starts_lower(tidy))
      return false;
    open_row_->first += ' ' + tidy;
    paragraphs_.back() = open_row_->first + ": " + open_row_->second;
    return true;
  }

  void end_paragraph() {
    if (current_.empty()) {
      open_row_.reset();  // an empty line ends a table row
      return;
    }
    const bool continues = mend_page_breaks_ && !paragraphs_.empty() && starts_lower(current_) &&
                           (last_hyphen_pending_ || !ends_sentence(paragraphs_.back()));
    if (continues) {
      std::string& previous = paragraphs_.back();
      if (last_hyphen_pending_)
        dehyphenator_.join(previous, current_);
      else
        previous += ' ' + current_;
    } else {
      paragraphs_.push_back(std::move(current_));
    }
    last_hyphen_pending_ = hyphen_pending_;
    current_.clear();
    hyphen_pending_ = false;
  }

  std::vector<std::string> take() {
    end_paragraph();
    return std::move(paragraphs_);
  }

 private:
  const Dehyphenator& dehyphenator_;
  bool mend_page_breaks_;
  const DecisionLineTest& is_decision_line_;
  const DecisionLineTest& is_decision_column_;
  bool spaced_line_ends_;
  std::vector<std::string> paragraphs_;
  std::string current_;
  bool hyphen_pending_ = false;
  bool last_hyphen_pending_ = false;
  bool last_line_has_columns_ = false;
  std::optional<std::pair<std::string, std::string>> open_row_;  // the last table row: treatment, decision
};

// Whether nearly every text line ends with a space, as some PDF text does.
bool spaced_line_ends(const std::vector<std::string_view>& lines) {
  std::size_t text_lines = 0;
  std::size_t spaced = 0;
  for (const std::string_view line : lines) {
    if (kind_of(line) != LineKind::text) continue;
    ++text_lines;
    spaced += line.ends_with(' ');
  }
  return text_lines > 0 && static_cast<double>(spaced) >= kDoubleSpacedShare * static_cast<double>(text_lines);
}

}  // namespace

std::size_t line_gap(const std::vector<std::string_view>& lines) {
  std::size_t ones = 0;
  std::size_t twos = 0;
  std::size_t run = 0;
  bool after_text = false;
  for (const std::string_view line : lines) {
    const LineKind kind = kind_of(line);
    if (kind == LineKind::empty) {
      ++run;
      continue;
    }
    if (kind == LineKind::text && after_text) {
      ones += run == 1;
      twos += run == 2;
    }
    after_text = kind == LineKind::text;
    run = 0;
  }
  return twos >= kBreaksToTell && static_cast<double>(ones) <= kStrayGapShare * static_cast<double>(twos) ? 2 : 1;
}

LineStyle line_style_of(const std::vector<std::string_view>& lines) {
  std::size_t text_lines = 0;
  std::size_t followed_by_empty = 0;
  std::size_t long_lines = 0;
  const std::size_t gap = line_gap(lines);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (kind_of(lines[i]) != LineKind::text) continue;
    ++text_lines;
    followed_by_empty += i + 1 < lines.size() && lines[i + 1].empty();
    long_lines += lines[i].size() >= kUnwrappedLineBytes;
  }
  if (text_lines >= 4 && static_cast<double>(followed_by_empty) >= kDoubleSpacedShare * text_lines &&
      breaks_wrap(lines, gap).value_or(true))
    return LineStyle::double_spaced;
  if (long_lines * 2 > text_lines || !breaks_wrap(lines, 0).value_or(true)) return LineStyle::paragraph_per_line;
  return LineStyle::hard_wrapped;
}

std::vector<std::string> unwrap_paragraphs(std::string_view text, const Dehyphenator& dehyphenator,
                                           const DecisionLineTest& is_decision_line,
                                           const DecisionLineTest& is_decision_column) {
  const std::vector<std::string_view> lines = split_lines(text);
  const LineStyle style = line_style_of(lines);
  const bool has_blank_lines =
      std::ranges::any_of(lines, [](std::string_view l) { return kind_of(l) == LineKind::blank; });
  // Where a gap of empty lines can end a paragraph, it can also be a page break.
  const bool gaps_end_paragraphs = style == LineStyle::hard_wrapped || !has_blank_lines;
  const std::size_t paragraph_gap = line_gap(lines) + 1;
  ParagraphBuilder builder(dehyphenator, style != LineStyle::paragraph_per_line && gaps_end_paragraphs,
                           is_decision_line, is_decision_column, spaced_line_ends(lines));
  std::size_t empty_run = 0;
  for (const std::string_view line : lines) {
    const LineKind kind = kind_of(line);
    empty_run = kind == LineKind::empty ? empty_run + 1 : 0;
    if (kind == LineKind::text) {
      builder.add_line(line);
      if (style == LineStyle::paragraph_per_line) builder.end_paragraph();
    } else if (style != LineStyle::double_spaced || kind == LineKind::blank) {
      builder.end_paragraph();
    } else if (!has_blank_lines && empty_run == paragraph_gap) {
      // Double spacing without blank lines: only a larger gap can end a paragraph.
      builder.end_paragraph();
    }
  }
  return builder.take();
}

}  // namespace imr::indexer::reader
