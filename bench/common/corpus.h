// Streams a benchmark corpus (truth.jsonl + the letter files it names) one
// letter at a time, so building a baseline index never holds the corpus in memory.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string_view>

#include "imr/schema/record.h"

namespace imr::bench {

using LetterVisitor = std::function<void(const schema::Record& record, std::string_view text)>;

// Calls visit for every line of dir/truth.jsonl with the text of dir/<source>;
// returns the number of letters. Throws std::runtime_error for an unreadable file or line.
std::uint64_t for_each_letter(const std::filesystem::path& dir, const LetterVisitor& visit);

}  // namespace imr::bench
