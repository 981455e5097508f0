#!/usr/bin/env python3
"""Two ledger processes, one store: the full form of the two-node drill (issue 7).

Starts ledger A on the embedded H2 store with the store exposed on 127.0.0.1:<store port>,
and ledger B as a second process on another HTTP port using A's store through that port
(same keys: the same data folder). Then, over HTTP, for N people: both nodes enroll the
person at the same moment at different unions; afterwards the origin issues a transfer
credential and both nodes present it at the same moment to different unions. Every race
must have exactly one winner; finally both nodes' figures and the consistency check
(events replayed independently of the read models) must agree.

    ./mvnw -q -pl ledger-api -am package -DskipTests
    python3 bench/drills/two_processes.py [--people 100] [--jar ledger-api/target/ledger-api.jar]
"""
import argparse, base64, json, os, secrets, shutil, subprocess, sys, tempfile, threading, time
import urllib.request, urllib.error

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"


def resident_id(i):
    body = "130102" + "%04d" % (1970 + (i // 1000) % 30) + "0101" + "%03d" % (i % 1000)
    return body + CHECK[sum(int(d) * w for d, w in zip(body, WEIGHTS)) % 11]


class Node:
    def __init__(self, port, password):
        self.base = "http://127.0.0.1:%d" % port
        self.auth = "Basic " + base64.b64encode(("sysadmin:" + password).encode()).decode()

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Authorization", self.auth)
        request.add_header("Accept", "application/json")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")

    def ready(self, seconds=240):
        deadline = time.time() + seconds
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(self.base + "/actuator/health", timeout=5) as r:
                    if r.status == 200:
                        return
            except Exception:
                pass
            time.sleep(1)
        raise SystemExit("node %s did not start" % self.base)


def race(calls):
    results = [None] * len(calls)
    barrier = threading.Barrier(len(calls))

    def run(k):
        barrier.wait()
        results[k] = calls[k]()
    threads = [threading.Thread(target=run, args=(k,)) for k in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=100)
    parser.add_argument("--jar", default="ledger-api/target/ledger-api.jar")
    parser.add_argument("--http-ports", default="18101,18102")
    parser.add_argument("--store-port", type=int, default=27101)
    args = parser.parse_args()
    port_a, port_b = (int(p) for p in args.http_ports.split(","))
    data = tempfile.mkdtemp(prefix="two-processes-")
    password = "drill-" + secrets.token_hex(8)
    common = ["java", "-Xmx1g", "-jar", args.jar, "--server.address=127.0.0.1", "--ledger.data-dir=" + data,
              "--ledger.security.demo-users.enabled=true", "--ledger.security.demo-users.password=" + password]
    logs = [open(os.path.join(data, name), "w") for name in ("a.log", "b.log")]
    processes = []
    started = time.time()
    try:
        processes.append(subprocess.Popen(common + ["--server.port=%d" % port_a, "--ledger.mongo.embedded=H2",
                                                    "--ledger.mongo.embedded-port=%d" % args.store_port],
                                          stdout=logs[0], stderr=subprocess.STDOUT))
        a = Node(port_a, password)
        a.ready()
        processes.append(subprocess.Popen(common + ["--server.port=%d" % port_b,
                                                    "--ledger.mongo.uri=mongodb://127.0.0.1:%d" % args.store_port],
                                          stdout=logs[1], stderr=subprocess.STDOUT))
        b = Node(port_b, password)
        b.ready()
        print("two processes up after %.1f s: A %s (store on :%d), B %s" % (time.time() - started, a.base,
              args.store_port, b.base))
        unions = ["drill-sjz-%d" % u for u in range(2)] + ["drill-bd-%d" % u for u in range(2)]
        for u, union in enumerate(unions):
            status, body = a.call("POST", "/api/unions", {"unionId": union, "name": "演练工会 %d" % u,
                                  "type": "ENTERPRISE", "sector": "CONSTRUCTION",
                                  "jurisdictionCode": "130102" if u < 2 else "130602", "establishedOn": "2019-01-02"})
            assert status in (201, 409), (status, body)
        today = a.call("GET", "/api/me")[1]["today"]
        enroll_wins, transfer_wins, failures = 0, 0, []
        members = []
        for i in range(args.people):
            # a person's name has no digits (rule NAME_CHARACTERS): the number in Chinese numerals
            name = "演练" + "".join("零一二三四五六七八九"[int(d)] for d in str(i))
            person = {"residentId": resident_id(i), "name": name, "effectiveDate": today, "channel": "ON_SITE"}
            results = race([lambda: a.call("POST", "/api/members", dict(person, unionId=unions[0])),
                            lambda: b.call("POST", "/api/members", dict(person, unionId=unions[1]))])
            winners = [r for r in results if r[0] == 201]
            if len(winners) != 1 or any(r[0] >= 500 for r in results):
                failures.append(("enroll", i, [(r[0], (r[1] or {}).get("rule")) for r in results]))
                continue
            enroll_wins += 1
            members.append((winners[0][1]["memberId"], unions[0] if results[0][0] == 201 else unions[1]))
        for member_id, union in members:
            status, credential = a.call("POST", "/api/members/%s/transfer-credentials" % member_id,
                                        {"issuedOn": today})
            assert status == 201, (status, credential)
            code = credential["code"]
            results = race([lambda: a.call("POST", "/api/transfer-credentials/%s/acceptance" % code,
                                           {"unionId": unions[2], "effectiveDate": today}),
                            lambda: b.call("POST", "/api/transfer-credentials/%s/acceptance" % code,
                                           {"unionId": unions[3], "effectiveDate": today})])
            winners = [r for r in results if r[0] == 200]
            if len(winners) != 1 or any(r[0] >= 500 for r in results):
                failures.append(("transfer", member_id, [(r[0], (r[1] or {}).get("rule")) for r in results]))
                continue
            transfer_wins += 1
        time.sleep(3)
        summary_a = a.call("GET", "/api/jurisdictions/13/summary")[1]
        summary_b = b.call("GET", "/api/jurisdictions/13/summary")[1]
        check = a.call("POST", "/api/operations/consistency-check")[1]
        verification = b.call("GET", "/api/audit/verification")[1]
        print("people %d: enrollment races with exactly one winner %d; transfer races with exactly one winner %d"
              % (args.people, enroll_wins, transfer_wins))
        print("failures: %s" % (failures or "none"))
        print("Hebei summary on A: active %s, transfersIn %s; on B: active %s, transfersIn %s"
              % (summary_a.get("activeMembers"), summary_a.get("transfersIn"), summary_b.get("activeMembers"),
                 summary_b.get("transfersIn")))
        print("consistency check on A: consistent %s, %s events, %s differences"
              % (check.get("consistent"), check.get("eventsReplayed"), len(check.get("differences") or [])))
        print("verification on B: %s" % json.dumps({k: verification.get(k) for k in ("intact", "verifiedUpTo", "eventsChecked", "digestsChecked")}))
        print("took %.1f s" % (time.time() - started))
        ok = (not failures and enroll_wins == args.people and transfer_wins == args.people
              and summary_a.get("activeMembers") == summary_b.get("activeMembers") == args.people
              and check.get("consistent") is True)
        print("RESULT: " + ("PASS" if ok else "FAIL"))
        return 0 if ok else 1
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            process.wait(timeout=60)
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
