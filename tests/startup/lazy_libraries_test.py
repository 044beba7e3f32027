#!/usr/bin/env python3
"""What every kith command loads at start-up, and the libraries it loads
only when needed (BENCHMARKS.md, issue 15's fifth round): libpq on the first
PostgreSQL connection, libcurl on the first mail sent, libxlsxwriter (and
libcrypto) on the first workbook written (opened with dlopen),
libphonenumber in kith-phone.so on the first phone number placed, the
scanning libraries in kith-scan.so on the first scan, and the web server
(cpp-httplib, OpenSSL) in kith-server, which `kith serve` runs.

1. kith as built starts without any of them (the dynamic loader's list).
2. kith installed as `cmake --install` lays it out finds kith-phone.so:
   a phone number is placed (E.164) on add and on import; and kith-server:
   `kith serve` serves.
3. Without kith-phone.so, a write that holds a phone number is refused,
   saying what is missing and where kith looked, and writes nothing; writes
   without one, and reads, work as before. Without kith-server, `kith serve`
   says what is missing and where kith looked.

Built with KITH_STATIC_LIBRARIES (--static-libraries), kith also loads none
of the libraries linked in from their archives (SQLite, libsodium, ...,
libstdc++).

Usage: lazy_libraries_test.py --cmake CMAKE --build BUILD_DIR --kith KITH --work DIR [--static-libraries]
"""

import argparse
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "crash"))
from kith_processes import Server  # noqa: E402  (the shared helper for a real kith serve)

TODAY = "2026-11-26"

# Libraries (by the start of their file name) no command needs at start-up.
LAZY = ["libpq.so", "libcurl", "libphonenumber", "libicu", "libprotobuf", "libabsl", "libldap", "libgnutls",
        "libtesseract", "liblept", "libzbar", "libheif", "libxlsxwriter", "libcrypto", "libssl", "libbrotli"]


# Libraries linked into kith from their static archives (KITH_STATIC_LIBRARIES,
# the default): a shared copy of any of them loaded at start-up would mean
# the build linked the shared one after all, and its start-up cost is back.
LINKED_IN = ["libsqlite3", "libsodium", "libstemmer", "libminizip", "libpugixml", "libz.so", "libstdc++",
             "libgcc_s"]


def loaded_at_start(kith):
    """The shared libraries the dynamic loader maps before main, as ldd lists them."""
    env = dict(os.environ, LD_TRACE_LOADED_OBJECTS="1")
    listed = subprocess.run([kith], capture_output=True, text=True, env=env, check=True, timeout=60).stdout
    return [line.split()[0] for line in listed.splitlines() if line.strip()]


class Installed:
    def __init__(self, prefix, work):
        self.kith = os.path.join(prefix, "bin", "kith")
        self.database = os.path.join(work, "kith.db")
        self.env = {key: value for key, value in os.environ.items()
                    if key not in ("KITH_SCAN_MODULE", "KITH_PHONE_MODULE")}
        self.env["HOME"] = work

    def run(self, *args):
        return subprocess.run([self.kith, "--db", self.database, "--today", TODAY, *args], capture_output=True,
                              text=True, timeout=120, env=self.env, check=False)

    def succeeds(self, *args):
        run = self.run(*args)
        assert run.returncode == 0, f"kith {' '.join(args)} failed ({run.returncode}):\n{run.stdout}{run.stderr}"
        return run.stdout

    def people(self):
        return {person["name"]: person for person in json.loads(self.succeeds("--json", "list"))}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cmake", required=True)
    parser.add_argument("--build", required=True)
    parser.add_argument("--kith", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--static-libraries", action="store_true", help="kith was built with KITH_STATIC_LIBRARIES")
    options = parser.parse_args()

    # 1. Start-up loads none of the lazy libraries, nor those linked in.
    libraries = loaded_at_start(options.kith)
    assert any(name.startswith("libc.so") for name in libraries), f"the list looks wrong: {libraries}"
    early = [name for name in libraries if any(name.startswith(lazy) for lazy in LAZY)]
    assert not early, f"kith loads {early} at start-up"
    if options.static_libraries:
        shared = [name for name in libraries if any(name.startswith(linked) for linked in LINKED_IN)]
        assert not shared, f"kith loads {shared} at start-up, though they are linked in"

    # 2. Installed, kith-phone.so is found and numbers are placed.
    work = options.work
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    prefix = os.path.join(work, "prefix")
    installed = subprocess.run([options.cmake, "--install", options.build, "--prefix", prefix],
                               capture_output=True, text=True, check=False)
    assert installed.returncode == 0, f"cmake --install failed:\n{installed.stdout}{installed.stderr}"
    module = os.path.join(prefix, "lib", "kith", "kith-phone.so")
    if not os.path.exists(module):  # lib64 on some systems
        found = [os.path.join(root, name) for root, _, names in os.walk(prefix) for name in names
                 if name == "kith-phone.so"]
        assert len(found) == 1 and "/kith/" in found[0], f"kith-phone.so was installed at {found}"
        module = found[0]
    kith = Installed(prefix, work)
    kith.succeeds("add", "--name", "Ada Okafor", "--phone", "+44 20 7946 0958")
    table = os.path.join(work, "people.csv")
    with open(table, "w", encoding="utf-8") as out:
        out.write("Name,Phone\nGrace Hopper,0044 20 7946 0001\n")
    kith.succeeds("import", table)
    people = kith.people()
    assert people["Ada Okafor"]["phones_e164"] == ["+442079460958"], people["Ada Okafor"]
    assert people["Grace Hopper"]["phones_e164"] == ["+442079460001"], people["Grace Hopper"]

    # ... and kith serve runs the installed kith-server.
    server = Server(kith.kith, kith.database, env=kith.env)
    try:
        status, body = server.request("GET", "/api/v1/contacts")
        assert status == 200 and len(body) == 2, (status, body)
    finally:
        server.stop()
    server_program = os.path.join(os.path.dirname(module), "kith-server")
    assert os.path.exists(server_program), f"kith-server is not beside the modules: {server_program}"

    # 3. Without it: a write holding a phone is refused and writes nothing.
    os.remove(module)
    refused = kith.run("add", "--name", "Linus Lee", "--phone", "+1 415 555 0123")
    assert refused.returncode == 1, f"an add without the module exited {refused.returncode}: {refused.stderr}"
    assert "reading phone numbers is not installed: kith-phone.so is not at" in refused.stderr, refused.stderr
    assert module in refused.stderr, f"the message does not name where kith looked: {refused.stderr}"
    with open(table, "w", encoding="utf-8") as out:
        out.write("Name,Phone\nMary Jackson,+1 415 555 0199\n")
    refused = kith.run("import", table)
    assert refused.returncode == 1, f"an import without the module exited {refused.returncode}: {refused.stderr}"
    assert "kith-phone.so is not at" in refused.stderr, refused.stderr
    assert set(kith.people()) == {"Ada Okafor", "Grace Hopper"}, "a refused write wrote someone"
    # ... and the rest works.
    kith.succeeds("add", "--name", "Sam Park", "--email", "sam@example.com")
    assert "Ada Okafor" in kith.succeeds("search", "ada")
    assert kith.people()["Ada Okafor"]["phones_e164"] == ["+442079460958"]
    # Without kith-server, kith serve says so; nothing else changes.
    os.remove(server_program)
    refused = kith.run("serve", "--port", "0")
    assert refused.returncode == 1, f"serve without kith-server exited {refused.returncode}: {refused.stderr}"
    assert "serving is not installed: kith-server is not at" in refused.stderr, refused.stderr
    assert server_program in refused.stderr, f"the message does not name where kith looked: {refused.stderr}"
    assert "Sam Park" in kith.succeeds("list")
    print("start-up loads none of", ", ".join(LAZY), "; kith-phone.so found when installed; "
          "without it writes with a phone are refused, nothing written, the rest works; kith serve runs "
          "kith-server, and says so when it is missing")


if __name__ == "__main__":
    main()
