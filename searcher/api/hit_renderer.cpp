// HitRenderer: item "matched" flags and the choice of snippet text.
#include "hit_renderer.h"

#include "imr/collector/match_scan.h"
#include "imr/schema/field.h"
#include "imr/schema/letter_identity.h"
#include "imr/schema/stored_letter.h"

namespace imr::searcher {
namespace {

using nlohmann::json;

json optional_json(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }

// Which items the constraints pick; none when there are no constraints.
std::vector<bool> constrained_items(const Filters& constraints, const Xapian::Document& doc, std::size_t items) {
  std::vector<bool> out(items, false);
  std::string blob;
  schema::FacetTableView view;
  if (constraints.empty() || !read_facet_table(doc, blob, view) || view.item_count() != items) return out;
  const LetterMatch match(constraints, view);
  for (std::size_t i = 0; i < items; ++i) out[i] = match.item_passes(i);
  return out;
}

}  // namespace

HitRenderer::HitRenderer(const schema::Analyzer& analyzer, const ParsedQuery& query, const Filters& filters,
                         schema::LetterDictionaries& dictionaries)
    : dictionaries_(dictionaries),
      highlighter_(analyzer, query.highlights),
      item_constraints_(filters.at_level(schema::Level::item)),
      words_mark_items_(item_constraints_.empty() && query.words_mark_items) {
  if (item_constraints_.empty()) item_constraints_ = Filters::from_pairs(query.item_fields);
}

json HitRenderer::render(const Xapian::Document& doc) const {
  const schema::StoredLetter letter = schema::decode_stored_letter(doc.get_data(), dictionaries_);
  const schema::Record& r = letter.record;
  const std::vector<bool> constrained = constrained_items(item_constraints_, doc, r.items.size());

  json items = json::array();
  const std::string* snippet_text = nullptr;
  const std::string* fallback_text = nullptr;
  for (std::size_t i = 0; i < r.items.size(); ++i) {
    const schema::Item& item = r.items[i];
    const bool text_hit = highlighter_.hits_in(item.rationale);
    const bool matched = constrained[i] || (words_mark_items_ && (text_hit || highlighter_.hits_in(item.treatment)));
    if (constrained[i] && text_hit && !snippet_text) snippet_text = &item.rationale;
    if (constrained[i] && !fallback_text && !item.rationale.empty()) fallback_text = &item.rationale;
    json j = item;
    j.erase("rationale");
    j["matched"] = matched;
    items.push_back(std::move(j));
  }
  if (!snippet_text)
    snippet_text = (fallback_text && !highlighter_.hits_in(letter.text)) ? fallback_text : &letter.text;

  return json{{"key", schema::key_of(r, letter.text)},
              {"case_number", optional_json(r.case_number)},
              {"decision_date", optional_json(r.dates.decision)},
              {"injury_date", optional_json(r.dates.injury)},
              {"outcome", optional_json(r.outcome)},
              {"reviewer", r.reviewer},
              {"source", r.source},
              {"items", std::move(items)},
              {"snippet", highlighter_.snippet(*snippet_text)}};
}

}  // namespace imr::searcher
