// openapi(): the OpenAPI 3 description of every route in api/router.cpp,
// kept true by tests/unit/api_openapi_test.cpp and the integration tests,
// which check every route is described, every described route answers, and
// real answers carry the documented (required) fields.
#include <nlohmann/json.hpp>

#include "api/handlers.h"

namespace imr::searcher {
namespace {

constexpr const char* kDocument = R"json({
  "openapi": "3.0.3",
  "info": {
    "title": "imrsearch",
    "version": "1.0.0",
    "description": "Full-text search over California workers' compensation Independent Medical Review determination letters. Counts are exact and count letters. Item-level filters given together must hold for the same item."
  },
  "paths": {
    "/api/search": {
      "get": {
        "summary": "Letters matching a query and filters, with exact facet counts",
        "parameters": [
          {"$ref": "#/components/parameters/q"},
          {"$ref": "#/components/parameters/filter"},
          {"$ref": "#/components/parameters/page"},
          {"$ref": "#/components/parameters/per_page"},
          {"$ref": "#/components/parameters/sort"}
        ],
        "responses": {
          "200": {"description": "One page of hits", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SearchResult"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/api/doc/{key}": {
      "get": {
        "summary": "One letter's record and its whole text, escaped, with the hits of q marked",
        "parameters": [
          {"$ref": "#/components/parameters/key"},
          {"$ref": "#/components/parameters/q"}
        ],
        "responses": {
          "200": {"description": "The letter", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Document"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/api/similar/{key}": {
      "get": {
        "summary": "More like this: the letters most like one letter that share an item category with it, the letter itself excluded",
        "parameters": [
          {"$ref": "#/components/parameters/key"},
          {"$ref": "#/components/parameters/filter"},
          {"$ref": "#/components/parameters/page"},
          {"$ref": "#/components/parameters/per_page"},
          {"$ref": "#/components/parameters/sort"}
        ],
        "responses": {
          "200": {"description": "One page of similar letters", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SimilarResult"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/api/stats": {
      "get": {
        "summary": "Outcomes of the matching items grouped by one field",
        "parameters": [
          {"$ref": "#/components/parameters/q"},
          {"$ref": "#/components/parameters/filter"},
          {"name": "by", "in": "query", "required": false,
           "schema": {"type": "string", "default": "drug", "enum": ["drug", "drug_class", "category", "guideline", "specialty", "license_state", "decision_year"]}}
        ],
        "responses": {
          "200": {"description": "Rows, most items first", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Stats"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/api/health": {
      "get": {
        "summary": "Whether the index can be searched, and its size",
        "responses": {
          "200": {"description": "Up", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Health"}}}},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/api/openapi.json": {
      "get": {
        "summary": "This document",
        "responses": {
          "200": {"description": "The OpenAPI description", "content": {"application/json": {"schema": {"type": "object", "required": ["openapi", "info", "paths"]}}}}
        }
      }
    }
  },
  "components": {
    "parameters": {
      "q": {"name": "q", "in": "query", "required": false, "description": "The query: words, \"exact phrases\", AND/OR/NOT, -word, parentheses, trailing wildcard gaba*, fields drug: class: decision: outcome: category: guideline: specialty: state: case:, date ranges injury:2004-01-01..2004-12-31 and decided:2014..2015. Empty means every letter.", "schema": {"type": "string", "maxLength": 4096}},
      "filter": {"name": "filter", "in": "query", "required": false, "description": "field:value, repeatable (at most 32). The same field twice means either value; different fields mean all. Item-level fields (drug, drug_class, category, decision, guideline) must hold for the same item.", "schema": {"type": "array", "items": {"type": "string", "example": "drug:carisoprodol"}}, "style": "form", "explode": true},
      "page": {"name": "page", "in": "query", "required": false, "description": "1-based; a page past the end has no hits", "schema": {"type": "integer", "minimum": 1, "maximum": 100000, "default": 1}},
      "per_page": {"name": "per_page", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}},
      "sort": {"name": "sort", "in": "query", "required": false, "schema": {"type": "string", "enum": ["relevance", "date_desc", "date_asc"], "default": "relevance"}},
      "key": {"name": "key", "in": "path", "required": true, "description": "A case number (CM14-0039927) or a hit's key", "schema": {"type": "string"}}
    },
    "responses": {
      "BadRequest": {"description": "A parameter or the query is wrong; error says what", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "NotFound": {"description": "No such letter or endpoint", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "Unavailable": {"description": "The index cannot be searched right now", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    },
    "schemas": {
      "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
      "Facets": {
        "type": "object",
        "description": "Per facet, its values with the number of letters; a facet's own filter is ignored in its counts (multi-select)",
        "required": ["decision", "outcome", "drug", "drug_class", "category", "guideline", "specialty", "license_state", "decision_year"],
        "additionalProperties": {"type": "array", "items": {"$ref": "#/components/schemas/FacetCount"}}
      },
      "FacetCount": {"type": "object", "required": ["value", "count"], "properties": {"value": {"type": "string"}, "count": {"type": "integer"}}},
      "Reviewer": {"type": "object", "required": ["specialty", "subspecialty", "license_states"],
        "properties": {"specialty": {"type": "string", "nullable": true}, "subspecialty": {"type": "string", "nullable": true},
                       "license_states": {"type": "array", "items": {"type": "string"}}, "certifications": {"type": "array", "items": {"type": "string"}}}},
      "HitItem": {"type": "object", "required": ["treatment", "drugs", "category", "decision", "guidelines", "matched"],
        "properties": {"treatment": {"type": "string"}, "drugs": {"type": "array", "items": {"type": "string"}}, "category": {"type": "string"},
                       "drug_class": {"type": "string", "nullable": true}, "decision": {"type": "string", "enum": ["upheld", "overturned"]},
                       "guidelines": {"type": "array", "items": {"type": "string"}}, "claims_guidelines": {"type": "array", "items": {"type": "string"}},
                       "matched": {"type": "boolean", "description": "The item satisfied the item-level filters, or (without them) the query's item fields or words hit it"}}},
      "Hit": {"type": "object", "required": ["key", "case_number", "decision_date", "injury_date", "outcome", "reviewer", "source", "items", "snippet"],
        "properties": {"key": {"type": "string"}, "case_number": {"type": "string", "nullable": true},
                       "decision_date": {"type": "string", "format": "date", "nullable": true}, "injury_date": {"type": "string", "format": "date", "nullable": true},
                       "outcome": {"type": "string", "nullable": true, "enum": ["upheld", "overturned", "partially_overturned"]},
                       "reviewer": {"$ref": "#/components/schemas/Reviewer"}, "source": {"type": "string"},
                       "items": {"type": "array", "items": {"$ref": "#/components/schemas/HitItem"}},
                       "snippet": {"type": "string", "description": "HTML: the letter's text escaped, query hits in <mark>"}}},
      "SearchResult": {"type": "object", "required": ["total", "page", "per_page", "took_ms", "hits", "facets", "suggestion"],
        "properties": {"total": {"type": "integer", "description": "Letters matching, exact"}, "page": {"type": "integer"}, "per_page": {"type": "integer"},
                       "took_ms": {"type": "number"}, "hits": {"type": "array", "items": {"$ref": "#/components/schemas/Hit"}},
                       "facets": {"$ref": "#/components/schemas/Facets"},
                       "suggestion": {"type": "string", "nullable": true, "description": "Did you mean: the query with misspelled-looking words replaced by words the letters use"}}},
      "SimilarResult": {"type": "object", "required": ["of", "total", "page", "per_page", "took_ms", "hits", "facets"],
        "properties": {"of": {"type": "object", "required": ["key", "case_number"], "properties": {"key": {"type": "string"}, "case_number": {"type": "string", "nullable": true}}},
                       "total": {"type": "integer"}, "page": {"type": "integer"}, "per_page": {"type": "integer"}, "took_ms": {"type": "number"},
                       "hits": {"type": "array", "items": {"$ref": "#/components/schemas/Hit"}}, "facets": {"$ref": "#/components/schemas/Facets"}}},
      "Document": {"type": "object", "description": "The record of contract section 2 plus key and html",
        "required": ["key", "case_number", "source", "dates", "priority", "reviewer", "patient", "diagnoses", "outcome", "items", "html"],
        "properties": {"key": {"type": "string"}, "case_number": {"type": "string", "nullable": true}, "source": {"type": "string"},
                       "dates": {"type": "object", "required": ["assigned", "injury", "decision", "ur_denial", "application_received"]},
                       "priority": {"type": "string", "nullable": true}, "reviewer": {"$ref": "#/components/schemas/Reviewer"},
                       "patient": {"type": "object", "required": ["age", "sex"]}, "diagnoses": {"type": "array", "items": {"type": "string"}},
                       "outcome": {"type": "string", "nullable": true}, "items": {"type": "array", "items": {"$ref": "#/components/schemas/RecordItem"}},
                       "html": {"type": "string", "description": "The whole letter as <p> paragraphs, escaped, hits in <mark>"}}},
      "RecordItem": {"type": "object", "required": ["treatment", "drugs", "category", "drug_class", "decision", "guidelines", "claims_guidelines", "rationale"],
        "properties": {"treatment": {"type": "string"}, "drugs": {"type": "array", "items": {"type": "string"}}, "category": {"type": "string"},
                       "drug_class": {"type": "string", "nullable": true}, "decision": {"type": "string"},
                       "guidelines": {"type": "array", "items": {"type": "string"}}, "claims_guidelines": {"type": "array", "items": {"type": "string"}},
                       "rationale": {"type": "string"}}},
      "Stats": {"type": "object", "required": ["by", "rows"],
        "properties": {"by": {"type": "string"}, "rows": {"type": "array", "items": {"$ref": "#/components/schemas/StatsRow"}}}},
      "StatsRow": {"type": "object", "required": ["value", "items", "upheld", "overturned", "overturn_rate"],
        "properties": {"value": {"type": "string"}, "items": {"type": "integer"}, "upheld": {"type": "integer"}, "overturned": {"type": "integer"}, "overturn_rate": {"type": "number"}}},
      "Health": {"type": "object", "required": ["status", "documents", "last_update"],
        "properties": {"status": {"type": "string", "enum": ["ok"]}, "documents": {"type": "integer"}, "last_update": {"type": "string", "format": "date-time", "nullable": true}}}
    }
  }
})json";

}  // namespace

Response openapi() { return Response{200, nlohmann::json::parse(kDocument)}; }

}  // namespace imr::searcher
