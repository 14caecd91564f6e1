// The site's script: reading aids (theme switch, copy buttons, the current section in the
// contents, arrow keys, tooltips, scroll cues) and search. Math is typeset at build time,
// so nothing here touches it. Works from file:// (no fetch: the search index is a script).
"use strict";

// Theme: light, dark, or the system's; remembered. The page's head applies the stored
// choice before the first paint; this only wires up the switch.
function setUpThemeSwitch() {
  const box = document.querySelector(".theme");
  const select = document.getElementById("theme");
  if (!box || !select) return;
  let stored = "system";
  try { stored = localStorage.getItem("book-theme") || "system"; } catch (error) { /* storage off */ }
  select.value = ["light", "dark"].includes(stored) ? stored : "system";
  box.hidden = false;
  select.addEventListener("change", () => {
    const value = select.value;
    if (value === "system") delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = value;
    try {
      if (value === "system") localStorage.removeItem("book-theme");
      else localStorage.setItem("book-theme", value);
    } catch (error) { /* storage off: the choice lasts for this page */ }
  });
}

// Copy buttons on every code and output block. A code block's button sits in a bar above
// the code (with its note and, for folded lines, their switch), so it never covers a line,
// on a phone either; an output's sits in its label row. The copy is the whole block: folded
// lines included, as they run.
function setUpCopyButtons() {
  for (const block of document.querySelectorAll("article .code, article .output")) {
    const pre = block.querySelector(":scope > pre");
    if (!pre) continue;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "copy";
    button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy " + (pre.dataset.label || "code"));
    button.addEventListener("click", async () => {
      // The code as written: without the tooltips of names linked to the reference.
      const copy = pre.cloneNode(true);
      for (const tip of copy.querySelectorAll(".tip")) tip.remove();
      const text = copy.textContent.replace(/\n$/, "");
      let copied = false;
      try {
        await navigator.clipboard.writeText(text);
        copied = true;
      } catch (error) {
        const area = document.createElement("textarea");
        area.value = text;
        area.setAttribute("readonly", "");
        area.style.position = "fixed";
        area.style.opacity = "0";
        document.body.append(area);
        area.select();
        try { copied = document.execCommand("copy"); } catch (ignored) { copied = false; }
        area.remove();
      }
      button.textContent = copied ? "Copied" : "Press Ctrl+C";
      setTimeout(() => { button.textContent = "Copy"; }, 1500);
    });
    if (block.classList.contains("code")) codeBar(block, pre).append(button);
    else block.append(button);
  }
}

// The bar above a code block: its note (if any) on the left, controls on the right.
function codeBar(block, pre) {
  let bar = block.querySelector(":scope > .code-bar");
  if (bar) return bar;
  bar = document.createElement("div");
  bar.className = "code-bar";
  const note = block.querySelector(":scope > .code-note");
  if (note) bar.append(note);
  block.insertBefore(bar, pre);
  return bar;
}

// Hidden lines: a code block with folded lines (data-hidden-lines) hides them behind a
// button in its bar, "Show N hidden lines", which shows them and turns into "Hide …". They
// still run, print and copy; without this script they simply show.
function setUpHiddenLines() {
  let count = 0;
  for (const block of document.querySelectorAll("article .code[data-hidden-lines]")) {
    const pre = block.querySelector(":scope > pre");
    const hidden = Number(block.dataset.hiddenLines);
    if (!pre || !hidden) continue;
    count += 1;
    pre.id = pre.id || "hidden-lines-" + count;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "show-hidden";
    button.setAttribute("aria-controls", pre.id);
    const lines = hidden === 1 ? "1 hidden line" : hidden + " hidden lines";
    const update = () => {
      const shown = block.classList.contains("hidden-shown");
      button.textContent = (shown ? "Hide " : "Show ") + lines;
      button.setAttribute("aria-expanded", String(shown));
    };
    button.addEventListener("click", () => {
      block.classList.toggle("hidden-shown");
      update();
      markScrollingBlocks();
    });
    block.classList.add("folds-live");
    update();
    const bar = codeBar(block, pre);
    bar.insertBefore(button, bar.querySelector(".copy"));
  }
  // A link to a folded line (a reference page's "Used in", `#L42`) unfolds its block first.
  const reveal = () => {
    const target = location.hash.length > 1 && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    const block = target && target.classList.contains("folded") && target.closest(".folds-live:not(.hidden-shown)");
    if (!block) return;
    block.querySelector(".show-hidden").click();
    target.scrollIntoView({ block: "center" });
  };
  reveal();
  window.addEventListener("hashchange", reveal);
}

// Display equations on a narrow screen: a formula may carry two layouts, as written
// (.math-wide) and stacked after each relation (.math-narrow). The first that fits the
// column is shown; when neither fits, the one that needs the least shrinking is scaled down
// to fit, but never below 70% (KaTeX's 1.21em at 70% is about the size of the body text):
// past that it scrolls, with its cue. Without this script the style sheet shows the stacked
// layout on a phone and the written one elsewhere.
const SMALLEST_EQUATION = 0.7;
function fitEquations() {
  // Reads and writes in batches (two layouts for the whole page, not two per formula), so a
  // page with thousands of formulas, like print.html, stays quick.
  const items = Array.from(document.querySelectorAll("article .math.display")).map((equation) => {
    const wide = equation.querySelector(":scope > .math-wide");
    const narrow = equation.querySelector(":scope > .math-narrow");
    return { equation, wide, narrow, box: wide || equation };
  });
  const show = (item, box) => {
    item.box = box;
    if (item.wide) {
      item.wide.style.display = box === item.wide ? "block" : "none";
      item.narrow.style.display = box === item.narrow ? "block" : "none";
    }
  };
  // The room a box has and the width its formula needs; the equation's own padding (0.3rem
  // a side) and two pixels some layouts draw past their edge are not room.
  const scale = (item) => {
    const own = item.box === item.equation;
    const room = (own ? item.equation.clientWidth - 10 : item.box.clientWidth) - 2;
    const needed = own ? item.equation.scrollWidth - 10 : item.box.scrollWidth;
    return needed > room + 1 ? room / needed : 1;
  };
  for (const item of items) {
    for (const box of [item.equation, item.wide, item.narrow]) if (box) box.style.fontSize = "";
    show(item, item.wide || item.equation);
  }
  for (const item of items) item.wideScale = scale(item);
  const tight = items.filter((item) => item.wideScale < 1 && item.narrow);
  for (const item of tight) show(item, item.narrow);
  for (const item of tight) item.narrowScale = scale(item);
  for (const item of items) {
    if (item.narrow && item.wideScale < 1 && item.wideScale > item.narrowScale) show(item, item.wide);
    const best = item.box === item.narrow ? item.narrowScale : item.wideScale;
    if (best < 1) item.box.style.fontSize = Math.max(SMALLEST_EQUATION, Math.floor(best * 100) / 100) * 100 + "%";
  }
}

// A block wider than its box scrolls sideways: it gets a shadow at the edge, and it can be
// focused (so the keyboard can scroll it) and is named for screen readers. Blocks that fit
// are left alone, so the Tab key does not stop at them.
function markScrollingBlocks() {
  for (const element of document.querySelectorAll("article pre, article .math.display, article .table, article .figure-scroll")) {
    const scrolls = element.scrollWidth > element.clientWidth + 1;
    element.classList.toggle("scrolls", scrolls);
    if (scrolls) {
      element.tabIndex = 0;
      element.setAttribute("role", "region");
      element.setAttribute("aria-label", (element.dataset.label || "block") + ", scrolls sideways");
    } else if (element.classList.contains("was-scrolling") || element.hasAttribute("role")) {
      element.removeAttribute("tabindex");
      element.removeAttribute("role");
      element.removeAttribute("aria-label");
    }
  }
}

// The contents of this page (in the sidebar): the section being read is marked.
function trackCurrentSection() {
  const links = new Map();
  for (const link of document.querySelectorAll(".toc a")) links.set(decodeURIComponent(link.hash.slice(1)), link);
  const headings = Array.from(document.querySelectorAll("article h2[id], article h3[id]")).filter((h) => links.has(h.id));
  if (headings.length === 0) return;
  let current = null;
  function update() {
    let active = headings[0];
    for (const heading of headings) {
      if (heading.getBoundingClientRect().top <= window.innerHeight * 0.3) active = heading;
      else break;
    }
    // At the very end the last sections may be too short to reach the top: the last one
    // on screen is the one being read.
    const root = document.documentElement;
    if (window.scrollY > 0 && window.innerHeight + window.scrollY >= root.scrollHeight - 2) {
      for (const heading of headings) if (heading.getBoundingClientRect().top < window.innerHeight) active = heading;
    }
    const link = links.get(active.id);
    if (link === current) return;
    if (current) current.removeAttribute("aria-current");
    link.setAttribute("aria-current", "location");
    current = link;
  }
  let pending = false;
  window.addEventListener("scroll", () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; update(); });
  }, { passive: true });
  update();
}

// Keys: ← and → open the previous and next page, / goes to the search box, Escape hides a
// tooltip. The arrows turn the page only when focus is on the page itself (the body, the
// text): never in a control, a link, a block that scrolls, a slider or the search, and not
// while the reader's caret or selection is in code, output, math, a table or a figure.
function turnsPage(active) {
  const page = !active || active === document.body || active === document.documentElement
    || active.matches("main, article, .print-chapter");
  if (!page) return false;
  const selection = window.getSelection ? window.getSelection() : null;
  const node = selection && selection.rangeCount ? selection.anchorNode : null;
  const element = node && (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement);
  return !(element && element.closest("pre, .code, .output, .math, .table, figure, input, textarea, select, .search"));
}

function setUpKeys() {
  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const active = document.activeElement;
    const typing = active && (active.matches("input, textarea, select") || active.isContentEditable);
    if (event.key === "Escape") {
      for (const chip of document.querySelectorAll(".checked:hover, .checked:focus, .symbol:hover, .symbol:focus, .api:hover, .api:focus")) chip.classList.add("tip-dismissed");
      return;
    }
    if (typing) return;
    if (event.key === "/") {
      const input = document.getElementById("search");
      if (input) {
        event.preventDefault();
        input.focus();
      }
      return;
    }
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    if (!turnsPage(active)) return;
    const link = document.querySelector(event.key === "ArrowLeft" ? "link[rel=prev]" : "link[rel=next]");
    if (link) window.location.href = link.href;
  });
  for (const chip of document.querySelectorAll(".checked, .symbol, .api")) {
    const show = () => chip.classList.remove("tip-dismissed");
    chip.addEventListener("blur", show);
    chip.addEventListener("mouseleave", show);
  }
  for (const name of document.querySelectorAll(".api")) {
    const place = () => placeTip(name);
    name.addEventListener("mouseenter", place);
    name.addEventListener("focus", place);
  }
}

// A linked name's tooltip is fixed to the window, so the code block (which scrolls sideways)
// cannot clip it: below the name, or above when the window has no room below.
function placeTip(name) {
  const tip = name.querySelector(":scope > .tip");
  if (!tip) return;
  const box = name.getBoundingClientRect();
  tip.style.left = Math.max(4, Math.min(box.left, window.innerWidth - Math.min(tip.offsetWidth || 320, window.innerWidth - 8) - 4)) + "px";
  tip.style.top = (box.bottom + 4) + "px";
  tip.style.bottom = "auto";
  requestAnimationFrame(() => {
    const height = tip.offsetHeight;
    if (box.bottom + 4 + height > window.innerHeight && box.top - 4 - height > 0) tip.style.top = (box.top - 4 - height) + "px";
    const width = tip.offsetWidth;
    if (box.left + width > window.innerWidth - 4) tip.style.left = Math.max(4, window.innerWidth - 4 - width) + "px";
  });
}

// Printing: answers folded in <details> print open; the print page opens them at once.
function setUpPrinting() {
  const closed = [];
  const openAll = () => {
    for (const details of document.querySelectorAll("details:not([open])")) {
      closed.push(details);
      details.open = true;
    }
  };
  if (document.body.classList.contains("print-book")) openAll();
  window.addEventListener("beforeprint", openAll);
  window.addEventListener("afterprint", () => {
    for (const details of closed.splice(0)) details.open = false;
  });
}

// Figures in frames: every frame is in the page (stacked, each labelled, when this script
// does not run); here they share one place and a range input picks the one shown. The input
// is native, so arrows, Page Up/Down, Home and End move it; nothing animates.
function setUpFrameSliders() {
  for (const figure of document.querySelectorAll("figure.frames")) {
    const frames = Array.from(figure.querySelectorAll(".frame"));
    const control = figure.querySelector(".frames-control");
    const input = control && control.querySelector("input[type=range]");
    const output = control && control.querySelector("output");
    if (!input || !output || frames.length === 0) continue;
    const show = () => {
      const current = Math.min(frames.length - 1, Math.max(0, Number(input.value) || 0));
      frames.forEach((frame, index) => frame.classList.toggle("current", index === current));
      const label = frames[current].dataset.label || String(current + 1);
      input.setAttribute("aria-valuetext", label);
      output.textContent = label;
    };
    input.addEventListener("input", show);
    input.addEventListener("change", show);
    figure.classList.add("frames-live");
    control.hidden = false;
    show();  // a restored page may keep the input's last value
  }
}

// Answer boxes: the reader types a number and hears whether it is right, before opening the
// worked answer. The rule is the checker's: a number typed with k decimals is right within
// half a unit of its last digit (0.0800 accepts 0.07995 to 0.08005; 5 accepts 4.5 to 5.5),
// or within the check's own tolerance; "close" is within two of those units or 2% of the
// answer; anything else is "not yet". The answer a box holds is the value the code computed.
function judgeAnswer(typed, answer, tolerance) {
  const text = typed.trim().replace(/\u2212/g, "-").replace(/\s+/g, "");
  const parts = /^[-+]?(\d*)(?:\.(\d*))?(?:[eE]([-+]?\d+))?$/.exec(text);
  if (!parts || !/\d/.test(parts[1] + (parts[2] || ""))) return { verdict: "unreadable" };
  const value = Number(text);
  const decimals = (parts[2] || "").length - (parts[3] ? Number(parts[3]) : 0);
  const half = 0.5 * Math.pow(10, -decimals);
  let allowed = half;
  if (tolerance) {
    const percent = /%$/.test(tolerance);
    const amount = Number(tolerance.replace(/%$/, ""));
    if (Number.isFinite(amount)) allowed = Math.max(allowed, percent ? Math.abs(answer) * amount / 100 : amount);
  }
  const distance = Math.abs(value - answer);
  const slack = 1e-9 * Math.max(1, Math.abs(answer));
  // A number with no digit but zeros is not an answer to a question whose answer is not zero.
  const empty = value === 0 && Math.abs(answer) >= half;
  if (!empty && distance <= allowed + slack) return { verdict: "right", decimals: Math.max(0, decimals) };
  if (!empty && (distance <= 2 * allowed + slack || distance <= 0.02 * Math.abs(answer))) return { verdict: "close" };
  return { verdict: "not yet" };
}

function setUpAnswerBoxes() {
  for (const form of document.querySelectorAll("form.answer-box")) {
    const input = form.querySelector("input");
    const verdict = form.querySelector(".answer-verdict");
    const answer = Number(form.dataset.answer);
    const places = Number(form.dataset.places || "0");
    if (!input || !verdict || !Number.isFinite(answer)) continue;
    form.hidden = false;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const result = judgeAnswer(input.value, answer, form.dataset.tolerance || "");
      form.dataset.verdict = result.verdict;
      if (result.verdict === "unreadable") {
        verdict.textContent = "Type a number, such as 0.25, -1.5 or 3e-4.";
      } else if (result.verdict === "right") {
        const fewer = result.decimals < places ? " The worked answer below gives " + places + " decimals." : "";
        verdict.textContent = "Right: " + input.value.trim() + " agrees with the checked answer to the digits you typed." + fewer;
      } else if (result.verdict === "close") {
        verdict.textContent = "Close, but not within half a unit of your last digit: look at your rounding or your last step.";
      } else {
        verdict.textContent = "Not yet: " + input.value.trim() + " is not the answer. Try again, or open the answer below.";
      }
    });
    input.addEventListener("input", () => { delete form.dataset.verdict; verdict.textContent = ""; });
  }
}

// On a narrow screen the chapter list starts folded, so the text comes first.
function foldMenu() {
  const menu = document.querySelector("details.menu");
  const narrow = window.matchMedia("(max-width: 60rem)");
  if (!menu) return;
  if (narrow.matches) menu.removeAttribute("open");
  // Wide screens hide the fold's summary, so the list must be open there.
  narrow.addEventListener("change", () => { if (!narrow.matches) menu.setAttribute("open", ""); });
}

// A long page read on a narrow screen (where the contents sit above the text, not beside
// it) gets a way back to the chapter list and its sections, opened, with focus on it: a bar
// across the bottom of the window, holding a "Contents" link. It never covers part of a line:
// it spans the window and is opaque, so the text ends at its edge as at the window's; it
// shows only when the reader scrolls up (looking for something) or reaches the end of the
// page, where the page leaves room for it, and hides again as they scroll down to read on.
function setUpBackToContents() {
  const menu = document.querySelector("details.menu");
  const sidebar = document.querySelector(".sidebar");
  if (!menu || !sidebar) return;
  sidebar.id = sidebar.id || "contents";
  const bar = document.createElement("div");
  bar.className = "to-contents";
  const link = document.createElement("a");
  link.href = "#" + sidebar.id;
  link.textContent = "\u2191 Contents";
  bar.append(link);
  bar.hidden = true;
  link.addEventListener("click", (event) => {
    event.preventDefault();
    menu.open = true;
    window.scrollTo(0, 0);
    const target = menu.querySelector("summary");
    if (target) target.focus({ preventScroll: true });
  });
  document.body.append(bar);
  const narrow = window.matchMedia("(max-width: 60rem)");
  let pending = false;
  let lastY = window.scrollY;
  let upward = false;
  const update = () => {
    pending = false;
    const y = window.scrollY;
    // A few pixels either way (a bounce, a finger resting) do not count as a direction.
    if (Math.abs(y - lastY) > 16) { upward = y < lastY; lastY = y; }
    const away = y > window.innerHeight * 1.5;
    const atEnd = y + window.innerHeight >= document.documentElement.scrollHeight - 4;
    bar.hidden = !(narrow.matches && away && (upward || atEnd));
  };
  window.addEventListener("scroll", () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(update);
  }, { passive: true });
  narrow.addEventListener("change", update);
  update();
}

document.addEventListener("DOMContentLoaded", () => {
  foldMenu();
  setUpBackToContents();
  setUpThemeSwitch();
  setUpCopyButtons();
  setUpHiddenLines();
  setUpFrameSliders();
  setUpAnswerBoxes();
  const layOut = () => { fitEquations(); markScrollingBlocks(); };
  layOut();
  let resizing = null;
  window.addEventListener("resize", () => { clearTimeout(resizing); resizing = setTimeout(layOut, 100); });
  // Fonts change widths: look again once they are in.
  if (document.fonts) document.fonts.ready.then(layOut);
  trackCurrentSection();
  setUpKeys();
  setUpPrinting();
  if (window.setUpSearch) window.setUpSearch();
});
