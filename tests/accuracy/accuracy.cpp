// imr-accuracy DIR --thresholds FILE: parses every letter of a generated
// corpus (DIR/truth.jsonl names them) with the indexer's loader, in each text
// shape written (.txt, and .pdf and .md where the generator wrote them), and
// compares each field with the truth. With --rendered N, the first N text
// letters are also re-rendered in every text shape of tests/support/
// text_shapes.h (double-spaced, one paragraph per line, CRLF, wrapped at 60,
// 80 and 120 columns, markdown, the PDF's two-column header, pages with
// furniture), each scored as a shape of its own against the txt thresholds.
// Prints per-field accuracy by shape and
// by layout, and exits 1 when a field is below its threshold in any shape,
// when a shape asked for has no letters, or when there are no letters at all.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "imr/pipeline/letter_loader.h"
#include "text_shapes.h"

namespace {

namespace fs = std::filesystem;
using imr::schema::Item;
using imr::schema::Record;

// Field name -> the value as compared (and shown when wrong).
using Values = std::vector<std::pair<std::string, std::string>>;

struct Tally {
  std::size_t right = 0, total = 0;
  double share() const { return total ? static_cast<double>(right) / static_cast<double>(total) : 1.0; }
};

struct Shape {
  std::string name;       // "txt", "pdf", "markdown"
  std::string extension;  // of the letter files
};
const std::vector<Shape> kShapes{{"txt", "txt"}, {"pdf", "pdf"}, {"markdown", "md"}};

// A txt letter re-rendered in a text shape is scored as "txt>SHAPE"; the
// same letters as written, as "txt>as-written", which each shape must match.
constexpr std::string_view kRenderedPrefix = "txt>";
constexpr std::string_view kAsWritten = "txt>as-written";

std::string rendered_name(std::string_view shape) { return std::string(kRenderedPrefix) + std::string(shape); }

// Letters compare case- and spacing-insensitively where people would not
// call two printings different.
std::string folded(std::string_view text) {
  std::string s(text);
  for (auto pos = s.find("\u2019"); pos != std::string::npos; pos = s.find("\u2019", pos)) s.replace(pos, 3, "'");
  std::string out;
  for (const char c : s) {
    const bool space = c == ' ' || c == '\n' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string shown(const std::optional<std::string>& v) { return v ? *v : "null"; }
std::string shown(const std::optional<int>& v) { return v ? std::to_string(*v) : "null"; }

std::string shown(const std::vector<std::string>& v) {
  std::string out = "[";
  for (const std::string& s : v) out += (out.size() > 1 ? "|" : "") + s;
  return out + "]";
}

// The contract gives drugs and guidelines no order: compared as sets.
std::string shown_as_set(std::vector<std::string> v) {
  std::ranges::sort(v);
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return shown(v);
}

std::vector<std::string> folded(const std::vector<std::string>& v) {
  std::vector<std::string> out;
  for (const auto& s : v) out.push_back(folded(s));
  return out;
}

Values letter_values(const Record& r) {
  return {{"case_number", shown(r.case_number)},
          {"case_number_from", shown(r.case_number_from)},
          {"dates.assigned", shown(r.dates.assigned)},
          {"dates.injury", shown(r.dates.injury)},
          {"dates.decision", shown(r.dates.decision)},
          {"dates.ur_denial", shown(r.dates.ur_denial)},
          {"dates.application_received", shown(r.dates.application_received)},
          {"priority", shown(r.priority)},
          {"reviewer.specialty", shown(r.reviewer.specialty)},
          {"reviewer.subspecialty", shown(r.reviewer.subspecialty)},
          {"reviewer.certifications", shown(r.reviewer.certifications)},
          {"reviewer.license_states", shown(r.reviewer.license_states)},
          {"patient.age", shown(r.patient.age)},
          {"patient.sex", shown(r.patient.sex)},
          {"diagnoses", shown(folded(r.diagnoses))},
          {"outcome", shown(r.outcome)},
          {"layout", r.layout},
          {"items.count", std::to_string(r.items.size())}};
}

Values item_values(const Item& i) {
  return {{"item.treatment", folded(i.treatment)},
          {"item.decision", i.decision},
          {"item.drugs", shown_as_set(i.drugs)},
          {"item.category", i.category},
          {"item.drug_class", shown(i.drug_class)},
          {"item.guidelines", shown_as_set(i.guidelines)},
          {"item.claims_guidelines", shown_as_set(i.claims_guidelines)},
          {"item.rationale", folded(i.rationale)}};
}

// Every field scored, in the order of the tables.
std::vector<std::string> field_names() {
  std::vector<std::string> out;
  for (const auto& [field, value] : letter_values(Record{})) out.push_back(field);
  for (const auto& [field, value] : item_values(Item{})) out.push_back(field);
  return out;
}

class Scores {
 public:
  void score(const std::string& field, bool right, const std::string& shape, const std::string& layout) {
    for (Tally* t : {&by_shape_[field][shape], &by_layout_[field][layout]}) {
      ++t->total;
      t->right += right;
    }
  }
  const Tally& of(const std::string& field, const std::string& shape) const { return find(by_shape_, field, shape); }
  const Tally& in_layout(const std::string& field, const std::string& layout) const {
    return find(by_layout_, field, layout);
  }

 private:
  using Table = std::map<std::string, std::map<std::string, Tally>>;
  static const Tally& find(const Table& table, const std::string& field, const std::string& column) {
    static const Tally none;
    const auto row = table.find(field);
    if (row == table.end()) return none;
    const auto cell = row->second.find(column);
    return cell == row->second.end() ? none : cell->second;
  }
  Table by_shape_, by_layout_;
};

// The first few wrong values of each field, to show what went wrong.
class Examples {
 public:
  explicit Examples(std::size_t per_field = 3) : per_field_(per_field) {}
  void add(const std::string& field, const std::string& where, const std::string& truth, const std::string& parsed) {
    auto& list = examples_[field];
    if (list.size() >= per_field_) return;
    const auto differ = std::ranges::mismatch(truth, parsed).in1 - truth.begin();
    const std::size_t from = differ > 40 ? static_cast<std::size_t>(differ) - 30 : 0;
    list.push_back(where + ": truth " + clipped(truth, from) + "  parsed " + clipped(parsed, from));
  }
  void print() const {
    for (const auto& [field, list] : examples_)
      for (const std::string& e : list) std::printf("  %-26s %s\n", field.c_str(), e.c_str());
  }

 private:
  // Long values (rationales) are shown from a little before where they differ.
  static std::string clipped(const std::string& s, std::size_t from) {
    const std::string head = from == 0 ? "" : "...";
    if (from >= s.size()) return head;
    return head + (s.size() - from <= 90 ? s.substr(from) : s.substr(from, 87) + "...");
  }
  std::size_t per_field_;
  std::map<std::string, std::vector<std::string>> examples_;
};

struct Letter {
  const Record& truth;
  const Record& parsed;
  bool readable;  // an unreadable letter is wrong in every field
  std::string source, shape;
};

// where: the letter, and for an item its treatment, as the example names it.
void compare_values(Scores& s, Examples& e, const Letter& l, const std::string& where, const Values& truth,
                    const Values& parsed) {
  for (std::size_t f = 0; f < truth.size(); ++f) {
    const bool right = l.readable && truth[f].second == parsed[f].second;
    s.score(truth[f].first, right, l.shape, l.truth.layout);
    if (!right) e.add(truth[f].first, where, truth[f].second, l.readable ? parsed[f].second : "(unreadable)");
  }
}

// Items are paired by position; where the counts differ, no pairing can be
// trusted, so every true item counts as wrong in every item field.
void compare(Scores& s, Examples& e, const Letter& l) {
  compare_values(s, e, l, l.source, letter_values(l.truth), letter_values(l.parsed));
  const bool paired = l.truth.items.size() == l.parsed.items.size();
  for (std::size_t i = 0; i < l.truth.items.size(); ++i) {
    const Values truth = item_values(l.truth.items[i]);
    Values parsed = paired ? item_values(l.parsed.items[i]) : truth;
    if (!paired)
      for (auto& [field, value] : parsed) value = "(item count " + std::to_string(l.parsed.items.size()) + ")";
    compare_values(s, e, l, l.source + " \"" + l.truth.items[i].treatment + "\"", truth, parsed);
  }
}

// "field <TAB> shape or * <TAB> lowest accepted accuracy in percent".
std::map<std::pair<std::string, std::string>, double> read_thresholds(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::map<std::pair<std::string, std::string>, double> out;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line.front() == '#') continue;
    std::istringstream row(line);
    std::string field, shape;
    double percent = -1;
    if (!(row >> field >> shape >> percent) || percent < 0 || percent > 100)
      throw std::runtime_error(path + ": not \"field shape percent\": " + line);
    out[{field, shape}] = percent / 100;
  }
  return out;
}

struct Run {
  Scores scores;
  Examples examples;
  std::map<std::string, std::size_t> letters;  // per shape
  std::set<std::string> layouts;
};

void score_parsed(Run& run, const Record& truth, const Record& parsed, bool readable, const std::string& source,
                  const std::string& shape) {
  ++run.letters[shape];
  run.layouts.insert(truth.layout);
  compare(run.scores, run.examples, {truth, parsed, readable, source, shape});
}

struct Scored {
  Record parsed;
  std::string clean_text;  // for rendering the letter in other shapes
};

Scored score_letter(Run& run, const imr::indexer::LetterLoader& loader, const fs::path& dir, const Record& truth,
                    const Shape& shape) {
  const std::string source = fs::path(truth.source).replace_extension(shape.extension).generic_string();
  if (shape.name != "txt" && !fs::exists(dir / source)) return {};
  Record parsed;
  std::string clean;
  bool readable = true;
  try {
    auto loaded = loader.load(dir / source, source);
    parsed = std::move(loaded.parsed.record);
    clean = std::move(loaded.clean_text);
  } catch (const std::exception& err) {
    std::fprintf(stderr, "imr-accuracy: %s: %s\n", source.c_str(), err.what());
    readable = false;
  }
  score_parsed(run, truth, parsed, readable, source, shape.name);
  return {parsed, clean};
}

// The letter's paragraphs, as the reader found them in its txt file, in every text shape.
void score_rendered(Run& run, const imr::indexer::LetterLoader& loader,
                    const imr::indexer::layout::LetterLabels& labels, const Record& truth, const Record& as_written,
                    const std::string& clean) {
  score_parsed(run, truth, as_written, true, truth.source, std::string(kAsWritten));
  const auto blocks = imr::testing::blocks_of_clean_text(clean, labels);
  for (const auto& shape : imr::testing::kTextShapes) {
    const std::string bytes = imr::testing::render(blocks, shape.shape, labels);
    const Record parsed = loader.load_bytes(bytes, shape.format, truth.source).parsed.record;
    score_parsed(run, truth, parsed, true, truth.source, rendered_name(shape.name));
  }
}

void print_by_shape(const Run& run, const std::vector<std::string>& fields, const std::vector<std::string>& shapes) {
  std::printf("\nper-field accuracy by text shape (letters:");
  for (const auto& shape : shapes)
    std::printf(" %s %zu", shape.c_str(), run.letters.count(shape) ? run.letters.at(shape) : 0);
  std::printf(")\n%-28s", "field");
  for (const auto& shape : shapes) std::printf(" %9s", shape.c_str());
  std::printf(" %9s\n", "n (txt)");
  for (const auto& field : fields) {
    std::printf("%-28s", field.c_str());
    for (const auto& shape : shapes) std::printf(" %8.2f%%", 100 * run.scores.of(field, shape).share());
    std::printf(" %9zu\n", run.scores.of(field, "txt").total);
  }
}

// One row per re-rendered shape: the fields a shape most often breaks, and its weakest field.
void print_rendered(const Run& run, const std::vector<std::string>& fields, const std::vector<std::string>& shapes) {
  const std::vector<std::string> shown{"items.count", "item.treatment", "item.decision", "item.rationale"};
  std::printf("\nper-field accuracy of txt letters re-rendered in each text shape\n%-34s %7s", "shape", "letters");
  for (const auto& field : shown) std::printf(" %15s", field.c_str());
  std::printf("  weakest field\n");
  for (const auto& shape : shapes) {
    if (!shape.starts_with(kRenderedPrefix)) continue;
    std::printf("%-34s %7zu", shape.c_str(), run.letters.count(shape) ? run.letters.at(shape) : 0);
    for (const auto& field : shown) std::printf(" %14.2f%%", 100 * run.scores.of(field, shape).share());
    const auto weakest = std::ranges::min_element(
        fields, {}, [&](const std::string& field) { return run.scores.of(field, shape).share(); });
    std::printf("  %s %.2f%%\n", weakest->c_str(), 100 * run.scores.of(*weakest, shape).share());
  }
}

void print_by_layout(const Run& run, const std::vector<std::string>& fields) {
  std::printf("\nper-field accuracy by layout (all shapes)\n%-28s", "field");
  for (const auto& layout : run.layouts) std::printf(" %16.16s", layout.c_str());
  std::printf("\n%-28s", "  letters scored");
  for (const auto& layout : run.layouts) std::printf(" %16zu", run.scores.in_layout("layout", layout).total);
  std::printf("\n%-28s", "  items scored");
  for (const auto& layout : run.layouts) std::printf(" %16zu", run.scores.in_layout("item.category", layout).total);
  std::printf("\n");
  for (const auto& field : fields) {
    std::printf("%-28s", field.c_str());
    for (const auto& layout : run.layouts) std::printf(" %15.2f%%", 100 * run.scores.in_layout(field, layout).share());
    std::printf("\n");
  }
}

// Every field in every shape against its threshold ("*" or the shape's own).
bool check_thresholds(const Run& run, const std::vector<std::string>& fields, const std::vector<std::string>& shapes,
                      const std::map<std::pair<std::string, std::string>, double>& thresholds) {
  bool ok = true;
  for (const auto& field : fields)
    for (const auto& shape : shapes) {
      const double share = run.scores.of(field, shape).share();
      if (shape.starts_with(kRenderedPrefix)) {
        // A rendered shape must read its letters as well as they read as written.
        const double written = run.scores.of(field, std::string(kAsWritten)).share();
        if (share >= written) continue;
        std::printf("FAIL %s (%s): %.2f%% is below the same letters as written, %.2f%%\n", field.c_str(), shape.c_str(),
                    100 * share, 100 * written);
        ok = false;
        continue;
      }
      auto it = thresholds.find({field, shape});
      if (it == thresholds.end()) it = thresholds.find({field, "*"});
      if (it == thresholds.end()) {
        std::printf("FAIL %s: no threshold\n", field.c_str());
        ok = false;
        continue;
      }
      if (share >= it->second) continue;
      std::printf("FAIL %s (%s): %.2f%% is below its threshold %.2f%%\n", field.c_str(), shape.c_str(), 100 * share,
                  100 * it->second);
      ok = false;
    }
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir, thresholds_path;
  std::vector<std::string> shapes{"txt"};
  std::size_t examples = 3;
  std::size_t rendered = 0;
  CLI::App app{"Per-field parse accuracy over a generated corpus"};
  app.add_option("dir", dir, "folder written by imr-generate")->required();
  app.add_option("--thresholds", thresholds_path, "file of lowest accepted accuracies (field, shape or *, percent)")
      ->required();
  app.add_option("--shapes", shapes, "text shapes that must have letters: txt, pdf, markdown")
      ->delimiter(',')
      ->check(CLI::IsMember({"txt", "pdf", "markdown"}));
  app.add_option("--examples", examples, "wrong values shown per field");
  app.add_option("--rendered", rendered, "txt letters also re-rendered in every text shape (the first N)");
  CLI11_PARSE(app, argc, argv);

  try {
    const auto thresholds = read_thresholds(thresholds_path);
    std::ifstream truth_file(dir + "/truth.jsonl");
    if (!truth_file) throw std::runtime_error("cannot read " + dir + "/truth.jsonl");
    const imr::indexer::LetterLoader loader(imr::schema::Vocabulary::builtin());
    Run run;
    run.examples = Examples(examples);
    const imr::indexer::ReaderData reader_data = imr::indexer::ReaderData::builtin();
    std::size_t letters = 0;
    for (std::string line; std::getline(truth_file, line); ++letters) {
      const Record truth = nlohmann::json::parse(line).get<Record>();
      for (const Shape& shape : kShapes) {
        if (std::ranges::find(shapes, shape.name) == shapes.end()) continue;
        const Scored scored = score_letter(run, loader, dir, truth, shape);
        if (shape.name == "txt" && letters < rendered)
          score_rendered(run, loader, *reader_data.labels, truth, scored.parsed, scored.clean_text);
      }
    }
    if (rendered > 0) {
      shapes.emplace_back(kAsWritten);
      for (const auto& shape : imr::testing::kTextShapes) shapes.push_back(rendered_name(shape.name));
    }
    const auto fields = field_names();
    std::vector<std::string> written;
    std::ranges::copy_if(shapes, std::back_inserter(written),
                         [](const std::string& shape) { return !shape.starts_with(kRenderedPrefix); });
    print_by_shape(run, fields, written);
    print_rendered(run, fields, shapes);
    print_by_layout(run, fields);
    std::printf("\nfirst wrong values per field\n");
    run.examples.print();
    bool ok = check_thresholds(run, fields, shapes, thresholds);
    if (run.letters.empty()) {
      std::printf("FAIL no letters to score\n");
      ok = false;
    }
    for (const auto& shape : shapes)
      if (!run.letters.count(shape)) {
        std::printf("FAIL no %s letters to score\n", shape.c_str());
        ok = false;
      }
    std::printf(ok ? "\naccuracy: every field at or above its threshold\n" : "\naccuracy: FAILED\n");
    return ok ? 0 : 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "imr-accuracy: %s\n", e.what());
    return 2;
  }
}
