// Layout names, as the parser reports them.
#include "letter_case.h"

namespace imr::generator {

std::string_view layout_name(Layout layout) {
  switch (layout) {
    case Layout::notice_2013:
      return "notice-2013";
    case Layout::case_number:
      return "case-number";
    case Layout::credentials_2016:
      return "credentials-2016";
    case Layout::maximus_inc:
      return "maximus-inc";
    case Layout::professional_review:
      return "medical-professional-review";
  }
  return "unknown";
}

}  // namespace imr::generator
