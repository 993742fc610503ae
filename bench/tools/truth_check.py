"""Expected answers of the record-only benchmark queries (no text), computed
from the generator's true records, with the contract's rules: item-level
filters hold for the same item; each facet ignores its own filter
(multi-select) and counts letters; stats count items."""
import json
from collections import Counter, defaultdict

ITEM_FIELDS = {"decision", "drug", "drug_class", "category", "guideline"}
ALIASES = {"class": "drug_class", "state": "license_state", "year": "decision_year"}
FACETS = ["decision", "drug", "category", "guideline", "outcome", "drug_class",
          "specialty", "license_state", "decision_year"]


def item_values(item, f):
    if f == "drug":
        return list(item.get("drugs") or [])
    if f == "guideline":
        return list(item.get("guidelines") or [])
    v = item.get(f)
    return [v] if v else []


def letter_values(r, f):
    if f == "outcome":
        v = r.get("outcome")
    elif f == "specialty":
        # every board certification, as the index's facet table counts them
        reviewer = r.get("reviewer") or {}
        return list(reviewer.get("certifications") or ([reviewer["specialty"]] if reviewer.get("specialty") else []))
    elif f == "license_state":
        return list((r.get("reviewer") or {}).get("license_states") or [])
    elif f == "decision_year":
        d = (r.get("dates") or {}).get("decision")
        v = d[:4] if d else None
    else:
        raise SystemExit("truth_check: no rule for letter field " + f)
    return [v] if v else []


def _has(values, wanted):
    return any(v.lower() in wanted for v in values)


class Truth:
    def __init__(self, truth_path):
        self.path = truth_path

    def _records(self):
        """Streams the records: a million of them would not fit in memory as Python objects."""
        with open(self.path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    yield json.loads(line)

    def _groups(self, q):
        groups = defaultdict(set)
        for name, value in q.filters:
            groups[ALIASES.get(name, name)].add(value.lower())
        return groups

    def _in_dates(self, r, q):
        if not q.decided:
            return True
        d = (r.get("dates") or {}).get("decision")
        return d is not None and q.decided[0] <= d <= q.decided[1]

    def _passing_items(self, r, groups, skip):
        item_groups = {f: w for f, w in groups.items() if f in ITEM_FIELDS and f != skip}
        return [it for it in r.get("items") or [] if all(_has(item_values(it, f), w) for f, w in item_groups.items())]

    def _passes(self, r, groups, skip=None):
        for f, wanted in groups.items():
            if f != skip and f not in ITEM_FIELDS and not _has(letter_values(r, f), wanted):
                return False
        if any(f in ITEM_FIELDS and f != skip for f in groups):
            return bool(self._passing_items(r, groups, skip))
        return True

    def expected(self, q):
        """{"total": n, "facets": {field: {value: count}}} for a query without text."""
        groups = self._groups(q)
        records = (r for r in self._records() if self._in_dates(r, q))
        if q.kind == "stats":
            return self._stats(records, groups, q.by)
        facets = {f: Counter() for f in FACETS}
        total = 0
        for r in records:
            total += self._passes(r, groups)
            for f in FACETS:
                if self._passes(r, groups, skip=f):
                    facets[f].update(self._facet_values(r, groups, f))
        return {"total": total, "facets": {f: dict(c) for f, c in facets.items()}}

    def _facet_values(self, r, groups, f):
        """A letter's values of facet f, each once: for an item-level facet, those of the
        items passing the other item-level filters."""
        if f in ITEM_FIELDS:
            return {v for it in self._passing_items(r, groups, f) for v in item_values(it, f)}
        return set(letter_values(r, f))

    def _stats(self, records, groups, by):
        counts = Counter()
        for r in records:
            if self._passes(r, groups):
                for it in self._passing_items(r, groups, None):
                    counts.update(set(item_values(it, by)) if by in ITEM_FIELDS else set(letter_values(r, by)))
        return {"total": sum(counts.values()), "facets": {by: dict(counts)}}


def compare(expected, got):
    """Differences between an expected and a measured answer, as readable lines."""
    problems = []
    if expected["total"] != got["total"]:
        problems.append("total %s, truth says %s" % (got["total"], expected["total"]))
    for f, want in expected["facets"].items():
        have = {k: v for k, v in (got.get("facets") or {}).get(f, {}).items()}
        for value in sorted(set(want) | set(have)):
            if want.get(value, 0) != have.get(value, 0):
                problems.append("facet %s=%s: %s, truth says %s" % (f, value, have.get(value, 0), want.get(value, 0)))
    return problems
