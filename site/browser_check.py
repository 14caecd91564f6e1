#!/usr/bin/env python3
"""Loads every page of the built site in headless Chromium, from file://, and fails on
anything a reader would see broken: a script error, a request outside the site's folder,
a resource that did not load, math left as TeX, a figure not drawn, a missing stylesheet,
a search that finds nothing. Saves a screenshot of every page.

Talks to Chromium over its DevTools protocol on a pipe (--remote-debugging-pipe), so no
port is opened. Standard library only; installs nothing.

usage: browser_check.py SITE_FOLDER SCREENSHOT_FOLDER
"""
import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PAGE_TIMEOUT = 20.0
WIDTH, HEIGHT = 1280, 900
MAX_SCREENSHOT_HEIGHT = 12000

# Runs in each page after it loaded; returns what is wrong with it, and what it holds.
INSPECT = r"""
(async () => {
  await document.fonts.ready;
  const problems = [];
  const maths = document.querySelectorAll('.math');
  for (const el of maths) {
    const tex = (el.getAttribute('data-tex') || el.textContent).trim().slice(0, 60);
    if (!el.querySelector('.katex')) problems.push('math not typeset: ' + tex);
    else if (el.querySelector('.katex-error')) problems.push('math KaTeX cannot typeset: ' + tex);
  }
  for (const link of document.querySelectorAll('link[rel=stylesheet]')) {
    if (!link.sheet) problems.push('stylesheet did not load: ' + link.getAttribute('href'));
  }
  const main = document.querySelector('main');
  if (!main || getComputedStyle(main).paddingTop === '0px') problems.push('site stylesheet not applied');
  const figures = document.querySelectorAll('figure');
  for (const figure of figures) {
    const svg = figure.querySelector('svg');
    const box = svg ? svg.getBoundingClientRect() : null;
    if (!svg || box.width < 20 || box.height < 20) problems.push('figure not drawn: ' + (figure.id || '?'));
    if (!figure.querySelector('figcaption')) problems.push('figure without caption: ' + (figure.id || '?'));
  }
  for (const img of document.images) {
    if (!img.complete || img.naturalWidth === 0) problems.push('image did not load: ' + img.getAttribute('src'));
  }
  if (!Array.isArray(window.bookSearchIndex) || window.bookSearchIndex.length === 0) problems.push('search index did not load');
  let searchResults = -1;
  const input = document.getElementById('search');
  if (input && location.pathname.endsWith('/index.html')) {
    input.value = 'the';
    input.dispatchEvent(new Event('input'));
    searchResults = document.querySelectorAll('#search-results a').length;
    if (searchResults === 0) problems.push('search for "the" found nothing');
    input.value = '';
    input.dispatchEvent(new Event('input'));
  }
  return JSON.stringify({
    problems, title: document.title, math: maths.length, figures: figures.length,
    checked: document.querySelectorAll('.checked').length, searchResults,
    height: Math.ceil(document.documentElement.scrollHeight),
  });
})()
"""


class Browser:
    """Chromium with the DevTools protocol on fds 3 (commands in) and 4 (messages out)."""

    def __init__(self, executable):
        self.profile = tempfile.mkdtemp(prefix="browser-check-")
        to_browser_read, self.to_browser = os.pipe()
        self.from_browser, from_browser_write = os.pipe()
        high_read = fcntl.fcntl(to_browser_read, fcntl.F_DUPFD_CLOEXEC, 10)
        high_write = fcntl.fcntl(from_browser_write, fcntl.F_DUPFD_CLOEXEC, 10)

        def child_fds():
            os.dup2(high_read, 3)
            os.dup2(high_write, 4)

        arguments = [
            executable, "--headless", "--remote-debugging-pipe", "--disable-gpu",
            "--user-data-dir=" + self.profile, "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--hide-scrollbars", "--mute-audio", "--window-size=%d,%d" % (WIDTH, HEIGHT),
            "about:blank",
        ]
        if os.geteuid() == 0:
            arguments.insert(1, "--no-sandbox")  # Chromium refuses to sandbox as root (CI containers)
        self.process = subprocess.Popen(arguments, preexec_fn=child_fds, close_fds=False,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for fd in (to_browser_read, from_browser_write, high_read, high_write):
            os.close(fd)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        return self.next_id

    def receive(self, deadline):
        while b"\0" not in self.buffer:
            if time.monotonic() > deadline:
                raise TimeoutError("chromium did not answer in time")
            ready, _, _ = select.select([self.from_browser], [], [], max(0.0, deadline - time.monotonic()))
            if ready:
                chunk = os.read(self.from_browser, 1 << 20)
                if not chunk:
                    raise RuntimeError("chromium exited")
                self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, params=None, session=None, timeout=PAGE_TIMEOUT):
        """Sends a command and waits for its answer, keeping the events that arrive meanwhile."""
        wanted = self.send(method, params, session)
        deadline = time.monotonic() + timeout
        while True:
            message = self.receive(deadline)
            if message.get("id") == wanted:
                if "error" in message:
                    raise RuntimeError("%s: %s" % (method, message["error"].get("message")))
                return message.get("result", {})
            if "method" in message:
                self.events.append(message)

    def wait_for(self, method, session, timeout=PAGE_TIMEOUT):
        deadline = time.monotonic() + timeout
        for event in self.events:
            if event["method"] == method and event.get("sessionId") == session:
                return
        while True:
            message = self.receive(deadline)
            if "method" in message:
                self.events.append(message)
                if message["method"] == method and message.get("sessionId") == session:
                    return

    def close(self):
        try:
            self.send("Browser.close")
            self.process.wait(timeout=10)
        except Exception:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


def problems_in(events, site_prefix):
    """What the browser reported while a page loaded: script errors, outside or failed requests."""
    problems = []
    urls = {}
    for event in events:
        method, params = event["method"], event.get("params", {})
        if method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            text = details.get("exception", {}).get("description") or details.get("text", "")
            problems.append("script error: " + text.splitlines()[0] if text else "script error")
        elif method == "Runtime.consoleAPICalled" and params.get("type") == "error":
            args = " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
            problems.append("console error: " + args)
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            problems.append("browser error: %s %s" % (entry.get("text", ""), entry.get("url", "")))
        elif method == "Network.requestWillBeSent":
            url = params["request"]["url"]
            urls[params["requestId"]] = url
            if not (url.startswith(site_prefix) or url.startswith("data:") or url.startswith("about:")):
                problems.append("request outside the site folder: " + url)
        elif method == "Network.loadingFailed":
            url = urls.get(params.get("requestId"), "?")
            if not params.get("canceled"):
                problems.append("could not load %s (%s)" % (url, params.get("errorText", "")))
    return problems


def check(site, screenshots):
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if not executable:
        print("browser check: chromium is not installed; install it with: sudo apt-get install chromium", file=sys.stderr)
        return 2
    pages = sorted(p.name for p in site.glob("*.html"))
    if "index.html" not in pages:
        print("browser check: no %s/index.html; build the site first with: swift run book build" % site, file=sys.stderr)
        return 2
    pages.remove("index.html")
    pages.insert(0, "index.html")
    screenshots.mkdir(parents=True, exist_ok=True)
    site_prefix = site.resolve().as_uri() + "/"
    browser = Browser(executable)
    failures = 0
    try:
        target = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Network", "Log"):
            browser.call(domain + ".enable", session=session)
        browser.call("Emulation.setDeviceMetricsOverride",
                     {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": False}, session=session)
        for name in pages:
            browser.events = []
            browser.call("Page.navigate", {"url": site_prefix + name}, session=session)
            browser.wait_for("Page.loadEventFired", session)
            answer = browser.call("Runtime.evaluate", {"expression": INSPECT, "awaitPromise": True, "returnByValue": True},
                                  session=session)
            if "exceptionDetails" in answer:
                report = {"problems": ["the page check itself failed: " + json.dumps(answer["exceptionDetails"])[:300]],
                          "height": HEIGHT}
            else:
                report = json.loads(answer["result"]["value"])
            problems = problems_in(browser.events, site_prefix) + report["problems"]
            height = min(max(report["height"], HEIGHT), MAX_SCREENSHOT_HEIGHT)
            # A viewport as tall as the page, so the fixed sidebar spans the whole shot.
            browser.call("Emulation.setDeviceMetricsOverride",
                         {"width": WIDTH, "height": height, "deviceScaleFactor": 1, "mobile": False}, session=session)
            shot = browser.call("Page.captureScreenshot", {"format": "png"}, session=session)
            browser.call("Emulation.setDeviceMetricsOverride",
                         {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": False}, session=session)
            (screenshots / (name[:-5] + ".png")).write_bytes(base64.b64decode(shot["data"]))
            summary = "%d math, %d figures, %d checked" % (report.get("math", 0), report.get("figures", 0), report.get("checked", 0))
            if report.get("searchResults", -1) >= 0:
                summary += ", search found %d" % report["searchResults"]
            if problems:
                failures += 1
                print("FAIL %s (%s)" % (name, summary))
                unique = list(dict.fromkeys(problems))
                for problem in unique[:12]:
                    print("  %s: %s" % (name, problem))
                if len(unique) > 12:
                    print("  %s: and %d more problems" % (name, len(unique) - 12))
            else:
                print("ok   %s (%s)" % (name, summary))
    finally:
        browser.close()
    print("browser check: %d pages, %d failed; screenshots in %s" % (len(pages), failures, screenshots))
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        sys.exit(2)
    sys.exit(check(Path(sys.argv[1]), Path(sys.argv[2])))
