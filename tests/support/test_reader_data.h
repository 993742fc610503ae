// The reader's built-in data (letter labels, hyphen prefixes), built once per
// test binary, for tests that call the reader's and parser's steps directly.
#pragma once

#include "imr/reader/letter_reader.h"

inline const imr::indexer::ReaderData& test_reader_data() {
  static const imr::indexer::ReaderData data = imr::indexer::ReaderData::builtin();
  return data;
}

inline const imr::indexer::layout::LetterLabels& test_labels() { return *test_reader_data().labels; }
