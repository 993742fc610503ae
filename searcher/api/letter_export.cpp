// /api/export: every matching letter, streamed 512 letters at a time, as CSV
// (one row per item) or JSON lines (one record per letter).
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "imr/api/handlers.h"
#include "imr/collector/letter_order.h"
#include "imr/schema/letter_identity.h"
#include "imr/schema/stored_letter.h"
#include "imr/schema/text.h"
#include "search_input.h"

namespace imr::searcher {
namespace {

// Letters read and written per piece of the stream: the memory an export
// holds besides its list of docids, whatever the number of letters.
constexpr std::size_t kLettersPerChunk = 512;

enum class ExportFormat { csv, jsonl };

ExportFormat read_format(const Request& request) {
  const std::string format = request.param("format", "csv");
  if (format == "csv") return ExportFormat::csv;
  if (format == "jsonl") return ExportFormat::jsonl;
  throw BadRequest("format must be csv or jsonl, not '" + format + "'");
}

// A spreadsheet would run a cell opening with one of these as a formula
// (CSV injection): such a cell gets a leading apostrophe, shown as text.
bool opens_a_formula(std::string_view value) {
  return !value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos;
}

// RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled.
void csv_field(std::string& out, std::string_view value) {
  const std::string_view guard = opens_a_formula(value) ? "'" : "";
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += guard;
    out += value;
    return;
  }
  out += '"';
  out += guard;
  for (const char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void csv_row(std::string& out, std::initializer_list<std::string_view> fields) {
  bool first = true;
  for (const std::string_view f : fields) {
    if (!first) out += ',';
    csv_field(out, f);
    first = false;
  }
  out += "\r\n";
}

const std::string_view kCsvHeader =
    "key,case_number,decision_date,injury_date,specialty,license_states,treatment,drugs,drug_class,category,"
    "decision,guidelines\r\n";

std::string joined(const std::vector<std::string>& values) { return text::join(values, ";"); }

void csv_rows(std::string& out, std::string_view key, const schema::Record& r) {
  const std::string states = joined(r.reviewer.license_states);
  for (const schema::Item& item : r.items)
    csv_row(out, {key, r.case_number.value_or(""), r.dates.decision.value_or(""), r.dates.injury.value_or(""),
                  r.reviewer.specialty.value_or(""), states, item.treatment, joined(item.drugs),
                  item.drug_class.value_or(""), item.category, item.decision, joined(item.guidelines)});
}

void json_line(std::string& out, std::string_view key, const schema::Record& r) {
  nlohmann::json record = r;
  record["key"] = key;
  out += record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  out += '\n';
}

// The body, made one chunk of letters at a time on the request's own thread
// and index handle (the letters' docids were fixed when the request began).
class ExportStream {
 public:
  ExportStream(Xapian::Database& db, const std::vector<Xapian::Database>& shards, std::vector<Xapian::docid> docids,
               ExportFormat format)
      : db_(db), dictionaries_(db_, &shards), docids_(std::move(docids)), format_(format) {}

  bool next(std::string& out) {
    if (next_ == 0 && format_ == ExportFormat::csv) out += kCsvHeader;
    const std::size_t end = std::min(docids_.size(), next_ + kLettersPerChunk);
    for (; next_ < end; ++next_) {
      const Xapian::Document doc = db_.get_document(docids_[next_]);
      const schema::Record record = schema::decode_stored_letter(doc.get_data(), dictionaries_).record;
      const std::string key = schema::key_of(doc);
      (format_ == ExportFormat::csv ? csv_rows : json_line)(out, key, record);
    }
    return next_ < docids_.size();
  }

 private:
  Xapian::Database& db_;
  schema::LetterDictionaries dictionaries_;
  std::vector<Xapian::docid> docids_;
  ExportFormat format_;
  std::size_t next_ = 0;
};

}  // namespace

Response export_letters(SearchContext& ctx, const Request& request) {
  const auto start = Clock::now();
  const ExportFormat format = read_format(request);
  const SearchInput in = read_input(ctx, request);
  const std::shared_ptr<const FacetColumns> columns = ctx.facet_columns();
  std::vector<Xapian::docid> docids =
      letters_by_date(ctx.db(), in.query.query, in.filters, *columns, {}, ctx.deadline_from(start));
  const bool csv = format == ExportFormat::csv;
  Response r;
  r.content_type = csv ? "text/csv; charset=utf-8" : "application/x-ndjson";
  r.headers = {{"Content-Disposition",
                csv ? "attachment; filename=\"imr-export.csv\"" : "attachment; filename=\"imr-export.jsonl\""},
               {"X-Total-Count", std::to_string(docids.size())}};
  auto stream = std::make_shared<ExportStream>(ctx.db(), ctx.shards(), std::move(docids), format);
  r.next_chunk = [stream](std::string& out) { return stream->next(out); };
  return r;
}

}  // namespace imr::searcher
