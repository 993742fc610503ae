// Letters as PDFs (cairo's PDF surface): the same pages, one line of text
// after another, as the real letters' text layer reads.
#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include "page_layout.h"

namespace imr::generator {

// Throws std::runtime_error when cairo cannot write the file. created: the
// document's creation date, "YYYY-MM-DD".
void write_pdf(const std::filesystem::path& path, const std::vector<Page>& pages, std::string_view created);

}  // namespace imr::generator
