"""Makes a benchmark corpus from copies of corpus/seeds/, for when the
generator (build/imr-generate) is not built: the same layout as the
generator's (letters/NNNN/NNNNNNNN.txt, truth.jsonl, manifest.json), each
copy with its own case number, and true records from `imr-index extract`
of the seeds (so they are the parser's answers, not independent truth).

usage: seed_corpus.py --letters N --out DIR --imr-index BIN --seeds DIR
"""
import argparse
import json
import os
import subprocess


def seed_records(imr_index, seeds_dir):
    files = sorted(os.path.join(seeds_dir, f) for f in os.listdir(seeds_dir) if f.endswith(".txt"))
    out = subprocess.run([imr_index, "extract"] + files, check=True, capture_output=True, text=True).stdout
    records = [json.loads(line) for line in out.splitlines() if line.strip()]
    texts = [open(f, encoding="utf-8").read() for f in files]
    return list(zip(records, texts))


def distinct_copy(record, text, case, i):
    """The seed's text made unique: its case number replaced, or, for a seed
    stating none, a closing line, so the indexer does not take copies for one letter."""
    if record.get("case_number"):
        return text.replace(record["case_number"], case)
    return text.rstrip("\n") + "\n\nBenchmark copy %d.\n" % i


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--letters", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--imr-index", required=True)
    ap.add_argument("--seeds", required=True)
    a = ap.parse_args()
    seeds = seed_records(a.imr_index, a.seeds)
    with open(os.path.join(a.out, "truth.jsonl"), "w", encoding="utf-8") as truth:
        for i in range(a.letters):
            record, text = seeds[i % len(seeds)]
            case = "CM90-%07d" % i
            source = "letters/%04d/%08d.txt" % (i // 1000, i)
            os.makedirs(os.path.join(a.out, os.path.dirname(source)), exist_ok=True)
            with open(os.path.join(a.out, source), "w", encoding="utf-8") as f:
                f.write(distinct_copy(record, text, case, i))
            truth.write(json.dumps(dict(record, case_number=case if record.get("case_number") else None,
                                        source=source)) + "\n")
    with open(os.path.join(a.out, "manifest.json"), "w") as f:
        json.dump({"letters": a.letters, "made_by": "bench/tools/seed_corpus.py (copies of corpus/seeds)"}, f)


if __name__ == "__main__":
    main()
