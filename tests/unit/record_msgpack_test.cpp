// record_from_msgpack against the JSON tree it replaces: every record, and
// every older or stranger shape of one, reads the same both ways.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "imr/schema/record.h"
#include "imr/schema/record_msgpack.h"

namespace {

using imr::schema::Record;
using nlohmann::json;

std::string bytes_of(const json& j) {
  const std::vector<std::uint8_t> packed = json::to_msgpack(j);
  return {packed.begin(), packed.end()};
}

Record through_tree(const std::string& bytes) { return json::from_msgpack(bytes).get<Record>(); }

// Records with every field present or absent, lists of every length, text of any bytes.
class RandomRecords {
 public:
  explicit RandomRecords(unsigned seed) : random_(seed) {}

  Record next() {
    Record r;
    r.case_number = maybe();
    r.case_number_from = maybe();
    r.source = text();
    r.dates = {maybe(), maybe(), maybe(), maybe(), maybe()};
    r.priority = maybe();
    r.reviewer = {maybe(), maybe(), list(), list()};
    if (coin()) r.patient.age = static_cast<int>(random_() % 120);
    r.patient.sex = maybe();
    r.diagnoses = list();
    r.outcome = maybe();
    for (int i = static_cast<int>(random_() % 5); i > 0; --i)
      r.items.push_back({text(), list(), text(), maybe(), text(), list(), list(), text()});
    r.layout = text();
    r.checks = list();
    return r;
  }

 private:
  bool coin() { return random_() % 2 == 0; }
  std::string text() {
    static const std::vector<std::string> pieces{"", "a", "Naproxen 550mg #60", "é\xe2\x80\x94", "x\ny\"z", "0"};
    std::string out;
    for (int i = static_cast<int>(random_() % 4); i > 0; --i) out += pieces[random_() % pieces.size()];
    return out;
  }
  std::optional<std::string> maybe() { return coin() ? std::optional(text()) : std::nullopt; }
  std::vector<std::string> list() {
    std::vector<std::string> out(random_() % 4);
    for (std::string& s : out) s = text();
    return out;
  }

  std::mt19937 random_;
};

json full_record() {
  Record r;
  r.case_number = "CM15-0123456";
  r.case_number_from = "file_name";
  r.source = "CM15-0123456.pdf";
  r.dates.decision = "2015-06-01";
  r.reviewer.specialty = "Orthopaedic Surgery";
  r.reviewer.license_states = {"CA", "TX"};
  r.patient.age = 47;
  r.items.push_back({"Naproxen 550mg #60", {"naproxen"}, "medication", "nsaid", "upheld", {"mtus"}, {}, "Because."});
  r.outcome = imr::schema::outcome_of(r.items);
  return r;
}

}  // namespace

TEST_CASE("record msgpack: random records read the same as through the json tree") {
  RandomRecords records(7);
  for (int n = 0; n < 500; ++n) {
    const Record r = records.next();
    const std::string bytes = bytes_of(r);
    const Record read = imr::schema::record_from_msgpack(bytes);
    CHECK(read == r);
    CHECK(read == through_tree(bytes));
  }
}

TEST_CASE("record msgpack: older and stranger shapes read as the json tree reads them") {
  std::vector<json> shapes;
  json older = full_record();
  older.erase("case_number_from");  // written before the field existed
  shapes.push_back(older);
  older["case_number"] = nullptr;
  shapes.push_back(older);
  json nulls = full_record();
  for (const char* key : {"source", "dates", "priority", "reviewer", "patient", "diagnoses", "items", "layout"})
    nulls[key] = nullptr;
  shapes.push_back(nulls);
  json item_nulls = full_record();
  for (auto& [key, value] : item_nulls["items"][0].items()) value = nullptr;  // category falls back to "other"
  item_nulls["patient"]["age"] = nullptr;
  item_nulls["dates"]["decision"] = nullptr;
  shapes.push_back(item_nulls);
  json unknown = full_record();
  unknown["future"] = {{"nested", json::array({1, {{"deep", true}}, "x", nullptr})}, {"n", 2.5}};
  unknown["items"][0]["score"] = 0.75;
  unknown["reviewer"]["board"] = json::array({json::array({"a"})});
  unknown["flag"] = false;
  shapes.push_back(unknown);
  shapes.push_back(json::object());
  for (const json& shape : shapes) {
    CAPTURE(shape.dump());
    const std::string bytes = bytes_of(shape);
    CHECK(imr::schema::record_from_msgpack(bytes) == through_tree(bytes));
  }
}

TEST_CASE("record msgpack: what is not a record is refused with a reason") {
  const std::string whole = bytes_of(full_record());
  std::vector<std::string> broken{whole.substr(0, whole.size() / 2), "", bytes_of(json::array({1, 2})),
                                  bytes_of("a record"), whole + whole};
  for (const auto& [key, value] : std::vector<std::pair<std::string, json>>{{"source", 5},
                                                                            {"diagnoses", "back pain"},
                                                                            {"items", json::array({"x"})},
                                                                            {"reviewer", json::array()},
                                                                            {"checks", json::array({nullptr})}}) {
    json j = full_record();
    j[key] = value;
    broken.push_back(bytes_of(j));
  }
  json age = full_record();
  age["patient"]["age"] = "forty";
  broken.push_back(bytes_of(age));
  for (const std::string& bytes : broken) {
    CAPTURE(bytes.size());
    CHECK_THROWS_WITH_AS(imr::schema::record_from_msgpack(bytes), doctest::Contains("stored letter is corrupt"),
                         std::runtime_error);
  }
}
