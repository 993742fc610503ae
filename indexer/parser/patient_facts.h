// The patient's age and sex from the case summary ("a 62 year old female",
// "60-year-old male"), falling back to titles and pronouns for sex.
#pragma once

#include <string_view>

#include "imr/schema/record.h"

namespace imr::indexer::parsing {

schema::Patient patient_facts(std::string_view summary);

}  // namespace imr::indexer::parsing
