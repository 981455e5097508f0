#!/usr/bin/env python3
"""Full-disk drill: ./ledger on a small tmpfs that is then filled to the last byte.

Needs root (mount -t tmpfs) and a built ledger (./ledger builds it). Not part of the build.

  sudo python3 bench/drills/disk_full.py [--size 256m] [--port 18091] [--members 100]

Steps: start ./ledger with its data folder on the tmpfs; enroll a member (acknowledged);
fill the tmpfs; enroll (expect 503 STORE_UNAVAILABLE), read the figures (expect the same),
read health (expect DOWN); free the space; read health (expect UP), enroll the refused
person again (expect 201); stop the ledger, start it again on the same folder and check
that both members are there and counted once.
"""
import argparse
import base64
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
UNION = "drill-disk-full"


def resident_id(n):
    first17 = "139901" + "19800101" + "%03d" % n
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(d) * w for d, w in zip(first17, weights))
    return first17 + "10X98765432"[total % 11]


class Ledger:
    def __init__(self, port, data, members):
        self.port, self.data, self.members = port, data, members
        self.process = None

    def start(self):
        env = dict(os.environ, LEDGER_PORT=str(self.port), LEDGER_DATA_DIR=self.data)
        self.log = open(os.path.join(tempfile.gettempdir(), "disk_full_ledger.log"), "ab")
        self.process = subprocess.Popen([os.path.join(ROOT, "ledger"), "--ledger.seed.members=%d" % self.members],
                                        cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        while True:
            if self.process.poll() is not None:
                sys.exit("the ledger exited with %d; see %s" % (self.process.returncode, self.log.name))
            try:
                if self.call("GET", "/actuator/health", auth=False)[0] in (200, 503):
                    return
            except OSError:
                pass
            time.sleep(1)

    def stop(self):
        self.process.terminate()
        self.process.wait()

    def call(self, method, path, body=None, auth=True):
        request = urllib.request.Request("http://127.0.0.1:%d%s" % (self.port, path), method=method,
                                         data=json.dumps(body).encode() if body is not None else None)
        request.add_header("Content-Type", "application/json")
        if auth:
            request.add_header("Authorization", "Basic " + base64.b64encode(b"sysadmin:demo").decode())
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                return response.status, json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"{}")

    def enroll(self, n):
        return self.call("POST", "/api/members", {"residentId": resident_id(n), "name": "演练", "unionId": UNION,
                                                  "effectiveDate": "2024-01-02", "channel": "ON_SITE"})

    def summary(self):
        return self.call("GET", "/api/unions/%s/summary" % UNION)


def fill(mount):
    """Writes a file until the file system refuses (ENOSPC); returns its path."""
    path = os.path.join(mount, "filler")
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (1 << 20, 4096, 1):
            try:
                while True:
                    os.write(descriptor, b"\0" * size)
            except OSError:
                pass
    finally:
        os.close(descriptor)
    return path


def settle(ledger):
    """Waits until the seeding is done and the store file stops growing."""
    store = os.path.join(ledger.data, "ledger.mv.db")
    last, still = -1, 0
    while still < 10:
        time.sleep(1)
        size = os.path.getsize(store) if os.path.exists(store) else 0
        still = still + 1 if size == last else 0
        last = size


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="256m")
    parser.add_argument("--port", type=int, default=18091)
    parser.add_argument("--members", type=int, default=100)
    args = parser.parse_args()
    mount = tempfile.mkdtemp(prefix="ledger-disk-full-")
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=" + args.size, "tmpfs", mount], check=True)
    ledger = Ledger(args.port, os.path.join(mount, "data"), args.members)
    try:
        ledger.start()
        settle(ledger)
        print("started on a %s tmpfs:" % args.size, subprocess.run(["df", "-h", mount], capture_output=True,
                                                                      text=True).stdout.splitlines()[-1])
        print("union:", ledger.call("POST", "/api/unions", {"unionId": UNION, "name": "演练工会", "type": "PROJECT_SITE",
                                                           "sector": "CONSTRUCTION", "jurisdictionCode": "130102",
                                                           "establishedOn": "2020-01-01"})[0])
        status, kept = ledger.enroll(1)
        print("enrollment before the fault:", status)
        filler = fill(mount)
        print("filled:", subprocess.run(["df", "-h", mount], capture_output=True, text=True).stdout.splitlines()[-1])
        # H2 writes into the free space inside its file first: the disk only refuses once
        # the file must grow.
        n, accepted = 2, 0
        while n < 5000:
            before = ledger.summary()[1]
            status, body = ledger.enroll(n)
            if status != 201:
                break
            accepted, n = accepted + 1, n + 1
        print("enrollments taken on the full disk (into the file's free space):", accepted)
        print("then an enrollment answered:", status, body.get("rule"), "(person %d)" % n)
        status, during = ledger.summary()
        print("summary after the refusal:", status, "same figures" if during == before else "DIFFERENT: %s" % during)
        print("health during the fault:", ledger.call("GET", "/actuator/health", auth=False))
        print("another write during the fault:", ledger.enroll(n)[0])
        os.remove(filler)
        print("space freed")
        print("health after:", ledger.call("GET", "/actuator/health", auth=False))
        status, body = ledger.enroll(n)
        print("the refused enrollment again:", status)
        refused_member = body.get("memberId")
        time.sleep(3)
        after = ledger.summary()[1]
        print("active members before the refusal / after the retry:", before.get("activeMembers"),
              after.get("activeMembers"))
        ledger.stop()
        ledger.start()
        print("after a restart: member 1", ledger.call("GET", "/api/members/%s/history" % kept["memberId"])[0],
              "member %d" % n, ledger.call("GET", "/api/members/%s/history" % refused_member)[0],
              "active members", ledger.summary()[1].get("activeMembers"))
    finally:
        if ledger.process and ledger.process.poll() is None:
            ledger.stop()
        subprocess.run(["umount", mount])
        os.rmdir(mount)


if __name__ == "__main__":
    main()
