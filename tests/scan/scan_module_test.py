#!/usr/bin/env python3
"""kith installed as `cmake --install` lays it out, and its scanning module
(kith-scan.so, loaded on the first scan) found there; then the module taken
away: a scan says what is missing and where kith looked, on the command line
and through POST /api/v1/scan, and every other command works as before.

Usage: scan_module_test.py --cmake CMAKE --build BUILD_DIR --corpus CARDS_DIR --work DIR
"""

import argparse
import http.client
import json
import os
import shutil
import subprocess
import sys
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "crash"))
from kith_processes import Server  # noqa: E402  (the shared helper for a real kith serve)

TODAY = "2026-11-26"


def environment():
    """The test's environment without a module named by $KITH_SCAN_MODULE:
    the installed kith must find its own."""
    env = dict(os.environ)
    env.pop("KITH_SCAN_MODULE", None)
    env["HOME"] = WORK
    return env


def kith(*args):
    return subprocess.run([KITH, "--db", DATABASE, "--today", TODAY, *args], capture_output=True,
                          text=True, timeout=300, env=environment(), check=False)


def succeeds(*args):
    run = kith(*args)
    assert run.returncode == 0, f"kith {' '.join(args)} failed ({run.returncode}):\n{run.stdout}{run.stderr}"
    return run.stdout


def post_photo(server, path, photo):
    """POST a multipart body with the photo in the field 'image'."""
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"image\"; filename=\"card.jpg\"\r\n"
            f"Content-Type: image/jpeg\r\n\r\n").encode() + photo + f"\r\n--{boundary}--\r\n".encode()
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=120)
    headers = {"Cookie": server.cookie, "X-CSRF-Token": server.csrf,
               "Content-Type": f"multipart/form-data; boundary={boundary}",
               "Origin": f"http://127.0.0.1:{server.port}"}
    try:
        connection.request("POST", path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, json.loads(response.read())
    finally:
        connection.close()


def main():
    global KITH, DATABASE, WORK  # pylint: disable=global-statement
    parser = argparse.ArgumentParser()
    parser.add_argument("--cmake", required=True)
    parser.add_argument("--build", required=True)
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--work", required=True)
    options = parser.parse_args()
    WORK = options.work
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    prefix = os.path.join(WORK, "prefix")
    installed = subprocess.run([options.cmake, "--install", options.build, "--prefix", prefix],
                               capture_output=True, text=True, check=False)
    assert installed.returncode == 0, f"cmake --install failed:\n{installed.stdout}{installed.stderr}"
    KITH = os.path.join(prefix, "bin", "kith")
    modules = [os.path.join(root, name) for root, _, names in os.walk(prefix) for name in names
               if name == "kith-scan.so"]
    assert len(modules) == 1 and "/kith/" in modules[0], f"the module was installed at {modules}"
    assert not os.path.exists(os.path.join(prefix, "bin", "kith-scan.so")), "the module is not in bin/"
    DATABASE = os.path.join(WORK, "kith.db")
    qr_photo = os.path.join(options.corpus, "qr_000.jpg")

    # Installed: the module is found where it was installed.
    scanned = json.loads(succeeds("--json", "scan", qr_photo))
    assert scanned["name"] == "Jürgen Müller", scanned  # the corpus's first QR card (make_cards.py)

    # Without the module: the scan says so and names where kith looked.
    os.remove(modules[0])
    refused = kith("scan", qr_photo)
    assert refused.returncode == 1, f"a scan without the module exited {refused.returncode}: {refused.stderr}"
    assert "card scanning is not installed" in refused.stderr, refused.stderr
    assert modules[0] in refused.stderr and os.path.join(prefix, "bin", "kith-scan.so") in refused.stderr, \
        f"the message names neither place kith looked: {refused.stderr}"
    assert kith("scan", qr_photo, "--save").returncode == 1
    assert json.loads(succeeds("--json", "list")) == [], "a failed scan saved someone"

    # ... and every other command is unaffected.
    assert "scan" in succeeds("--help")
    succeeds("add", "--name", "Ada Okafor", "--company", "Acme Robotics", "--email", "ada@example.com")
    assert "Ada Okafor" in succeeds("search", "acme")
    assert "Ada Okafor" in succeeds("list")
    succeeds("card", "--name", "Sam Park", "--email", "sam@example.com", "--png", os.path.join(WORK, "card.png"))
    with open(os.path.join(WORK, "card.png"), "rb") as png:
        assert png.read(8) == b"\x89PNG\r\n\x1a\n", "kith card --png wrote no PNG"
    succeeds("export", "-o", os.path.join(WORK, "all.vcf"))
    succeeds("today")

    # The server: the scan route answers 503 with the same message; the rest answers.
    server = Server(KITH, DATABASE, env=environment())
    try:
        with open(qr_photo, "rb") as photo:
            status, body = post_photo(server, "/api/v1/scan", photo.read())
        assert status == 503, f"POST /api/v1/scan without the module answered {status}: {body}"
        assert "card scanning is not installed" in json.dumps(body), body
        status, body = server.request("GET", "/api/v1/contacts")
        assert status == 200 and len(body) == 1, (status, body)
        status, body = server.request("POST", "/api/v1/contacts", {"name": "Linus Lee"})
        assert status == 201, (status, body)
    finally:
        server.stop()
    print("scan module: found when installed; without it a scan says what is missing, "
          "and every other command works")


if __name__ == "__main__":
    main()
