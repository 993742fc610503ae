"""Reads bench/queries.tsv, the query mix the C++ drivers also read."""
import urllib.parse
from dataclasses import dataclass, field


@dataclass
class BenchQuery:
    name: str
    kind: str
    text: str
    filters: list = field(default_factory=list)  # [(field, value)]
    decided: tuple = None                        # (from, to) or None
    page: int = 1
    sort: str = "relevance"
    by: str = ""
    per_page: int = 20

    def api_path(self):
        """The HTTP API path doing what the in-process drivers do."""
        text = self.text
        if self.decided:
            text = (text + " " if text else "") + "decided:%s..%s" % self.decided
        params = [("q", text)] + [("filter", "%s:%s" % f) for f in self.filters]
        params += [("page", self.page), ("per_page", self.per_page), ("sort", self.sort)]
        endpoint = "/api/stats" if self.kind == "stats" else "/api/search"
        if self.by:
            params.append(("by", self.by))
        return endpoint + "?" + urllib.parse.urlencode(params)


def _none(column):
    return "" if column == "-" else column


def load(path):
    queries = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            c = line.split("\t")
            if len(c) != 8:
                raise SystemExit("%s:%d: expected 8 tab-separated columns" % (path, number))
            filters = [tuple(s.split(":", 1)) for s in _none(c[3]).split()]
            decided = tuple(_none(c[4]).split("..", 1)) if _none(c[4]) else None
            queries.append(BenchQuery(c[0], c[1], _none(c[2]), filters, decided, int(c[5]), c[6], _none(c[7])))
    return queries


if __name__ == "__main__":
    import sys
    # Prints the API paths of the mix, one per line, for wrk.
    for q in load(sys.argv[1]):
        print(q.api_path())
