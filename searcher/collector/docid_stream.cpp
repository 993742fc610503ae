// DocidStream: posting lists combined as sets.
#include "imr/collector/docid_stream.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <vector>

namespace imr::searcher {
namespace {

using Streams = std::vector<std::unique_ptr<DocidStream>>;

class TermStream : public DocidStream {
 public:
  TermStream(const Xapian::Database& db, const std::string& term)
      : it_(db.postlist_begin(term)), end_(db.postlist_end(term)) {}

  // A walk asks mostly for the next posting; ++ is cheaper than a skip.
  Xapian::docid skip_to(Xapian::docid target) override {
    if (it_ == end_) return current_ = 0;
    if (started_ && target == current_ + 1)
      ++it_;
    else
      it_.skip_to(target);
    started_ = true;
    return current_ = it_ == end_ ? 0 : *it_;
  }

 private:
  Xapian::PostingIterator it_, end_;
  bool started_ = false;
};

class EmptyStream : public DocidStream {
 public:
  Xapian::docid skip_to(Xapian::docid) override { return current_ = 0; }
};

// Every stream at one docid: each skips to the largest head until all agree.
class AndStream : public DocidStream {
 public:
  explicit AndStream(Streams parts) : parts_(std::move(parts)) {}

  Xapian::docid skip_to(Xapian::docid target) override {
    while (true) {
      Xapian::docid agreed = target;
      bool all = true;
      for (auto& p : parts_) {
        const Xapian::docid at = p->current() >= agreed ? p->current() : p->skip_to(agreed);
        if (at == 0) return current_ = 0;
        if (at != agreed) {
          all = false;
          agreed = std::max(agreed, at);
        }
      }
      if (all) return current_ = agreed;
      target = agreed;
    }
  }

 private:
  Streams parts_;
};

class OrStream : public DocidStream {
 public:
  explicit OrStream(Streams parts) : parts_(std::move(parts)) {}

  Xapian::docid skip_to(Xapian::docid target) override {
    Xapian::docid smallest = 0;
    for (auto& p : parts_) {
      const Xapian::docid at = p->current() >= target ? p->current() : p->skip_to(target);
      if (at != 0 && (smallest == 0 || at < smallest)) smallest = at;
    }
    return current_ = smallest;
  }

 private:
  Streams parts_;
};

// A union that lists most letters (a common word with its stem's other
// words) is marked in a bitmap, each posting list read straight through,
// instead of merged posting by posting: every posting is read either way,
// and marking costs a fraction of a merge step. A part of the docid space
// marks only its own postings.
class MarkedUnion : public DocidStream {
 public:
  // Parts most postings first: once every letter is marked the rest cannot add one.
  MarkedUnion(Streams parts, Xapian::docid last, Xapian::doccount letters, DocidRange range)
      : words_((range.end == 0 ? std::size_t{last} : std::size_t{range.end} - 1) / 64 + 1, 0) {
    for (auto& p : parts) {
      for (Xapian::docid d = p->skip_to(range.first); d != 0 && range.holds(d); d = p->next())
        words_[d / 64] |= std::uint64_t{1} << (d % 64);
      if (range.whole() && marked() == letters) break;
    }
  }

  Xapian::docid skip_to(Xapian::docid target) override {
    std::size_t w = target / 64;
    if (w >= words_.size()) return current_ = 0;
    std::uint64_t bits = words_[w] & (~std::uint64_t{0} << (target % 64));
    while (bits == 0) {
      if (++w == words_.size()) return current_ = 0;
      bits = words_[w];
    }
    return current_ = static_cast<Xapian::docid>(w * 64 + static_cast<std::size_t>(std::countr_zero(bits)));
  }

 private:
  Xapian::doccount marked() const {
    Xapian::doccount n = 0;
    for (const std::uint64_t w : words_) n += static_cast<Xapian::doccount>(std::popcount(w));
    return n;
  }

  std::vector<std::uint64_t> words_;
};

// Another stream's docids within a part of the docid space.
class RangedStream : public DocidStream {
 public:
  RangedStream(std::unique_ptr<DocidStream> inner, DocidRange range) : inner_(std::move(inner)), range_(range) {}

  Xapian::docid skip_to(Xapian::docid target) override {
    const Xapian::docid at = inner_->skip_to(std::max(target, range_.first));
    return current_ = at != 0 && range_.holds(at) ? at : 0;
  }

 private:
  std::unique_ptr<DocidStream> inner_;
  DocidRange range_;
};

class AndNotStream : public DocidStream {
 public:
  AndNotStream(std::unique_ptr<DocidStream> left, std::unique_ptr<DocidStream> right)
      : left_(std::move(left)), right_(std::move(right)) {}

  Xapian::docid skip_to(Xapian::docid target) override {
    for (Xapian::docid at = left_->skip_to(target); at != 0; at = left_->next()) {
      const Xapian::docid excluded = right_->current() >= at ? right_->current() : right_->skip_to(at);
      if (excluded != at) return current_ = at;
    }
    return current_ = 0;
  }

 private:
  std::unique_ptr<DocidStream> left_, right_;
};

std::unique_ptr<DocidStream> build(const Xapian::Database& db, const Xapian::Query& query);

// Null when any subquery is not a plain set expression.
bool build_parts(const Xapian::Database& db, const Xapian::Query& query, Streams& out) {
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
    std::unique_ptr<DocidStream> part = build(db, query.get_subquery(i));
    if (!part) return false;
    out.push_back(std::move(part));
  }
  return !out.empty();
}

Xapian::Query unscaled(Xapian::Query query) {
  while (query.get_type() == Xapian::Query::OP_SCALE_WEIGHT && query.get_num_subqueries() == 1)
    query = query.get_subquery(0);
  return query;
}

bool is_union(const Xapian::Query& query) {
  return query.get_type() == Xapian::Query::OP_OR || query.get_type() == Xapian::Query::OP_SYNONYM;
}

// A union is associative and idempotent: nested unions walk as one, and a
// term the query names twice (a word beside its stem's synonym) once.
bool union_parts(const Xapian::Database& db, const Xapian::Query& query, Streams& out, std::set<std::string>& terms) {
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
    const Xapian::Query part = unscaled(query.get_subquery(i));
    if (is_union(part)) {
      if (!union_parts(db, part, out, terms)) return false;
      continue;
    }
    if (part.get_type() == Xapian::Query::LEAF_TERM && !terms.insert(*part.get_terms_begin()).second) continue;
    std::unique_ptr<DocidStream> stream = build(db, part);
    if (!stream) return false;
    out.push_back(std::move(stream));
  }
  return true;
}

std::unique_ptr<DocidStream> build_combined(const Xapian::Database& db, const Xapian::Query& query) {
  Streams parts;
  std::set<std::string> terms;
  if (!(is_union(query) ? union_parts(db, query, parts, terms) : build_parts(db, query, parts))) return nullptr;
  if (parts.empty()) return std::make_unique<EmptyStream>();
  if (parts.size() == 1) return std::move(parts.front());
  switch (query.get_type()) {
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_FILTER:
      return std::make_unique<AndStream>(std::move(parts));
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_SYNONYM:
      return std::make_unique<OrStream>(std::move(parts));
    case Xapian::Query::OP_AND_NOT: {
      std::unique_ptr<DocidStream> left = std::move(parts.front());
      parts.erase(parts.begin());
      return std::make_unique<AndNotStream>(std::move(left), std::make_unique<OrStream>(std::move(parts)));
    }
    default:
      return nullptr;
  }
}

std::unique_ptr<DocidStream> build(const Xapian::Database& db, const Xapian::Query& query) {
  switch (query.get_type()) {
    case Xapian::Query::LEAF_TERM:
      return std::make_unique<TermStream>(db, *query.get_terms_begin());
    case Xapian::Query::LEAF_MATCH_ALL:
      return std::make_unique<TermStream>(db, std::string());  // "" lists every document
    case Xapian::Query::LEAF_MATCH_NOTHING:
      return std::make_unique<EmptyStream>();
    case Xapian::Query::OP_SCALE_WEIGHT:
      return query.get_num_subqueries() == 1 ? build(db, query.get_subquery(0)) : nullptr;
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_AND_NOT:
      return build_combined(db, query);
    default:
      return nullptr;
  }
}

// The terms of a union of terms alone (nested unions flattened); nothing otherwise.
bool union_terms(const Xapian::Query& query, std::set<std::string>& terms) {
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
    const Xapian::Query part = unscaled(query.get_subquery(i));
    if (is_union(part)) {
      if (!union_terms(part, terms)) return false;
    } else if (part.get_type() == Xapian::Query::LEAF_TERM) {
      terms.insert(*part.get_terms_begin());
    } else {
      return false;
    }
  }
  return true;
}

// Marking pays once the postings are more than about one letter in eight.
constexpr Xapian::doccount kDenseShare = 8;

// A whole query that is a broad union of terms: every posting is read in any
// case (nothing skips), so it is marked instead of merged.
std::unique_ptr<DocidStream> marked_union(const Xapian::Database& db, const Xapian::Query& query, DocidRange range) {
  std::set<std::string> terms;
  if (!is_union(query) || !union_terms(query, terms)) return nullptr;
  std::vector<std::pair<Xapian::doccount, std::string>> by_postings;
  Xapian::doccount postings = 0;
  for (const std::string& t : terms) postings += by_postings.emplace_back(db.get_termfreq(t), t).first;
  if (postings < db.get_doccount() / kDenseShare) return nullptr;
  std::ranges::sort(by_postings, std::greater{});
  Streams parts;
  for (const auto& [freq, t] : by_postings) parts.push_back(std::make_unique<TermStream>(db, t));
  return std::make_unique<MarkedUnion>(std::move(parts), db.get_lastdocid(), db.get_doccount(), range);
}

}  // namespace

std::unique_ptr<DocidStream> docid_stream(const Xapian::Database& db, const Xapian::Query& query, DocidRange range) {
  if (std::unique_ptr<DocidStream> marked = marked_union(db, unscaled(query), range)) return marked;
  std::unique_ptr<DocidStream> stream = build(db, query);
  if (!stream || range.whole()) return stream;
  return std::make_unique<RangedStream>(std::move(stream), range);
}

bool is_set_expression(const Xapian::Query& query) {
  switch (query.get_type()) {
    case Xapian::Query::LEAF_TERM:
    case Xapian::Query::LEAF_MATCH_ALL:
    case Xapian::Query::LEAF_MATCH_NOTHING:
      return true;
    case Xapian::Query::OP_SCALE_WEIGHT:
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_AND_NOT:
      for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
        if (!is_set_expression(query.get_subquery(i))) return false;
      return query.get_num_subqueries() > 0;
    default:
      return false;
  }
}

}  // namespace imr::searcher
