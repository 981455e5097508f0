#!/usr/bin/env python3
"""How long the dashboard's pages take in a real headless Chromium, and how many requests
each sends, against a running ledger (by default ./ledger on port 8080 with the demo data).

    python3 bench/drills/page_timings.py [--url http://localhost:8080] [--runs 3]

Drives Debian's chromium through chromedriver's WebDriver protocol (standard library only).
Signing in: from the click on the form's button to the home page drawn (the route rendered,
no loading notice, every visible chart's canvas there, one animation frame later), measured in the page with Date.now() (the
start kept in sessionStorage across the form's POST and redirect). Each page: from setting
the route (location.hash) to the page drawn, with performance.now(); requests are the
Resource Timing entries of kind fetch/xmlhttprequest started in between.
"""
import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

WAIT_DRAWN = """
const [hash, done] = [arguments[0], arguments[arguments.length - 1]];
const drawn = () => document.body && (hash === null ? document.body.dataset.rendered
    : document.body.dataset.rendered === hash) && !document.querySelector('main > .loading')
    && [...document.querySelectorAll('main .chart')].every((c) => c.clientWidth === 0 || c.querySelector('canvas'));
const check = () => {
  if (drawn()) {
    requestAnimationFrame(() => done({ now: Date.now(), perf: performance.now(),
      start: Number(sessionStorage.getItem('t0') || 0), rendered: document.body.dataset.rendered,
      requests: performance.getEntriesByType('resource')
        .filter((e) => e.initiatorType === 'fetch' || e.initiatorType === 'xmlhttprequest' || arguments[1])
        .map((e) => [e.startTime, e.name, e.duration]),
      navigation: performance.getEntriesByType('navigation').map((e) => [e.name, e.startTime, e.responseEnd,
        e.domContentLoadedEventEnd]), origin: performance.timeOrigin }));
  } else {
    setTimeout(check, 5);
  }
};
check();
"""


class Driver:
    def __init__(self, port):
        self.base = f"http://127.0.0.1:{port}"
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "binary": "/usr/bin/chromium",
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-dev-shm-usage", "--lang=zh-CN", "--window-size=1280,900",
                     f"--user-data-dir={tempfile.mkdtemp(prefix='timings-')}"]}}}}
        self.session = self.call("POST", "/session", caps)["sessionId"]
        self.call("POST", f"/session/{self.session}/timeouts", {"script": 30000, "pageLoad": 30000})

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read())["value"]

    def go(self, url):
        self.call("POST", f"/session/{self.session}/url", {"url": url})

    def run(self, script, *args):
        return self.call("POST", f"/session/{self.session}/execute/sync", {"script": script, "args": list(args)})

    def run_async(self, script, *args):
        return self.call("POST", f"/session/{self.session}/execute/async", {"script": script, "args": list(args)})

    def quit(self):
        self.call("DELETE", f"/session/{self.session}")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sign_in(driver, url, user, password):
    driver.go(f"{url}/ui/login")
    driver.run("""document.getElementById('username').value = arguments[0];
        document.getElementById('password').value = arguments[1];
        sessionStorage.setItem('t0', String(Date.now()));
        setTimeout(() => document.getElementById('login-submit').click(), 0);""", user, password)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            result = driver.run_async(WAIT_DRAWN, None, bool(os.environ.get("TIMINGS_DEBUG")))
            if result and "/ui/" in driver.run("return location.pathname;") and result["start"]:
                if os.environ.get("TIMINGS_DEBUG"):
                    print("origin-t0", result["origin"] - result["start"], "navigation", result["navigation"])
                    for r in result["requests"]:
                        print("  %7.0f %6.0f %s" % (r[0], r[2], r[1]))
                return result["now"] - result["start"], len(result["requests"])
        except urllib.error.HTTPError:
            pass  # the page navigated away while the script waited
        time.sleep(0.01)
    raise RuntimeError("the home page was not drawn")


def open_page(driver, hash_):
    driver.run("performance.clearResourceTimings(); performance.setResourceTimingBufferSize(10000);"
               "window.__t0 = performance.now(); location.hash = arguments[0];", hash_)
    result = driver.run_async(WAIT_DRAWN, hash_, False)
    t0 = driver.run("return window.__t0;")
    return result["perf"] - t0, len([r for r in result["requests"] if r[0] >= t0])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://localhost:8080")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--password", default=os.environ.get("LEDGER_DEMO_PASSWORD", "demo"))
    parser.add_argument("--users", default="", help="only these users (comma-separated)")
    parser.add_argument("--without-figure-page", action="store_true", help="for a ledger without #/figure")
    args = parser.parse_args()
    port = free_port()
    chromedriver = subprocess.Popen(["/usr/bin/chromedriver", f"--port={port}"], stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):  # chromedriver takes a moment to listen on a busy machine
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/status", timeout=5).read()
                break
            except OSError:
                time.sleep(0.1)
        plan = [("hebei-admin", ["#/j/1301", "#/j/130102", "#/u/sjz-chang-an-construction-01",
                                 "#/transfers/1301", "#/services/1301", "#/figure/j/1301/newEnrollments",
                                 "#/figure/j/13/activeMembers", "#/j/13"]),
                ("officer-sjz-chang-an-construction-01", ["#/transfers/u/sjz-chang-an-construction-01",
                                                          "#/u/sjz-chang-an-construction-01"])]
        if args.users:
            plan = [(user, pages) for user, pages in plan if user in args.users.split(",")]
        if args.without_figure_page:
            plan = [(user, [p for p in pages if not p.startswith("#/figure")]) for user, pages in plan]
        rows = []
        for user, pages in plan:
            timings = {}
            for _ in range(args.runs):
                driver = Driver(port)
                try:
                    ms, requests = sign_in(driver, args.url, user, args.password)
                    timings.setdefault("sign-in → home drawn", []).append((ms, requests))
                    for page in pages:
                        ms, requests = open_page(driver, page)
                        timings.setdefault(page, []).append((ms, requests))
                finally:
                    driver.quit()
            for page, values in timings.items():
                ms = [v[0] for v in values]
                rows.append((user, page, statistics.median(ms), max(ms), max(v[1] for v in values)))
        print(f"{'user':40} {'page':40} {'median ms':>9} {'max ms':>7} {'requests':>8}")
        for user, page, median, worst, requests in rows:
            print(f"{user:40} {page:40} {median:9.0f} {worst:7.0f} {requests:8d}")
    finally:
        chromedriver.terminate()


if __name__ == "__main__":
    sys.exit(main())
