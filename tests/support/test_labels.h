// The built-in letter labels, built once per test binary, for tests that call
// the reader's and parser's steps directly.
#pragma once

#include <memory>

#include "imr/layout/letter_labels.h"

inline const std::shared_ptr<const imr::indexer::layout::LetterLabels>& test_labels() {
  static const auto labels = imr::indexer::layout::LetterLabels::builtin();
  return labels;
}
