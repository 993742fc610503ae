#include "imr/schema/indexed_phrases.h"

#include <algorithm>
#include <stdexcept>

#include "imr/schema/analyzer.h"
#include "imr/schema/data_table.h"
#include "imr/schema/field.h"
#include "imr/schema/letter_identity.h"
#include "phrase_matcher.h"

namespace imr::schema {
namespace {

constexpr std::string_view kFile = "indexed_phrases.txt";
// 32 bits of the phrase's hash: the loader refuses a list where two collide.
constexpr std::size_t kPhraseTermHashChars = 8;

std::string joined(std::span<const std::string> words) {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

std::set<std::string> phrases_of(const std::vector<TsvRow>& rows) {
  const Analyzer analyzer;
  std::set<std::string> out, terms;
  for (const TsvRow& row : rows) {
    const std::vector<Token> tokens = analyzer.tokens(row.column(0));
    const std::vector<std::string> words = PhraseMatcher::words_of(tokens);
    if (words.size() < 2) row.fail("an indexed phrase needs at least two words");
    if (tokens.back().position - tokens.front().position + 1 != words.size())
      row.fail("an indexed phrase's words must stand at consecutive positions");
    if (!terms.insert(indexed_phrase_term(joined(words))).second && !out.contains(joined(words)))
      row.fail("this phrase's term is another phrase's: reword one of them");
    out.insert(joined(words));
  }
  return out;
}

// The non-empty pieces of text between separators.
std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> out;
  for (std::size_t from = 0; from < text.size();) {
    const std::size_t to = std::min(text.find(separator, from), text.size());
    if (to > from) out.emplace_back(text.substr(from, to - from));
    from = to + 1;
  }
  return out;
}

// The metadata value: one phrase per line.
std::set<std::string> parse_listed(const std::string& value) {
  const std::vector<std::string> lines = split(value, '\n');
  return {lines.begin(), lines.end()};
}

std::string listed_value(const std::set<std::string>& phrases) {
  std::string out;
  for (const std::string& p : phrases) out += p + '\n';
  return out;
}

std::set<std::string> listed_by(const Xapian::Database& db) {
  return parse_listed(db.get_metadata(std::string(kIndexedPhrasesKey)));
}

std::set<std::string> common(const std::set<std::string>& a, const std::set<std::string>& b) {
  std::set<std::string> out;
  std::ranges::set_intersection(a, b, std::inserter(out, out.end()));
  return out;
}

}  // namespace

std::shared_ptr<const IndexedPhrases> IndexedPhrases::builtin() {
  return std::make_shared<const IndexedPhrases>(phrases_of(read_data_table(kFile, 1, 1)));
}

std::shared_ptr<const IndexedPhrases> IndexedPhrases::from_data(std::string_view name, std::string_view content) {
  return std::make_shared<const IndexedPhrases>(phrases_of(parse_data_table(name, content, 1, 1)));
}

IndexedPhrases::IndexedPhrases(std::set<std::string> phrases) : phrases_(std::move(phrases)) {
  for (const std::string& p : phrases_) {
    std::vector<std::string> words = split(p, ' ');
    std::string first = words.front();
    by_first_word_[std::move(first)].push_back({std::move(words), indexed_phrase_term(p)});
  }
}

std::vector<std::string> IndexedPhrases::terms_in(std::span<const Token> tokens,
                                                  const std::vector<bool>& positionless) const {
  // The words a phrase query can match: positioned, not a compound's joined term.
  std::vector<const Token*> words;
  for (std::size_t i = 0; i < tokens.size(); ++i)
    if (!tokens[i].compound && !positionless[i]) words.push_back(&tokens[i]);
  const auto stands_at = [&](const std::vector<std::string>& phrase, std::size_t first) {
    if (first + phrase.size() > words.size()) return false;
    for (std::size_t n = 1; n < phrase.size(); ++n)
      if (words[first + n]->position != words[first]->position + n || words[first + n]->term != phrase[n]) return false;
    return true;
  };
  std::vector<std::string> out;
  for (std::size_t first = 0; first < words.size(); ++first) {
    // Most words start no phrase: one hash look-up each.
    const auto starting = by_first_word_.find(words[first]->term);
    if (starting == by_first_word_.end()) continue;
    for (const Listed& phrase : starting->second)
      if (stands_at(phrase.words, first)) out.push_back(phrase.term);
  }
  return out;
}

std::string indexed_phrase_term(std::string_view joined_terms) {
  // A short name instead of the words: the term is in the term list of every
  // letter holding the phrase, where its bytes count.
  return std::string(prefix::phrase) + content_hash(joined_terms).substr(0, kPhraseTermHashChars);
}

void record_indexed_phrases(Xapian::WritableDatabase& db, const IndexedPhrases& written) {
  const std::set<std::string> carried =
      db.get_doccount() == 0 ? written.phrases() : common(listed_by(db), written.phrases());
  const std::string value = listed_value(carried);
  if (db.get_metadata(std::string(kIndexedPhrasesKey)) != value)
    db.set_metadata(std::string(kIndexedPhrasesKey), value);
}

std::optional<std::string> IndexedPhraseTable::term_of(std::span<const std::string> terms) const {
  if (terms.size() < 2) return std::nullopt;
  const std::string phrase = joined(terms);
  const auto lists = [&](const Xapian::Database& db) { return listed_by(db).contains(phrase); };
  const bool everywhere = shards_ && !shards_->empty() ? std::ranges::all_of(*shards_, lists) : lists(db_);
  if (!everywhere) return std::nullopt;
  return indexed_phrase_term(phrase);
}

}  // namespace imr::schema
