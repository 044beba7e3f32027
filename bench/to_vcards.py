#!/usr/bin/env python3
"""Writes kith contacts as vCards, one .vcf per contact, for khard.

Reads the JSON array that `kith list --json` prints (from a file or standard
input) and writes <uid>.vcf files into DIRECTORY, which becomes a khard
address book. The cards carry what both tools can search: the name, emails,
phones, company, title, website, city, tags (as CATEGORIES) and notes, so a
khard search and a kith search look at comparable text.

Usage:
  kith --db people.db list --json --limit 10000 | bench/to_vcards.py DIRECTORY
  bench/to_vcards.py DIRECTORY contacts.json
"""

import json
import os
import sys


def escape(text):
    """Escapes a vCard 3.0 text value (RFC 2426 section 4)."""
    return (text.replace("\\", "\\\\").replace("\n", "\\n")
            .replace(",", "\\,").replace(";", "\\;"))


def fold(line):
    """Folds a content line at 75 octets without splitting a UTF-8 character."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line + "\r\n"
    parts = []
    start = 0
    limit = 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start = end
        limit = 74  # continuation lines begin with a space
    return "\r\n ".join(parts) + "\r\n"


def card(contact):
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        "UID:" + escape(contact["uid"]),
        "FN:" + escape(contact["name"]),
        "N:%s;%s;;;" % (escape(contact.get("family_name", "")), escape(contact.get("given_name", ""))),
    ]
    for email in contact.get("emails", []):
        lines.append("EMAIL;TYPE=INTERNET:" + escape(email))
    for phone in contact.get("phones", []):
        lines.append("TEL;TYPE=VOICE:" + escape(phone))
    if contact.get("company"):
        lines.append("ORG:" + escape(contact["company"]))
    if contact.get("title"):
        lines.append("TITLE:" + escape(contact["title"]))
    if contact.get("website"):
        lines.append("URL:" + escape(contact["website"]))
    if contact.get("city"):
        lines.append("ADR;TYPE=HOME:;;;%s;;;" % escape(contact["city"]))
    if contact.get("tags"):
        lines.append("CATEGORIES:" + ",".join(escape(tag) for tag in contact["tags"]))
    if contact.get("notes"):
        lines.append("NOTE:" + escape(contact["notes"]))
    lines.append("END:VCARD")
    return "".join(fold(line) for line in lines)


def main(arguments):
    if len(arguments) not in (1, 2):
        sys.stderr.write(__doc__)
        return 2
    directory = arguments[0]
    if len(arguments) == 2:
        with open(arguments[1], encoding="utf-8") as source:
            contacts = json.load(source)
    else:
        contacts = json.load(sys.stdin)
    os.makedirs(directory, exist_ok=True)
    for contact in contacts:
        path = os.path.join(directory, contact["uid"] + ".vcf")
        with open(path, "w", encoding="utf-8", newline="") as output:
            output.write(card(contact))
    print("wrote %d vCards to %s" % (len(contacts), directory))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
