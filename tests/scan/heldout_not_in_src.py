#!/usr/bin/python3
"""Fails when production code reads or copies the held-out card pools.

    heldout_not_in_src.py SRC_DIR POOLS_JSON

The held-out corpus (make_cards.py --pools heldout) measures how kith reads
cards it has never seen; that figure means nothing once a name, company,
title, domain, TLD, address, font, colour, layout or placement from its pools
is written into src/. Every entry is searched for in every file under SRC_DIR,
case-insensitively, as a whole word (not inside a longer word), and the pool
file's name must not appear there either. An entry with letters a comment
could write without their accents ("Kalnins" for Kalniņš, "Thorsson" for
Þórsson) is also searched for folded so, in folded text. Standard library
only.
"""

import json
import os
import re
import sys
import unicodedata

# Templates and country codes, not text a card carries.
NOT_TEXT = {"_comment", "email_locals", "phone_countries"}


# Letters NFKD does not take apart, written as an ASCII text writes them.
SPELLED = {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i",
           "ŋ": "n", "ħ": "h"}


def folded(text):
    """Lower case, accents dropped, the letters above spelled out: what a comment writes for a name."""
    text = "".join(SPELLED.get(c, c) for c in text.casefold())
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def entries(pools):
    for key, values in pools.items():
        if key in NOT_TEXT:
            continue
        stack = [values]
        while stack:
            value = stack.pop()
            if isinstance(value, list):
                stack.extend(value)
            elif isinstance(value, str) and value:
                yield key, value


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    source_dir, pools_path = sys.argv[1], sys.argv[2]
    with open(pools_path, encoding="utf-8") as handle:
        pools = json.load(handle)
    patterns = []
    for key, value in entries(pools):
        # Not part of a longer word: "Tóth" does not match "Tótha", ".nl" not ".nlp".
        patterns.append((key, value, False, re.compile(r"(?<![\w])" + re.escape(value) + r"(?![\w])", re.IGNORECASE)))
        # Folded, when folding changes it: an entry all ASCII is found above
        # in any case already.
        if folded(value) != value.casefold():
            patterns.append((key, value, True, re.compile(r"(?<![\w])" + re.escape(folded(value)) + r"(?![\w])")))
    pool_file = os.path.basename(pools_path)
    found = []
    files = 0
    for directory, _, names in os.walk(source_dir):
        for name in names:
            path = os.path.join(directory, name)
            with open(path, encoding="utf-8", errors="replace") as handle:
                text = handle.read()
            files += 1
            if pool_file in text:
                found.append(f"{path}: names {pool_file}")
            folded_text = folded(text)
            for key, value, is_folded, pattern in patterns:
                if pattern.search(folded_text if is_folded else text):
                    how = " (without its accents)" if is_folded else ""
                    found.append(f"{path}: held-out {key} entry '{value}'{how}")
    if files == 0:
        sys.exit(f"no files under {source_dir}")
    for line in found:
        print(line)
    if found:
        print(f"{len(found)} held-out pool entries appear under {source_dir}: production code must not "
              "know the cards it is measured on")
        return 1
    print(f"none of {len(patterns)} held-out pool entries appears in {files} files under {source_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
