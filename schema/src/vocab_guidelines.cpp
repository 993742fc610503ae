// GuidelineTable: loading guidelines.tsv and reading citations.
#include "vocab_guidelines.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "vocab_tsv.h"

namespace imr::schema::vocab {
namespace {

// The contract's guideline ids (section 2).
constexpr std::array<std::string_view, 9> kIds{
    "mtus-chronic-pain", "mtus-acoem", "mtus-postsurgical", "mtus-acupuncture", "mtus-opioids", "odg", "acoem",
    "uptodate",          "other"};
constexpr std::string_view kCitationStart = "@citation";
constexpr std::string_view kNonMtusStart = "@non-mtus";
constexpr std::string_view kNonMtusMark = "@non-mtus-mark";
constexpr std::string_view kMtusEdition = "@mtus-edition";
constexpr std::string_view kMtusPart = "mtus-";
constexpr std::string_view kOther = "other";

void check_id(const TsvRow& row, const std::string& id) {
  if (std::ranges::find(kIds, id) == kIds.end()) row.fail("\"" + id + "\" is not a guideline id of the contract");
}

}  // namespace

// guidelines.tsv: id, wording, id inside a non-MTUS citation (optional).
GuidelineTable::GuidelineTable(const DataReader& data) {
  for (const TsvRow& row : data.rows("guidelines.tsv", 2, 3)) {
    Wording w{Kind::guideline, row.column(0), row.column(2).empty() ? row.column(0) : row.column(2)};
    if (w.id == kCitationStart) {
      w.kind = Kind::citation_start;
    } else if (w.id == kNonMtusStart) {
      w.kind = Kind::non_mtus_start;
    } else if (w.id == kNonMtusMark) {
      w.kind = Kind::non_mtus_mark;
    } else if (w.id == kMtusEdition) {
      if (row.column(2).empty()) row.fail("an MTUS edition needs the id it cites alone");
      w.kind = Kind::mtus_edition;
      w.id = w.non_mtus_id;
      check_id(row, w.id);
    } else {
      check_id(row, w.id);
      check_id(row, w.non_mtus_id);
    }
    const auto index = static_cast<PhraseMatcher::Id>(wordings_.size());
    if (matcher_.add(data.words(row, row.column(1)), index) != index)
      row.fail("\"" + row.column(1) + "\" is listed twice");
    wordings_.push_back(std::move(w));
  }
}

std::vector<std::string> GuidelineTable::guidelines_in(std::span<const Token> citation) const {
  std::vector<std::string> out;
  bool non_mtus = false;
  bool unnamed = false;             // a non-MTUS citation that has named nothing yet
  const Wording* marked = nullptr;  // the guideline a bare "Non-MTUS" came right after
  // A non-MTUS citation that named nothing is "other"; a bare mark after a
  // guideline was that guideline's ("ACOEM ... (non-MTUS)" is acoem).
  const auto close_unnamed = [&] {
    if (!unnamed) return;
    if (!marked) return push_unique(out, std::string(kOther));
    const auto it = std::ranges::find(out, marked->id);
    if (it == out.end() || marked->non_mtus_id == marked->id) return;
    out.erase(it);
    push_unique(out, marked->non_mtus_id);
  };
  const auto matches = matcher_.find_all(citation);
  for (std::size_t i = 0; i < matches.size(); ++i) {
    const auto& m = matches[i];
    const Wording& w = wordings_[m.id];
    if (w.kind == Kind::mtus_edition) {
      const auto mtus_part = [&](std::size_t j) {
        const Wording& part = wordings_[matches[j].id];
        return part.kind == Kind::guideline && part.id.starts_with(kMtusPart);
      };
      const bool part_beside = (i + 1 < matches.size() && matches[i + 1].begin == m.end && mtus_part(i + 1)) ||
                               (i > 0 && matches[i - 1].end == m.begin && mtus_part(i - 1));
      if (!part_beside) push_unique(out, non_mtus ? w.non_mtus_id : w.id);
      unnamed = false;
      continue;
    }
    if (w.kind == Kind::guideline) {
      push_unique(out, non_mtus ? w.non_mtus_id : w.id);
      unnamed = false;
      continue;
    }
    close_unnamed();
    non_mtus = w.kind == Kind::non_mtus_start || w.kind == Kind::non_mtus_mark;
    unnamed = non_mtus;
    const Wording* before = i > 0 ? &wordings_[matches[i - 1].id] : nullptr;
    marked = w.kind == Kind::non_mtus_mark && before && before->kind == Kind::guideline ? before : nullptr;
  }
  close_unnamed();
  return out;
}

}  // namespace imr::schema::vocab
