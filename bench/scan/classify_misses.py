#!/usr/bin/python3
"""Sorts the scan benchmark's misses into their causes.

    kith_scan_bench held-out=DIR --show-misses > misses.txt
    bench/scan/classify_misses.py DIR misses.txt [--label held-out] [--show CAUSE [--field F]]

DIR is the corpus (its index.json); the cards of DIR that misses.txt does not
list were read right. With --skip/--limit runs, pass the same --skip/--limit.

For every field a card prints and kith got wrong, one cause:

- ocr-unread: the text is nowhere in the lines OCR gave (the card was read
  upside down, the line was lost to blur, a dark band, a logo ...);
- ocr-letters: a line holds the text with one or two letters wrong or
  accents lost (blur, small print, letters the model does not know);
- extraction: the text was read as printed, but kith put it in no field or
  in the wrong one, or took another line for it.

Then the share right per field under each photo condition the generator
records (turned, dark scheme, blur, motion blur, JPEG quality, layout, font),
so the biggest general causes show. Standard library only.
"""

import argparse
import collections
import json
import os
import re
import sys
import unicodedata

FIELDS = ["name", "title", "company", "email", "phone", "website"]


def fold(text):
    """Lower case, no spaces, no accents: what OCR slips around leave alike."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", "", text)


def squeeze(text):
    return re.sub(r"\s+", "", text.casefold())


def canonical_url(url):
    url = url.lower()
    for prefix in ("https://", "http://"):
        if url.startswith(prefix):
            url = url[len(prefix):]
    if url.startswith("www."):
        url = url[4:]
    return url.rstrip("/")


def distance_within(needle, haystack):
    """The fewest edits that turn `needle` into some substring of `haystack` (Sellers' algorithm)."""
    if not needle:
        return 0
    previous = [0] * (len(haystack) + 1)
    for i, a in enumerate(needle, 1):
        current = [i] + [0] * len(haystack)
        for j, b in enumerate(haystack, 1):
            current[j] = min(previous[j - 1] + (a != b), previous[j] + 1, current[j - 1] + 1)
        previous = current
    return min(previous)


def texts_of(lines):
    """Each line, and each two neighbouring lines joined (a company set over two lines)."""
    out = list(lines)
    out += [a + " " + b for a, b in zip(lines, lines[1:])]
    return out


def expected_values(truth, field):
    if field == "email":
        return truth["emails"]
    if field == "phone":
        return [phone["printed"] for phone in truth["phones"]]
    if field == "website":
        return [canonical_url(truth["website"])] if truth["website"] else []
    return [truth[field]] if truth[field] else []


def cause_of(field, truth, lines):
    """ocr-unread, ocr-letters or extraction, for one field kith missed."""
    texts = texts_of(lines)
    values = expected_values(truth, field)
    if field == "phone":
        digit_lines = [re.sub(r"\D", "", t) for t in texts]
        worst = "extraction"
        for value in values:
            digits = re.sub(r"\D", "", value)
            if any(digits in d for d in digit_lines):
                continue
            best = min((distance_within(digits, d) for d in digit_lines), default=len(digits))
            worst = "ocr-letters" if best <= 2 and worst == "extraction" else "ocr-unread"
        return worst
    worst = "extraction"
    for value in values:
        if any(squeeze(value) in squeeze(t) for t in texts):
            continue
        if any(fold(value) in fold(t) for t in texts):
            worst = "ocr-letters" if worst == "extraction" else worst
            continue
        target = fold(value)
        best = min((distance_within(target, fold(t)) for t in texts), default=len(target))
        allowed = 2 if len(target) >= 8 else 1
        if best <= allowed and worst == "extraction":
            worst = "ocr-letters"
        elif best > allowed:
            worst = "ocr-unread"
    return worst


def conditions(entry):
    effects = entry.get("effects", [])
    out = []
    turned = [e for e in effects if e.startswith("turned-")]
    out.append(("turn", turned[0] if turned else "upright"))
    if "dark" in entry:
        out.append(("scheme", "dark" if entry["dark"] else "light"))
    blur = [float(e.split("-")[1]) for e in effects if e.startswith("blur-")]
    out.append(("blur", "blur>=1.3" if blur and blur[0] >= 1.3 else "blur<1.3"))
    out.append(("motion", "motion-blur" if "motion-blur" in effects else "no motion blur"))
    out.append(("light", "uneven light" if "uneven-light" in effects else "even light"))
    out.append(("shadow", "shadow" if "shadow" in effects else "no shadow"))
    if "quality" in entry:
        out.append(("jpeg", "q<=55" if entry["quality"] <= 55 else "q>55"))
    out.append(("layout", entry.get("layout", "?")))
    if "font" in entry:
        out.append(("font", entry["font"]))
    return out


def read_misses(path, label):
    """{file: (misses, lines)} from kith_scan_bench --show-misses output."""
    cards = {}
    current = None
    prefix = label + " "
    with open(path, encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            if line.startswith(prefix) and line.endswith(" ms)"):
                current = cards.setdefault(line[len(prefix):].split(" ", 1)[0], ([], []))
            elif current is not None and line.startswith("      | "):
                current[1].append(line[len("      | "):])
            elif current is not None and line.startswith("   ") and ": want '" in line:
                current[0].append(line.strip())
    return cards


def field_missed(field, misses):
    return any(m.startswith(field + ":") for m in misses)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", help="the corpus directory (index.json)")
    parser.add_argument("misses", help="kith_scan_bench --show-misses output")
    parser.add_argument("--label", default="held-out", help="the corpus's label in that output")
    parser.add_argument("--skip", type=int, default=0)
    parser.add_argument("--limit", type=int, default=1 << 30)
    parser.add_argument("--show", default="", help="print the misses of this cause (e.g. extraction)")
    parser.add_argument("--field", default="", help="with --show, only this field")
    options = parser.parse_args()
    with open(os.path.join(options.corpus, "index.json"), encoding="utf-8") as handle:
        index = json.load(handle)[options.skip:][:options.limit]
    misses = read_misses(options.misses, options.label)
    cards = []
    for entry in index:
        if entry.get("kind") != "ocr" or entry.get("format") == "heic":
            continue
        found, lines = misses.get(entry["file"], ([], []))
        cards.append({"file": entry["file"], "entry": entry, "misses": found, "lines": lines})
    if not cards:
        sys.exit("no photographed cards in " + options.corpus)
    causes = {field: collections.Counter() for field in FIELDS}
    totals = collections.Counter()
    by_condition = collections.defaultdict(lambda: collections.defaultdict(lambda: [0, 0]))
    for card in cards:
        entry, truth, lines = card["entry"], card["entry"]["truth"], card["lines"]
        for field in FIELDS:
            if not expected_values(truth, field):
                continue
            totals[field] += 1
            missed = field_missed(field, card["misses"])
            if missed:
                cause = cause_of(field, truth, lines)
                causes[field][cause] += 1
                if options.show == cause and options.field in ("", field):
                    miss = [m for m in card["misses"] if m.startswith(field + ":")][0]
                    print(f"{card['file']} {entry.get('layout')} {entry.get('effects')} {miss}")
                    for text in lines:
                        print("      | " + text)
            for condition in conditions(entry):
                tally = by_condition[condition][field]
                tally[0] += 0 if missed else 1
                tally[1] += 1
    print(f"\n{len(cards)} photographed cards ({options.label})\n")
    print("| field | cards | right | missed | never read (OCR) | letters wrong (OCR) | read, field wrong (extraction) |")
    print("|---|--:|--:|--:|--:|--:|--:|")
    for field in FIELDS:
        c = causes[field]
        missed = sum(c.values())
        print(f"| {field} | {totals[field]} | {totals[field] - missed} | {missed} | {c['ocr-unread']} | "
              f"{c['ocr-letters']} | {c['extraction']} |")
    print("\nShare right per field under each condition (cards with the condition)\n")
    print("| condition | cards | " + " | ".join(FIELDS) + " |")
    print("|---|--:|" + "--:|" * len(FIELDS))
    for condition in sorted(by_condition):
        row = by_condition[condition]
        count = max(t[1] for t in row.values())
        cells = []
        for field in FIELDS:
            right, total = row[field]
            cells.append(f"{100.0 * right / total:.0f}%" if total else "-")
        print(f"| {condition[0]}: {condition[1]} | {count} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
