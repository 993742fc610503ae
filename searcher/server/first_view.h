// The page's first view, answered with the page: which API requests the page
// makes when it opens a URL (web/state.js firstRequests; the browser test
// holds the two together, as a shared link opens without asking the API),
// and the page with those answers written into it, so the browser draws them
// in the task that runs app.js instead of waiting for three fetches.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "imr/api/request.h"

namespace imr::searcher {

struct ApiCall {
  std::string path;  // "/api/search"
  Request request;
  std::string url;  // path and query string, its parameters in the order state.js writes them
};

// The requests of the first view of the page at `page` (its URL's
// parameters); none for a letter's view, or a URL whose reading is not
// certain (the page then asks for what it needs itself).
std::vector<ApiCall> first_view_requests(const Request& page);

// The page's HTML with `answers` (an object, API URL -> JSON answer) in its
// <script id="first-answers" type="application/json"> block; a page without
// that block as it is. No text of an answer can end the block or open markup:
// '<', '>' and '&' are written as JSON escapes.
std::string with_first_answers(std::string page, const nlohmann::json& answers);

}  // namespace imr::searcher
