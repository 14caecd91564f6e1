#!/usr/bin/env python3
"""Reads the built site as a reader would, in headless Chromium driven by Selenium (with
Debian's chromium-driver), from file://, and fails on anything a reader would see broken.

Every page, at 1280 px: no script error, no request outside the site's folder, no failed
load; math typeset at build time (KaTeX's HTML, no math script); no block cut off (nothing
scrolls sideways, nothing past the window's edge); a copy button on every code block that
copies the block; the page's table of contents, its current section marked as the page
scrolls; heading anchors reachable by Tab; each figure in frames moved by keyboard (→, End
and Home show one frame at a time, named, with focus visible and the page not moving; with
scripts off every frame shows under its label); axe-core (WCAG 2.1 AA) with no serious or
critical violation, in light and in dark. At 390 px: nothing runs off the page, a block
that scrolls is focusable, labelled and marked; no punctuation after an inline formula starts a
line; every figure's text at least FIGURE_TEXT (11) px as shown in the page (a drawing
wider than the window at that size scrolls in its frame, losing nothing), the smallest per
page and per kind of figure printed; a figure shown below its own size opens full size by
its button (which fills the window, and Escape closes, the focus back on the button; once by
real taps and keys). Once: keyboard
search (/, typing, marks, arrows, Enter, the marks on the page opened), the theme switch
remembered, arrow keys turning pages (and not while the caret is in a code block or a
scrolling block has focus), Escape hiding a tooltip, the ranked search (each query of SEARCHES
finds its chapter or section first), hidden lines in a code block (folded, shown by their
button, copied, printed), an answer box judging a wrong, a right, a close and an unreadable
entry by keyboard (and axe on the box once used), a symbol's notation tooltip on focus, the
phone's reading (no display equation of chapters 4, 6 and 7 scrolls at 390 px, no copy
button over code at 390 or 1280 px, a long page's way back to its contents: hidden while the
reader scrolls down, shown scrolling up and at the end, never over part of a line nor, at the
end, over any text), print.html
holding every chapter with answers open and blocks allowed to split, and the reference as its
appendix (its first printed sheets screenshot), the 404 page, the
favicon. The reference: a name in a chapter's code shows its declaration on hover and on
focus (inside the window, Escape hiding it), and its link opens its entry; axe on the
reference page it opens, in light and dark. Of the reference pages, the overview and
REFERENCE_PAGES go through every page's checks; axe runs on every other one (in light);
a "Used in" link lands on its code line, visible and marked.
Screenshots (desktop, phone, dark, print as PDF and PNG; a hover and a reference page) go to
the screenshot folder.

usage: browser_check.py SITE_FOLDER SCREENSHOT_FOLDER
"""
import base64
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

DESKTOP, PHONE, HEIGHT = 1280, 390, 900
# The least size of a figure's text as the reader sees it in the page on the phone, in CSS
# px: body text is 16 px; 11 px is the smallest that reads at arm's length.
FIGURE_TEXT = 11


def fail_setup(message):
    print("browser check: " + message, file=sys.stderr)
    sys.exit(2)


try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.common.action_chains import ActionChains
except ImportError:
    fail_setup("selenium is not installed; run .ci/run, or: pip install selenium==4.51.0")


def axe_script():
    """axe-core's axe.min.js: $AXE_JS, or the copy inside the axe-playwright-python package
    (axe-core 4.12.1; installed with --no-deps, only this file is used)."""
    path = os.environ.get("AXE_JS")
    if not path:
        spec = importlib.util.find_spec("axe_playwright_python")
        if spec and spec.submodule_search_locations:
            path = os.path.join(list(spec.submodule_search_locations)[0], "axe.min.js")
    if not path or not os.path.isfile(path):
        fail_setup("axe-core is not installed; run .ci/run, or: pip install --no-deps axe-playwright-python==0.1.8")
    return Path(path).read_text(encoding="utf-8")


def start_browser():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver") or "/usr/lib/chromium/chromedriver"
    if not chromium:
        fail_setup("chromium is not installed; install it with: sudo apt-get install chromium")
    if not os.path.isfile(driver_path):
        fail_setup("chromedriver is not installed; install it with: sudo apt-get install chromium-driver")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium  # so Selenium Manager downloads nothing
    for argument in ("--headless=new", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                     "--disable-extensions", "--disable-background-networking", "--disable-sync",
                     "--disable-dev-shm-usage", "--window-size=%d,%d" % (DESKTOP, HEIGHT)):
        options.add_argument(argument)
    if os.geteuid() == 0:
        options.add_argument("--no-sandbox")  # Chromium refuses to sandbox as root (CI containers)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.set_script_timeout(240)
    try:
        driver.command_executor._client_config.timeout = 300  # axe on a long page, on a busy machine
    except AttributeError:
        pass
    return driver


def figure_text_report(pages):
    """Lines saying, from PHONE_FIGURES' measurements ((page, [figure, ...]) pairs), each page's
    smallest figure text at the phone's width, the smallest per kind of figure, and every
    figure under FIGURE_TEXT. The per-kind counts leave out print.html, whose figures are the
    chapters' again (its own line and any figure under the floor are still reported)."""
    lines, kinds, under = [], {}, []
    for page, figures in pages:
        least = min(figures, key=lambda f: f["size"])
        lines.append("%s at %d px: %d figures, %d scroll in their frame, smallest text %.1f px (%s, %s)" % (
            page, PHONE, len(figures), sum(f["scrolls"] for f in figures), least["size"], least["figure"], least["kind"]))
        for figure in figures:
            if page != "print.html":
                kinds.setdefault(figure["kind"], []).append((figure["size"], page, figure["figure"]))
                if figure["steps"] is not None:
                    kinds.setdefault("step numbers", []).append((figure["steps"], page, figure["figure"]))
            if figure["size"] < FIGURE_TEXT - 0.05:
                under.append("%s#%s (%s) %.1f px" % (page, figure["figure"], figure["kind"], figure["size"]))
    for kind, sizes in sorted(kinds.items()):
        size, page, figure = min(sizes)
        lines.append("%s: %d figures, smallest text %.1f px (%s#%s), %d under %d px" % (
            kind, len(sizes), size, page, figure, sum(s < FIGURE_TEXT - 0.05 for s, _, _ in sizes), FIGURE_TEXT))
    lines.append("figures with text under %d px at %d px: %s" % (FIGURE_TEXT, PHONE, ", ".join(under) or "none"))
    return lines


class Check:
    def __init__(self, site, screenshots):
        self.site = site
        self.prefix = site.resolve().as_uri() + "/"
        self.screenshots = screenshots
        self.driver = start_browser()
        self.axe = axe_script()
        self.failures = {}
        self.search_results = []
        self.phone_equations = []
        self.phone_figures = []

    # --- helpers -------------------------------------------------------------------------
    def problem(self, page, text):
        self.failures.setdefault(page, []).append(text)

    def size(self, width, height=HEIGHT, mobile=False):
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                    {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})

    def scheme(self, dark):
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                                    {"features": [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]})

    def media(self, kind):
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": kind})

    def open(self, name):
        self.driver.get(self.prefix + name)
        self.js("return document.fonts.ready.then(() => true)")
        self.js("return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")

    def js(self, script, *arguments):
        return self.driver.execute_script(script, *arguments)

    def logs(self, page):
        for entry in self.driver.get_log("browser"):
            if entry.get("level") == "SEVERE":
                self.problem(page, "browser error: " + entry.get("message", "")[:200])

    def shot(self, name, width, full=True):
        height = HEIGHT
        if full:
            height = min(max(self.js("return Math.ceil(document.documentElement.scrollHeight)"), HEIGHT), 14000)
        self.size(width, height, mobile=width < 600)
        data = self.driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})["data"]
        (self.screenshots / name).write_bytes(base64.b64decode(data))
        self.size(width, HEIGHT, mobile=width < 600)

    def run_axe(self, page, mode, context="document"):
        try:
            result = self._axe(context)
        except Exception as error:  # a timeout on a busy machine: say so, and go on
            self.problem(page, "axe (%s) did not finish: %s" % (mode, str(error).splitlines()[0][:120]))
            return
        self._violations(page, mode, result)

    def _axe(self, context):
        return self.driver.execute_async_script(
            self.axe + """
            const done = arguments[arguments.length - 1];
            // KaTeX's visual HTML is aria-hidden (its MathML is what is read) and makes
            // thousands of nodes: leave it out, or axe takes minutes on a long chapter.
            axe.run({include: [""" + context + """], exclude: [[".katex-html"]]}, {preload: false, runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
                               resultTypes: ["violations"]})
              .then((r) => done(JSON.stringify(r.violations.map((v) => ({
                 id: v.id, impact: v.impact, help: v.help,
                 nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ") + (n.failureSummary ? " (" + n.failureSummary.split("\\n").slice(1, 2).join("").trim() + ")" : "")),
                 count: v.nodes.length})))))
              .catch((e) => done(JSON.stringify([{id: "axe-failed", impact: "critical", help: String(e), nodes: [], count: 1}])));
            """)

    def _violations(self, page, mode, result):
        for violation in json.loads(result):
            if violation["impact"] in ("serious", "critical"):
                self.problem(page, "axe (%s) %s %s: %s, %d places, e.g. %s" % (
                    mode, violation["impact"], violation["id"], violation["help"], violation["count"], "; ".join(violation["nodes"])))

    # --- every page ----------------------------------------------------------------------
    def page(self, name):
        self.size(DESKTOP)
        self.scheme(False)
        self.open(name)
        report = json.loads(self.js(INSPECT, self.prefix))
        for text in report["problems"]:
            self.problem(name, text)
        self.logs(name)
        if name != "print.html":
            self.copy_buttons(name)
            self.toc(name)
            self.frame_sliders(name)
        # print.html is every page's text again, each already checked on its own page; axe on
        # the whole book at once takes minutes, so it checks the page around the text and
        # the first chapter.
        context = '[".sidebar"], [".print-chapter:nth-of-type(2)"]' if name == "print.html" else "document"
        self.run_axe(name, "light", context)
        self.scheme(True)
        self.run_axe(name, "dark", context)
        self.scheme(False)
        self.shot("desktop-" + name[:-5] + ".png", DESKTOP)
        self.size(PHONE, HEIGHT, mobile=True)
        self.open(name)
        for text in json.loads(self.js(PHONE_INSPECT)):
            self.problem(name, "at %d px: %s" % (PHONE, text))
        figures = json.loads(self.js(PHONE_FIGURES, FIGURE_TEXT))
        for text in figures["problems"]:
            self.problem(name, "at %d px: %s" % (PHONE, text))
        if figures["measured"]:
            self.phone_figures.append((name, figures["measured"]))
        return report

    def copy_buttons(self, name):
        answer = json.loads(self.js("""
            const blocks = Array.from(document.querySelectorAll("article .code, article .output"));
            const button = (b) => b.querySelector(":scope > button.copy, :scope > .code-bar > button.copy");
            const missing = blocks.filter((b) => !button(b)).length;
            if (blocks.length === 0) return JSON.stringify({blocks: 0, missing});
            let copied = null;
            navigator.clipboard.writeText = (text) => { copied = text; return Promise.resolve(); };
            const block = blocks[0];
            button(block).click();
            return new Promise((done) => setTimeout(() => done(JSON.stringify({
              blocks: blocks.length, missing, copied,
              // The code as written: a linked name's tooltip is not part of it.
              expected: (() => { const c = block.querySelector(":scope > pre").cloneNode(true);
                                 for (const t of c.querySelectorAll(".tip")) t.remove();
                                 return c.textContent.replace(/\\n$/, ""); })(),
              label: button(block).textContent})), 50));"""))
        if answer["missing"]:
            self.problem(name, "%d of %d code blocks have no copy button" % (answer["missing"], answer["blocks"]))
        if answer["blocks"] and (answer["copied"] != answer["expected"] or answer["label"] != "Copied"):
            self.problem(name, "the copy button did not copy its block (label %r)" % answer["label"])

    def toc(self, name):
        answer = json.loads(self.js("""
            const headings = Array.from(document.querySelectorAll("article h2[id], article h3[id]"));
            const toc = document.querySelector(".toc");
            const out = {headings: headings.length, toc: !!toc, links: toc ? toc.querySelectorAll("a").length : 0};
            const anchors = Array.from(document.querySelectorAll("article .anchor"));
            out.unreachableAnchors = anchors.filter((a) => a.tabIndex < 0 || a.getAttribute("aria-hidden") === "true").length;
            if (headings.length > 1) {
              const last = headings[headings.length - 1];
              window.scrollTo(0, last.getBoundingClientRect().top + window.scrollY - 10);
              return new Promise((done) => setTimeout(() => {
                const current = document.querySelector(".toc a[aria-current=location]");
                out.current = current ? decodeURIComponent(current.hash.slice(1)) : null;
                out.expected = last.id;
                window.scrollTo(0, 0);
                done(JSON.stringify(out));
              }, 150));
            }
            return JSON.stringify(out);"""))
        if answer["headings"] and (not answer["toc"] or answer["links"] != answer["headings"]):
            self.problem(name, "the table of contents lists %d of %d sections" % (answer["links"], answer["headings"]))
        if answer.get("expected") and answer.get("current") != answer["expected"]:
            self.problem(name, "scrolled to section %r but the contents mark %r" % (answer["expected"], answer.get("current")))
        if answer["unreachableAnchors"]:
            self.problem(name, "%d heading anchors cannot be reached by keyboard" % answer["unreachableAnchors"])

    def frame_sliders(self, name):
        """Each figure in frames, by keyboard: the slider shows, → shows the next frame (and only
        it), End the last, Home the first, the label follows, focus is visible, the page does not
        move; with scripts off every frame shows, labelled, and the slider stays hidden."""
        figures = self.driver.find_elements(By.CSS_SELECTOR, "article figure.frames")
        for figure in figures:
            where = "figure %s" % figure.get_attribute("id")
            state = lambda: json.loads(self.js(FRAMES_STATE, figure))
            before = state()
            if before["visible"] != [0] or not before["control"]:
                self.problem(name, "%s: the slider is %s and frames %s are visible, not the first alone (is book.js running?)" % (
                    where, "shown" if before["control"] else "hidden", before["visible"]))
                continue
            slider = figure.find_element(By.CSS_SELECTOR, "input[type=range]")
            url = self.driver.current_url
            steps = [(Keys.ARROW_RIGHT, 1, "→"), (Keys.END, before["count"] - 1, "End"), (Keys.HOME, 0, "Home")]
            for key, expected, said in steps:
                slider.send_keys(key)
                after = state()
                label = before["labels"][expected]
                if after["visible"] != [expected] or after["output"] != label or after["valuetext"] != label:
                    self.problem(name, "%s: after %s frame %d (%s) should show alone and be named; frames %s are visible, the output says %r" % (
                        where, said, expected, label, after["visible"], after["output"]))
                if abs(after["height"] - before["height"]) > 1:
                    self.problem(name, "%s: the figure's height changed from %d to %d px as the slider moved" % (where, before["height"], after["height"]))
            if not state()["focusVisible"]:
                self.problem(name, "%s: the focused slider shows no focus outline" % where)
            if self.driver.current_url != url:
                self.problem(name, "%s: an arrow key on the slider turned the page" % where)
        if not figures:
            return
        # Without the site's script (blocked, as when a reader turns scripts off; the check's own
        # scripts still run) the frames stand one under another, each under its label.
        self.driver.execute_cdp_cmd("Network.enable", {})
        self.driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*/book.js"]})
        try:
            self.open(name)
            for figure in self.driver.find_elements(By.CSS_SELECTOR, "article figure.frames"):
                off = json.loads(self.js(FRAMES_STATE, figure))
                if off["control"] or len(off["visible"]) != off["count"] or not off["labelsShown"]:
                    self.problem(name, "figure %s without book.js: %d of %d frames visible, labels %s, slider %s" % (
                        figure.get_attribute("id"), len(off["visible"]), off["count"],
                        "shown" if off["labelsShown"] else "hidden", "shown" if off["control"] else "hidden"))
        finally:
            self.driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
            self.driver.execute_cdp_cmd("Network.disable", {})
            self.open(name)
            self.driver.get_log("browser")  # the blocked load's error is this check's own doing
        self.js("arguments[0].scrollIntoView()", self.driver.find_element(By.CSS_SELECTOR, "article figure.frames"))
        data = self.driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})["data"]
        (self.screenshots / ("frames-" + name[:-5] + ".png")).write_bytes(base64.b64decode(data))

    # --- once ----------------------------------------------------------------------------
    def search(self):
        page = "search"
        self.size(DESKTOP)
        self.open("index.html")
        if self.js("return window.bookSearchIndex !== undefined || window.lunr !== undefined"):
            self.problem(page, "the search index loads before the search is used")
        body = self.driver.find_element(By.TAG_NAME, "body")
        body.send_keys("/")
        if self.js("return document.activeElement.id") != "search":
            self.problem(page, "/ does not focus the search box")
            self.driver.find_element(By.ID, "search").click()
        self.driver.switch_to.active_element.send_keys("gradient")
        deadline = time.time() + 5
        while time.time() < deadline and not self.js("return document.querySelectorAll('#search-results a').length"):
            time.sleep(0.05)
        results = self.js("""return Array.from(document.querySelectorAll('#search-results a')).map((a) => ({
            href: a.href, marks: a.querySelectorAll('mark').length, text: a.textContent}))""")
        if not results:
            self.problem(page, "searching for 'gradient' found nothing")
            return
        if not all(r["marks"] for r in results):
            self.problem(page, "search results without the word marked")
        # TeX commands, inline math marks or Markdown links (`](check:`, `](x.md`), not the
        # `[ℓ](i)` of a layer and an example in plain-text math.
        raw = [r["text"][:80] for r in results
               if "\\" in r["text"] or "$`" in r["text"] or re.search(r"\]\((check:|https?:|[\w./-]+\.md)", r["text"])]
        if raw:
            self.problem(page, "search results show TeX or Markdown: " + raw[0])
        self.driver.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
        if self.js("return document.activeElement.getAttribute('aria-selected')") != "true":
            self.problem(page, "↓ does not move into the results")
        self.driver.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
        second = self.js("return document.activeElement.href")
        if len(results) > 1 and second != results[1]["href"]:
            self.problem(page, "a second ↓ does not select the second result")
        self.driver.switch_to.active_element.send_keys(Keys.ARROW_UP, Keys.ARROW_UP)
        if self.js("return document.activeElement.id") != "search":
            self.problem(page, "↑ from the first result does not go back to the box")
        self.driver.switch_to.active_element.send_keys(Keys.ENTER)
        deadline = time.time() + 5
        while time.time() < deadline and self.driver.current_url.endswith("index.html"):
            time.sleep(0.05)
        if self.driver.current_url != results[0]["href"]:
            self.problem(page, "Enter did not open the first result (at %s)" % self.driver.current_url)
        self.js("return document.fonts.ready.then(() => true)")
        if not self.js("return document.querySelectorAll('article mark').length"):
            self.problem(page, "the page opened from a result does not mark the words")

    # Queries and the page (and, when given, the heading) their first result must be.
    SEARCHES = [("learning rate", "07-", None), ("momentum", "08-", None), ("chain rule", "06-", None),
                ("softmax", "03-", "softmax"), ("oneHot", "reference-Learning-Matrix", "onehot")]

    def search_ranking(self):
        """The ranked search: each query's first result is its chapter (or section)."""
        page = "search ranking"
        self.size(DESKTOP)
        self.open("index.html")
        box = self.driver.find_element(By.ID, "search")
        for query, expected, heading in self.SEARCHES:
            box.clear()
            box.send_keys(query)
            deadline = time.time() + 10
            first = None
            while time.time() < deadline:
                first = self.js("""const a = document.querySelector('#search-results a');
                    return a ? {href: a.getAttribute('href'), where: a.querySelector('strong').textContent} : null""")
                if first:
                    break
                time.sleep(0.05)
            self.search_results.append((query, first["where"] if first else None))
            if not first:
                self.problem(page, "%r found nothing" % query)
            elif not first["href"].startswith(expected) or (heading and heading not in first["where"].lower().split("›")[-1]):
                self.problem(page, "%r: the first result is %s (%s), not %s%s" % (
                    query, first["href"], first["where"], expected, " › " + heading if heading else ""))

    def hidden_lines(self):
        """Folded lines: hidden, shown by the button, copied, printed."""
        page = "hidden lines"
        self.size(DESKTOP)
        for name in sorted(p.name for p in self.site.glob("[0-9][0-9]-*.html")):
            self.open(name)
            if self.js("return document.querySelector('article .code[data-hidden-lines]') !== null"):
                break
        else:
            self.problem(page, "no chapter has hidden lines in a shown block")
            return
        state = json.loads(self.js("""
            const block = document.querySelector('article .code[data-hidden-lines]');
            const folded = Array.from(block.querySelectorAll('.line.folded'));
            const button = block.querySelector('button.show-hidden');
            const visible = () => folded.filter((l) => l.getBoundingClientRect().height > 0).length;
            const out = {count: folded.length, said: Number(block.dataset.hiddenLines), before: visible(),
                         button: !!button, expanded: button && button.getAttribute('aria-expanded'),
                         label: button && button.textContent};
            let copied = null;
            navigator.clipboard.writeText = (text) => { copied = text; return Promise.resolve(); };
            block.querySelector('button.copy').click();
            if (button) button.click();
            out.after = visible();
            out.expandedAfter = button && button.getAttribute('aria-expanded');
            return new Promise((done) => setTimeout(() => {
              out.copiedAll = copied !== null && folded.every((l) => { const c = l.cloneNode(true); for (const t of c.querySelectorAll('.tip')) t.remove();
                                                                               return copied.includes(c.textContent.replace(/\\n$/, '')); });
              out.markers = copied !== null && copied.includes('//#-');
              if (button) button.click();
              done(JSON.stringify(out));
            }, 50));"""))
        if not state["button"] or state["count"] != state["said"] or state["count"] == 0:
            self.problem(page, "%s: %d folded lines, %s said, button %s" % (name, state["count"], state["said"], state["button"]))
            return
        if state["before"] != 0 or state["expanded"] != "false":
            self.problem(page, "%s: %d of %d folded lines show before the button is pressed" % (name, state["before"], state["count"]))
        if state["after"] != state["count"] or state["expandedAfter"] != "true":
            self.problem(page, "%s: the button shows %d of %d hidden lines" % (name, state["after"], state["count"]))
        if not state["copiedAll"] or state["markers"]:
            self.problem(page, "%s: the copy button does not copy the hidden lines (or copies the markers)" % name)
        self.media("print")
        printed = self.js("return Array.from(document.querySelectorAll('article .line.folded')).every((l) => getComputedStyle(l).display !== 'none')")
        self.media("")
        if not printed:
            self.problem(page, "%s: hidden lines do not print" % name)

    def answer_boxes(self):
        """An answer box judges a right entry right and a wrong one not yet, by keyboard."""
        page = "answer boxes"
        self.size(DESKTOP)
        for name in sorted(p.name for p in self.site.glob("[0-9][0-9]-*.html")):
            self.open(name)
            if self.js("return document.querySelector('form.answer-box') !== null"):
                break
        else:
            self.problem(page, "no chapter has an answer box")
            return
        form = self.driver.find_element(By.CSS_SELECTOR, "form.answer-box")
        if not form.is_displayed():
            self.problem(page, "%s: the answer box is hidden (is book.js running?)" % name)
            return
        answer = float(form.get_attribute("data-answer"))
        places = int(form.get_attribute("data-places"))
        right = ("%%.%df" % places) % answer
        close = ("%%.%df" % places) % (float(right) + 10 ** -places)  # one unit of the last digit off
        wrong = ("%%.%df" % places) % (answer * 3 + 7)
        box = form.find_element(By.TAG_NAME, "input")
        label = self.js("return document.querySelector('label[for=\"' + arguments[0].id + '\"]')?.textContent || ''", box)
        if not label:
            self.problem(page, "%s: the answer box has no label" % name)
        for typed, expected in ((wrong, "not yet"), (right, "right"), (close, "close"), ("abc", "unreadable")):
            box.clear()
            box.send_keys(typed, Keys.ENTER)
            verdict = self.js("return arguments[0].dataset.verdict || ''", form)
            said = self.js("return arguments[0].querySelector('.answer-verdict').textContent", form)
            status = self.js("return arguments[0].querySelector('.answer-verdict').getAttribute('role')", form)
            if verdict != expected or not said or status != "status":
                self.problem(page, "%s: typing %s (answer %s) gives %r, %r, not %r" % (name, typed, form.get_attribute("data-answer"), verdict, said, expected))
        if self.driver.current_url.split("#")[0] != self.prefix + name:
            self.problem(page, "%s: Enter in the answer box left the page" % name)
        self.run_axe(name + " (answer box used)", "light", "[\"form.answer-box\"]")

    def keys_stay(self):
        """→ inside a code block (caret there, or the block focused) keeps the page."""
        page = "keys"
        self.size(PHONE, HEIGHT, mobile=True)
        chapters = sorted(p.name for p in self.site.glob("0[2-9]-*.html"))
        if not chapters:
            return
        name = chapters[0]
        self.open(name)
        pre = self.driver.find_element(By.CSS_SELECTOR, "article .code pre")
        self.js("""const pre = arguments[0]; pre.scrollIntoView();
            const range = document.createRange(); range.setStart(pre.querySelector('.line').firstChild || pre, 0); range.collapse(true);
            const selection = getSelection(); selection.removeAllRanges(); selection.addRange(range);""", pre)
        self.driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ARROW_RIGHT)
        time.sleep(0.5)
        if self.driver.current_url != self.prefix + name:
            self.problem(page, "→ with the caret in a code block turned the page")
            self.open(name)
        scrolling = self.driver.find_elements(By.CSS_SELECTOR, "article pre.scrolls")
        if scrolling:
            self.js("arguments[0].focus()", scrolling[0])
            scrolling[0].send_keys(Keys.ARROW_RIGHT)
            time.sleep(0.5)
            if self.driver.current_url != self.prefix + name:
                self.problem(page, "→ in a code block that scrolls turned the page")
        self.size(DESKTOP)

    # Chapters whose display equations must all fit a phone, and the equations (by the start
    # of their TeX) allowed to scroll because no legible layout fits 390 px.
    PHONE_EQUATIONS = ("04-", "06-", "07-")
    # Chapter 6's ∂L/∂W[1] as a 2×3 matrix of products (−0.076483 · (−1.0) each): already
    # stacked, and the matrix alone needs about 60% of its size to fit 390 px.
    PHONE_EQUATIONS_ALLOWED = ("\\begin{aligned} \\frac{\\partial L}{\\partial W^{[1]}} &= \\begin{pmatrix} -0.076483 \\cdot 1.0",)

    def phone_reading(self):
        """At 390 px: no display equation of chapters 4, 6, 7 scrolls; no copy button covers
        code (phone and desktop); a long page has a way back to its contents."""
        page = "phone"
        for name in sorted(p.name for p in self.site.glob("[0-9][0-9]-*.html")):
            self.size(PHONE, HEIGHT, mobile=True)
            self.open(name)
            report = json.loads(self.js(PHONE_READING))
            for covered in report["covered"]:
                self.problem(page, "%s at %d px: a copy button covers code: %s" % (name, PHONE, covered))
            if name.startswith(self.PHONE_EQUATIONS):
                for equation in report["scrolling"]:
                    if not " ".join(equation["tex"].split()).startswith(self.PHONE_EQUATIONS_ALLOWED):
                        self.problem(page, "%s at %d px: a display equation scrolls by %d px: %s" % (name, PHONE, equation["over"], equation["tex"][:80]))
                self.phone_equations.append((name, report["equations"], len(report["scrolling"])))
            if report["height"] > 3 * HEIGHT:
                self.back_to_contents(name)
            if name.startswith(self.PHONE_EQUATIONS):
                self.open(name)
                self.shot("phone-" + name[:-5] + ".png", PHONE)
            self.size(DESKTOP)
            self.open(name)
            for covered in json.loads(self.js(PHONE_READING))["covered"]:
                self.problem(page, "%s at %d px: a copy button covers code: %s" % (name, DESKTOP, covered))

    def back_to_contents(self, name):
        """A long page at 390 px: the way back to the contents hides while the reader scrolls
        down, shows when they scroll up and at the end, never covers part of a line (only a
        bar across the window, hiding whole lines as the window's edge does) nor, at the end,
        any text; its link goes back to the opened contents."""
        page = "phone"
        bar = lambda: json.loads(self.js(CONTENTS_BAR))
        self.js("window.scrollTo(0, document.documentElement.scrollHeight / 2)")
        time.sleep(0.3)
        down = bar()
        if down["shown"]:
            self.problem(page, "%s at %d px: scrolling down to read, the contents link shows over the text" % (name, PHONE))
        self.js("window.scrollBy(0, -200)")
        time.sleep(0.3)
        up = bar()
        if not up["shown"]:
            self.problem(page, "%s at %d px: scrolling up halfway down a long page, there is no way back to the contents" % (name, PHONE))
        for line in up["partly"]:
            self.problem(page, "%s at %d px: scrolled up, the contents link covers part of a line: %s" % (name, PHONE, line))
        self.js("window.scrollTo(0, document.documentElement.scrollHeight)")
        time.sleep(0.3)
        end = bar()
        if not end["shown"]:
            self.problem(page, "%s at %d px: at the end of a long page there is no way back to the contents" % (name, PHONE))
        for line in end["covered"]:
            self.problem(page, "%s at %d px: at the end of the page the contents link covers text: %s" % (name, PHONE, line))
        if not up["shown"]:
            return
        self.js("window.scrollTo(0, document.documentElement.scrollHeight / 2 + 200)")
        time.sleep(0.3)
        self.js("window.scrollBy(0, -200)")
        time.sleep(0.3)
        self.driver.find_element(By.CSS_SELECTOR, ".to-contents a, a.to-contents").click()
        time.sleep(0.3)
        state = json.loads(self.js("""return JSON.stringify({y: window.scrollY,
            open: document.querySelector('details.menu').open,
            focus: document.activeElement.tagName})"""))
        if state["y"] > 5 or not state["open"]:
            self.problem(page, "%s: the contents link leaves the page at %d px, menu open %s" % (name, state["y"], state["open"]))

    def figure_zoom(self):
        """At 390 px, by real taps and keys: a figure drawn below its size opens full size by
        a tap on its button and by a tap on the drawing, closes by Escape and by another tap,
        and the focus comes back to the button; a screenshot of it open."""
        page = "figure zoom"
        self.size(PHONE, HEIGHT, mobile=True)
        for name in sorted(p.name for p in self.site.glob("[0-9][0-9]-*.html")):
            self.open(name)
            buttons = [b for b in self.driver.find_elements(By.CSS_SELECTOR, "article figure button.figure-zoom") if b.is_displayed()]
            if buttons:
                break
        else:
            self.problem(page, "no figure at %d px opens full size" % PHONE)
            return
        button = buttons[0]
        figure = button.find_element(By.XPATH, "./ancestor::figure")
        state = lambda: json.loads(self.js("""const f = arguments[0], b = f.querySelector('button.figure-zoom');
            return JSON.stringify({open: f.classList.contains('zoomed'), focus: document.activeElement === b,
                                   expanded: b.getAttribute('aria-expanded'), label: b.getAttribute('aria-label')})""", figure))
        self.js("arguments[0].scrollIntoView({block: 'center'})", button)
        button.click()
        opened = state()
        if not opened["open"] or not opened["focus"] or opened["expanded"] != "true":
            self.problem(page, "%s: a tap on the button of %s does not open it (%s)" % (name, figure.get_attribute("id"), opened))
            return
        data = self.driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})["data"]
        (self.screenshots / ("phone-figure-open-" + name[:-5] + ".png")).write_bytes(base64.b64decode(data))
        self.driver.switch_to.active_element.send_keys(Keys.ESCAPE)
        closed = state()
        if closed["open"] or not closed["focus"]:
            self.problem(page, "%s: Escape does not close %s, or the focus is not back on its button (%s)" % (name, figure.get_attribute("id"), closed))
        art = figure.find_element(By.CSS_SELECTOR, ".figure-art")
        art.click()
        if not state()["open"]:
            self.problem(page, "%s: a tap on the drawing of %s does not open it" % (name, figure.get_attribute("id")))
        else:
            figure.find_element(By.CSS_SELECTOR, ".figure-art").click()
            if state()["open"]:
                self.problem(page, "%s: a tap on the opened drawing of %s does not close it" % (name, figure.get_attribute("id")))
        self.driver.switch_to.active_element.send_keys(Keys.ENTER)
        if not state()["open"]:
            self.problem(page, "%s: Enter on the button of %s does not open it" % (name, figure.get_attribute("id")))
        self.driver.switch_to.active_element.send_keys(Keys.ENTER)
        if state()["open"]:
            self.problem(page, "%s: Enter on the button of %s opened does not close it" % (name, figure.get_attribute("id")))
        self.size(DESKTOP)

    def notation(self):
        """Symbols from the notation page show their definition on focus, and Escape hides it."""
        page = "notation"
        self.size(DESKTOP)
        self.open("06-backpropagation.html" if (self.site / "06-backpropagation.html").exists() else "index.html")
        symbols = self.driver.find_elements(By.CSS_SELECTOR, "article .symbol[tabindex='0']")
        if not symbols:
            self.problem(page, "no symbol on the page shows its definition")
            return
        self.js("arguments[0].focus()", symbols[0])
        tip = self.js("const t = document.getElementById(arguments[0].getAttribute('aria-describedby')); return [getComputedStyle(t).display, t.textContent]", symbols[0])
        if tip[0] == "none" or len(tip[1]) < 5:
            self.problem(page, "a symbol's definition does not show on focus: %r" % tip[1])
        symbols[0].send_keys(Keys.ESCAPE)
        if self.js("const t = document.getElementById(arguments[0].getAttribute('aria-describedby')); return getComputedStyle(t).display", symbols[0]) != "none":
            self.problem(page, "Escape does not hide a symbol's definition")
        words = self.js("const c = document.querySelector('.checked[aria-describedby] .tip'); return c ? c.textContent : ''")
        if words and not words.startswith("checked: the code computed"):
            self.problem(page, "a checked number's tooltip does not say what the code computed: %r" % words)

    # Reference pages that go through every page's checks, besides the overview.
    REFERENCE_PAGES = ["reference-Learning-Network.html", "reference-Learning-Matrix.html", "reference-Plot-LinePlot.html"]

    def reference(self):
        """A name in a chapter's code linked to the reference: its declaration and first
        sentence show on hover and on focus, inside the window; Escape hides them; the link
        opens its entry, and axe finds no serious violation there. Screenshots of both."""
        page = "reference"
        chapter = "04-forward-propagation.html" if (self.site / "04-forward-propagation.html").exists() else "index.html"
        tip_state = """const t = document.getElementById(arguments[0].getAttribute('aria-describedby'));
            if (!t) return null;
            const s = getComputedStyle(t), b = t.getBoundingClientRect();
            return {display: s.display, text: t.textContent, declaration: (t.querySelector('code') || {}).textContent || '',
                    inside: b.left >= 0 && b.top >= 0 && b.right <= innerWidth + 1 && b.bottom <= innerHeight + 1}"""
        for width, dark, label in ((DESKTOP, False, "desktop"), (PHONE, False, "phone"), (DESKTOP, True, "dark")):
            self.size(width, HEIGHT, mobile=width < 600)
            self.scheme(dark)
            self.open(chapter)
            names = self.driver.find_elements(By.CSS_SELECTOR, "article pre a.api")
            if not names:
                self.problem(page, "no name in %s's code links to the reference" % chapter)
                self.scheme(False)
                return
            name = names[min(2, len(names) - 1)]
            self.js("arguments[0].scrollIntoView({block: 'center'})", name)
            if label == "phone":
                self.js("arguments[0].focus()", name)
            else:
                ActionChains(self.driver).move_to_element(name).perform()
            self.js("return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
            tip = self.js(tip_state, name)
            how = "focus" if label == "phone" else "hover"
            if not tip or tip["display"] == "none":
                self.problem(page, "%s: a linked name shows no tooltip on %s" % (label, how))
            elif not tip["declaration"].strip() or not tip["inside"]:
                self.problem(page, "%s: the tooltip on %s has no declaration or leaves the window: %r" % (label, how, tip))
            self.shot("hover-%s.png" % label, width, full=False)
        self.scheme(False)
        self.size(DESKTOP)
        self.open(chapter)
        name = self.driver.find_elements(By.CSS_SELECTOR, "article pre a.api")[0]
        self.js("arguments[0].focus()", name)
        if (self.js(tip_state, name) or {}).get("display") == "none":
            self.problem(page, "a linked name shows no tooltip on keyboard focus")
        name.send_keys(Keys.ESCAPE)
        if (self.js(tip_state, name) or {}).get("display") != "none":
            self.problem(page, "Escape does not hide a linked name's tooltip")
        href = name.get_attribute("href")
        name.send_keys(Keys.ENTER)
        time.sleep(0.5)
        self.js("return document.fonts.ready.then(() => true)")
        opened = self.driver.current_url
        fragment = href.split("#", 1)[1] if "#" in href else ""
        if opened.split("#")[0] != href.split("#")[0] or (fragment and not self.js("return !!document.getElementById(arguments[0])", fragment)):
            self.problem(page, "the link to %s opened %s, without its entry" % (href, opened))
            return
        target = opened.split("/")[-1].split("#")[0]
        self.logs(target)
        self.run_axe(target, "light")
        self.scheme(True)
        self.run_axe(target, "dark")
        self.open(target + ("#" + fragment if fragment else ""))
        self.shot("reference-dark.png", DESKTOP, full=False)
        self.scheme(False)
        self.open(target + ("#" + fragment if fragment else ""))
        self.shot("reference-desktop.png", DESKTOP, full=False)
        self.size(PHONE, HEIGHT, mobile=True)
        self.open(target + ("#" + fragment if fragment else ""))
        self.shot("reference-phone.png", PHONE, full=False)
        self.size(DESKTOP)

    def reference_axe(self):
        """axe on every reference page that does not go through every page's checks: they are
        made the same way, but each doc comment is its own text. In light only: the dark
        theme's colours are the same on every reference page, and REFERENCE_PAGES check them
        (light and dark on all 51 took 58 s at load 6 and 239 s at load 10; light alone, half).
        Also a "Used in" link lands on the code line that names the symbol, marked as the target."""
        started = time.monotonic()
        names = sorted(p.name for p in self.site.glob("reference-*.html")
                       if p.name != "reference-README.html" and p.name not in self.REFERENCE_PAGES)
        self.size(DESKTOP)
        self.scheme(False)
        for name in names:
            self.open(name)
            self.logs(name)
            self.run_axe(name, "light")
        self.reference_pages_axed = (len(names), time.monotonic() - started)
        page = "reference used-in"
        self.open("reference-Learning-Matrix.html" if (self.site / "reference-Learning-Matrix.html").exists() else names[0])
        link = self.js("const a = Array.from(document.querySelectorAll('article a')).find((a) => /\\.html#L[0-9]+$/.test(a.getAttribute('href') || '')); return a ? a.getAttribute('href') : null")
        if not link:
            self.problem(page, "no \"Used in\" link lands on a code line")
            return
        self.open(link)
        state = self.js("""const t = document.getElementById(location.hash.slice(1));
            if (!t) return null;
            const b = t.getBoundingClientRect();
            return {line: t.classList.contains('line'), api: !!t.querySelector('a.api'), target: t.matches(':target'),
                    visible: b.top >= 0 && b.bottom <= innerHeight && getComputedStyle(t).display !== 'none',
                    marked: getComputedStyle(t).backgroundColor !== getComputedStyle(t.closest('pre')).backgroundColor}""")
        if not state or not (state["line"] and state["api"] and state["target"] and state["visible"] and state["marked"]):
            self.problem(page, "the link %s does not land on a visible, marked code line with a linked name: %r" % (link, state))
        self.shot("used-in-line.png", DESKTOP, full=False)

    def reading_aids(self):
        page = "reading aids"
        self.size(DESKTOP)
        chapters = sorted(p.name for p in self.site.glob("0[2-9]-*.html"))
        if not chapters:
            return
        name = chapters[0]
        self.open(name)
        prev = self.js("return document.querySelector('link[rel=prev]') && document.querySelector('link[rel=prev]').href")
        nxt = self.js("return document.querySelector('link[rel=next]') && document.querySelector('link[rel=next]').href")
        if not prev or not nxt:
            self.problem(page, name + " has no rel=prev and rel=next links")
        else:
            self.driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ARROW_RIGHT)
            time.sleep(0.5)
            if self.driver.current_url != nxt:
                self.problem(page, "→ does not open the next page")
            self.driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ARROW_LEFT)
            time.sleep(0.5)
            if self.driver.current_url != self.prefix + name:
                self.problem(page, "← does not open the previous page")
        # The theme switch: chosen, applied, remembered on the next page.
        self.open(name)
        self.js("const s = document.getElementById('theme'); s.value = 'dark'; s.dispatchEvent(new Event('change'));")
        self.open(chapters[-1])
        if self.js("return document.documentElement.dataset.theme") != "dark":
            self.problem(page, "the dark theme chosen is not remembered on the next page")
        background = self.js("return getComputedStyle(document.body).backgroundColor")
        self.shot("dark-" + chapters[-1][:-5] + ".png", DESKTOP, full=False)
        self.run_axe(chapters[-1], "dark theme chosen")
        self.js("const s = document.getElementById('theme'); s.value = 'system'; s.dispatchEvent(new Event('change'));")
        if background in ("rgb(253, 253, 252)",):
            self.problem(page, "the dark theme does not darken the page")
        # Escape hides a tooltip.
        for chapter in chapters:
            self.open(chapter)
            if self.js("return document.querySelectorAll('.checked[aria-describedby]').length"):
                break
        chip = self.driver.find_elements(By.CSS_SELECTOR, ".checked[aria-describedby]")
        if chip:
            self.js("arguments[0].focus()", chip[0])
            shown = self.js("const t = document.getElementById(arguments[0].getAttribute('aria-describedby')); return getComputedStyle(t).display", chip[0])
            chip[0].send_keys(Keys.ESCAPE)
            hidden = self.js("const t = document.getElementById(arguments[0].getAttribute('aria-describedby')); return getComputedStyle(t).display", chip[0])
            if shown == "none" or hidden != "none":
                self.problem(page, "a checked number's tooltip is %s on focus and %s after Escape" % (shown, hidden))
        else:
            self.problem(page, "no checked number with a tooltip on any chapter")

    def print_book(self):
        page = "print.html"
        self.size(DESKTOP)
        self.open("print.html")
        chapters = len(list(self.site.glob("[0-9][0-9]-*.html")))
        references = len(list(self.site.glob("reference-*.html")))
        answer = json.loads(self.js("""
            return JSON.stringify({
              sections: document.querySelectorAll('.print-chapter:not(.print-appendix):not(.print-reference)').length,
              appendix: document.querySelectorAll('.print-appendix, .print-reference').length,
              closed: document.querySelectorAll('article details:not([open])').length});"""))
        if answer["sections"] < chapters + 1:
            self.problem(page, "holds %d pages, not the %d chapters and the introduction" % (answer["sections"], chapters))
        if answer["appendix"] != references:
            self.problem(page, "its appendix holds %d reference pages, not the site's %d" % (answer["appendix"], references))
        if answer["closed"]:
            self.problem(page, "%d folded answers would not print" % answer["closed"])
        self.media("print")
        styles = json.loads(self.js("""
            const pre = document.querySelector('article pre');
            const label = document.querySelector('.output-label, .code-note');
            return JSON.stringify({pre: pre ? getComputedStyle(pre).breakInside : 'auto',
                                   label: label ? getComputedStyle(label).breakAfter : 'avoid',
                                   sidebar: getComputedStyle(document.querySelector('.sidebar')).display});"""))
        self.media("")
        if styles["pre"] == "avoid":
            self.problem(page, "long code blocks refuse to split across printed pages")
        if styles["label"] != "avoid":
            self.problem(page, "a block's label may be printed apart from its block")
        if styles["sidebar"] != "none":
            self.problem(page, "the sidebar prints")
        pdf = base64.b64decode(self.driver.execute_cdp_cmd(
            "Page.printToPDF", {"printBackground": True, "preferCSSPageSize": True})["data"])
        target = self.screenshots / "print.pdf"
        target.write_bytes(pdf)
        if shutil.which("pdftoppm"):
            subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "4", str(target),
                            str(self.screenshots / "print")], check=False)
            # The appendix's first sheets: the reference's overview and the first entries.
            first = self.appendix_page(target)
            if first:
                subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(first), "-l", str(first + 2), str(target),
                                str(self.screenshots / "print-appendix")], check=False)
            elif shutil.which("pdftotext"):
                self.problem(page, "the printed book has no page headed \"Appendix: Reference\"")

    @staticmethod
    def appendix_page(pdf):
        """The number of the printed page that starts the reference appendix (pdftotext), or None."""
        if not shutil.which("pdftotext"):
            return None
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=False).stdout
        for number, sheet in enumerate(text.split("\f"), start=1):
            if "Appendix: Reference" in sheet:
                return number
        return None

    def not_found_and_icon(self):
        page = "404.html"
        self.open("404.html")
        if "not found" not in self.js("return document.title").lower():
            self.problem(page, "the 404 page does not say the page was not found")
        if not self.js("return !!document.querySelector('article a[href=\"index.html\"]')"):
            self.problem(page, "the 404 page does not link to the introduction")
        self.run_axe(page, "light")
        loaded = self.js("""
            const link = document.querySelector('link[rel=icon]');
            if (!link) return 'no link';
            const image = new Image();
            return new Promise((done) => { image.onload = () => done('ok'); image.onerror = () => done('did not load');
                                           image.src = link.href; });""")
        if loaded != "ok":
            self.problem("favicon", "favicon: " + loaded)

    def run(self):
        pages = sorted(p.name for p in self.site.glob("*.html"))
        if "index.html" not in pages:
            fail_setup("no %s/index.html; build the site first with: swift run book build" % self.site)
        pages.remove("index.html")
        pages.insert(0, "index.html")
        pages.remove("404.html")
        pages = [name for name in pages if not name.startswith("reference-")
                 or name == "reference-README.html" or name in self.REFERENCE_PAGES]
        # BROWSER_CHECK_PAGES="index.html 06-backpropagation.html" checks only those (a quicker look).
        only = os.environ.get("BROWSER_CHECK_PAGES", "").split()
        if only:
            pages = [name for name in pages if name in only]
        self.screenshots.mkdir(parents=True, exist_ok=True)
        try:
            for name in pages:
                report = self.page(name)
                summary = "%d math, %d figures, %d checked, %d code blocks" % (
                    report["math"], report["figures"], report["checked"], report["blocks"])
                self.report(name, summary)
            for step, name in ((self.search, "search"), (self.search_ranking, "search ranking"),
                               (self.reading_aids, "reading aids"), (self.keys_stay, "keys"),
                               (self.hidden_lines, "hidden lines"), (self.answer_boxes, "answer boxes"),
                               (self.notation, "notation"), (self.reference, "reference"),
                               (self.reference_axe, "reference pages"), (self.phone_reading, "phone"),
                               (self.figure_zoom, "figure zoom"),
                               (self.print_book, "print.html"), (self.not_found_and_icon, "404.html")):
                step()
                self.report(name, "")
                if name == "reference pages":
                    print("  axe on %d more reference pages: %.1f s" % self.reference_pages_axed)
                if name == "search ranking":
                    for query, first in self.search_results:
                        print("  %r -> %s" % (query, first))
                if name == "phone":
                    for chapter, total, scrolling in self.phone_equations:
                        print("  %s: %d of %d display equations scroll at %d px" % (chapter, scrolling, total, PHONE))
                    for line in figure_text_report(self.phone_figures):
                        print("  " + line)
        finally:
            self.driver.quit()
        failed = len(self.failures)
        print("browser check: %d pages and the checks above, %d failed; screenshots in %s" % (len(pages), failed, self.screenshots))
        return 1 if failed else 0

    def report(self, name, summary):
        problems = list(dict.fromkeys(self.failures.get(name, [])))
        print("%s %s%s" % ("FAIL" if problems else "ok  ", name, " (%s)" % summary if summary else ""))
        for problem in problems[:15]:
            print("  %s: %s" % (name, problem))
        if len(problems) > 15:
            print("  %s: and %d more problems" % (name, len(problems) - 15))


# Runs in each page at 1280 px; returns what is wrong with it, and what it holds.
INSPECT = r"""
const prefix = arguments[0];
const problems = [];
const maths = document.querySelectorAll('.math');
for (const el of maths) {
  const tex = el.textContent.trim().slice(0, 60);
  if (!el.querySelector('.katex')) problems.push('math not typeset at build time: ' + tex);
  else if (!el.querySelector('.katex math')) problems.push('math without MathML: ' + tex);
}
for (const script of document.scripts) {
  if (/katex/i.test(script.src) || /katex/.test(script.textContent)) problems.push('a math script is loaded: ' + (script.src || 'inline'));
}
for (const entry of performance.getEntriesByType('resource')) {
  if (!entry.name.startsWith(prefix) && !entry.name.startsWith('data:')) problems.push('request outside the site folder: ' + entry.name);
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
  const number = figure.querySelector('figcaption a.figure-number');
  if (!number || number.getAttribute('href') !== '#' + figure.id) problems.push('figure without a numbered link: ' + (figure.id || '?'));
  if (/^\d\d-/.test(location.pathname.split('/').pop()) && number && !/^Figure \d+\.\d+\./.test(number.textContent)) {
    problems.push('figure not numbered by chapter: ' + number.textContent);
  }
}
for (const img of document.images) {
  if (!img.complete || img.naturalWidth === 0) problems.push('image did not load: ' + img.getAttribute('src'));
}
// Nothing cut off: no block scrolls sideways at this width, none ends past the window.
const width = document.documentElement.clientWidth;
if (document.documentElement.scrollWidth > width + 1) problems.push('the page is wider than the window: ' + document.documentElement.scrollWidth + ' px');
for (const el of document.querySelectorAll('article pre, article .math.display, article .table, article .figure-scroll, article p, article li')) {
  const box = el.getBoundingClientRect();
  const what = el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : '') + ': ' + el.textContent.trim().slice(0, 50);
  if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') problems.push('cut off (scrolls by ' + (el.scrollWidth - el.clientWidth) + ' px): ' + what);
  else if (box.right > width + 1) problems.push('runs past the window: ' + what);
}
const chapter = /^\d\d-/.test(location.pathname.split('/').pop());
if (chapter && !document.querySelector('.chapter-source a')) problems.push('no link to the chapter source');
if (chapter && !/swift run book run \d+/.test((document.querySelector('.chapter-source') || {}).textContent || '')) problems.push('no "run this chapter" line');
if (chapter && !/swift run book serve/.test((document.querySelector('.chapter-source') || {}).textContent || '')) problems.push('no "edit and run it with book serve" line');
if (document.querySelector('script[src$="serve.js"], meta[name="book-serve-token"]')) problems.push('a page of book build carries the server\'s script');
return JSON.stringify({problems, math: maths.length, figures: figures.length,
  checked: document.querySelectorAll('.checked').length,
  blocks: document.querySelectorAll('article .code, article .output').length});
"""

# What a figure in frames (arguments[0]) shows: which frames are visible, the slider's state.
FRAMES_STATE = r"""
const figure = arguments[0];
const frames = Array.from(figure.querySelectorAll('.frame'));
const shown = (el) => { const box = el.getBoundingClientRect(); const style = getComputedStyle(el);
  return box.width > 0 && box.height > 0 && style.visibility === 'visible' && style.display !== 'none'; };
const control = figure.querySelector('.frames-control');
const input = figure.querySelector('input[type=range]');
const output = figure.querySelector('.frames-control output');
return JSON.stringify({
  count: frames.length,
  labels: frames.map((f) => f.dataset.label),
  visible: frames.map((f, i) => shown(f) ? i : -1).filter((i) => i >= 0),
  labelsShown: frames.every((f) => { const l = f.querySelector('.frame-label'); return l && shown(l); }),
  control: !!control && shown(control),
  output: output ? output.textContent : null,
  valuetext: input ? input.getAttribute('aria-valuetext') : null,
  height: figure.getBoundingClientRect().height,
  focusVisible: !!input && document.activeElement === input && input.matches(':focus-visible') && getComputedStyle(input).outlineStyle !== 'none',
});
"""

# Runs in each page at 390 px.
PHONE_INSPECT = r"""
const problems = [];
const width = document.documentElement.clientWidth;
if (document.documentElement.scrollWidth > width + 1) problems.push('the page is ' + document.documentElement.scrollWidth + ' px wide');
for (const el of document.querySelectorAll('article pre, article .math.display, article .table, article .figure-scroll')) {
  const what = el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : '') + ': ' + el.textContent.trim().slice(0, 40);
  if (el.getBoundingClientRect().right > width + 1) problems.push('runs off the page: ' + what);
  if (el.scrollWidth > el.clientWidth + 1) {
    if (el.tabIndex !== 0 || !el.getAttribute('aria-label') || !el.classList.contains('scrolls')) problems.push('scrolls without focus, label or cue: ' + what);
  }
}
for (const el of document.querySelectorAll('article p, article li, article h1, article h2, article h3')) {
  if (el.getBoundingClientRect().right > width + 1) problems.push('text runs off the page: ' + el.textContent.trim().slice(0, 40));
}
// Punctuation written against an inline formula stays on the formula's line: a comma or a
// closing bracket never starts a line after it.
for (const el of document.querySelectorAll('article .math.inline')) {
  let at = el;
  while (at && !at.nextSibling && at.parentElement && !/^(P|LI|TD|TH|H[1-6])$/.test(at.parentElement.tagName)) at = at.parentElement;
  const next = at && at.nextSibling;
  // The punctuation, past any word joiner (U+2060) written before it.
  const at0 = next && next.nodeType === Node.TEXT_NODE ? next.textContent.search(/[^\u2060]/) : -1;
  if (at0 < 0 || !/[,.;:!?)\]]/.test(next.textContent[at0])) continue;
  const range = document.createRange();
  range.setStart(next, at0); range.setEnd(next, at0 + 1);
  const mark = range.getBoundingClientRect(), boxes = el.getClientRects();
  const last = boxes[boxes.length - 1];
  if (last && mark.height > 0 && mark.top >= last.bottom - 2) {
    const tex = (el.querySelector('annotation') || el).textContent.trim().slice(0, 30);
    problems.push('"' + next.textContent[at0] + '" after the formula ' + tex + ' starts a new line');
  }
}
return JSON.stringify(problems);
"""

# Runs in each page at 390 px: every figure's text, as the reader sees it in the page (not
# opened), is at least FIGURE_TEXT CSS px: each svg text's computed font size times the scale
# its getScreenCTM() gives it on screen. A figure whose drawing is wider than the window at
# that size scrolls sideways in its frame (focusable, labelled and cued: PHONE_INSPECT checks
# that), and loses nothing: its left edge shows, its right edge can be scrolled to, and the
# frame stays inside the window. A figure with a visible "Open full size" button opens filling
# the window, its text no smaller than in the page; Escape closes it, the focus back on the
# button. Returns the problems, and per figure its kind and smallest text.
PHONE_FIGURES = r"""
const floor = arguments[0];
const problems = [], measured = [];
const width = document.documentElement.clientWidth;
// What Plot drew, from the classes of its groups (a figure from Figure(svg:) is "svg").
const kind = (svg) => {
  const has = (name) => svg.querySelector('.' + name) !== null;
  if (has('plot-edges')) return 'network diagram';
  if (has('plot-wires')) return 'computation graph';
  if (has('plot-contours')) return 'contour plot';
  if (has('plot-regions')) return 'decision regions';
  if (has('plot-points')) return 'scatter plot';
  if (has('plot-axes')) return 'line plot';
  return 'svg';
};
// The smallest text in an svg as shown, in CSS px, and which text it is.
const smallest = (svg) => {
  let least = Infinity, what = '', steps = Infinity;
  for (const text of svg.querySelectorAll('text')) {
    if (!text.textContent.trim() || text.getBBox().width === 0) continue;
    const m = text.getScreenCTM();
    const size = parseFloat(getComputedStyle(text).fontSize) * Math.hypot(m.a, m.b);
    if (size < least) { least = size; what = text.textContent.trim().slice(0, 20); }
    if (text.closest('.plot-step-numbers') && size < steps) steps = size;
  }
  return {size: least, what, steps};
};
for (const figure of document.querySelectorAll('article figure')) {
  const scroller = figure.querySelector('.figure-scroll');
  const svgs = Array.from(figure.querySelectorAll('.figure-art svg'));
  if (!scroller || !svgs.length || !svgs[0].viewBox.baseVal.width) continue;
  const name = figure.id, frame = scroller.getBoundingClientRect();
  if (frame.left < -1 || frame.right > width + 1) problems.push(name + ' runs past the window');
  const scrolls = scroller.scrollWidth > scroller.clientWidth + 1;
  let least = {size: Infinity, what: '', steps: Infinity};
  for (const svg of svgs) {
    const box = svg.getBoundingClientRect();
    if (box.left < frame.left - 1) problems.push(name + ': its left edge is cut off by ' + (frame.left - box.left).toFixed(0) + ' px');
    if (box.right - frame.left > scroller.scrollWidth + 1) problems.push(name + ': its right edge cannot be scrolled to');
    const found = smallest(svg);
    if (found.size < least.size) least = {...found, steps: Math.min(found.steps, least.steps)};
    else least.steps = Math.min(found.steps, least.steps);
  }
  const what = kind(svgs[0]);
  measured.push({figure: name, kind: what, size: least.size, steps: least.steps === Infinity ? null : least.steps,
                 scrolls, shown: svgs[0].getBoundingClientRect().width, own: svgs[0].viewBox.baseVal.width});
  if (least.size < floor - 0.05) problems.push(name + ' (' + what + '): text at ' + least.size.toFixed(1) + ' px (' + least.what + '), under ' + floor + ' px');
  // The way to see it at its own size, where the page shows it smaller.
  const button = figure.querySelector('button.figure-zoom');
  if (!button || button.hidden || button.getBoundingClientRect().height === 0) continue;
  button.click();
  const box = figure.getBoundingClientRect(), open = smallest(svgs[0]);
  if (!figure.classList.contains('zoomed') || button.getAttribute('aria-expanded') !== 'true' || figure.getAttribute('role') !== 'dialog') problems.push(name + ': its button does not open it');
  else if (Math.abs(box.left) > 1 || Math.abs(box.top) > 1 || Math.abs(box.width - width) > 1 || Math.abs(box.height - window.innerHeight) > 1) problems.push(name + ' opened does not fill the window: ' + [box.left, box.top, box.width, box.height].map(Math.round).join(' '));
  else if (open.size < least.size - 0.05) problems.push(name + ' opened full size: text at ' + open.size.toFixed(1) + ' px (' + open.what + '), smaller than in the page');
  else if (figure.scrollWidth < svgs[0].viewBox.baseVal.width) problems.push(name + ' opened full size does not scroll to its right edge');
  document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true}));
  if (figure.classList.contains('zoomed') || document.body.classList.contains('figure-open')) problems.push(name + ': Escape does not close it');
  else if (document.activeElement !== button) problems.push(name + ': closing it does not give the focus back to its button');
  else if (Math.abs(smallest(svgs[0]).size - least.size) > 0.05 && svgs.length === 1) problems.push(name + ': closed, it is not shown as before');
}
return JSON.stringify({problems, measured});
"""

# Runs in a page: display equations that scroll, copy buttons that overlap code, the height.
PHONE_READING = r"""
const scrolling = [];
const equations = document.querySelectorAll('article .math.display');
for (const el of equations) {
  if (el.scrollWidth > el.clientWidth + 1) {
    const box = Array.from(el.querySelectorAll('.math-wide, .math-narrow')).find((b) => getComputedStyle(b).display !== 'none') || el;
    const annotation = box.querySelector('annotation');
    scrolling.push({over: el.scrollWidth - el.clientWidth, tex: (annotation || box).textContent.trim()});
  }
}
const covered = [];
for (const block of document.querySelectorAll('article .code, article .output')) {
  const button = block.querySelector(':scope > button.copy, :scope > .code-bar > button.copy');
  const pre = block.querySelector(':scope > pre');
  if (!button || !pre) continue;
  const a = button.getBoundingClientRect(), b = pre.getBoundingClientRect();
  if (a.width > 0 && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) covered.push(pre.textContent.trim().slice(0, 40));
}
return JSON.stringify({scrolling, equations: equations.length, covered: covered.slice(0, 3), height: document.documentElement.scrollHeight});
"""

# Runs in a page at 390 px: whether the way back to the contents shows, and the lines of text
# in the window it covers: "partly", a line some of which shows beside the bar (a floating
# button over the text); "covered", any line under it at all.
CONTENTS_BAR = r"""
const bar = document.querySelector('.to-contents');
if (!bar || bar.hidden || getComputedStyle(bar).display === 'none') return JSON.stringify({shown: false, partly: [], covered: []});
const b = bar.getBoundingClientRect();
const partly = [], covered = [];
// A box narrower than the window over any text leaves the rest of that line showing beside it.
const floating = b.left > 1 || b.right < window.innerWidth - 1;
const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
const range = document.createRange();
// The part of a text box that can show: a block that scrolls sideways (a long code line on a
// phone) clips what runs past its edges, so that part cannot show beside the bar.
const visible = (element, r) => {
  let left = r.left, right = r.right;
  for (let at = element; at && at !== document.body; at = at.parentElement) {
    if (getComputedStyle(at).overflowX === 'visible') continue;
    const box = at.getBoundingClientRect();
    left = Math.max(left, box.left); right = Math.min(right, box.right);
  }
  return {left, right};
};
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  // Shown text only: not a closed answer's (a closed <details> still reports boxes), not MathML.
  if (!node.textContent.trim() || !node.parentElement.checkVisibility({visibilityProperty: true})
      || node.parentElement.closest('.katex-mathml, .tip, .visually-hidden')) continue;
  range.selectNodeContents(node);
  for (const r of range.getClientRects()) {
    if (r.width < 1 || r.height < 1 || r.bottom <= b.top || r.top >= b.bottom || r.right <= b.left || r.left >= b.right) continue;
    const text = node.textContent.trim().slice(0, 40);
    covered.push(text);
    const shows = visible(node.parentElement, r);
    if (shows.right - shows.left < 1) continue;
    if (floating || shows.left < b.left - 1 || shows.right > b.right + 1) partly.push(text);
  }
}
return JSON.stringify({shown: b.height > 0, partly: partly.slice(0, 3), covered: covered.slice(0, 3)});
"""


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        sys.exit(2)
    sys.exit(Check(Path(sys.argv[1]), Path(sys.argv[2])).run())
