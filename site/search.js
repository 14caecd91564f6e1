// Search: lunr.js (Debian's libjs-lunr 2.3.9, copied into the site as lunr.min.js) over an
// index built when the site was built (search-index.js: the sections and lunr's serialised
// index); both load the first time the box is used, as scripts, so it works from file://.
// Ranking is lunr's BM25 with the fields the build gave (see Sources/Site/LunrIndex.swift):
// the page's topic above a heading above the text, and a phrase typed (two words in a row)
// above the same words apart. Every word typed must occur in a section (the last one may be
// the start of a word, as it is being typed). Matches are marked in the results and, after
// following one, on the page itself (the words travel in ?highlight=).
// Keys: / focuses the box, ↓ and ↑ move through the results, Enter opens the first (or the
// one selected), Escape clears.
"use strict";

// The query's adjacent word pairs, made as the build makes the index's `pairs` field.
function searchPairs(words) {
  const out = [];
  for (let i = 0; i + 1 < words.length; i++) out.push(words[i] + "_" + words[i + 1]);
  return out;
}

// The ranked sections for `text`: [{doc, score}], best first.
function searchBook(lunr, index, docs, text) {
  // Words as lunr cuts the text it indexes; pairs as the build cuts them.
  const kept = lunr.tokenizer(text).map((token) => lunr.trimmer(token).toString())
    .filter((word) => word.length > 0 && lunr.stopWordFilter(new lunr.Token(word, {})));
  const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
  if (kept.length === 0) return [];
  const fields = ["topic", "heading", "text"];
  const results = index.query((query) => {
    kept.forEach((word, at) => {
      const stem = lunr.stemmer(new lunr.Token(word, {})).toString();
      if (at === kept.length - 1) {
        query.term(stem, { fields, usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING,
                           presence: lunr.Query.presence.REQUIRED, boost: 1 });
        query.term(word, { fields, boost: 2 });
      } else {
        query.term(word, { fields, presence: lunr.Query.presence.REQUIRED });
      }
    });
    for (const pair of searchPairs(words)) query.term(pair, { fields: ["pairs"] });
  });
  return results.map((result) => ({ doc: docs[Number(result.ref)], score: result.score }));
}

window.setUpSearch = function setUpSearch() {
  const input = document.getElementById("search");
  const list = document.getElementById("search-results");
  if (!input || !list) return;
  let ready = null;
  let loading = false;
  let failed = "";

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error(src));
      document.head.append(script);
    });
  }

  function load() {
    if (ready || loading || failed) return;
    loading = true;
    const lunrLoaded = window.lunr ? Promise.resolve() : loadScript(input.dataset.lunr || "lunr.min.js");
    const indexLoaded = window.bookSearchIndex ? Promise.resolve() : loadScript(input.dataset.index || "search-index.js");
    Promise.all([lunrLoaded, indexLoaded]).then(() => {
      loading = false;
      const data = window.bookSearchIndex;
      if (!data || !data.index || !window.lunr) {
        failed = "the search is off in this build: install libjs-lunr and nodejs, and build again";
      } else {
        ready = { index: window.lunr.Index.load(data.index), docs: data.docs };
      }
      show();
    }, () => {
      loading = false;
      failed = "the search index did not load";
      show();
    });
  }

  function note(text) {
    const li = document.createElement("li");
    li.className = "none";
    li.textContent = text;
    return li;
  }

  function snippet(text, words) {
    const lower = text.toLowerCase();
    const at = words.map((word) => lower.indexOf(word)).filter((i) => i >= 0).sort((a, b) => a - b)[0];
    if (at === undefined) return text.slice(0, 120) + (text.length > 120 ? "…" : "");
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
    if (failed) {
      list.append(note(failed));
      return;
    }
    if (!ready) {
      list.append(note("loading…"));
      return;
    }
    const found = searchBook(window.lunr, ready.index, ready.docs, input.value);
    const query = encodeURIComponent(typed.join(" "));
    for (const { doc } of found.slice(0, 20)) {
      const li = document.createElement("li");
      const link = document.createElement("a");
      link.href = doc.page + "?highlight=" + query + (doc.id ? "#" + doc.id : "");
      const where = document.createElement("strong");
      mark(where, doc.heading && doc.heading !== doc.title ? doc.title + " › " + doc.heading : doc.title, typed);
      const text = document.createElement("span");
      mark(text, snippet(doc.text, typed), typed);
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
