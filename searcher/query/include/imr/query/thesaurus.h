// What the query parser asks of the vocabularies: the other names of a drug,
// the other ways of writing a phrase, and the canonical form of field values.
// An interface so the parser can be exercised with a small word list of its
// own, and run with none at all.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "imr/schema/token.h"

namespace imr::schema {
class Vocabulary;
}

namespace imr::searcher {

class Thesaurus {
 public:
  virtual ~Thesaurus() = default;
  // See schema::Vocabulary for the meaning of each question.
  virtual std::vector<std::string> generics_of(std::string_view name) const = 0;
  virtual std::vector<std::string> names_of(std::string_view generic) const = 0;
  virtual std::vector<std::vector<std::string>> synonyms_of(std::span<const std::string> terms) const = 0;
  virtual std::optional<std::string> state_code(std::string_view name) const = 0;
  virtual std::optional<std::string> specialty(std::span<const schema::Token> wording) const = 0;
};

// Knows no synonyms: every query means exactly what it says.
class EmptyThesaurus final : public Thesaurus {
 public:
  std::vector<std::string> generics_of(std::string_view) const override { return {}; }
  std::vector<std::string> names_of(std::string_view) const override { return {}; }
  std::vector<std::vector<std::string>> synonyms_of(std::span<const std::string>) const override { return {}; }
  std::optional<std::string> state_code(std::string_view) const override { return std::nullopt; }
  std::optional<std::string> specialty(std::span<const schema::Token>) const override { return std::nullopt; }
};

// The answers of the built-in vocabularies; an EmptyThesaurus for nullptr.
std::unique_ptr<Thesaurus> vocabulary_thesaurus(std::shared_ptr<const schema::Vocabulary> vocabulary);

}  // namespace imr::searcher
