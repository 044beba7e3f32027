#!/usr/bin/env python3
"""Real clients against `kith serve`: Debian's vdirsyncer syncs the CardDAV
face both ways with a filesystem vdir, which Debian's khard lists, adds to,
edits and deletes from. Edits on either side reach the other; a delete on the
client lands in kith's trash; what only kith knows (where you met, tags)
survives the round trip. A missing tool fails the test: scripts/install-deps.sh
installs both."""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def need(tool):
    path = shutil.which(tool)
    if not path:
        fail(f"{tool} is not installed (scripts/install-deps.sh installs it)")
    return path


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, **kwargs)
    if result.returncode != 0:
        fail(f"{' '.join(command)} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")
    return result.stdout


class Kith:
    def __init__(self, binary, database):
        self.binary = binary
        self.database = database

    def __call__(self, *args):
        return run([self.binary, *args, "--db", self.database])

    def people(self, trash=False):
        args = ["list", "--json", "--limit", "1000"] + (["--trash"] if trash else [])
        listed = json.loads(self(*args))
        return {person["name"]: person for person in (listed if isinstance(listed, list) else listed["contacts"])}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kith", required=True)
    parser.add_argument("--work", required=True)
    options = parser.parse_args()
    vdirsyncer = need("vdirsyncer")
    khard = need("khard")

    shutil.rmtree(options.work, ignore_errors=True)
    os.makedirs(options.work)
    work = os.path.abspath(options.work)
    kith = Kith(options.kith, os.path.join(work, "kith.db"))
    kith("add", "--name", "Ada Okafor", "--email", "ada@acme.example", "--company", "Acme Robotics",
         "--met-at", "RustConf", "--tag", "mentor")
    kith("add", "--name", "Linus Lee", "--email", "linus@kernel.example")

    server = subprocess.Popen([options.kith, "serve", "--port", "0", "--db", kith.database],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not found:
            fail(f"kith serve did not say where it listens: {line!r} {server.stderr.read()}")
        port = found.group(1)
        exercise(work, port, kith, vdirsyncer, khard)
    finally:
        server.terminate()
        server.wait(timeout=30)
    print("vdirsyncer + khard: both ways, deletes to the trash, kith's own fields kept")


def exercise(work, port, kith, vdirsyncer, khard):
    vdir = os.path.join(work, "contacts")
    config = os.path.join(work, "vdirsyncer.conf")
    with open(config, "w") as out:
        out.write(textwrap.dedent(f"""\
            [general]
            status_path = "{work}/status/"

            [pair kith]
            a = "kith_server"
            b = "kith_vdir"
            collections = ["from a"]
            conflict_resolution = "a wins"

            [storage kith_server]
            type = "carddav"
            url = "http://127.0.0.1:{port}/"

            [storage kith_vdir]
            type = "filesystem"
            path = "{vdir}/"
            fileext = ".vcf"
            """))
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
    linus_file = khard_run("filename", "Linus").strip()
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
    if "CTO" not in khard_run("show", "Ada"):
        fail("kith's edit did not reach the client")

    # The client edits a card kith carries more about: kith keeps the rest.
    ada_file = khard_run("filename", "Ada").strip()
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
    khard_run("remove", "--force", "Grace")
    sync()
    if "Grace Hopper" in kith.people():
        fail("the client's delete did not reach kith")
    if "Grace Hopper" not in kith.people(trash=True):
        fail("the client's delete did not land in kith's trash")


if __name__ == "__main__":
    main()
