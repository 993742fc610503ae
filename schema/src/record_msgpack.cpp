#include "imr/schema/record_msgpack.h"

#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

namespace imr::schema {
namespace {

using nlohmann::json;

// Where the next value lands; monostate for a key the record does not know (skipped).
using Target = std::variant<std::monostate, std::string*, std::optional<std::string>*, std::optional<int>*,
                            std::vector<std::string>*, Dates*, Reviewer*, Patient*, std::vector<Item>*, Item*>;

[[noreturn]] void corrupt(const std::string& why) { throw std::runtime_error("stored letter is corrupt: " + why); }

// The targets of each object's keys, as record.cpp's from_json reads them.
Target root_key(Record& r, std::string_view k) {
  if (k == "case_number") return &r.case_number;
  if (k == "case_number_from") return &r.case_number_from;
  if (k == "source") return &r.source;
  if (k == "dates") return &r.dates;
  if (k == "priority") return &r.priority;
  if (k == "reviewer") return &r.reviewer;
  if (k == "patient") return &r.patient;
  if (k == "diagnoses") return &r.diagnoses;
  if (k == "outcome") return &r.outcome;
  if (k == "items") return &r.items;
  if (k == "layout") return &r.layout;
  if (k == "checks") return &r.checks;
  return {};
}

Target dates_key(Dates& d, std::string_view k) {
  if (k == "assigned") return &d.assigned;
  if (k == "injury") return &d.injury;
  if (k == "decision") return &d.decision;
  if (k == "ur_denial") return &d.ur_denial;
  if (k == "application_received") return &d.application_received;
  return {};
}

Target reviewer_key(Reviewer& r, std::string_view k) {
  if (k == "specialty") return &r.specialty;
  if (k == "subspecialty") return &r.subspecialty;
  if (k == "certifications") return &r.certifications;
  if (k == "license_states") return &r.license_states;
  return {};
}

Target patient_key(Patient& p, std::string_view k) {
  if (k == "age") return &p.age;
  if (k == "sex") return &p.sex;
  return {};
}

Target item_key(Item& item, std::string_view k) {
  if (k == "treatment") return &item.treatment;
  if (k == "drugs") return &item.drugs;
  if (k == "category") return &item.category;
  if (k == "drug_class") return &item.drug_class;
  if (k == "decision") return &item.decision;
  if (k == "guidelines") return &item.guidelines;
  if (k == "claims_guidelines") return &item.claims_guidelines;
  if (k == "rationale") return &item.rationale;
  return {};
}

// Builds the Record from the reader's events. Each open object or array is a
// frame; a value goes where the last key of its object pointed. A null leaves
// the default in place, as from_json's fallbacks equal the structs' defaults.
class RecordBuilder : public nlohmann::json_sax<json> {
 public:
  Record finish() {
    if (!done_) corrupt("the record ends early");
    if (!saw_case_number_from_)
      record_.case_number_from = record_.case_number ? std::optional<std::string>("text") : std::nullopt;
    return std::move(record_);
  }

  bool null() override {
    if (skipping()) return true;
    if (in_list() || in_items()) return wrong("a null in a list");
    if (auto* o = std::get_if<std::optional<std::string>*>(&next_)) **o = std::nullopt;
    if (auto* o = std::get_if<std::optional<int>*>(&next_)) **o = std::nullopt;
    return true;
  }
  bool boolean(bool) override { return scalar("true or false"); }
  bool number_integer(number_integer_t n) override { return number(n); }
  bool number_unsigned(number_unsigned_t n) override { return number(static_cast<long long>(n)); }
  bool number_float(number_float_t, const string_t&) override { return scalar("a fraction"); }
  bool binary(binary_t&) override { return scalar("binary data"); }

  bool string(string_t& s) override {
    if (skipping()) return true;
    if (in_list()) {
      std::get<std::vector<std::string>*>(frames_.back().target)->push_back(std::move(s));
      return true;
    }
    if (auto* t = std::get_if<std::string*>(&next_)) return (**t = std::move(s), true);
    if (auto* t = std::get_if<std::optional<std::string>*>(&next_)) return (**t = std::move(s), true);
    return scalar("text");
  }

  bool start_object(std::size_t) override {
    if (frames_.empty()) {
      if (done_) return wrong("a second record");
      return open(Frame::root, {});
    }
    if (skipping()) return open(Frame::skip, {});
    if (in_items()) return open(Frame::item, &std::get<std::vector<Item>*>(frames_.back().target)->emplace_back());
    if (auto* d = std::get_if<Dates*>(&next_)) return open(Frame::dates, *d);
    if (auto* r = std::get_if<Reviewer*>(&next_)) return open(Frame::reviewer, *r);
    if (auto* p = std::get_if<Patient*>(&next_)) return open(Frame::patient, *p);
    if (std::holds_alternative<std::monostate>(next_) && !in_list()) return open(Frame::skip, {});
    return wrong("an object");
  }

  bool start_array(std::size_t) override {
    if (frames_.empty()) return wrong("a list instead of a record");
    if (skipping()) return open(Frame::skip, {});
    if (auto* l = std::get_if<std::vector<std::string>*>(&next_)) return open(Frame::names, *l);
    if (auto* l = std::get_if<std::vector<Item>*>(&next_)) return open(Frame::items, *l);
    if (std::holds_alternative<std::monostate>(next_) && !in_items() && !in_list()) return open(Frame::skip, {});
    return wrong("a list");
  }

  bool key(string_t& k) override {
    Open& f = frames_.back();
    switch (f.frame) {
      case Frame::root:
        if (k == "case_number_from") saw_case_number_from_ = true;
        next_ = root_key(record_, k);
        break;
      case Frame::dates:
        next_ = dates_key(*std::get<Dates*>(f.target), k);
        break;
      case Frame::reviewer:
        next_ = reviewer_key(*std::get<Reviewer*>(f.target), k);
        break;
      case Frame::patient:
        next_ = patient_key(*std::get<Patient*>(f.target), k);
        break;
      case Frame::item:
        next_ = item_key(*std::get<Item*>(f.target), k);
        break;
      default:
        next_ = {};
    }
    return true;
  }

  bool end_object() override { return close(); }
  bool end_array() override { return close(); }

  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
    corrupt(e.what());
  }

 private:
  enum class Frame { root, dates, reviewer, patient, items, item, names, skip };
  struct Open {
    Frame frame;
    Target target;
  };

  bool skipping() const { return !frames_.empty() && frames_.back().frame == Frame::skip; }
  bool in_list() const { return !frames_.empty() && frames_.back().frame == Frame::names; }
  bool in_items() const { return !frames_.empty() && frames_.back().frame == Frame::items; }

  bool open(Frame frame, Target target) {
    frames_.push_back({frame, target});
    next_ = {};
    return true;
  }

  bool close() {
    frames_.pop_back();
    next_ = {};
    if (frames_.empty()) done_ = true;
    return true;
  }

  bool number(long long n) {
    if (auto* t = std::get_if<std::optional<int>*>(&next_); t && !skipping() && !in_list())
      return (**t = static_cast<int>(n), true);
    return scalar("a number");
  }

  // A value the record has no place for is fine under an unknown key, corrupt anywhere else.
  bool scalar(const char* what) {
    const bool unknown_key =
        std::holds_alternative<std::monostate>(next_) && !frames_.empty() && !in_list() && !in_items();
    return skipping() || unknown_key ? true : wrong(what);
  }

  [[noreturn]] bool wrong(const char* what) { corrupt(std::string(what) + " where the record has none"); }

  Record record_;
  std::vector<Open> frames_;
  Target next_;
  bool saw_case_number_from_ = false;
  bool done_ = false;
};

}  // namespace

Record record_from_msgpack(std::string_view bytes) {
  RecordBuilder builder;
  json::sax_parse(bytes.begin(), bytes.end(), &builder, json::input_format_t::msgpack);
  return builder.finish();
}

}  // namespace imr::schema
