#include "common/brand_names.h"

#include "imr/schema/vocabulary.h"

namespace imr::bench {

std::vector<std::pair<std::string, std::string>> brand_names() {
  const auto vocabulary = schema::Vocabulary::builtin();
  std::vector<std::pair<std::string, std::string>> names;
  for (const std::string& generic : vocabulary->generics())
    for (const std::string& name : vocabulary->names_of(generic))
      if (name != generic) names.emplace_back(name, generic);
  return names;
}

}  // namespace imr::bench
