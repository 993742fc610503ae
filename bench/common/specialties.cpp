#include "common/specialties.h"

#include "imr/schema/facet_table.h"

namespace imr::bench {

std::vector<std::string> specialties_of(const schema::Record& record) {
  std::vector<std::string> values;
  for (const schema::FacetValue& v : schema::facet_table_of(record).letter)
    if (v.field == schema::FieldId::specialty) values.push_back(v.value);
  return values;
}

}  // namespace imr::bench
