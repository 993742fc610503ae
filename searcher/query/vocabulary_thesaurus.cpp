// The Thesaurus backed by schema::Vocabulary.
#include "imr/query/thesaurus.h"
#include "imr/schema/vocabulary.h"

namespace imr::searcher {
namespace {

class VocabularyThesaurus final : public Thesaurus {
 public:
  explicit VocabularyThesaurus(std::shared_ptr<const schema::Vocabulary> v) : v_(std::move(v)) {}

  std::vector<std::string> generics_of(std::string_view name) const override { return v_->generics_of(name); }
  std::vector<std::string> names_of(std::string_view generic) const override { return v_->names_of(generic); }
  std::vector<std::vector<std::string>> synonyms_of(std::span<const std::string> terms) const override {
    return v_->synonyms_of(terms);
  }
  std::optional<std::string> state_code(std::string_view name) const override { return v_->state_code(name); }
  std::optional<std::string> specialty(std::span<const schema::Token> wording) const override {
    return v_->specialty(wording);
  }

 private:
  std::shared_ptr<const schema::Vocabulary> v_;
};

}  // namespace

std::unique_ptr<Thesaurus> vocabulary_thesaurus(std::shared_ptr<const schema::Vocabulary> vocabulary) {
  if (!vocabulary) return std::make_unique<EmptyThesaurus>();
  return std::make_unique<VocabularyThesaurus>(std::move(vocabulary));
}

}  // namespace imr::searcher
