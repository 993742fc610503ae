#include "imr/schema/standard_passages.h"

#include "data_files.h"
#include "imr/schema/analyzer.h"
#include "imr/schema/data_table.h"
#include "phrase_matcher.h"

namespace imr::schema {
namespace {

constexpr std::string_view kFile = "standard_passages.txt";

std::unique_ptr<const PhraseMatcher> matcher_of(const std::vector<TsvRow>& rows) {
  const Analyzer analyzer;
  auto matcher = std::make_unique<PhraseMatcher>();
  PhraseMatcher::Id id = 0;
  for (const TsvRow& row : rows) {
    const std::vector<std::string> words = PhraseMatcher::words_of(analyzer.tokens(row.column(0)));
    if (words.empty()) row.fail("a standard passage needs at least one word");
    matcher->add(words, id++);
  }
  return matcher;
}

}  // namespace

std::shared_ptr<const StandardPassages> StandardPassages::builtin() {
  return std::make_shared<const StandardPassages>(matcher_of(read_data_table(kFile, 1, 1)));
}

std::shared_ptr<const StandardPassages> StandardPassages::from_data(std::string_view name, std::string_view content) {
  return std::make_shared<const StandardPassages>(matcher_of(parse_data_table(name, content, 1, 1)));
}

StandardPassages::StandardPassages(std::unique_ptr<const PhraseMatcher> matcher) : matcher_(std::move(matcher)) {}

StandardPassages::~StandardPassages() = default;

std::vector<bool> StandardPassages::inside(std::span<const Token> tokens) const {
  std::vector<bool> out(tokens.size(), false);
  for (const PhraseMatcher::Match& m : matcher_->find_all(tokens)) {
    // By bytes: a compound whose first part opens the passage stands just
    // before that part, and one that reaches past the passage's end is outside.
    const std::uint32_t from = tokens[m.begin].start;
    const std::uint32_t to = tokens[m.end - 1].end;
    for (std::size_t i = m.begin > 0 ? m.begin - 1 : 0; i < m.end; ++i)
      if (tokens[i].start >= from && tokens[i].end <= to) out[i] = true;
  }
  return out;
}

std::size_t StandardPassages::size() const { return matcher_->size(); }

}  // namespace imr::schema
