// The "MAXIMUS FEDERAL SERVICES, INC." layout: letterhead, documents
// reviewed, numbered decisions.
#include "layouts.h"
#include "letter_parts.h"

namespace imr::generator {
namespace {

Paragraph documents(const LetterCase& c, const TemplateBook& book, Random& random) {
  const Slots slots{{"ur", header_date(c.ur_denial)},
                    {"year_from", std::to_string(year_of(c.ur_denial) - random.between(1, 3))},
                    {"year_to", std::to_string(year_of(c.ur_denial))}};
  std::string list;
  const std::size_t count = static_cast<std::size_t>(random.between(3, 6));
  for (std::size_t i = 0; i < count; ++i)
    list += (i ? "\n" : "") + std::string("- ") + book.fill("maximus.documents", slots, random);
  return {Block::lines, list};
}

}  // namespace

LetterText render_maximus_inc(const LetterCase& c, const TemplateBook& book, Random& random) {
  LetterText text{{Block::heading, book.fill("maximus.letterhead", {}, random)},
                  {Block::heading, book.fill("maximus.subtitle", {}, random)}};
  if (c.header_table) text.push_back(header_table(c, random));
  text.push_back({Block::heading, "HOW THE IMR FINAL DETERMINATION WAS MADE"});
  text.push_back({Block::prose, book.fill("credentials.how_made", {}, random)});
  add(text, credentials_block(c, random));
  text.push_back({Block::heading, "DOCUMENTS REVIEWED"});
  text.push_back(documents(c, book, random));
  text.push_back({Block::heading, "CLINICAL CASE SUMMARY"});
  add(text, summary(c, book, random));
  text.push_back({Block::heading, "IMR DECISION(S) AND RATIONALE(S)"});
  for (std::size_t i = 0; i < c.items.size(); ++i)
    add(text, item_block(c.items[i], std::to_string(i + 1) + (random.chance(0.5) ? ". " : ") "), random));
  return text;
}

}  // namespace imr::generator
