#include "imr/schema/record.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace imr::schema {
namespace {

using nlohmann::json;

json optional_json(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }

std::optional<std::string> optional_string(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::nullopt;
  return it->get<std::string>();
}

template <typename T>
T value_or(const json& j, const char* key, T fallback) {
  auto it = j.find(key);
  return (it == j.end() || it->is_null()) ? fallback : it->get<T>();
}

// Records written before the field existed only ever took the case number from the text.
std::optional<std::string> case_number_from(const json& j, const std::optional<std::string>& case_number) {
  if (j.contains("case_number_from")) return optional_string(j, "case_number_from");
  return case_number ? std::optional<std::string>("text") : std::nullopt;
}

}  // namespace

std::optional<std::string> outcome_of(const std::vector<Item>& items) {
  if (items.empty()) return std::nullopt;
  const auto overturned = std::ranges::count(items, std::string("overturned"), &Item::decision);
  if (overturned == 0) return "upheld";
  if (overturned == static_cast<long>(items.size())) return "overturned";
  return "partially_overturned";
}

void to_json(json& j, const Item& item) {
  j = json{{"treatment", item.treatment},
           {"drugs", item.drugs},
           {"category", item.category},
           {"drug_class", optional_json(item.drug_class)},
           {"decision", item.decision},
           {"guidelines", item.guidelines},
           {"claims_guidelines", item.claims_guidelines},
           {"rationale", item.rationale}};
}

void from_json(const json& j, Item& item) {
  item.treatment = value_or<std::string>(j, "treatment", "");
  item.drugs = value_or<std::vector<std::string>>(j, "drugs", {});
  item.category = value_or<std::string>(j, "category", "other");
  item.drug_class = optional_string(j, "drug_class");
  item.decision = value_or<std::string>(j, "decision", "");
  item.guidelines = value_or<std::vector<std::string>>(j, "guidelines", {});
  item.claims_guidelines = value_or<std::vector<std::string>>(j, "claims_guidelines", {});
  item.rationale = value_or<std::string>(j, "rationale", "");
}

void to_json(json& j, const Reviewer& r) {
  j = json{{"specialty", optional_json(r.specialty)},
           {"subspecialty", optional_json(r.subspecialty)},
           {"certifications", r.certifications},
           {"license_states", r.license_states}};
}

void from_json(const json& j, Reviewer& r) {
  r.specialty = optional_string(j, "specialty");
  r.subspecialty = optional_string(j, "subspecialty");
  r.certifications = value_or<std::vector<std::string>>(j, "certifications", {});
  r.license_states = value_or<std::vector<std::string>>(j, "license_states", {});
}

void to_json(json& j, const Record& r) {
  const Dates& d = r.dates;
  j = json{{"case_number", optional_json(r.case_number)},
           {"case_number_from", optional_json(r.case_number_from)},
           {"source", r.source},
           {"dates",
            {{"assigned", optional_json(d.assigned)},
             {"injury", optional_json(d.injury)},
             {"decision", optional_json(d.decision)},
             {"ur_denial", optional_json(d.ur_denial)},
             {"application_received", optional_json(d.application_received)}}},
           {"priority", optional_json(r.priority)},
           {"reviewer", r.reviewer},
           {"patient",
            {{"age", r.patient.age ? json(*r.patient.age) : json(nullptr)}, {"sex", optional_json(r.patient.sex)}}},
           {"diagnoses", r.diagnoses},
           {"outcome", optional_json(r.outcome)},
           {"items", r.items},
           {"layout", r.layout},
           {"checks", r.checks}};
}

void from_json(const json& j, Record& r) {
  r.case_number = optional_string(j, "case_number");
  r.case_number_from = case_number_from(j, r.case_number);
  r.source = value_or<std::string>(j, "source", "");
  const json dates = value_or<json>(j, "dates", json::object());
  r.dates =
      Dates{optional_string(dates, "assigned"), optional_string(dates, "injury"), optional_string(dates, "decision"),
            optional_string(dates, "ur_denial"), optional_string(dates, "application_received")};
  r.priority = optional_string(j, "priority");
  r.reviewer = value_or<Reviewer>(j, "reviewer", {});
  const json patient = value_or<json>(j, "patient", json::object());
  r.patient.age = patient.contains("age") && !patient["age"].is_null() ? std::optional<int>(patient["age"].get<int>())
                                                                       : std::nullopt;
  r.patient.sex = optional_string(patient, "sex");
  r.diagnoses = value_or<std::vector<std::string>>(j, "diagnoses", {});
  r.outcome = optional_string(j, "outcome");
  r.items = value_or<std::vector<Item>>(j, "items", {});
  r.layout = value_or<std::string>(j, "layout", "");
  r.checks = value_or<std::vector<std::string>>(j, "checks", {});
}

}  // namespace imr::schema
