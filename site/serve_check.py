#!/usr/bin/env python3
"""`book serve` in a real browser: starts the server (the book-serve product, on a free
loopback port), opens chapter 1 in headless Chromium through Selenium and Debian's
chromium-driver, and reads it as a reader who edits code would:

- every shown Swift block has an editor, Run and Reset;
- the learning rate edited (0.1 to 0.05) and the figure's block run: the new output shows,
  the numbers that changed are marked `old → new` (in the output and where the text states
  them), the figure is redrawn and differs, and the
  edit is kept (marked "edited") after a reload;
- Reset puts back the book's code and output;
- a compile error is marked at its line in the editor;
- a fetch from another origin gets nothing; no script errors.

Screenshots of the edited run (desktop, the changed paragraph, and a 390 px phone) go to the screenshot folder.
Ctrl-C (SIGINT) stops the server, and no process it started may outlive it.

usage: serve_check.py SCREENSHOT_FOLDER
"""
import base64
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser_check import start_browser, fail_setup  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PAGE = "01-what-learning-means.html"


def start_server():
    build = subprocess.run(["swift", "build", "--product", "book-serve"], cwd=ROOT)
    if build.returncode != 0:
        fail_setup("book-serve did not build")
    folder = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    server = subprocess.Popen([folder + "/book-serve", "--port", "0"], cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=open(os.environ.get("SERVE_CHECK_LOG", os.devnull), "w"), text=True)
    deadline = time.time() + 900
    for line in server.stdout:
        match = re.search(r"serving (http://127\.0\.0\.1:\d+)/\?token=([0-9a-f]+)", line)
        if match:
            return server, match.group(1), match.group(2), folder
        if time.time() > deadline:
            break
    server.kill()
    fail_setup("book-serve did not print its address")


def second_server_problem(folder, address):
    """A second book-serve on the first one's port must say the port is in use and exit 2 at
    once, before it checks the book (it listens first)."""
    port = address.rsplit(":", 1)[1]
    try:
        second = subprocess.run([folder + "/book-serve", "--port", port], cwd=ROOT, capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired:
        return "a second book-serve on port %s did not stop within 120 s" % port
    if second.returncode != 2 or "port is in use" not in second.stdout:
        return "a second book-serve on port %s exited %d saying: %s" % (port, second.returncode, second.stdout.strip()[-300:])
    if " passed, " in second.stdout:
        return "a second book-serve on port %s checked the book before finding the port in use" % port
    return None


def descendants(pid):
    """Processes whose environment carries the engine's run mark of `pid` (LITERATE_RUN=pid.)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            environment = Path("/proc/%s/environ" % entry).read_bytes()
        except OSError:
            continue
        if ("LITERATE_RUN=%d." % pid).encode() in environment:
            found.append(int(entry))
    return found


def main():
    shots = Path(sys.argv[1] if len(sys.argv) > 1 else ".build/screenshots")
    shots.mkdir(parents=True, exist_ok=True)
    server, address, token, folder = start_server()
    driver = start_browser()
    problems = []
    second = second_server_problem(folder, address)
    if second:
        problems.append(second)
    editor = "?"

    def js(script, *arguments):
        return driver.execute_script(script, *arguments)

    def wait(condition, seconds=300):
        deadline = time.time() + seconds
        while time.time() < deadline:
            value = js(condition)
            if value:
                return value
            time.sleep(0.2)
        return None

    def shot(name, width, first, last):
        """A picture of shown blocks `first` to `last` with what follows them (output, figures)."""
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
        box = js("""const blocks = document.querySelectorAll('article div.code.swift');
          const top = blocks[arguments[0]].getBoundingClientRect().top + scrollY - 16;
          let end = blocks[arguments[1]], n = end.nextElementSibling;
          while (n && (n.tagName === 'FIGURE' || n.classList.contains('output'))) { end = n; n = n.nextElementSibling; }
          return [top, end.getBoundingClientRect().bottom + scrollY + 16];""", first, last)
        clip = {"x": 0, "y": box[0], "width": width, "height": min(box[1] - box[0], 6000), "scale": 1}
        data = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "clip": clip, "captureBeyondViewport": True})["data"]
        (shots / name).write_bytes(base64.b64decode(data))
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})

    try:
        driver.get("%s/%s?token=%s" % (address, PAGE, token))
        ready = wait("return document.querySelectorAll('.serve-bar').length", 60)
        shown = js("return document.querySelectorAll('article div.code.swift').length")
        if not ready or ready != shown:
            problems.append("%s of %s shown Swift blocks have an editor bar" % (ready, shown))
        if "token=" in driver.current_url:
            problems.append("the token stays in the address bar")
        editor = js("return window.CodeMirror ? 'codemirror' : 'textarea'")
        # The learning-rate block and the figure block after it, by their code.
        indexes = js("""
          const blocks = Array.from(document.querySelectorAll('article div.code.swift'));
          const code = (b) => b.querySelector('.CodeMirror') ? b.querySelector('.CodeMirror').CodeMirror.getValue() : b.querySelector('textarea').value;
          return [blocks.findIndex((b) => /let learningRate = 0\\.1\\n/.test(code(b))),
                  blocks.findIndex((b) => /costPlot/.test(code(b)))];""")
        rate, plot = indexes
        if rate < 0 or plot != rate + 1:
            raise SystemExit("serve check: chapter 1 no longer has the learning-rate block followed by its figure (%s)" % indexes)
        set_code = """
          const b = document.querySelectorAll('article div.code.swift')[arguments[0]];
          const cm = b.querySelector('.CodeMirror');
          if (cm) cm.CodeMirror.setValue(arguments[1]); else { const t = b.querySelector('textarea'); t.value = arguments[1]; t.dispatchEvent(new Event('input')); }"""
        get_code = """
          const b = document.querySelectorAll('article div.code.swift')[arguments[0]];
          const cm = b.querySelector('.CodeMirror');
          return cm ? cm.CodeMirror.getValue() + '\\n' : b.querySelector('textarea').value;"""
        original = js(get_code, rate)
        figure_before = js("""const b = document.querySelectorAll('article div.code.swift')[arguments[0]];
          let n = b.nextElementSibling; while (n && n.tagName !== 'FIGURE') n = n.nextElementSibling;
          return n ? n.querySelector('svg').outerHTML : '';""", plot)
        js(set_code, rate, original.replace("let learningRate = 0.1\n", "let learningRate = 0.05\n").rstrip("\n"))
        js("document.querySelectorAll('article div.code.swift')[arguments[0]].querySelector('.serve-run').click()", plot)
        status = wait("""const s = document.querySelectorAll('article div.code.swift')[arguments[0]].querySelector('.serve-status').textContent;
          return /ran in|stopped/.test(s) ? s : null""".replace("arguments[0]", str(plot)), 600)
        if not status:
            problems.append("the edited run did not answer")
        result = js("""
          const blocks = document.querySelectorAll('article div.code.swift');
          const out = (i) => { const o = blocks[i].nextElementSibling; return o && o.classList.contains('output') ? o : null; };
          let n = blocks[arguments[1]].nextElementSibling; while (n && n.tagName !== 'FIGURE') n = n.nextElementSibling;
          return {rateMarks: out(arguments[0]).querySelectorAll('mark.serve-changed').length,
                  rateText: out(arguments[0]).textContent,
                  plotMarks: out(arguments[1]).querySelectorAll('mark.serve-changed').length,
                  plotText: out(arguments[1]).textContent,
                  figure: n ? n.querySelector('svg').outerHTML : '',
                  edited: !blocks[arguments[0]].querySelector('.serve-edited').hidden,
                  prose: Array.from(document.querySelectorAll('article p .checked.serve-prose-was')).map((c) => {
                    const m = c.nextElementSibling;
                    return c.dataset.check + ' ' + (m && m.classList.contains('serve-prose-change') ? m.textContent : '');
                  }),
                  problems: Array.from(document.querySelectorAll('.serve-problem')).map((p) => p.textContent)};""", rate, plot)
        if result["rateMarks"] < 2 or "10.3625" not in result["rateText"] or "→" not in result["rateText"]:
            problems.append("the learning-rate block's output does not mark its changed costs: " + result["rateText"][:200])
        if result["plotMarks"] < 1:
            problems.append("the figure block's output does not mark its changed numbers: " + result["plotText"][:200])
        if not result["figure"] or result["figure"] == figure_before:
            problems.append("the figure was not redrawn with the new learning rate")
        # The text's own checked costs show the new value beside the book's (cost-1 is written 3.4921).
        if not any(entry.startswith("cost-1 → 6.47") for entry in result["prose"]):
            problems.append("the text's checked cost after 1 step is not marked with this run's value: %s" % result["prose"][:4])
        if not result["edited"]:
            problems.append("the edited block is not marked edited")
        if result["problems"]:
            problems.append("the run reported problems: %s" % result["problems"][:3])
        shot("serve-desktop.png", 1280, rate, plot)
        # The paragraph that states the cost after one step, with this run's value beside it.
        paragraph = js("""const c = document.querySelector('[data-check="cost-1"]'); if (!c) return null;
          const r = c.closest('p').getBoundingClientRect(); return [r.top + scrollY - 12, r.height + 24];""")
        if paragraph:
            clip = {"x": 0, "y": paragraph[0], "width": 1280, "height": paragraph[1], "scale": 1}
            data = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "clip": clip, "captureBeyondViewport": True})["data"]
            (shots / "serve-prose.png").write_bytes(base64.b64decode(data))
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 390, "height": 900, "deviceScaleFactor": 1, "mobile": True})
        wide = js("return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1")
        if wide:
            problems.append("the served page with editors is wider than a 390 px phone")
        shot("serve-phone.png", 390, rate, plot)

        # The edit survives a reload (localStorage), then Reset puts the book back.
        driver.refresh()
        wait("return document.querySelectorAll('.serve-bar').length", 60)
        if js(get_code, rate) == original:
            problems.append("the edit was not kept across a reload")
        js("document.querySelectorAll('article div.code.swift')[arguments[0]].querySelector('.serve-reset').click()", rate)
        if js(get_code, rate) != original:
            problems.append("Reset did not restore the book's code")
        if not js("return document.querySelectorAll('article div.code.swift')[arguments[0]].querySelector('.serve-edited').hidden", rate):
            problems.append("a reset block is still marked edited")

        # A compile error, marked at its line.
        plot_code = js(get_code, plot)
        broken = plot_code.rstrip("\n").split("\n") + ['let oops: Int = "not a number"']
        error_line = len(broken)
        js(set_code, plot, "\n".join(broken))
        js("document.querySelectorAll('article div.code.swift')[arguments[0]].querySelector('.serve-run').click()", plot)
        message = wait("""const p = document.querySelectorAll('article div.code.swift')[%d].querySelector('.serve-problem');
          return p ? p.textContent : null""" % plot, 600)
        if not message or not message.startswith("line %d:" % error_line):
            problems.append("the compile error is not reported at line %d: %s" % (error_line, message))
        if editor == "codemirror":
            marked = js("""const cm = document.querySelectorAll('article div.code.swift')[arguments[0]].querySelector('.CodeMirror').CodeMirror;
              return cm.lineInfo(arguments[1] - 1).bgClass || ''""", plot, error_line)
            if "serve-error-line" not in (marked or ""):
                problems.append("the editor does not mark line %d as the error's line" % error_line)
        js("document.querySelectorAll('article div.code.swift')[arguments[0]].querySelector('.serve-reset').click()", plot)

        # Another origin gets nothing (no CORS): the browser refuses to send or read.
        driver.get("data:text/html,<p>elsewhere</p>")
        foreign = driver.execute_async_script("""
          const done = arguments[arguments.length - 1];
          fetch(arguments[0] + '/api/run', {method: 'POST', headers: {'Content-Type': 'application/json', 'X-Book-Token': arguments[1]},
                body: '{}'}).then((r) => done('answered ' + r.status)).catch(() => done('refused'));""", address, token)
        if foreign != "refused":
            problems.append("a page of another origin got an answer: " + foreign)
        for entry in driver.get_log("browser"):
            if entry.get("level") == "SEVERE" and "api/run" not in entry.get("message", "") and "elsewhere" not in entry.get("message", ""):
                problems.append("browser error: " + entry.get("message", "")[:200])
    finally:
        driver.quit()
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            problems.append("the server did not stop on Ctrl-C")
        left = descendants(server.pid)
        if left:
            problems.append("processes the server started outlived it: %s" % left)

    if problems:
        print("serve check: %s (editor: %s)" % (PAGE, editor))
        for problem in problems:
            print("  " + problem)
        sys.exit(1)
    print("serve check: %s passed with %s: edit, run, marks, figure, reset, compile error, port in use; screenshots serve-desktop.png, serve-prose.png, serve-phone.png"
          % (PAGE, editor))


if __name__ == "__main__":
    main()
