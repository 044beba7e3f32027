#!/usr/bin/python3
"""What P@5 and NDCG@10 would be if `kith match` did two things it does not do yet.

Estimates only, made without touching src/: each variant changes what is
*typed* into `kith opp add` so that today's binary behaves the way the fixed
one would, then scores the result against the same qrels.json (the judged
intent of each opportunity does not change).

  baseline   the opportunities as written (= evaluate.py)
  forms      the candidate search finds synonyms and word forms. It searches
             the Snowball stem of each word as a prefix, so "pottery" becomes
             "potteri*" and finds nobody. So do "hiking" (hike*), "hiring"
             (hire*), "photography", "typography" and "grant writing" (write*):
             alone in an opportunity each returns 0 people on the 2,000
             network, where 17-68 people hold them. Modelled by typing
             "potter", the unstemmed prefix (pottery is the only opportunity
             here that wants nothing else).
             Until src/ changed on 2026-11-26 18:10 (binary 747b0fe4), the
             search also ANDed the short and the long form of a skill
             ("golang" AND "go"), so "Golang", "K8s", "TS" and "ML" found
             nobody by skill; the current source ORs the forms. The variant
             still types kith's own long forms (Golang -> Go, K8s ->
             Kubernetes, TS -> TypeScript, ML -> machine learning), which
             changes nothing with a binary that has the fix.
  words      opportunities described only in words: the skills and interests
             named in the title and description count as wanted skills. Today
             words reach only interests (tickets, intros, other) and "looking
             for" (jobs, projects), never skills. Modelled by adding --skill
             for every skill or interest name that occurs in the network and
             is named in the words (whole words, or the same word with another
             ending: a shared prefix of 7+ letters, "photographer" for
             "photography").
  both       forms + words.

Usage: bench/relevance/whatif.py [--kith build/src/kith] [--dump DIR]

--dump DIR keeps each variant's matches (first 400) in DIR/<variant>/ for rerank.py.
"""
import argparse
import copy
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import evaluate  # noqa: E402
import judge  # noqa: E402  (generate() only: the network, not the grades)

# What today's candidate search finds, for what it does not.
FOUND_FORM = {"golang": "Go", "k8s": "Kubernetes", "ts": "TypeScript", "ml": "machine learning",
              "pottery": "potter"}


def words_of(text):
    return re.findall(r"[a-z0-9+#]+", text.lower())


def same_word(a, b):
    if a == b:
        return True
    shorter = min(len(a), len(b))
    return shorter >= 7 and a[:7] == b[:7] and a[:shorter - 2] == b[:shorter - 2]


def named_in(name, text_words):
    name_words = words_of(name)
    if not name_words:
        return False
    for start in range(len(text_words) - len(name_words) + 1):
        if all(same_word(n, text_words[start + i]) for i, n in enumerate(name_words)):
            return True
    return False


def forms(spec):
    out = copy.deepcopy(spec)
    for opportunity in out["opportunities"]:
        if opportunity.get("skills"):
            opportunity["skills"] = [FOUND_FORM.get(s.lower(), s) for s in opportunity["skills"]]
    return out


def words(spec, vocabulary):
    out = copy.deepcopy(spec)
    for opportunity in out["opportunities"]:
        if opportunity.get("skills"):
            continue
        text = words_of(opportunity["title"] + " " + opportunity.get("description", ""))
        named = sorted(name for name in vocabulary if named_in(name, text))
        opportunity["words_only"] = True
        if named:
            opportunity["skills"] = named
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kith", default=os.path.join(evaluate.REPO, "build", "src", "kith"))
    parser.add_argument("--dump", help="keep each variant's matches under DIR/<variant>/")
    args = parser.parse_args()
    spec = json.load(open(os.path.join(HERE, "opportunities.json"), encoding="utf-8"))
    qrels = json.load(open(os.path.join(HERE, "qrels.json"), encoding="utf-8"))
    people = judge.generate(args.kith, spec["network"])
    vocabulary = {s for p in people for s in p["skills"]} | {i for p in people for i in p["interests"]}

    variants = {"baseline": spec, "forms": forms(spec)}
    variants["words"] = words(spec, vocabulary)
    variants["both"] = words(variants["forms"], vocabulary)
    for opportunity in variants["words"]["opportunities"]:
        if opportunity.get("words_only"):
            print(f"  {opportunity['key']}: --skill " + ", ".join(opportunity.get("skills", ["(none)"])))
    results = {
        name: evaluate.run(args.kith, variant, qrels,
                           os.path.join(args.dump, name) if args.dump else None, 400)
        for name, variant in variants.items()
    }

    print()
    print("| opportunity | " + " | ".join(f"P@5 {n}" for n in variants) + " |")
    print("|---|" + "---:|" * len(variants))
    for i, row in enumerate(results["baseline"]):
        cells = [f"{results[n][i]['p5']:.2f}" for n in variants]
        if len(set(cells)) > 1:
            print(f"| {row['key']} | " + " | ".join(cells) + " |")
    print()
    print("| group | " + " | ".join(f"P@5 / NDCG@10 {n}" for n in variants) + " |")
    print("|---|" + "---:|" * len(variants))
    summaries = {n: evaluate.summary(rows) for n, rows in results.items()}
    for label in summaries["baseline"]:
        cells = [f"{summaries[n][label][1]:.3f} / {summaries[n][label][2]:.3f}" for n in variants]
        print(f"| {label} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
