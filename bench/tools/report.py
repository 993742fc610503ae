"""Turns one benchmark run's measurements (bench/out/run-N/) into
bench/results/latest-N.{md,json,png}, and checks the facet counts of the
record-only queries: imrsearch's against the records its own parser extracted
(exits 1, naming every difference, when they disagree: the counting must be
exact), every engine's against the generator's true records (reported: for
imrsearch that gap is the parser's, for the baselines their facet rules).

usage: report.py --letters N --work DIR --corpus DIR --mix FILE --results DIR
"""
import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import query_mix  # noqa: E402
import truth_check  # noqa: E402

ENGINES = [("imrsearch", "imrsearch"), ("sqlite", "SQLite FTS5"), ("xapian", "Xapian stock")]
BASELINES = ENGINES[1:]
# now/before p50 above which a query type counts as slower than before (run-to-run noise is below).
SLOWER = 1.10
# Memory the server may gain during the soak, after its warm-up, before the run fails.
SOAK_GROWTH = 0.10


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def gnu_time(path):
    """Wall, CPU seconds and peak RSS from `/usr/bin/time -v` output."""
    t = read(path)

    def field(label):
        return re.search(re.escape(label) + r":\s*(.+)", t).group(1).strip()
    parts = [float(p) for p in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")]
    wall = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    return {"wall_s": wall, "cpu_s": cpu, "peak_rss_mb": int(field("Maximum resident set size (kbytes)")) / 1024,
            "exit_status": int(field("Exit status"))}


def indexing(work, letters, corpus_bytes):
    out = {}
    for key, _ in ENGINES:
        t = gnu_time(os.path.join(work, "index-%s.time" % key))
        size = int(read(os.path.join(work, "index-%s.size" % key)))
        t.update(letters_per_s=letters / t["wall_s"], mb_per_s=corpus_bytes / 1e6 / t["wall_s"],
                 index_mb=size / 1e6, index_to_corpus=size / corpus_bytes)
        out[key] = t
    return out


def http(work, kind="http"):
    out = {}
    for name in sorted(os.listdir(work)):
        m = re.fullmatch(kind + r"-(\d+)\.txt", name)
        if m:
            out[int(m.group(1))] = bench_json(os.path.join(work, name))
    return dict(sorted(out.items()))


def scaleout(work, letters, corpus_bytes):
    """bench/scaleout's figures: indexing with 1 and 2 shards, HTTP through nginx with 1 and 2
    searchers; None when the run had no scale-out section."""
    setup = os.path.join(work, "scaleout-http.json")
    if not os.path.exists(setup):
        return None
    out = {"setup": json.loads(read(setup)), "indexing": {}, "http": {}}
    for shards in (1, 2):
        t = gnu_time(os.path.join(work, "scaleout-index-%d.time" % shards))
        t.update(letters_per_s=letters / t["wall_s"], mb_per_s=corpus_bytes / 1e6 / t["wall_s"],
                 index_mb=int(read(os.path.join(work, "scaleout-index-%d.size" % shards))) / 1e6)
        out["indexing"][str(shards)] = t
    for replicas in (1, 2):
        out["http"][str(replicas)] = bench_json(os.path.join(work, "scaleout-http-%d.txt" % replicas))
    return out


def http_row(connections, h):
    return "| %s | %.0f | %d | %.0f | %.2f | %.2f | %.2f | %.2f | %d |" % (
        connections, h["seconds"], h["requests"], h["requests_per_s"], h["p50_ms"], h["p95_ms"], h["p99_ms"],
        h["max_ms"], h["errors"])


def bench_json(path):
    """The BENCH_JSON line http_mix.lua prints at the end of a wrk run."""
    line = [l for l in read(path).splitlines() if l.startswith("BENCH_JSON ")]
    return json.loads(line[-1][len("BENCH_JSON "):])


def soak(work):
    """The soak's SOAK_JSON line (tests/load/soak), or None when the run had no soak."""
    path = os.path.join(work, "soak.txt")
    if not os.path.exists(path):
        return None
    lines = [l for l in read(path).splitlines() if l.startswith("SOAK_JSON ")]
    return json.loads(lines[-1][len("SOAK_JSON "):]) if lines else None


def run(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def machine(work):
    meminfo = read("/proc/meminfo")
    cpu = re.search(r"model name\s*:\s*(.+)", read("/proc/cpuinfo"))
    versions = {p: run(["dpkg-query", "-W", "-f=${Version}", p])
                for p in ["libxapian30", "libsqlite3-0", "libicu72", "wrk", "g++"]}
    return {"cores": os.cpu_count(), "cpu": cpu.group(1) if cpu else platform.processor(),
            "memory_gb": round(int(re.search(r"MemTotal:\s*(\d+)", meminfo).group(1)) / 2 ** 20, 1),
            "kernel": platform.release(), "versions": versions,
            "git_commit": built_commit(work)}


def built_commit(work):
    """The commit the measured binaries were built from (bench/run notes it before it builds;
    HEAD at report time may be later, a run takes hours)."""
    path = os.path.join(work, "commit")
    if os.path.exists(path):
        return read(path).strip()
    return run(["git", "-C", os.path.dirname(__file__), "describe", "--always", "--dirty"])


def check_truth(mix, queries, truth):
    """Per record-only query and engine: the differences from the true records."""
    checks = {}
    for q in mix:
        if q.text:
            continue
        expected = truth.expected(q)
        checks[q.name] = {key: truth_check.compare(expected, queries[key][q.name]) for key, _ in ENGINES}
    return checks


def check_exact(mix, queries, extracted):
    """Per record-only query: imrsearch's differences from the records its parser extracted."""
    return {q.name: truth_check.compare(extracted.expected(q), queries["imrsearch"][q.name]) for q in mix if not q.text}


def ratio(a, b):
    return a / b if b else float("nan")


def fmt(x, digits=2):
    return "%.*f" % (digits, x) if x == x else "n/a"


def markdown(r):
    n, m = r["letters"], r["machine"]
    lines = ["# imrsearch benchmark: %d letters" % n, "",
             "Run %s on %d cores (%s), %.1f GB RAM, commit %s. Versions: %s." % (
                 r["date"], m["cores"], m["cpu"], m["memory_gb"], m["git_commit"],
                 ", ".join("%s %s" % kv for kv in m["versions"].items())),
             "Corpus: %d letters, %.1f MB (%s). Latencies are the median over %d rounds of each round's "
             "percentile over up to %d runs after up to %d warm-up runs (fewer when a query's runs take over %ss "
             "in a round: `runs` is the fewest measured runs of imrsearch/SQLite/Xapian in a round); all engines "
             "in-process, same machine, same run. Load average at the start of the report: %s." % (
                 n, r["corpus_mb"], r["corpus_made_by"], r["rounds"], r["runs"], r["warmup"], r.get("budget_s", "n/a"),
                 r["load_average"]), "",
             "## Indexing", "",
             "| engine | letters/s | MB/s | wall s | CPU s | peak RSS MB | index MB | index/corpus |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for key, label in ENGINES:
        i = r["indexing"][key]
        lines.append("| %s | %.0f | %.2f | %.1f | %.1f | %.0f | %.1f | %.2f |" % (
            label, i["letters_per_s"], i["mb_per_s"], i["wall_s"], i["cpu_s"], i["peak_rss_mb"], i["index_mb"],
            i["index_to_corpus"]))
    for key, label in BASELINES:
        i, b = r["indexing"]["imrsearch"], r["indexing"][key]
        lines.append("| imrsearch / %s | %s | %s | %s | %s | %s | %s | %s |" % (label, *[fmt(ratio(i[f], b[f])) for f in (
            "letters_per_s", "mb_per_s", "wall_s", "cpu_s", "peak_rss_mb", "index_mb", "index_to_corpus")]))
    lines += ["", "## Queries (ms: p50 / p95 / p99)", "",
              "| query | total | runs | imrsearch | SQLite FTS5 | Xapian stock | imrsearch/SQLite | imrsearch/Xapian |",
              "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for q in r["mix"]:
        cells = [" / ".join(fmt(r["queries"][k][q]["latency_ms"][p]) for p in ("p50", "p95", "p99")) for k, _ in ENGINES]
        ratios = [" / ".join(fmt(ratio(r["queries"]["imrsearch"][q]["latency_ms"][p], r["queries"][k][q]["latency_ms"][p]))
                             for p in ("p50", "p95", "p99")) for k, _ in BASELINES]
        totals = "/".join(str(r["queries"][k][q]["total"]) for k, _ in ENGINES)
        runs = "/".join(str(r["queries"][k][q]["latency_ms"]["runs"]) for k, _ in ENGINES)
        lines.append("| %s | %s | %s | %s | %s | %s | %s | %s |" % (q, totals, runs, *cells, *ratios))
    lines += ["", "`total` is imrsearch/SQLite/Xapian; they differ where the engines' rules differ (see bench/README.md)."]
    lines += before_section(r)
    lines += [
              "", "## HTTP (imrsearch server, wrk on 127.0.0.1, whole mix in rotation)", "",
              "| connections | seconds | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors |",
              "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    lines += [http_row(c, h) for c, h in r["http"].items()]
    if r.get("http_cached"):
        lines += ["", "The same with the server as shipped: its answer cache (`--cache`, 256 answers of one index "
                  "revision) serves each of the mix's %d distinct requests after its first, so this is HTTP and the "
                  "cache, not searching:" % len(r["mix"]), "",
                  "| connections | seconds | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors |",
                  "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        lines += [http_row(c, h) for c, h in r["http_cached"].items()]
    def agreement(problems):
        return "agrees" if not problems else "%d differences" % len(problems)
    lines += ["", "The baselines have no HTTP server of their own, so HTTP figures have no ratio."]
    lines += soak_section(r.get("soak"))
    lines += scaleout_section(r.get("scaleout"))
    lines += ["",
              "## Correctness (record-only queries: total and every facet count)", "",
              "| query | imrsearch vs its parser's records | " +
              " | ".join("%s vs truth.jsonl" % label for _, label in ENGINES) + " |",
              "|---|---|" + "---|" * len(ENGINES)]
    for q, per_engine in r["truth_check"].items():
        lines.append("| %s | %s | %s |" % (q, agreement(r["exact_check"][q]),
                                          " | ".join(agreement(p) for p in per_engine.values())))
    lines += ["", "imrsearch must agree with the records `imr-index extract` gives for the same letters (the run fails "
              "otherwise): its counting is exact. Against the generator's true records its differences are the parser's "
              "misreadings (see tests/accuracy); the baselines index the true records, so theirs are their simpler "
              "facet rules. Those are reported, not enforced.",
              "", "## Commands", "", "```"] + r["commands"] + ["```", "", "![latency chart](latest-%d.png)" % n, ""]
    return "\n".join(lines)


def soak_section(s):
    """The long load of tests/load/soak: errors and memory after warm-up are what it is for."""
    if not s:
        return []
    growth = 100.0 * (s["rss_end_kb"] - s["rss_after_warmup_kb"]) / s["rss_after_warmup_kb"]
    return ["", "## Soak (tests/load/soak: %d connections for %d s after %d s of warm-up)" % (
                s["connections"], s["seconds"], s["warmup_s"]), "",
            "| requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | 5xx | RSS after warm-up MB | RSS at the end MB | growth |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
            "| %d | %.0f | %.2f | %.2f | %.2f | %.2f | %d | %d | %.1f | %.1f | %+.1f%% |" % (
                s["requests"], s["requests_per_s"], s["p50_ms"], s["p95_ms"], s["p99_ms"], s["max_ms"], s["errors"],
                s["errors_5xx"], s["rss_after_warmup_kb"] / 1024, s["rss_end_kb"] / 1024, growth)]


def scaleout_section(s):
    """Shards on the indexer and searchers behind nginx (bench/scaleout), each against one."""
    if not s:
        return []
    i1, i2 = s["indexing"]["1"], s["indexing"]["2"]
    lines = ["", "## Scale-out: shards and replicas (bench/scaleout)", "",
             "Indexing the corpus into a new index with `imr-index --shards S`:", "",
             "| shards | letters/s | MB/s | wall s | CPU s | peak RSS MB | index MB |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for shards, i in (("1", i1), ("2", i2)):
        lines.append("| %s | %.0f | %.2f | %.1f | %.1f | %.0f | %.1f |" % (
            shards, i["letters_per_s"], i["mb_per_s"], i["wall_s"], i["cpu_s"], i["peak_rss_mb"], i["index_mb"]))
    lines.append("| 2 / 1 | %s | %s | %s | %s | %s | %s |" % tuple(fmt(ratio(i2[f], i1[f])) for f in (
        "letters_per_s", "mb_per_s", "wall_s", "cpu_s", "peak_rss_mb", "index_mb")))
    u, h1, h2 = s["setup"], s["http"]["1"], s["http"]["2"]
    front = "nginx and wrk on cores of their own" if u["front_pinned"] else \
        "nginx and wrk on the same %d cores as the searchers" % u["cores"]
    lines += ["", "HTTP through nginx (the shipped site, `scripts/deploy/nginx-local`) in front of 1 or 2 `imr-search` "
              "of the benchmark's index, each pinned to its own core (`taskset`) with `--searches 1 --cache 0`; "
              "wrk with %d connections for %d s after %s s of warm-up on each searcher and 3 s through nginx, "
              "the whole mix in rotation; %s:" % (u["connections"], u["seconds"], u.get("warmup_s", "n/a"), front), "",
              "| searchers | requests | req/s | p50 ms | p99 ms | errors |", "|---|---:|---:|---:|---:|---:|"]
    for replicas, h in (("1 (core 0)", h1), ("2 (cores 0, 1)", h2)):
        lines.append("| %s | %d | %.1f | %.2f | %.2f | %d |" % (
            replicas, h["requests"], h["requests_per_s"], h["p50_ms"], h["p99_ms"], h["errors"]))
    lines.append("| 2 / 1 | %s | %s | %s | %s | |" % tuple(fmt(ratio(h2[f], h1[f])) for f in (
        "requests", "requests_per_s", "p50_ms", "p99_ms")))
    return lines


def before_section(r):
    """imrsearch today beside an earlier commit's driver on the same index, in
    alternating pairs (bench/run --before): each pair's now/before p50, and the
    median over pairs, which decides "slower"."""
    before = r.get("before")
    if not before:
        return []
    pairs = before["pairs"]
    lines = ["", "## imrsearch now vs before (commit %s, the same index, the same run)" % before["commit"], "",
             "%d pairs, each one round of today's driver and one of the earlier one, the order flipped every "
             "pair. now/before is each pair's ratio of p50s; the verdict takes their median." % len(pairs), "",
             "| query | total now/before | p50 now (median) | p50 before (median) | now/before by pair | "
             "median now/before |", "|---|---:|---:|---:|---|---:|"]
    slower = []
    for q in r["mix"]:
        now = [p["now"][q] for p in pairs]
        then = [p["before"][q] for p in pairs]
        ratios = [ratio(a["latency_ms"]["p50"], b["latency_ms"]["p50"]) for a, b in zip(now, then)]
        mid = statistics.median(ratios)
        totals = "%s/%s" % ("/".join(sorted({str(a["total"]) for a in now})),
                            "/".join(sorted({str(b["total"]) for b in then})))
        lines.append("| %s | %s | %s | %s | %s | %s |" % (
            q, totals, fmt(statistics.median(a["latency_ms"]["p50"] for a in now)),
            fmt(statistics.median(b["latency_ms"]["p50"] for b in then)), " ".join(fmt(x) for x in ratios), fmt(mid)))
        if mid > SLOWER:
            slower.append("%s (p50 x%s)" % (q, fmt(mid)))
    lines += ["", "Slower than before (median now/before p50 more than %d%% up): %s." % (
        round((SLOWER - 1) * 100), ", ".join(slower) if slower else "none")]
    return lines


def chart(r, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    mix = r["mix"]
    fig, ax = plt.subplots(figsize=(14, 6))
    width = 0.27
    for e, (key, label) in enumerate(ENGINES):
        xs = [i + (e - 1) * width for i in range(len(mix))]
        lat = [r["queries"][key][q]["latency_ms"] for q in mix]
        ax.bar(xs, [l["p50"] for l in lat], width, label=label + " p50")
        ax.scatter(xs, [l["p95"] for l in lat], marker="_", s=120, color="black", zorder=3)
        ax.scatter(xs, [l["p99"] for l in lat], marker="x", s=25, color="red", zorder=3)
    ax.set_yscale("log")
    ax.set_xticks(range(len(mix)))
    ax.set_xticklabels(mix, rotation=35, ha="right")
    ax.set_ylabel("latency, ms (log): bar p50, dash p95, x p99")
    ax.set_title("imrsearch vs baselines, %d letters" % r["letters"])
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)


def before(work):
    """The --before pairs' answers (query-pair-N-{now,before}.json), or None when the run had none."""
    pairs = []
    while True:
        paths = [os.path.join(work, "query-pair-%d-%s.json" % (len(pairs) + 1, side)) for side in ("now", "before")]
        if not all(os.path.exists(p) for p in paths):
            break
        # Only what the comparison reads: every pair's facets would triple the report.
        now, then = ({q["name"]: {k: q[k] for k in ("name", "total", "latency_ms")} for q in json.loads(read(p))["queries"]}
                     for p in paths)
        pairs.append({"now": now, "before": then})
    if not pairs:
        return None
    return {"commit": read(os.path.join(work, "before.commit")).strip(), "pairs": pairs}


def main():
    ap = argparse.ArgumentParser()
    for opt in ("--work", "--corpus", "--mix", "--results"):
        ap.add_argument(opt, required=True)
    ap.add_argument("--letters", type=int, required=True)
    a = ap.parse_args()
    mix = query_mix.load(a.mix)
    queries = {key: {q["name"]: q for q in json.loads(read(os.path.join(a.work, "query-%s.json" % key)))["queries"]}
               for key, _ in ENGINES}
    first = json.loads(read(os.path.join(a.work, "query-imrsearch.json")))
    corpus_bytes = int(read(os.path.join(a.work, "corpus.size")))
    manifest = json.loads(read(os.path.join(a.corpus, "manifest.json")))
    r = {"letters": a.letters, "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "machine": machine(a.work),
         "corpus_mb": corpus_bytes / 1e6, "corpus_made_by": manifest.get("made_by", "build/imr-generate"),
         "rounds": first["rounds"], "runs": first["runs"], "warmup": first["warmup"],
         "budget_s": first.get("budget_s"), "load_average": " ".join(read("/proc/loadavg").split()[:3]),
         "mix": [q.name for q in mix], "indexing": indexing(a.work, a.letters, corpus_bytes),
         "queries": queries, "http": http(a.work), "http_cached": http(a.work, "http-cached"),
         "truth_check": check_truth(mix, queries, truth_check.Truth(os.path.join(a.corpus, "truth.jsonl"))),
         "exact_check": check_exact(mix, queries, truth_check.Truth(os.path.join(a.work, "extracted.jsonl"))),
         "commands": read(os.path.join(a.work, "commands.txt")).splitlines(), "before": before(a.work),
         "soak": soak(a.work), "scaleout": scaleout(a.work, a.letters, corpus_bytes)}
    os.makedirs(a.results, exist_ok=True)
    base = os.path.join(a.results, "latest-%d" % a.letters)
    with open(base + ".json", "w") as f:
        json.dump(r, f, indent=1)
    with open(base + ".md", "w") as f:
        f.write(markdown(r))
    chart(r, base + ".png")
    failures = [(q, p) for q, problems in r["exact_check"].items() for p in problems]
    for q, p in failures:
        print("COUNT MISMATCH imrsearch %s (vs imr-index extract): %s" % (q, p), file=sys.stderr)
    # wrk counts non-2xx answers and refused connections: the server must answer every request.
    for c, h in list(r["http"].items()) + list(r["http_cached"].items()):
        if h["errors"]:
            failures.append(("http", c))
            print("HTTP ERRORS: %d of the requests with %d connections failed" % (h["errors"], c), file=sys.stderr)
    if r["scaleout"]:
        for replicas, h in r["scaleout"]["http"].items():
            if h["errors"]:
                failures.append(("scaleout", replicas))
                print("HTTP ERRORS: %d requests through nginx with %s searcher(s) failed" % (h["errors"], replicas),
                      file=sys.stderr)
    s = r["soak"]
    if s and (s["errors"] or s["errors_5xx"] or s["rss_end_kb"] > s["rss_after_warmup_kb"] * (1 + SOAK_GROWTH)):
        failures.append(("soak", s["errors"]))
        print("SOAK FAILED: %d failed requests, RSS %d kB after warm-up, %d kB at the end" % (
            s["errors"], s["rss_after_warmup_kb"], s["rss_end_kb"]), file=sys.stderr)
    print("wrote %s.md, .json, .png" % base)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
