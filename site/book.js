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

// Copy buttons on every code and output block.
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
      const text = pre.textContent.replace(/\n$/, "");
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
    block.append(button);
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
// checked number's tooltip. None of them act while typing or in a block that scrolls.
function setUpKeys() {
  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const active = document.activeElement;
    const typing = active && (active.matches("input, textarea, select") || active.isContentEditable);
    if (event.key === "Escape") {
      for (const chip of document.querySelectorAll(".checked:hover, .checked:focus")) chip.classList.add("tip-dismissed");
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
    if (active && active.closest(".scrolls, .search-results")) return;
    const link = document.querySelector(event.key === "ArrowLeft" ? "link[rel=prev]" : "link[rel=next]");
    if (link) window.location.href = link.href;
  });
  for (const chip of document.querySelectorAll(".checked")) {
    const show = () => chip.classList.remove("tip-dismissed");
    chip.addEventListener("blur", show);
    chip.addEventListener("mouseleave", show);
  }
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

// On a narrow screen the chapter list starts folded, so the text comes first.
function foldMenu() {
  const menu = document.querySelector("details.menu");
  const narrow = window.matchMedia("(max-width: 60rem)");
  if (!menu) return;
  if (narrow.matches) menu.removeAttribute("open");
  // Wide screens hide the fold's summary, so the list must be open there.
  narrow.addEventListener("change", () => { if (!narrow.matches) menu.setAttribute("open", ""); });
}

document.addEventListener("DOMContentLoaded", () => {
  foldMenu();
  setUpThemeSwitch();
  setUpCopyButtons();
  setUpFrameSliders();
  markScrollingBlocks();
  window.addEventListener("resize", markScrollingBlocks);
  // Fonts change widths: look again once they are in.
  if (document.fonts) document.fonts.ready.then(markScrollingBlocks);
  trackCurrentSection();
  setUpKeys();
  setUpPrinting();
  if (window.setUpSearch) window.setUpSearch();
});
