// The record of one letter (contract section 2): what the parser produces,
// what the index stores, and what the API returns.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace imr::schema {

struct Dates {  // ISO yyyy-mm-dd
  std::optional<std::string> assigned, injury, decision, ur_denial, application_received;
  bool operator==(const Dates&) const = default;
};

struct Reviewer {
  std::optional<std::string> specialty;
  std::optional<std::string> subspecialty;
  std::vector<std::string> certifications;  // every board certification, canonical names
  std::vector<std::string> license_states;  // USPS codes, in the letter's order
  bool operator==(const Reviewer&) const = default;
};

struct Patient {
  std::optional<int> age;
  std::optional<std::string> sex;  // "female" | "male"
  bool operator==(const Patient&) const = default;
};

struct Item {
  std::string treatment;           // as printed
  std::vector<std::string> drugs;  // generic ingredient names, lower case
  std::string category = "other";
  std::optional<std::string> drug_class;  // medications only
  std::string decision;                   // "upheld" | "overturned"
  std::vector<std::string> guidelines;    // what the IMR reviewer relied on
  std::vector<std::string> claims_guidelines;
  std::string rationale;
  bool operator==(const Item&) const = default;
};

struct Record {
  std::optional<std::string> case_number;
  // Where case_number came from: "text" | "file_name" (the state names each PDF
  // by its case number, and many letters never print it); null without one.
  std::optional<std::string> case_number_from;
  std::string source;
  Dates dates;
  std::optional<std::string> priority;  // "standard" | "expedited"
  Reviewer reviewer;
  Patient patient;
  std::vector<std::string> diagnoses;
  std::optional<std::string> outcome;  // "upheld" | "overturned" | "partially_overturned"; null without items
  std::vector<Item> items;
  std::string layout;  // which letter layout the parser recognised
  // The self-checks that fired on this reading (kinds of checks.h, in the
  // table's order); empty when nothing looked wrong.
  std::vector<std::string> checks;
  bool operator==(const Record&) const = default;
};

// The letter's outcome from its items' decisions; nullopt when it has none.
std::optional<std::string> outcome_of(const std::vector<Item>& items);

void to_json(nlohmann::json& j, const Record& r);
void from_json(const nlohmann::json& j, Record& r);
void to_json(nlohmann::json& j, const Item& item);
void from_json(const nlohmann::json& j, Item& item);
void to_json(nlohmann::json& j, const Reviewer& r);
void from_json(const nlohmann::json& j, Reviewer& r);

}  // namespace imr::schema
