// Markdown markup to plain text: "### " heading marks, "**bold**" marks,
// block-quote marks, rules and table pipes removed (table cells become
// tab-separated). Line breaks stay where they were, and a heading gets the
// empty lines around it that markdown does not require, so that it stays a
// paragraph of its own.
#pragma once

#include <string>
#include <string_view>

namespace imr::indexer::reader {

std::string strip_markdown(std::string_view text);

}  // namespace imr::indexer::reader
