// imr-accuracy DIR: parses every letter of a generated corpus (DIR/truth.jsonl
// names them) with the indexer's loader and compares each field with the
// truth, printing a per-field accuracy table. Exits 1 when a field is below
// its threshold (--min, 0.99 by default), so parse regressions fail ctest.
#include <cstdio>
#include <fstream>
#include <map>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "imr/pipeline/letter_loader.h"

namespace {

using imr::schema::Item;
using imr::schema::Record;

struct Tally {
  std::size_t right = 0, total = 0;
  std::string example;  // the first letter that got it wrong
};

class Scores {
 public:
  template <typename T>
  void score(const std::string& field, const T& truth, const T& parsed, const std::string& source) {
    Tally& t = fields_[field];
    ++t.total;
    if (truth == parsed) ++t.right;
    else if (t.example.empty()) t.example = source;
  }
  bool print(double minimum) const {
    bool ok = true;
    std::printf("%-28s %9s %8s  first wrong\n", "field", "accuracy", "n");
    for (const auto& [field, t] : fields_) {
      const double a = t.total ? static_cast<double>(t.right) / static_cast<double>(t.total) : 1.0;
      ok = ok && a >= minimum;
      std::printf("%-28s %8.2f%% %8zu  %s%s\n", field.c_str(), 100 * a, t.total, t.example.c_str(), a < minimum ? "  <-- below" : "");
    }
    return ok;
  }

 private:
  std::map<std::string, Tally> fields_;
};

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

std::vector<std::string> folded(const std::vector<std::string>& v) {
  std::vector<std::string> out;
  for (const auto& s : v) out.push_back(folded(s));
  return out;
}

void compare_items(Scores& s, const Record& truth, const Record& parsed) {
  s.score("items.count", truth.items.size(), parsed.items.size(), truth.source);
  if (truth.items.size() != parsed.items.size()) return;
  for (std::size_t i = 0; i < truth.items.size(); ++i) {
    const Item& t = truth.items[i];
    const Item& p = parsed.items[i];
    s.score("item.treatment", folded(t.treatment), folded(p.treatment), truth.source);
    s.score("item.decision", t.decision, p.decision, truth.source);
    s.score("item.drugs", t.drugs, p.drugs, truth.source);
    s.score("item.category", t.category, p.category, truth.source);
    s.score("item.drug_class", t.drug_class, p.drug_class, truth.source);
    s.score("item.guidelines", t.guidelines, p.guidelines, truth.source);
    s.score("item.claims_guidelines", t.claims_guidelines, p.claims_guidelines, truth.source);
  }
}

void compare(Scores& s, const Record& t, const Record& p) {
  const std::string& src = t.source;
  s.score("case_number", t.case_number, p.case_number, src);
  s.score("dates.assigned", t.dates.assigned, p.dates.assigned, src);
  s.score("dates.injury", t.dates.injury, p.dates.injury, src);
  s.score("dates.decision", t.dates.decision, p.dates.decision, src);
  s.score("dates.ur_denial", t.dates.ur_denial, p.dates.ur_denial, src);
  s.score("dates.application_received", t.dates.application_received, p.dates.application_received, src);
  s.score("priority", t.priority, p.priority, src);
  s.score("reviewer.specialty", t.reviewer.specialty, p.reviewer.specialty, src);
  s.score("reviewer.subspecialty", t.reviewer.subspecialty, p.reviewer.subspecialty, src);
  s.score("reviewer.license_states", t.reviewer.license_states, p.reviewer.license_states, src);
  s.score("patient.age", t.patient.age, p.patient.age, src);
  s.score("patient.sex", t.patient.sex, p.patient.sex, src);
  s.score("diagnoses", folded(t.diagnoses), folded(p.diagnoses), src);
  s.score("outcome", t.outcome, p.outcome, src);
  s.score("layout", t.layout, p.layout, src);
  compare_items(s, t, p);
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir;
  double minimum = 0.99;
  CLI::App app{"Per-field parse accuracy over a generated corpus"};
  app.add_option("dir", dir, "folder written by imr-generate")->required();
  app.add_option("--min", minimum, "lowest accuracy accepted for every field");
  CLI11_PARSE(app, argc, argv);

  std::ifstream truth_file(dir + "/truth.jsonl");
  if (!truth_file) {
    std::fprintf(stderr, "imr-accuracy: cannot read %s/truth.jsonl\n", dir.c_str());
    return 2;
  }
  const imr::indexer::LetterLoader loader(imr::schema::Vocabulary::builtin());
  Scores scores;
  std::size_t letters = 0;
  for (std::string line; std::getline(truth_file, line); ++letters) {
    const Record truth = nlohmann::json::parse(line).get<Record>();
    try {
      const auto loaded = loader.load(dir + "/" + truth.source, truth.source);
      compare(scores, truth, loaded.parsed.record);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "imr-accuracy: %s: %s\n", truth.source.c_str(), e.what());
      scores.score("readable", 0, 1, truth.source);
    }
  }
  std::printf("%zu letters\n", letters);
  return scores.print(minimum) ? 0 : 1;
}
