#!/usr/bin/python3
"""The ceiling of card scanning: how often a field's exact text is anywhere in
what Tesseract reads of a card, and why kith's misses are missed.

    kith_scan_oracle DIR readings.jsonl
    kith_scan_bench held-out=DIR --no-baseline --show-misses --save-lines kith.jsonl > misses.txt
    bench/scan/oracle_ceiling.py DIR readings.jsonl kith.jsonl misses.txt [--label held-out] [--show CLASS]

readings.jsonl holds every page reading the reader can make of each card
(kith_scan_oracle: the four quarter turns, masked and unmasked pages, every
line read again alone and as a contact line, the binarised page); kith.jsonl
the lines kith's reader kept (the benchmark's --save-lines), misses.txt which
fields kith got wrong (--show-misses).

A field is *present* when its exact text stands in one line of a reading
(or two neighbouring lines joined by a space):
an email, a web address (as the benchmark compares it: no scheme, no www.)
and a name, title or company as printed, case aside for email and web; a
phone's digits in the digits of a line. "Spaces dropped" also counts a text
read with spaces in it (`anna. berg@ex ample.com`). The ceiling counts the
fields kith got (its repairs make some right that no reading holds as
printed) and those it missed that are present.

Each field kith missed gets one class:

- extraction: present in the lines kith kept; the field extraction chose wrong;
- not-kept:WHERE: present only in readings kith did not keep, of the card
  turned truly upright: page (the masked or unmasked page read whole),
  line (only a line read again alone, by the Latin model or as a contact
  line), binary (only the binarised page); other-turn when only a reading
  of the card turned otherwise holds it;
- card-lost: present nowhere, and the card was read as noise (fewer than two
  of its printed fields anywhere near right in any reading);
- misread: present nowhere, but a reading holds it with a few characters
  wrong (the confusions are counted: want->got);
- line-lost: present nowhere, nothing near it, though the card was read.

Standard library only.
"""

import argparse
import collections
import json
import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from classify_misses import canonical_url, conditions, read_misses  # noqa: E402

FIELDS = ["name", "title", "company", "email", "phone", "website"]


def fold(text):
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", "", text)


def values_of(truth, field):
    if field == "email":
        return [e.lower() for e in truth["emails"]]
    if field == "phone":
        return [re.sub(r"\D", "", p["printed"]) for p in truth["phones"]]
    if field == "website":
        return [canonical_url(truth["website"])] if truth["website"] else []
    return [truth[field]] if truth[field] else []


def present(field, value, texts, spaces_dropped=False):
    if field == "phone":
        return any(value in re.sub(r"\D", "", t) for t in texts)
    for t in texts:
        candidate = t.lower() if field in ("email", "website") else t
        if spaces_dropped:
            candidate = re.sub(r"\s+", "", candidate)
            wanted = re.sub(r"\s+", "", value)
        else:
            candidate = re.sub(r"\s+", " ", candidate)
            wanted = value
        if wanted in candidate:
            return True
    return False


def align(needle, haystack):
    """The fewest edits turning `needle` into a substring of `haystack`, and those edits."""
    n, m = len(needle), len(haystack)
    if n == 0:
        return 0, []
    cost = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        cost[i][0] = i
        for j in range(1, m + 1):
            cost[i][j] = min(cost[i - 1][j - 1] + (needle[i - 1] != haystack[j - 1]),
                             cost[i - 1][j] + 1, cost[i][j - 1] + 1)
    j = min(range(m + 1), key=lambda k: cost[n][k])
    best = cost[n][j]
    edits = []
    i = n
    while i > 0:
        if j > 0 and cost[i][j] == cost[i - 1][j - 1] + (needle[i - 1] != haystack[j - 1]):
            if needle[i - 1] != haystack[j - 1]:
                edits.append(f"{needle[i - 1]}->{haystack[j - 1]}")
            i, j = i - 1, j - 1
        elif cost[i][j] == cost[i - 1][j] + 1:
            edits.append(f"{needle[i - 1]}->")
            i -= 1
        else:
            edits.append(f"->{haystack[j - 1]}")
            j -= 1
    return best, edits


def nearest(field, value, texts):
    """(distance, edits, text) of the reading nearest to holding `value`."""
    best = (len(value) + 1, [], "")
    for t in texts:
        if field == "phone":
            candidate = re.sub(r"\D", "", t)
        elif field in ("email", "website"):
            candidate = t.lower()
        else:
            candidate = t
        if not candidate:
            continue
        distance, edits = align(value, candidate)
        if distance < best[0]:
            best = (distance, edits, t)
    return best


def allowed(value):
    return max(1, min(3, len(value) // 6))


def with_neighbours(texts):
    """Each text, and each two neighbouring ones joined (a company set over two lines)."""
    return list(texts) + [a + " " + b for a, b in zip(texts, texts[1:])]


def kith_lines(path, label):
    """{file: [texts]} of the lines kith's reader kept (grey and binarised readings)."""
    out = collections.defaultdict(list)
    with open(path, encoding="utf-8") as handle:
        for raw in handle:
            record = json.loads(raw)
            key = record["key"].rsplit("#", 1)[0]
            if key.startswith(label + "/"):
                key = key[len(label) + 1:]
            for line in record["lines"]:
                out[key].append(line["text"])
                if line.get("contact_reading"):
                    out[key].append(line["contact_reading"])
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus")
    parser.add_argument("readings", help="kith_scan_oracle's output")
    parser.add_argument("kith_lines", help="kith_scan_bench --save-lines output")
    parser.add_argument("misses", help="kith_scan_bench --show-misses output")
    parser.add_argument("--label", default="held-out")
    parser.add_argument("--show", default="", help="print the misses of this class (prefix)")
    options = parser.parse_args()
    with open(os.path.join(options.corpus, "index.json"), encoding="utf-8") as handle:
        index = {e["file"]: e for e in json.load(handle)}
    kept = kith_lines(options.kith_lines, options.label)
    misses = read_misses(options.misses, options.label)
    totals = collections.Counter()
    right = collections.Counter()
    ceiling = collections.Counter()
    ceiling_loose = collections.Counter()
    in_kept = collections.Counter()
    classes = {f: collections.Counter() for f in FIELDS}
    confusions = collections.Counter()
    lost_conditions = collections.Counter()
    cards = 0
    with open(options.readings, encoding="utf-8") as handle:
        for raw in handle:
            record = json.loads(raw)
            entry = index[record["file"]]
            truth = entry["truth"]
            cards += 1
            readings = {name: with_neighbours(texts) for name, texts in record.get("readings", {}).items()}
            every = [t for texts in readings.values() for t in texts]
            ours = with_neighbours(kept.get(record["file"], []))
            every_with_ours = every + ours
            near = 0
            for field in FIELDS:
                for value in values_of(truth, field):
                    d, _, _ = nearest(field, value, every_with_ours)
                    near += d <= allowed(value)
            card_lost = near < 2
            card_missed = misses.get(record["file"], ([], []))[0]
            for field in FIELDS:
                values = values_of(truth, field)
                if not values:
                    continue
                totals[field] += 1
                got = not any(m.startswith(field + ":") for m in card_missed)
                everywhere = all(present(field, v, every_with_ours) for v in values)
                ceiling[field] += got or everywhere
                ceiling_loose[field] += got or all(present(field, v, every_with_ours, True) for v in values)
                in_kept[field] += all(present(field, v, ours) for v in values)
                if got:
                    right[field] += 1
                    continue
                if all(present(field, v, ours) for v in values):
                    cls = "extraction"
                elif everywhere:
                    true_turn = f"turn{record.get('true_turns', 0)}_"
                    kinds = sorted({name[len(true_turn):] for name, texts in readings.items()
                                    if name.startswith(true_turn) and all(present(field, v, texts) for v in values)})
                    if not kinds:
                        cls = "not-kept:other-turn"
                    elif "grey" in kinds or "unmasked" in kinds:
                        cls = "not-kept:page"
                    elif "lines_latin" in kinds or "lines_contact" in kinds:
                        cls = "not-kept:line"
                    else:
                        cls = "not-kept:binary"
                elif card_lost:
                    cls = "card-lost"
                    for condition in conditions(entry):
                        if condition[0] in ("turn", "blur", "motion"):
                            lost_conditions[condition] += 1
                else:
                    cls = "line-lost"
                    for v in values:
                        if present(field, v, every_with_ours):
                            continue
                        d, edits, text = nearest(field, v, every_with_ours)
                        if d <= allowed(v):
                            cls = "misread"
                            confusions.update(edits)
                            break
                classes[field][cls] += 1
                if options.show and cls.startswith(options.show):
                    want = " | ".join(values)
                    print(f"{record['file']} {field} [{cls}] want '{want}' {entry.get('effects')}")
                    for v in values:
                        d, edits, text = nearest(field, v, every_with_ours)
                        print(f"      nearest ({d}: {' '.join(edits)}): {text}")
    print(f"\n{cards} photographed cards ({options.label})\n")
    print("| field | cards | kith right | in kith's lines | **ceiling** (anywhere) | spaces dropped |")
    print("|---|--:|--:|--:|--:|--:|")
    for field in FIELDS:
        n = totals[field] or 1
        print(f"| {field} | {totals[field]} | {100 * right[field] / n:.1f}% | {100 * in_kept[field] / n:.1f}% | "
              f"**{100 * ceiling[field] / n:.1f}%** | {100 * ceiling_loose[field] / n:.1f}% |")
    names = sorted({c for f in FIELDS for c in classes[f]})
    print("\nkith's misses by class (cards)\n")
    print("| field | " + " | ".join(names) + " |")
    print("|---|" + "--:|" * len(names))
    for field in FIELDS:
        print(f"| {field} | " + " | ".join(str(classes[field][c]) for c in names) + " |")
    print("\nCharacters misread (want->got, over the misread fields):",
          ", ".join(f"{k} {v}" for k, v in confusions.most_common(25)))
    print("Cards lost, by condition (field misses):",
          ", ".join(f"{k[1]} {v}" for k, v in sorted(lost_conditions.items())))


if __name__ == "__main__":
    main()
