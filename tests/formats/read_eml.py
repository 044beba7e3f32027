#!/usr/bin/python3
"""Reads .eml files with Python's email package and prints what it decoded.

Usage: read_eml.py FILE...  Prints one JSON object per file, one per line:
the decoded headers and body, the parser's defects, and for every RFC 2047
encoded word its length and whether it holds whole UTF-8 characters.
"""

import base64
import email
import email.policy
import email.header
import json
import quopri
import re
import sys

ENCODED_WORD = re.compile(rb"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")


def addresses(header):
    if header is None:
        return []
    return [[address.display_name, address.addr_spec] for address in header.addresses]


def encoded_words(raw_headers):
    words = []
    for match in ENCODED_WORD.finditer(raw_headers):
        charset, kind, text = match.groups()
        entry = {"length": len(match.group(0)), "whole_characters": True}
        try:
            if kind in (b"B", b"b"):
                decoded = base64.b64decode(text, validate=True)
            else:
                decoded = quopri.decodestring(text, header=True)
            decoded.decode(charset.decode())
        except (ValueError, UnicodeDecodeError):
            entry["whole_characters"] = False
        words.append(entry)
    return words


def main():
    for path in sys.argv[1:]:
        with open(path, "rb") as source:
            raw = source.read()
        message = email.message_from_bytes(raw, policy=email.policy.default)
        defects = [type(defect).__name__ for defect in message.defects]
        for name in message.keys():
            defects += [type(defect).__name__ for defect in message[name].defects]
        date = message["Date"]
        # The legacy API decodes RFC 2047 as the RFC says (whitespace between
        # adjacent encoded words is dropped, 6.2), which the address parser
        # of policy.default does not do inside a display name.
        legacy = email.message_from_bytes(raw, policy=email.policy.compat32)
        to_rfc2047 = str(email.header.make_header(email.header.decode_header(legacy["To"]))) if legacy["To"] else None
        print(
            json.dumps(
                {
                    "from": addresses(message["From"]),
                    "to": addresses(message["To"]),
                    "to_rfc2047": to_rfc2047,
                    "subject": str(message["Subject"]),
                    "date": date.datetime.isoformat() if date is not None and date.datetime else None,
                    "message_id": str(message["Message-ID"]) if message["Message-ID"] else None,
                    "x_unsent": str(message["X-Unsent"]) if message["X-Unsent"] else None,
                    "content_type": message.get_content_type(),
                    "charset": message.get_content_charset(),
                    "transfer_encoding": str(message["Content-Transfer-Encoding"]),
                    "body": message.get_content().replace("\r\n", "\n"),
                    "defects": defects,
                    "encoded_words": encoded_words(raw.split(b"\r\n\r\n", 1)[0]),
                },
                ensure_ascii=False,
            )
        )


if __name__ == "__main__":
    main()
