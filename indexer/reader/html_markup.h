// HTML markup to plain text: tags removed, character references decoded,
// script and style content dropped, block elements turned into paragraph
// breaks and <br> into line breaks.
#pragma once

#include <string>
#include <string_view>

namespace imr::indexer::reader {

enum class HtmlInput {
  document,  // an .html file: every tag is markup and source line breaks are spaces
  embedded,  // tags mixed into plain text: only real HTML element names are
             // markup ("<Pain>" stays), and the text's own line breaks stay
};

std::string strip_html(std::string_view text, HtmlInput input);

}  // namespace imr::indexer::reader
