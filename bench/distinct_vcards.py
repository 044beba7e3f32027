#!/usr/bin/python3
"""Rewrites a .vcf so that no two cards share a phone, an email or a URL.

Usage:
    bench/distinct_vcards.py IN.vcf OUT.vcf

`kith gen` draws phone numbers (555 numbers) and profile URLs from small
pools, so across 100,000 generated people many share one. `kith import`
treats a shared phone, email or URL as the same person and merges those
cards, and merged cards then match still more cards, so importing a large
generated export measures one snowballing merge, not an import (see
BENCHMARKS.md). This script keeps every card and every other line as it is
and, on each card:
  - drops a TEL whose digits an earlier card already had,
  - makes a repeated EMAIL unique by adding "+<card number>" to its local part,
  - makes a repeated URL unique by adding "-<card number>" to its path.
Cards that still share a name at the same company stay as they are (kith
merges those too, as the same person). Folded lines are unfolded; line
endings are kept. Python standard library only; deterministic.
"""

import re
import sys


def unfolded_lines(text):
    """Logical lines: a line starting with a space or tab continues the previous one."""
    lines = []
    for raw in re.split(r"\r\n|\n", text):
        if raw[:1] in (" ", "\t") and lines:
            lines[-1] += raw[1:]
        else:
            lines.append(raw)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def split_property(line):
    """(name with parameters, value) of a content line, or None."""
    colon = line.find(":")
    if colon < 0:
        return None
    return line[:colon], line[colon + 1:]


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: distinct_vcards.py IN.vcf OUT.vcf\n")
        return 2
    with open(argv[1], encoding="utf-8", newline="") as handle:
        text = handle.read()
    newline = "\r\n" if "\r\n" in text[:4096] else "\n"
    seen_phones, seen_emails, seen_urls = set(), set(), set()
    card = 0
    dropped = rewritten = 0
    out = []
    for line in unfolded_lines(text):
        upper = line.upper()
        if upper.startswith("BEGIN:VCARD"):
            card += 1
        parts = split_property(line)
        if parts is None:
            out.append(line)
            continue
        name, value = parts
        base = name.split(";", 1)[0].split(".")[-1].upper()
        if base == "TEL":
            digits = re.sub(r"\D", "", value)
            if digits and digits in seen_phones:
                dropped += 1
                continue
            seen_phones.add(digits)
        elif base == "EMAIL":
            key = value.strip().lower()
            if key in seen_emails and "@" in value:
                local, _, host = value.partition("@")
                value = f"{local}+{card}@{host}"
                rewritten += 1
            seen_emails.add(value.strip().lower())
        elif base == "URL":
            key = value.strip().lower().rstrip("/")
            if key in seen_urls:
                value = value.rstrip("/") + f"-{card}"
                rewritten += 1
            seen_urls.add(value.strip().lower().rstrip("/"))
        out.append(f"{name}:{value}")
    with open(argv[2], "w", encoding="utf-8", newline="") as handle:
        handle.write(newline.join(out) + newline)
    sys.stderr.write(f"{card} cards; dropped {dropped} repeated phones, rewrote {rewritten} repeated emails/URLs\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
