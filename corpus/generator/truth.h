// The true record of a generated letter, made from what the generator chose
// (the canonical specialty, the state codes, the facts of the template lines
// it printed), never from reading its own text back: the parser's vocabulary
// plays no part, so the accuracy test grades the parser against the facts.
#pragma once

#include <string>

#include "imr/schema/record.h"
#include "letter_case.h"

namespace imr::generator {

schema::Record true_record(const LetterCase& c, std::string source);

}  // namespace imr::generator
