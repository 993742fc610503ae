"""The benchmark's exactness check, checked: expected() applies the contract's
rules to records written here by hand (the answers worked out by hand too),
and compare() reports every difference and nothing else.
Run: python3 -m unittest discover -s bench/tools -p 'test_*.py'"""
import json
import os
import tempfile
import unittest

from query_mix import BenchQuery
from truth_check import Truth, compare


def item(drugs, decision, category="medication", guidelines=()):
    return {"drugs": list(drugs), "decision": decision, "category": category, "guidelines": list(guidelines)}


RECORDS = [
    # Letter 1: tramadol upheld, gabapentin overturned (never tramadol overturned on one item).
    {"outcome": "partially_overturned", "dates": {"decision": "2015-03-02"},
     "reviewer": {"certifications": ["Orthopedic Surgery"], "license_states": ["CA"]},
     "items": [item(["tramadol"], "upheld", guidelines=["mtus-chronic-pain"]), item(["gabapentin"], "overturned")]},
    # Letter 2: tramadol overturned.
    {"outcome": "overturned", "dates": {"decision": "2016-07-01"},
     "reviewer": {"certifications": ["Family Practice"], "license_states": ["CA", "TX"]},
     "items": [item(["tramadol"], "overturned")]},
    # Letter 3: physical therapy upheld, no decision date.
    {"outcome": "upheld", "dates": {"decision": None},
     "reviewer": {"specialty": "Physical Medicine and Rehabilitation", "license_states": []},
     "items": [item([], "upheld", category="physical_therapy")]},
]


class TruthCheckTest(unittest.TestCase):
    def setUp(self):
        handle, self.path = tempfile.mkstemp(suffix=".jsonl")
        with os.fdopen(handle, "w", encoding="utf-8") as f:
            for r in RECORDS:
                f.write(json.dumps(r) + "\n")
        self.truth = Truth(self.path)

    def tearDown(self):
        os.remove(self.path)

    def search(self, filters=(), decided=None):
        return self.truth.expected(BenchQuery("q", "search", "", list(filters), decided))

    def test_every_letter_and_its_facets(self):
        e = self.search()
        self.assertEqual(e["total"], 3)
        self.assertEqual(e["facets"]["drug"], {"tramadol": 2, "gabapentin": 1})
        self.assertEqual(e["facets"]["decision"], {"upheld": 2, "overturned": 2})
        self.assertEqual(e["facets"]["license_state"], {"CA": 2, "TX": 1})
        self.assertEqual(e["facets"]["specialty"],
                         {"Orthopedic Surgery": 1, "Family Practice": 1, "Physical Medicine and Rehabilitation": 1})
        self.assertEqual(e["facets"]["decision_year"], {"2015": 1, "2016": 1})

    def test_item_filters_hold_for_the_same_item(self):
        e = self.search([("drug", "tramadol"), ("decision", "overturned")])
        self.assertEqual(e["total"], 1)  # letter 1 has tramadol and an overturned item, not both on one
        # Multi-select: each facet ignores its own filter, the other item filter still applies.
        self.assertEqual(e["facets"]["decision"], {"upheld": 1, "overturned": 1})
        self.assertEqual(e["facets"]["drug"], {"tramadol": 1, "gabapentin": 1})

    def test_letter_filters_and_dates(self):
        self.assertEqual(self.search([("state", "TX")])["total"], 1)
        self.assertEqual(self.search([("outcome", "upheld"), ("outcome", "overturned")])["total"], 2)
        self.assertEqual(self.search(decided=("2015-01-01", "2015-12-31"))["total"], 1)

    def test_stats_count_items(self):
        e = self.truth.expected(BenchQuery("s", "stats", "", [("drug", "tramadol")], None, by="decision"))
        self.assertEqual(e["facets"]["decision"], {"upheld": 1, "overturned": 1})
        self.assertEqual(e["total"], 2)

    def test_compare_reports_each_difference_and_nothing_else(self):
        expected = self.search()
        self.assertEqual(compare(expected, json.loads(json.dumps(expected))), [])
        wrong = json.loads(json.dumps(expected))
        wrong["total"] = 4
        wrong["facets"]["drug"]["tramadol"] = 1
        wrong["facets"]["drug"]["ibuprofen"] = 1
        del wrong["facets"]["decision"]["upheld"]
        problems = compare(expected, wrong)
        self.assertEqual(len(problems), 4, problems)
        self.assertIn("total 4, truth says 3", problems)
        self.assertIn("facet drug=ibuprofen: 1, truth says 0", problems)
        self.assertIn("facet decision=upheld: 0, truth says 2", problems)


if __name__ == "__main__":
    unittest.main()
