// The specialty facet values of a letter as imrsearch counts them (every
// board certification, see schema/facet_table.h), so the baselines count the
// same values and differ from imrsearch only in how they search and count.
#pragma once

#include <string>
#include <vector>

#include "imr/schema/record.h"

namespace imr::bench {

std::vector<std::string> specialties_of(const schema::Record& record);

}  // namespace imr::bench
