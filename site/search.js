// Search: the index (search-index.js, plain text per section) loads the first time the
// box is used. Every word typed must occur in a section; a match in a heading ranks above
// one in the page title, above one in the text. Matches are marked in the results and,
// after following one, on the page itself (the words travel in ?highlight=).
// Keys: / focuses the box, ↓ and ↑ move through the results, Enter opens the first (or
// the one selected), Escape clears.
"use strict";

window.setUpSearch = function setUpSearch() {
  const input = document.getElementById("search");
  const list = document.getElementById("search-results");
  if (!input || !list) return;
  let entries = null;
  let loading = false;

  function load() {
    if (entries || loading) return;
    if (window.bookSearchIndex) return prepare();
    loading = true;
    const script = document.createElement("script");
    script.src = input.dataset.index || "search-index.js";
    script.onload = () => { loading = false; prepare(); show(); };
    script.onerror = () => { loading = false; list.hidden = false; list.replaceChildren(note("the search index did not load")); };
    document.head.append(script);
  }

  function prepare() {
    entries = (window.bookSearchIndex || []).map((entry) => ({
      entry,
      heading: entry.heading.toLowerCase(),
      title: entry.title.toLowerCase(),
      text: entry.text.toLowerCase(),
    }));
  }

  function note(text) {
    const li = document.createElement("li");
    li.className = "none";
    li.textContent = text;
    return li;
  }

  function snippet(text, word) {
    const at = text.toLowerCase().indexOf(word);
    if (at < 0) return text.slice(0, 120) + (text.length > 120 ? "…" : "");
    const start = Math.max(0, at - 50);
    const end = Math.min(text.length, at + 70);
    return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
  }

  function words() {
    return input.value.toLowerCase().split(/\s+/).filter((w) => w.length > 0);
  }

  function show() {
    const typed = words();
    list.replaceChildren();
    if (typed.length === 0) {
      list.hidden = true;
      return;
    }
    list.hidden = false;
    if (!entries) {
      list.append(note("loading…"));
      return;
    }
    const found = [];
    for (const item of entries) {
      let score = 0;
      let all = true;
      for (const word of typed) {
        if (item.heading.includes(word)) score += 3;
        else if (item.title.includes(word)) score += 2;
        else if (item.text.includes(word)) score += 1;
        else { all = false; break; }
      }
      if (all) found.push({ item, score });
    }
    found.sort((a, b) => b.score - a.score);
    const query = encodeURIComponent(typed.join(" "));
    for (const { item } of found.slice(0, 20)) {
      const entry = item.entry;
      const li = document.createElement("li");
      const link = document.createElement("a");
      link.href = entry.page + "?highlight=" + query + (entry.id ? "#" + entry.id : "");
      const where = document.createElement("strong");
      mark(where, entry.heading && entry.heading !== entry.title ? entry.title + " › " + entry.heading : entry.title, typed);
      const text = document.createElement("span");
      mark(text, snippet(entry.text, typed[0]), typed);
      link.append(where, text);
      li.append(link);
      list.append(li);
    }
    if (found.length === 0) list.append(note("nothing found"));
  }

  function results() {
    return Array.from(list.querySelectorAll("a"));
  }

  function select(link) {
    for (const other of results()) other.removeAttribute("aria-selected");
    if (link) {
      link.setAttribute("aria-selected", "true");
      link.focus();
    }
  }

  input.addEventListener("focus", load);
  input.addEventListener("input", () => { load(); show(); });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      input.value = "";
      show();
    } else if (event.key === "Enter") {
      const first = results()[0];
      if (first) {
        event.preventDefault();
        window.location.href = first.href;
      }
    } else if (event.key === "ArrowDown") {
      const first = results()[0];
      if (first) {
        event.preventDefault();
        select(first);
      }
    }
  });
  list.addEventListener("keydown", (event) => {
    const links = results();
    const at = links.indexOf(document.activeElement);
    if (at < 0) return;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      select(links[Math.min(at + 1, links.length - 1)]);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      if (at === 0) { select(null); input.focus(); } else select(links[at - 1]);
    } else if (event.key === "Escape") {
      select(null);
      input.focus();
    }
  });

  highlightOnPage();
};

// Puts `text` into `element` with every occurrence of the words in <mark>.
function mark(element, text, words) {
  const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "gi");
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) element.append(text.slice(last, match.index));
    const hit = document.createElement("mark");
    hit.textContent = match[0];
    element.append(hit);
    last = match.index + match[0].length;
  }
  if (last < text.length) element.append(text.slice(last));
}

// After a search result was followed: its words marked in the text (not inside math or
// the navigation), and the first mark from the target section on scrolled into view.
function highlightOnPage() {
  const query = new URLSearchParams(window.location.search).get("highlight");
  const article = document.querySelector("article");
  if (!query || !article) return;
  const words = query.toLowerCase().split(/\s+/).filter((w) => w.length > 1);
  if (words.length === 0) return;
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => node.parentElement.closest(".katex, script, style, .tip, mark")
      ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const nodes = [];
  while (walker.nextNode()) {
    const text = walker.currentNode.nodeValue.toLowerCase();
    if (words.some((w) => text.includes(w))) nodes.push(walker.currentNode);
  }
  for (const node of nodes) {
    const holder = document.createElement("span");
    mark(holder, node.nodeValue, words);
    node.replaceWith(...holder.childNodes);
  }
  const target = window.location.hash ? document.getElementById(decodeURIComponent(window.location.hash.slice(1))) : null;
  const marks = Array.from(article.querySelectorAll("mark"));
  const first = target
    ? marks.find((m) => target.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING) || marks[0]
    : marks[0];
  if (first && !target) first.scrollIntoView({ block: "center" });
}
