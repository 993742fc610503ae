// Pattern: PCRE2 (8-bit, JIT) behind the parser's Match.
#include "pattern.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <cstdint>
#include <stdexcept>

namespace imr::indexer::parsing {
namespace {

// A match data block per thread and pattern size would save an allocation;
// one per call keeps Pattern shareable between the indexer's threads.
struct MatchData {
  explicit MatchData(const pcre2_code* code) : data(pcre2_match_data_create_from_pattern(code, nullptr)) {}
  ~MatchData() { pcre2_match_data_free(data); }
  pcre2_match_data* data;
};

}  // namespace

struct Pattern::Compiled {
  pcre2_code* code = nullptr;
  ~Compiled() { pcre2_code_free(code); }
};

std::string_view Match::group(std::size_t i) const {
  if (i >= groups_.size() || !groups_[i].matched) return {};
  return std::string_view(text_ + groups_[i].start, groups_[i].length());
}

Pattern::Pattern(std::string_view regex, int flags) : compiled_(std::make_unique<Compiled>()) {
  pcre2_compile_context* context = pcre2_compile_context_create(nullptr);
  pcre2_set_newline(context, PCRE2_NEWLINE_ANYCRLF);  // "." stops at CR and LF, as in ECMAScript
  int error = 0;
  PCRE2_SIZE at = 0;
  const uint32_t options = PCRE2_DOLLAR_ENDONLY | ((flags & icase) ? PCRE2_CASELESS : 0u);
  compiled_->code =
      pcre2_compile(reinterpret_cast<PCRE2_SPTR>(regex.data()), regex.size(), options, &error, &at, context);
  pcre2_compile_context_free(context);
  if (compiled_->code == nullptr) {
    PCRE2_UCHAR message[256];
    pcre2_get_error_message(error, message, sizeof message);
    throw std::logic_error("bad parser pattern at " + std::to_string(at) + ": " +
                           reinterpret_cast<const char*>(message));
  }
  pcre2_jit_compile(compiled_->code, PCRE2_JIT_COMPLETE);  // without JIT (unsupported CPU) it still matches
}

Pattern::~Pattern() = default;

std::optional<Match> Pattern::search(std::string_view text, std::size_t from, std::size_t end) const {
  return run(text, from, end, 0);
}

std::optional<Match> Pattern::prefix_of(std::string_view text) const {
  return run(text, 0, text.size(), PCRE2_ANCHORED);
}

std::optional<Match> Pattern::run(std::string_view text, std::size_t from, std::size_t end,
                                  std::uint32_t options) const {
  const MatchData md(compiled_->code);
  const int rc =
      pcre2_match(compiled_->code, reinterpret_cast<PCRE2_SPTR>(text.data()), end, from, options, md.data, nullptr);
  if (rc <= 0) return std::nullopt;  // no match, or a resource limit on hostile input: no fact read
  const PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(md.data);
  // Groups after the last one set (rc - 1) did not take part.
  std::uint32_t groups_in_pattern = 0;
  pcre2_pattern_info(compiled_->code, PCRE2_INFO_CAPTURECOUNT, &groups_in_pattern);
  std::vector<Match::Group> groups(groups_in_pattern + 1);
  for (int i = 0; i < rc; ++i)
    if (ovector[2 * i] != PCRE2_UNSET) groups[i] = {true, ovector[2 * i], ovector[2 * i + 1]};
  return Match(text.data(), std::move(groups));
}

bool Pattern::matches(std::string_view text) const {
  const MatchData md(compiled_->code);
  return pcre2_match(compiled_->code, reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), 0,
                     PCRE2_ANCHORED | PCRE2_ENDANCHORED, md.data, nullptr) > 0;
}

}  // namespace imr::indexer::parsing
