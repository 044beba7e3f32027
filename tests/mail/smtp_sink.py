#!/usr/bin/python3
"""A local SMTP server for the mail tests (aiosmtpd, python3-aiosmtpd).

Listens on 127.0.0.1 on a free port, prints that port on stdout once it
accepts connections, and saves each message it accepts as a JSON file in
--directory: the envelope (mail_from, rcpt_tos), the raw data, and the
headers and body as Python's email package decodes them, so the C++ tests
compare against a real parser.

  --user NAME --password WORD   offer AUTH LOGIN/PLAIN and require a login
  --refuse rcpt|data            answer RCPT or the end of DATA with
                                "550 5.7.1 refused for the test"

It stops itself after --lifetime seconds, so a crashed test leaves nothing
running.
"""

import argparse
import asyncio
import email
import email.policy
import json
import logging
import os
import sys
import warnings

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

REFUSAL = "550 5.7.1 refused for the test"


class Handler:
    def __init__(self, directory, refuse):
        self.directory = directory
        self.refuse = refuse
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse == "rcpt":
            return REFUSAL
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.refuse == "data":
            return REFUSAL
        raw = envelope.original_content or envelope.content
        message = email.message_from_bytes(raw, policy=email.policy.default)
        body = message.get_content() if not message.is_multipart() else ""
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "authenticated": bool(session.authenticated),
            "data": raw.decode("latin-1"),
            "from": str(message["From"] or ""),
            "to": [str(address.addr_spec) for address in message["To"].addresses] if message["To"] else [],
            "to_names": [address.display_name for address in message["To"].addresses] if message["To"] else [],
            "subject": str(message["Subject"] or ""),
            "body": body.replace("\r\n", "\n"),
        }
        self.count += 1
        path = os.path.join(self.directory, "message-%d.json" % self.count)
        # Written whole before the 250 reply, so the sender never sees a partial file.
        with open(path + ".tmp", "w", encoding="utf-8") as out:
            json.dump(record, out, ensure_ascii=False)
        os.replace(path + ".tmp", path)
        return "250 OK saved"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--directory", required=True)
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--refuse", choices=["none", "rcpt", "data"], default="none")
    parser.add_argument("--lifetime", type=float, default=120)
    arguments = parser.parse_args()
    # aiosmtpd warns that AUTH without TLS is unsafe: true, and the point of
    # a sink on 127.0.0.1. The test output stays readable without it.
    warnings.simplefilter("ignore")
    logging.disable(logging.CRITICAL)

    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login == arguments.user.encode()
            and auth_data.password == arguments.password.encode()
        )
        return AuthResult(success=ok, handled=False)

    handler = Handler(arguments.directory, arguments.refuse)
    login = arguments.user is not None

    def factory():
        return SMTP(
            handler,
            hostname="kith-test-sink",
            authenticator=authenticate if login else None,
            auth_required=login,
            auth_require_tls=False,
        )

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    server = loop.run_until_complete(loop.create_server(factory, "127.0.0.1", 0))
    port = server.sockets[0].getsockname()[1]
    print(port, flush=True)
    loop.call_later(arguments.lifetime, loop.stop)
    try:
        loop.run_forever()
    finally:
        server.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
