#!/usr/bin/python3
"""Relevance of `kith match` against the judged set in this directory.

Creates a fresh database (`kith gen 2000 --seed 7`, today 2026-11-26), adds
every opportunity of opportunities.json with `kith opp add`, runs
`kith --json match ID --limit 10` for each, and scores the ranking against
qrels.json (written by judge.py):

  P@5      share of the first five that are relevant (grade >= 2); fewer than
           five results count the missing ones as not relevant.
  NDCG@10  DCG of the first ten, gain 2^grade - 1 and discount log2(rank + 1),
           divided by the DCG of the ten best grades in qrels.json.

Prints a markdown table per opportunity, per kind and overall.

Usage:
  bench/relevance/evaluate.py [--kith build/src/kith] [--dump DIR] [--depth N]

--dump DIR writes each opportunity's match JSON to DIR (with --depth N, the
first N instead of 10: bench/relevance/rerank.py re-ranks those).
"""
import argparse
import datetime
import json
import math
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
from judge import fingerprint  # noqa: E402  (only the digest of the network, no grading)

KINDS = ["job", "project", "tickets", "intro", "other"]


def precision_at(ranked_ids, grades, k=5):
    return sum(1 for i in ranked_ids[:k] if grades.get(str(i), 0) >= 2) / k


def dcg(gains):
    return sum((2 ** g - 1) / math.log2(rank + 2) for rank, g in enumerate(gains))


def ndcg_at(ranked_ids, grades, k=10):
    ideal = dcg(sorted(grades.values(), reverse=True)[:k])
    if ideal == 0:
        return 0.0
    return dcg([grades.get(str(i), 0) for i in ranked_ids[:k]]) / ideal


def add_args(opportunity):
    args = ["opp", "add", opportunity["title"], "--kind", opportunity["kind"]]
    for skill in opportunity.get("skills", []):
        args += ["--skill", skill]
    for flag in ("description", "place", "deadline", "source"):
        if opportunity.get(flag):
            args += ["--" + flag, opportunity[flag]]
    return args


def mean(values):
    return sum(values) / len(values) if values else float("nan")


def run(kith_path, spec, qrels, dump=None, depth=10):
    """Adds each opportunity to a fresh generated database and scores its matches."""
    network = spec["network"]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "relevance.db")
        base = [kith_path, "--db", db, "--today", network["today"]]

        def kith(*command):
            return subprocess.run(base + ["--json"] + list(command), check=True,
                                  capture_output=True, text=True).stdout

        subprocess.run(base + ["gen", str(network["gen"]), "--seed", str(network["seed"])],
                       check=True, stdout=subprocess.DEVNULL)
        people = json.loads(kith("list", "--limit", "100000"))
        if fingerprint(people) != qrels["network"]["fingerprint"]:
            print("warning: the generated network differs from the one judged "
                  f"({fingerprint(people)} != {qrels['network']['fingerprint']}); "
                  "re-run judge.py", file=sys.stderr)
        if dump:
            os.makedirs(dump, exist_ok=True)
        for opportunity in spec["opportunities"]:
            added = json.loads(kith(*add_args(opportunity)))
            matches = json.loads(kith("match", str(added["id"]), "--limit", str(max(10, depth))))
            if dump:
                with open(os.path.join(dump, opportunity["key"] + ".json"), "w",
                          encoding="utf-8") as out:
                    json.dump({"opportunity": opportunity, "matches": matches}, out,
                              ensure_ascii=False, indent=1)
            ranked = [m["id"] for m in matches[:10]]
            grades = qrels["qrels"][opportunity["key"]]
            rows.append({
                "key": opportunity["key"],
                "kind": opportunity["kind"],
                "words_only": opportunity.get("words_only", not opportunity.get("skills")),
                "p5": precision_at(ranked, grades),
                "ndcg10": ndcg_at(ranked, grades),
                "relevant": sum(1 for g in grades.values() if g >= 2),
                "top": [grades.get(str(i), 0) for i in ranked],
            })
    return rows


def summary(rows):
    """Mean P@5 and NDCG@10 per kind, per style and overall: {label: (n, p5, ndcg10)}."""
    groups = [(kind, [r for r in rows if r["kind"] == kind]) for kind in KINDS]
    groups += [("with --skill", [r for r in rows if not r["words_only"]]),
               ("words only", [r for r in rows if r["words_only"]]),
               ("all", rows)]
    return {label: (len(part), mean([r["p5"] for r in part]), mean([r["ndcg10"] for r in part]))
            for label, part in groups}


def report(rows, network):
    print(f"Relevance of `kith match` on `gen {network['gen']} --seed {network['seed']}`, "
          f"today {network['today']}; run on {datetime.date.today().isoformat()}.\n")
    print("| opportunity | kind | P@5 | NDCG@10 | judged ≥2 | grades of the top 10 |")
    print("|---|---|---:|---:|---:|---|")
    for row in rows:
        label = row["key"] + (" (words only)" if row["words_only"] else "")
        top = " ".join(str(g) for g in row["top"]) or "(no results)"
        print(f"| {label} | {row['kind']} | {row['p5']:.2f} | {row['ndcg10']:.3f} | "
              f"{row['relevant']} | {top} |")
    print()
    print("| kind | opportunities | mean P@5 | mean NDCG@10 |")
    print("|---|---:|---:|---:|")
    for label, (n, p5, ndcg) in summary(rows).items():
        if label in KINDS:
            print(f"| {label} | {n} | {p5:.3f} | {ndcg:.3f} |")
        elif label == "all":
            print(f"| **all** | {n} | **{p5:.3f}** | **{ndcg:.3f}** |")
        else:
            print(f"| *{label}* | {n} | {p5:.3f} | {ndcg:.3f} |")
    print()
    overall = summary(rows)["all"][1]
    print(f"Target mean P@5 ≥ 0.8: **{'met' if overall >= 0.8 else 'not met'}** ({overall:.3f}).")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kith", default=os.path.join(REPO, "build", "src", "kith"))
    parser.add_argument("--opportunities", default=os.path.join(HERE, "opportunities.json"))
    parser.add_argument("--qrels", default=os.path.join(HERE, "qrels.json"))
    parser.add_argument("--dump", help="directory for each match's JSON")
    parser.add_argument("--depth", type=int, default=10, help="--limit for the dumped matches")
    args = parser.parse_args()
    spec = json.load(open(args.opportunities, encoding="utf-8"))
    qrels = json.load(open(args.qrels, encoding="utf-8"))
    rows = run(args.kith, spec, qrels, args.dump, args.depth)
    report(rows, spec["network"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
