#!/usr/bin/env python3
"""Real clients against `kith serve`: Debian's vdirsyncer syncs the CardDAV
face both ways with a filesystem vdir, which Debian's khard lists, adds to,
edits and deletes from. Edits on either side reach the other; a delete on the
client lands in kith's trash; what only kith knows (where you met, tags)
survives the round trip. With --tls the same runs over HTTPS (kith serve
--tls-cert/--tls-key with a throwaway self-signed certificate that vdirsyncer
is told to trust) and signs in with an app password from `kith device add`.
A missing tool fails the test: scripts/install-deps.sh installs them."""

import argparse
import json
import os
import re
import textwrap

from dav_clients import fail, fresh_work, need, run, serving, write_vdirsyncer_config


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tls", action="store_true", help="over HTTPS, with an app password")
    options, work, kith = fresh_work(parser)
    vdirsyncer = need("vdirsyncer")
    khard = need("khard")
    openssl = need("openssl") if options.tls else None
    kith("add", "--name", "Ada Okafor", "--email", "ada@acme.example", "--company", "Acme Robotics",
         "--met-at", "RustConf", "--tag", "mentor")
    kith("add", "--name", "Linus Lee", "--email", "linus@kernel.example")

    serve_flags = []
    server_options = ""
    if options.tls:
        certificate, key = os.path.join(work, "cert.pem"), os.path.join(work, "key.pem")
        run([openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
             "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
             "-keyout", key, "-out", certificate])
        serve_flags = ["--tls-cert", certificate, "--tls-key", key]
        device = json.loads(kith("device", "add", "laptop", "--json", "--server", "https://127.0.0.1"))
        server_options = textwrap.dedent(f"""\
            username = "{device['username']}"
            password = "{device['password']}"
            verify = "{certificate}"
            """)
    scheme = "https" if options.tls else "http"
    with serving(kith, *serve_flags, scheme=scheme) as url:
        exercise(work, url, server_options, kith, vdirsyncer, khard)
    print(f"vdirsyncer + khard over {scheme}: both ways, deletes to the trash, kith's own fields kept")


def exercise(work, url, server_options, kith, vdirsyncer, khard):
    vdir = os.path.join(work, "contacts")
    config = write_vdirsyncer_config(work, url, 'conflict_resolution = "a wins"', server_options)
    khard_config = os.path.join(work, "khard.conf")
    with open(khard_config, "w") as out:
        out.write(textwrap.dedent(f"""\
            [addressbooks]
            [[kith]]
            path = {vdir}/default/
            [general]
            editor = /bin/true
            merge_editor = /bin/true
            """))

    def sync():
        run([vdirsyncer, "-c", config, "sync"])

    def khard_run(*args, stdin=None):
        return run([khard, "-c", khard_config, *args], input=stdin)

    run([vdirsyncer, "-c", config, "discover", "kith"], input="y\n" * 8)
    sync()
    listed = khard_run("list")
    for name in ("Ada Okafor", "Linus Lee"):
        if name not in listed:
            fail(f"khard does not list {name} after the first sync:\n{listed}")

    # The client adds, edits and deletes; kith sees all three.
    khard_run("new", "-a", "kith", "-i", "-", stdin=textwrap.dedent("""\
        First name : Grace
        Last name : Hopper
        Organisation : Navy
        Email :
            work : grace@navy.example
        """))
    # khard matches a bare term against a card's whole text, its random UID
    # included ("ada" is hex), and asks which card when two match, forever on
    # a closed stdin: the searches name the field so each finds one card.
    linus_file = khard_run("filename", "name:Linus").strip()
    with open(linus_file) as card:
        text = card.read()
    text = re.sub(r"\r?\nEND:VCARD", "\r\nTITLE:Maintainer\r\nEND:VCARD", text, count=1)
    with open(linus_file, "w") as card:
        card.write(text)
    sync()
    people = kith.people()
    if "Grace Hopper" not in people or people["Grace Hopper"].get("company") != "Navy":
        fail(f"the card khard made did not reach kith: {sorted(people)}")
    if people["Linus Lee"].get("title") != "Maintainer":
        fail(f"the client's edit did not reach kith: {people['Linus Lee']}")

    # kith edits; the client's file follows, and khard shows it.
    kith("edit", "Ada Okafor", "--title", "CTO")
    sync()
    if "CTO" not in khard_run("show", "name:Ada"):
        fail("kith's edit did not reach the client")

    # The client edits a card kith carries more about: kith keeps the rest.
    ada_file = khard_run("filename", "name:Ada").strip()
    with open(ada_file) as card:
        text = card.read()
    with open(ada_file, "w") as card:
        card.write(text.replace("TITLE:CTO", "TITLE:Chief Technology Officer"))
    sync()
    ada = kith.people()["Ada Okafor"]
    if ada.get("title") != "Chief Technology Officer":
        fail(f"the client's edit of Ada did not reach kith: {ada}")
    if ada.get("met_at") != "RustConf" or "mentor" not in ada.get("tags", []):
        fail(f"the client's edit lost what only kith knows: {ada}")

    # A delete on the client lands in kith's trash.
    khard_run("remove", "--force", "name:Grace")
    sync()
    if "Grace Hopper" in kith.people():
        fail("the client's delete did not reach kith")
    if "Grace Hopper" not in kith.people(trash=True):
        fail("the client's delete did not land in kith's trash")


if __name__ == "__main__":
    main()
