#!/usr/bin/python3
"""Re-ranks saved `kith match` results with other weights, to estimate a change.

Reads the match JSON that evaluate.py --dump (or whatif.py --dump) saved, with
each person's score and reasons, changes the score from the reasons alone, and
scores the new order against qrels.json. Only reorders the people kith
already returned, so it estimates weighting changes, not retrieval changes.

Rules tried (each adds to kith's score; "fit" = the reasons include
"skills: ..." or "interested in ..."):
  gate        people without a fit drop out when the opportunity has skills
              (today being open and "looking for" one shared word of the title
              is enough to be listed)
  open +N     jobs and projects: N more points for being open, only with a fit
  place +N    N more points for being in the place, only with a fit

Usage: bench/relevance/rerank.py DUMP_DIR
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import evaluate  # noqa: E402

SETTINGS = [("kith as is", False, 0, 0), ("gate", True, 0, 0), ("gate, open +20", True, 20, 0),
            ("gate, place +10", True, 0, 10), ("gate, open +20, place +10", True, 20, 10),
            ("open +20 (no gate, any person)", False, 20, 0)]


def fit(match):
    return any(r.startswith("skills:") or r.startswith("interested in") for r in match["reasons"])


def score(opportunity, match, gate, open_points, place_points, any_person=False):
    value = match["score"]
    has_fit = fit(match)
    if gate and opportunity.get("skills") and not has_fit:
        value -= 1000
    if opportunity["kind"] in ("job", "project") and (has_fit or any_person):
        if any(r.startswith("open to") for r in match["reasons"]):
            value += open_points
    if opportunity.get("place") and has_fit:
        if any(r in (match["city"], match["neighborhood"]) for r in match["reasons"] if r):
            value += place_points
    return value


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    dump = sys.argv[1]
    qrels = json.load(open(os.path.join(HERE, "qrels.json"), encoding="utf-8"))["qrels"]
    saved = [json.load(open(os.path.join(dump, name), encoding="utf-8"))
             for name in sorted(os.listdir(dump)) if name.endswith(".json")]
    print("| weights | " + " | ".join(["job", "project", "tickets", "intro", "other", "all"]) +
          " |  (P@5 / NDCG@10)")
    print("|---|" + "---:|" * 6)
    for label, gate, open_points, place_points in SETTINGS:
        rows = []
        for item in saved:
            opportunity = item["opportunity"]
            any_person = label.startswith("open +20 (no gate")
            ranked = sorted(item["matches"], key=lambda m: -score(
                opportunity, m, gate, open_points, place_points, any_person))
            ids = [m["id"] for m in ranked[:10]]
            grades = qrels[opportunity["key"]]
            rows.append({"key": opportunity["key"], "kind": opportunity["kind"],
                         "words_only": opportunity.get("words_only", not opportunity.get("skills")),
                         "p5": evaluate.precision_at(ids, grades),
                         "ndcg10": evaluate.ndcg_at(ids, grades)})
        summary = evaluate.summary(rows)
        cells = [f"{summary[k][1]:.3f} / {summary[k][2]:.3f}"
                 for k in ["job", "project", "tickets", "intro", "other", "all"]]
        print(f"| {label} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
