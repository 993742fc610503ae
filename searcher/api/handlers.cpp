// The API handlers: read parameters, run the collector, shape the JSON.
#include "imr/api/handlers.h"

#include <chrono>
#include <ctime>
#include <filesystem>
#include <optional>

#include "hit_renderer.h"
#include "imr/collector/collector.h"
#include "imr/collector/letter_store.h"
#include "imr/collector/outcome_stats.h"
#include "imr/query/query_limits.h"
#include "imr/query/similar_query.h"
#include "imr/schema/checks.h"
#include "imr/schema/field.h"
#include "imr/schema/index_shards.h"
#include "imr/schema/letter_identity.h"
#include "imr/schema/stored_letter.h"
#include "imr/schema/text.h"
#include "imr/snippet/highlighter.h"
#include "search_input.h"

namespace imr::searcher {
namespace {

using nlohmann::json;

ParsedQuery parse_query(SearchContext& ctx, const Request& request) { return ctx.parser().parse(request.param("q")); }

Filters read_filters(const Request& request) {
  const std::vector<std::string> specs = request.all("filter");
  if (specs.size() > limit::filters)
    throw BadRequest("at most " + std::to_string(limit::filters) + " filter parameters are allowed");
  return Filters::parse(specs);
}

}  // namespace

SearchInput read_input(SearchContext& ctx, const Request& request) {
  return {parse_query(ctx, request), read_filters(request)};
}

namespace {

Response unknown_letter(std::string_view key) {
  return error_response(404, "no letter with case number or key '" + std::string(key) + "'");
}

// A search may ask per_page=0: the total and facets alone, for views that
// show no hits (no ranking, no snippets). Similar letters are only hits.
PageRequest read_page(const Request& request, Xapian::doccount min_per_page) {
  PageRequest page;
  page.page = request.number("page", 1, 1, limit::page);
  page.per_page = request.number("per_page", 20, min_per_page, limit::per_page);
  const std::string sort = request.param("sort", "relevance");
  const auto order = sort_order(sort);
  if (!order) throw BadRequest("sort must be relevance, date_desc or date_asc, not '" + sort + "'");
  page.sort = *order;
  return page;
}

json facets_json(const std::vector<Facet>& facets) {
  json out = json::object();
  for (const Facet& f : facets) {
    json values = json::array();
    for (const FacetCount& c : f.counts) values.push_back({{"value", c.value}, {"count", c.count}});
    out[std::string(schema::field(f.field).name)] = std::move(values);
  }
  return out;
}

// The part of a search answer that "more like this" shares.
json result_json(const PageRequest& page, const SearchResult& result, json hits) {
  if (result.hits.empty()) hits = json::array();  // past the end: drawn before the total was known
  return json{{"total", result.total},
              {"page", page.page},
              {"per_page", page.per_page},
              {"hits", std::move(hits)},
              {"facets", facets_json(result.facets)}};
}

// When the index last changed: the newest file in its folder (or in its
// shards' folders, which a sharded index's stub names), as ISO-8601 UTC.
json last_update(const std::filesystem::path& dir) {
  if (dir.empty()) return nullptr;
  std::error_code ec;
  std::optional<std::filesystem::file_time_type> newest;
  std::vector<std::filesystem::path> folders = schema::stub_databases(dir);
  folders.push_back(dir);
  for (const std::filesystem::path& folder : folders)
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
      if (entry.is_regular_file(ec))
        newest = std::max(newest.value_or(entry.last_write_time(ec)), entry.last_write_time(ec));
  if (!newest) return nullptr;
  return text::utc_timestamp(std::chrono::system_clock::to_time_t(
      std::chrono::time_point_cast<std::chrono::system_clock::duration>(std::chrono::file_clock::to_sys(*newest))));
}

// Counts from the columns of the context's index revision; the page's hits
// are drawn (snippets, fields) while the other core counts.
json collected_json(SearchContext& ctx, const SearchInput& in, const PageRequest& page, Clock::time_point start) {
  const std::shared_ptr<const FacetColumns> columns = ctx.facet_columns();
  const HitRenderer renderer(ctx.analyzer(), in.query, in.filters, ctx.letter_dictionaries());
  json hits = json::array();
  const auto draw = [&](const std::vector<Hit>& page_hits) {
    for (const Hit& hit : page_hits) hits.push_back(renderer.render(hit.document));
  };
  const SearchResult result = collect(ctx.db(), in.query.query, in.filters, page, ctx.deadline_from(start),
                                      columns.get(), ctx.counting_twin(), draw);
  return result_json(page, result, std::move(hits));
}

// Per self-check kind, the letters carrying it: the frequency of its term, exact
// and from the index itself, so it can never disagree with filter=check:KIND.
json check_counts(const Xapian::Database& db) {
  json out = json::object();
  for (const schema::CheckKind& kind : schema::check_kinds())
    out[kind.name] = db.get_termfreq(schema::boolean_term(schema::FieldId::check, kind.name));
  return out;
}

// by= and then= of /api/stats.
StatsGrouping read_grouping(const Request& request) {
  const auto field_of = [&](std::string_view name, std::string_view fallback) {
    const std::string value = request.param(name, fallback);
    const auto field = stats_field(value);
    if (!field)
      throw BadRequest(std::string(name) + " must be one of " + stats_field_names() + ", not '" + value + "'");
    return *field;
  };
  StatsGrouping grouping{field_of("by", "drug"), std::nullopt};
  if (!request.param("then").empty()) grouping.then = field_of("then", "");
  if (grouping.then == grouping.by)
    throw BadRequest("then must name another field than by (one of " + stats_field_names() + ")");
  return grouping;
}

json counts_json(const StatsCounts& c) {
  return json{{"items", c.items}, {"upheld", c.upheld}, {"overturned", c.overturned}};
}

}  // namespace

Response search(SearchContext& ctx, const Request& request) {
  const auto start = std::chrono::steady_clock::now();
  const SearchInput in = read_input(ctx, request);
  const PageRequest page = read_page(request, 0);
  json body = collected_json(ctx, in, page, start);
  const std::optional<std::string> suggestion = ctx.parser().suggest(ctx.db(), request.param("q"));
  body["suggestion"] = suggestion ? json(*suggestion) : json(nullptr);
  body["took_ms"] = milliseconds_since(start);
  return Response{200, std::move(body)};
}

Response document(SearchContext& ctx, const Request& request, std::string_view key) {
  const std::optional<StoredLetterDoc> found = find_letter(ctx.db(), key);
  if (!found) return unknown_letter(key);
  const ParsedQuery query = parse_query(ctx, request);
  const schema::StoredLetter letter = schema::decode_stored_letter(found->doc.get_data(), ctx.letter_dictionaries());
  json body = letter.record;
  body["key"] = schema::key_of(found->doc);
  body["html"] = Highlighter(ctx.analyzer(), query.highlights).document(letter.text);
  return Response{200, std::move(body)};
}

Response similar(SearchContext& ctx, const Request& request, std::string_view key) {
  const auto start = std::chrono::steady_clock::now();
  const std::optional<StoredLetterDoc> found = find_letter(ctx.db(), key);
  if (!found) return unknown_letter(key);
  const schema::Record record = schema::decode_stored_letter(found->doc.get_data(), ctx.letter_dictionaries()).record;
  const std::string own_key = schema::key_of(found->doc);
  const SearchInput in{similar_query(ctx.db(), found->docid, record, schema::key_term(own_key)), read_filters(request)};
  const PageRequest page = read_page(request, 1);
  json body = collected_json(ctx, in, page, start);
  body["of"] = {{"key", own_key}, {"case_number", record.case_number ? json(*record.case_number) : json(nullptr)}};
  body["took_ms"] = milliseconds_since(start);
  return Response{200, std::move(body)};
}

Response stats(SearchContext& ctx, const Request& request) {
  const auto start = Clock::now();
  const StatsGrouping grouping = read_grouping(request);
  const SearchInput in = read_input(ctx, request);
  const std::shared_ptr<const FacetColumns> columns = ctx.facet_columns();
  const StatsTable table = outcome_stats(ctx.db(), in.query.query, in.filters, grouping, ctx.deadline_from(start),
                                         columns.get(), ctx.counting_twin());
  json rows = json::array();
  for (const StatsRow& r : table.rows) {
    json row = counts_json(r);
    row["value"] = r.value;
    if (grouping.then) row["then"] = r.then;
    const RateInterval interval = r.rate_interval();
    row["overturn_rate"] = r.overturn_rate();
    row["rate_low"] = interval.low;
    row["rate_high"] = interval.high;
    rows.push_back(std::move(row));
  }
  json body{
      {"by", schema::field(grouping.by).name}, {"rows", std::move(rows)}, {"missing", counts_json(table.missing)}};
  if (grouping.then) body["then"] = schema::field(*grouping.then).name;
  return Response{200, std::move(body)};
}

Response health(SearchContext& ctx) {
  return Response{200, json{{"status", "ok"},
                            {"documents", ctx.db().get_doccount()},
                            {"last_update", last_update(ctx.index_dir())},
                            {"checks", check_counts(ctx.db())}}};
}

// A sharded replica changes once per shard; a request may meet each change.
constexpr int kAttemptsOnChange = 4;

Response respond(SearchContext& ctx, const std::function<Response()>& handler) {
  try {
    ctx.refresh();
    // The revision changed mid-request (DatabaseModifiedError), or a replica's
    // old directory is being deleted (opening or corrupt errors, each shard's
    // follower in its own time): again on the index opened afresh from disk.
    for (int attempt = 1;; ++attempt) {
      try {
        return handler();
      } catch (const Xapian::DatabaseError&) {
        if (attempt == kAttemptsOnChange) throw;
        ctx.reopen_from_disk();
      }
    }
  } catch (const ClientError& e) {
    return error_response(400, e.what());
  } catch (const QueryTimeout& e) {
    return error_response(503, e.what());
  } catch (const Xapian::WildcardError& e) {
    return error_response(400, "a wildcard in the query matches too many words; make it longer (" + e.get_msg() + ")");
  } catch (const Xapian::Error& e) {
    return error_response(503, "the index cannot be searched right now: " + e.get_description());
  } catch (const std::exception& e) {
    return error_response(503, std::string("the search failed: ") + e.what());
  }
}

}  // namespace imr::searcher
