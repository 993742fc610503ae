// Brand names and the generics they stand for, from the project's drug
// vocabulary, so the baselines expand "soma" exactly as imrsearch does.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace imr::bench {

// (name, generic) for every brand or other name of every generic, lower case.
std::vector<std::pair<std::string, std::string>> brand_names();

}  // namespace imr::bench
