// The site's only script: typesets math with KaTeX (copied into katex/ at build time) and
// searches the book with the index in search-index.js. Works from file:// (no fetch).
"use strict";

// Math: every .math element holds TeX as text; KaTeX replaces it with typeset math.
// Without KaTeX the TeX stays readable and the element is marked so it can be styled.
function typesetMath() {
  const elements = document.querySelectorAll(".math");
  for (const element of elements) {
    if (!window.katex) {
      element.classList.add("math-untypeset");
      continue;
    }
    const tex = element.textContent;
    window.katex.render(tex, element, {
      displayMode: element.classList.contains("display"),
      throwOnError: false,
      output: "htmlAndMathml",
    });
    element.setAttribute("data-tex", tex);
  }
}

// Search: every word typed must occur in a section's heading, page title or text.
// A match in a heading ranks above a match in the page title, above one in the text.
function setUpSearch() {
  const input = document.getElementById("search");
  const list = document.getElementById("search-results");
  const index = window.bookSearchIndex || [];
  if (!input || !list) return;
  const entries = index.map((entry) => ({
    entry,
    heading: entry.heading.toLowerCase(),
    title: entry.title.toLowerCase(),
    text: entry.text.toLowerCase(),
  }));

  function snippet(text, word) {
    const at = text.toLowerCase().indexOf(word);
    if (at < 0) return text.slice(0, 120) + (text.length > 120 ? "…" : "");
    const start = Math.max(0, at - 50);
    const end = Math.min(text.length, at + 70);
    return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
  }

  function show() {
    const words = input.value.toLowerCase().split(/\s+/).filter((w) => w.length > 0);
    list.replaceChildren();
    if (words.length === 0) {
      list.hidden = true;
      return;
    }
    const found = [];
    for (const item of entries) {
      let score = 0;
      let all = true;
      for (const word of words) {
        if (item.heading.includes(word)) score += 3;
        else if (item.title.includes(word)) score += 2;
        else if (item.text.includes(word)) score += 1;
        else { all = false; break; }
      }
      if (all) found.push({ item, score });
    }
    found.sort((a, b) => b.score - a.score);
    for (const { item } of found.slice(0, 20)) {
      const entry = item.entry;
      const li = document.createElement("li");
      const link = document.createElement("a");
      link.href = entry.page + (entry.id ? "#" + entry.id : "");
      const where = document.createElement("strong");
      where.textContent = entry.heading && entry.heading !== entry.title ? entry.title + " › " + entry.heading : entry.title;
      const text = document.createElement("span");
      text.textContent = snippet(entry.text, words[0]);
      link.append(where, text);
      li.append(link);
      list.append(li);
    }
    if (found.length === 0) {
      const li = document.createElement("li");
      li.className = "none";
      li.textContent = "nothing found";
      list.append(li);
    }
    list.hidden = false;
  }

  input.addEventListener("input", show);
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      input.value = "";
      show();
    }
  });
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
  typesetMath();
  setUpSearch();
});
