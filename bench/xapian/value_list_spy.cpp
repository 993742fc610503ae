#include "xapian/value_list_spy.h"

#include "xapian/stock_schema.h"

namespace imr::bench {

void ValueListSpy::operator()(const Xapian::Document& doc, double) {
  const std::string values = doc.get_value(slot_);
  std::size_t start = 0;
  while (start < values.size()) {
    std::size_t end = values.find(stock::kValueSeparator, start);
    if (end == std::string::npos) end = values.size();
    if (end > start) ++counts_[values.substr(start, end - start)];
    start = end + 1;
  }
}

}  // namespace imr::bench
