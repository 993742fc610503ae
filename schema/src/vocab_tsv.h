// How the vocabulary tables read schema/data (through data_table.h), and the
// small list helpers every vocabulary table shares.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "imr/schema/analyzer.h"
#include "imr/schema/data_table.h"
#include "imr/schema/vocabulary.h"

namespace imr::schema::vocab {

// Appends value unless out holds it already: the tables report names in
// order of mention, each once.
void push_unique(std::vector<std::string>& out, const std::string& value);

// What every table reads its data with: the files, and the analyser that
// turns a vocabulary phrase into the words the matcher compares.
struct DataReader {
  const Vocabulary::DataSource& source;
  const Analyzer& analyzer;

  // Rows of a data file with min_columns..max_columns columns, the first
  // min_columns non-empty. Throws std::runtime_error for a missing file or a
  // malformed line.
  std::vector<TsvRow> rows(std::string_view name, std::size_t min_columns, std::size_t max_columns) const;
  // The words of a phrase of the row; a phrase without words is malformed.
  std::vector<std::string> words(const TsvRow& row, std::string_view phrase) const;
};

// "Soma, Soprodal 350,Vanadom" -> {"Soma", "Soprodal 350", "Vanadom"}.
std::vector<std::string> split_list(std::string_view list, char separator = ',');

}  // namespace imr::schema::vocab
