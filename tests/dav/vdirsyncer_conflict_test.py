#!/usr/bin/env python3
"""The same card edited in kith and on the client between two syncs, with
Debian's vdirsyncer (docs/sync.md, "When both sides edit the same card"):

- vdirsyncer's default (no `conflict_resolution`) stops on the card, names
  it, and writes nothing: both versions stay where they were.
- `conflict_resolution = ["command", ...]` hands both versions to a merge
  command; the merged card reaches both sides: both edits survive.
- When kith's card changes again while the merge runs, vdirsyncer's upload
  carries the ETag it read, kith answers 412 Precondition Failed, and the
  newer edit is not overwritten; the next sync merges again from it.
- `conflict_resolution = "b wins"` (the client's version) replaces kith's
  vCard fields with the client's; what kith keeps beyond the vCard (where
  you met, tags kith was not told to drop) stays.

A missing tool fails the test: scripts/install-deps.sh installs vdirsyncer."""

import argparse
import glob
import os
import subprocess
import sys

from dav_clients import fail, fresh_work, need, run, serving, write_vdirsyncer_config

# A merge command as vdirsyncer runs it: MERGE KITH_FILE CLIENT_FILE. It keeps
# kith's card and adds every line of the client's that kith's lacks, except
# properties a card has once (the client's stale copy of those would clash);
# both files then hold the result, as vdirsyncer requires. A file named
# `race` beside it holds a command to run first, once: an edit landing in
# kith while the merge runs.
MERGE = '''\
import os, subprocess, sys

SINGLE = {"BEGIN", "END", "VERSION", "PRODID", "UID", "FN", "N", "ORG", "TITLE", "REV", "BDAY", "NOTE"}

def lines(path):
    unfolded = []
    for line in open(path, newline="").read().replace("\\r\\n", "\\n").split("\\n"):
        if line[:1] in (" ", "\\t") and unfolded:
            unfolded[-1] += line[1:]
        elif line:
            unfolded.append(line)
    return unfolded

def name(line):
    head = line.split(":", 1)[0].split(";", 1)[0]
    return head.split(".", 1)[-1].upper()

race = os.path.join(os.path.dirname(os.path.abspath(__file__)), "race")
if os.path.exists(race):
    command = open(race).read().split("\\0")
    os.remove(race)
    subprocess.run(command, check=True, capture_output=True)
kith, client = lines(sys.argv[1]), lines(sys.argv[2])
added = [line for line in client if line not in kith and name(line) not in SINGLE]
merged = kith[:-1] + added + kith[-1:]
for path in sys.argv[1:3]:
    with open(path, "w", newline="") as out:
        out.write("\\r\\n".join(merged) + "\\r\\n")
'''


def card_file(work):
    files = glob.glob(os.path.join(work, "contacts", "default", "*.vcf"))
    if len(files) != 1:
        fail(f"the client should hold one card, not {files}")
    return files[0]


def edit_client_card(work, old, new):
    path = card_file(work)
    with open(path, newline="") as card:
        text = card.read()
    if old not in text:
        fail(f"the client's card has no {old!r}:\n{text}")
    with open(path, "w", newline="") as card:
        card.write(text.replace(old, new, 1))


def client_card(work):
    with open(card_file(work), newline="") as card:
        return card.read()


def main():
    options, work, kith = fresh_work(argparse.ArgumentParser())
    vdirsyncer = need("vdirsyncer")
    kith("add", "--name", "Ada Okafor", "--email", "ada@acme.example", "--title", "Engineer",
         "--met-at", "RustConf", "--tag", "mentor")
    merge = os.path.join(work, "merge.py")
    with open(merge, "w") as out:
        out.write(MERGE)

    with serving(kith) as url:
        def sync(conflict_resolution=""):
            config = write_vdirsyncer_config(work, url, conflict_resolution)
            return subprocess.run([vdirsyncer, "-c", config, "sync"], capture_output=True, text=True, timeout=120)

        config = write_vdirsyncer_config(work, url)
        run([vdirsyncer, "-c", config, "discover", "kith"], input="y\n" * 8)
        if sync().returncode != 0:
            fail("the first sync failed")

        # Both sides edit Ada: kith her title, the client adds a phone.
        kith("edit", "Ada Okafor", "--title", "CTO")
        edit_client_card(work, "END:VCARD", "TEL;TYPE=CELL:+1 312 555 0100\r\nEND:VCARD")
        stopped = sync()
        if stopped.returncode == 0 or "One item changed on both sides" not in stopped.stderr:
            fail(f"vdirsyncer's default should stop on the conflict:\n{stopped.stdout}\n{stopped.stderr}")
        ada = kith.people()["Ada Okafor"]
        if ada.get("title") != "CTO" or ada.get("phones"):
            fail(f"the stopped sync changed kith's card: {ada}")
        if "TEL;TYPE=CELL:+1 312 555 0100" not in client_card(work) or "TITLE:CTO" in client_card(work):
            fail(f"the stopped sync changed the client's card:\n{client_card(work)}")

        # kith changes the card again while the merge runs: the upload's
        # If-Match is stale, kith answers 412, the newer title stays.
        with open(os.path.join(work, "race"), "w") as out:
            out.write("\0".join([kith.binary, "edit", "Ada Okafor", "--title", "VP Engineering", "--db",
                                 kith.database]))
        command = f'conflict_resolution = ["command", "{sys.executable}", "{merge}"]'
        raced = sync(command)
        if raced.returncode == 0 or "Precondition Failed" not in raced.stderr:
            fail(f"the upload over a newer edit should fail with 412:\n{raced.stdout}\n{raced.stderr}")
        ada = kith.people()["Ada Okafor"]
        if ada.get("title") != "VP Engineering":
            fail(f"the stale upload overwrote kith's newer edit: {ada}")

        # The next sync merges from kith's newest card: both edits everywhere.
        merged = sync(command)
        if merged.returncode != 0:
            fail(f"the merge sync failed:\n{merged.stdout}\n{merged.stderr}")
        ada = kith.people()["Ada Okafor"]
        if ada.get("title") != "VP Engineering" or "+13125550100" not in ada.get("phones_e164", []):
            fail(f"kith lost one side of the merge: {ada}")
        card = client_card(work)
        if "TITLE:VP Engineering" not in card or "+1 312 555 0100" not in card:
            fail(f"the client lost one side of the merge:\n{card}")
        if ada.get("met_at") != "RustConf" or "mentor" not in ada.get("tags", []):
            fail(f"the merge lost what only kith knows: {ada}")

        # "b wins": the client's version of the vCard's fields replaces kith's.
        kith("edit", "Ada Okafor", "--title", "Chair")
        edit_client_card(work, "TITLE:VP Engineering", "TITLE:Founder")
        if sync('conflict_resolution = "b wins"').returncode != 0:
            fail("the sync with the client winning failed")
        ada = kith.people()["Ada Okafor"]
        if ada.get("title") != "Founder":
            fail(f"with the client winning kith should hold the client's title: {ada}")
        if ada.get("met_at") != "RustConf":
            fail(f"the client's version dropped what only kith knows: {ada}")
    print("vdirsyncer conflicts: stopped without writing, merged without loss, 412 over a newer edit")


if __name__ == "__main__":
    main()
