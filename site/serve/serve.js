// Loaded only by pages that `book serve` serves (never by `book build`'s): every shown Swift
// block becomes an editor with Run (also Ctrl-Enter / Cmd-Enter) and Reset. Run sends the
// page's edited blocks up to this one to the server, which compiles and runs them with the
// engine of `book check`; the answer is shown in place: the new output, with every number
// that differs from the book's marked `old → new`, the redrawn figures, the checked numbers
// that changed, and compile errors at their line. Edits are kept in localStorage, keyed by
// the page and the block's original text. The page reloads when its chapter is saved.
"use strict";
(function () {
  const meta = document.querySelector('meta[name="book-serve-token"]');
  if (!meta) return;
  const token = meta.content;
  const page = decodeURIComponent(location.pathname.split("/").pop() || "index.html");
  // The address book serve printed carries the token; it is not needed once the page is here.
  if (location.search.indexOf("token=") >= 0) history.replaceState(null, "", location.pathname + location.hash);

  function fnv(text) {
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
    return hash.toString(16);
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  const blocks = Array.from(document.querySelectorAll("article div.code.swift")).map(setUp);

  /// One shown block: its editor, its buttons, and what the page showed before any run.
  function setUp(container, shown) {
    const pre = container.querySelector("pre");
    // The code as written: without the tooltips of names linked to the reference.
    const written = pre.cloneNode(true);
    for (const tip of written.querySelectorAll(".tip")) tip.remove();
    const original = written.textContent;
    const key = "book-edit:" + page + ":" + fnv(original);
    let saved = null;
    try { saved = localStorage.getItem(key); } catch (e) { saved = null; }
    const block = { container, shown, original, key, output: null, outputHTML: null, figures: [], extra: [], running: null };
    let next = container.nextElementSibling;
    if (next && next.classList.contains("output")) {
      block.output = next;
      block.outputHTML = next.innerHTML;
      next = next.nextElementSibling;
    }
    while (next && next.tagName === "FIGURE") { block.figures.push(next); next = next.nextElementSibling; }
    block.bookFigures = block.figures.slice();

    const bar = element("div", "serve-bar");
    const run = element("button", "serve-run", "Run");
    run.type = "button";
    run.title = "Run this block and the ones before it (Ctrl-Enter)";
    const reset = element("button", "serve-reset", "Reset");
    reset.type = "button";
    reset.title = "Put back the book's code and output";
    const badge = element("span", "serve-edited", "edited");
    const status = element("span", "serve-status");
    status.setAttribute("role", "status");
    bar.append(run, reset, badge, status);
    block.status = status;
    block.badge = badge;
    const text = saved !== null ? saved : original;
    if (window.CodeMirror) {
      block.editor = window.CodeMirror(function (node) { pre.replaceWith(node); }, {
        value: text.replace(/\n$/, ""), mode: "swift", lineNumbers: true, viewportMargin: Infinity, indentUnit: 4,
        extraKeys: { "Ctrl-Enter": function () { runBlock(block); }, "Cmd-Enter": function () { runBlock(block); } },
      });
      block.editor.getWrapperElement().setAttribute("aria-label", "Swift code, editable");
      block.editor.on("change", function () { edited(block); });
      block.get = function () { return block.editor.getValue() + "\n"; };
      block.set = function (value) { block.editor.setValue(value.replace(/\n$/, "")); };
    } else {
      const area = element("textarea", "serve-editor");
      area.value = text;
      area.spellcheck = false;
      area.rows = Math.max(2, text.split("\n").length);
      area.setAttribute("aria-label", "Swift code, editable");
      area.addEventListener("input", function () { edited(block); });
      area.addEventListener("keydown", function (event) {
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); runBlock(block); }
      });
      pre.replaceWith(area);
      block.area = area;
      block.get = function () { return area.value.endsWith("\n") ? area.value : area.value + "\n"; };
      block.set = function (value) { area.value = value; };
    }
    container.classList.add("serve-block");
    container.append(bar);
    block.messages = element("div", "serve-messages");
    container.append(block.messages);
    run.addEventListener("click", function () { runBlock(block); });
    reset.addEventListener("click", function () { resetBlock(block); });
    badge.hidden = saved === null || saved === original;
    return block;
  }

  function edited(block) {
    const text = block.get();
    const changed = text !== block.original;
    block.badge.hidden = !changed;
    try {
      if (changed) localStorage.setItem(block.key, text); else localStorage.removeItem(block.key);
    } catch (e) { /* storage full or refused: the edit stays on the page */ }
  }

  function clearMarks(block) {
    block.messages.textContent = "";
    if (block.editor) {
      for (const widget of block.widgets || []) widget.clear();
      for (const line of block.marked || []) block.editor.removeLineClass(line, "background", "serve-error-line");
    }
    block.widgets = [];
    block.marked = [];
  }

  function resetBlock(block) {
    if (block.running) block.running.abort();
    block.set(block.original);
    edited(block);
    clearMarks(block);
    clearProse();
    block.status.textContent = "";
    restore(block);
  }

  /// Puts back the book's output and figures under a block.
  function restore(block) {
    if (block.output && block.outputHTML !== null) {
      block.output.innerHTML = block.outputHTML;
      block.output.classList.remove("serve-new-output");
    }
    for (const node of block.extra) node.remove();
    block.extra = [];
    for (const figure of block.figures) if (!block.bookFigures.includes(figure)) figure.remove();
    let anchor = block.output || block.container;
    for (const figure of block.bookFigures) { anchor.after(figure); anchor = figure; }
    block.figures = block.bookFigures.slice();
  }

  function runBlock(target) {
    if (target.running) target.running.abort();
    const edits = {};
    for (const block of blocks) {
      if (block.shown > target.shown) break;
      const text = block.get();
      if (text !== block.original) edits[String(block.shown)] = text;
    }
    const controller = new AbortController();
    target.running = controller;
    target.status.textContent = "running…";
    target.container.classList.add("serve-running");
    fetch("api/run", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Book-Token": token },
      body: JSON.stringify({ page: page, block: target.shown, edits: edits }),
      signal: controller.signal,
    }).then(function (response) {
      if (!response.ok) return response.text().then(function (text) { throw new Error(response.status + ": " + text.trim()); });
      return response.json();
    }).then(function (reply) {
      show(target, reply);
    }).catch(function (error) {
      if (error.name === "AbortError") return;
      target.status.textContent = "";
      target.messages.append(element("p", "serve-problem", "The server did not run it: " + error.message));
    }).finally(function () {
      if (target.running === controller) {
        target.running = null;
        target.container.classList.remove("serve-running");
      }
    });
  }

  /// Shows a reply: every block's output and figures, the problems, the changed checks.
  function show(target, reply) {
    for (const block of blocks) if (block.shown <= target.shown) clearMarks(block);
    const seconds = reply.cached ? "the book's own run" : reply.seconds.toFixed(2) + " s";
    target.status.textContent = reply.cancelled ? "stopped" : "ran in " + seconds;
    for (const result of reply.blocks) {
      const block = blocks[result.shown];
      if (!block) continue;
      restore(block);
      if (result.ran || result.output) showOutput(block, result.output, reply.cached);
      showFigures(block, result.figures);
      if (result.trap) block.messages.append(element("p", "serve-problem", "trapped: " + result.trap));
    }
    for (const problem of reply.problems) {
      const block = problem.shown === null || problem.shown === undefined ? target : blocks[problem.shown] || target;
      markProblem(block, problem, problem.shown === null || problem.shown === undefined);
    }
    const changes = reply.records.filter(function (record) {
      if (record.book === undefined || record.book === null) return false;
      return record.claim ? record.book !== record.value : differs(record.written, record.book, record.value);
    });
    if (changes.length) {
      const list = element("p", "serve-checks");
      list.append(element("span", "serve-checks-label", "checked numbers that changed: "));
      changes.forEach(function (record, index) {
        if (index) list.append(", ");
        const mark = element("mark", "serve-changed");
        mark.append(element("span", "serve-was", format(record.book, record.claim)), " → " + format(record.value, record.claim));
        list.append(record.name + " ", mark);
      });
      target.messages.append(list);
    }
    markProse(changes);
  }

  /// Where the text states a value this run changed, the text's value struck through and the
  /// new one beside it (`0.0935 → 0.1021`; a claim: `→ false in this run`).
  let proseMarks = [];
  function markProse(changes) {
    clearProse();
    for (const record of changes) {
      for (const chip of document.querySelectorAll('[data-check="' + CSS.escape(record.name) + '"]')) {
        const mark = element("mark", "serve-changed serve-prose-change", "→ " + format(record.value, record.claim) + " in this run");
        chip.classList.add("serve-prose-was");
        chip.after(mark);
        proseMarks.push({ chip: chip, mark: mark });
      }
    }
  }

  function clearProse() {
    for (const marked of proseMarks) { marked.chip.classList.remove("serve-prose-was"); marked.mark.remove(); }
    proseMarks = [];
  }

  function format(value, claim) {
    if (claim) return value ? "true" : "false";
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
  }

  /// Whether `now` differs from `book` at the precision the text writes the number.
  function differs(written, book, now) {
    const decimals = (String(written).split(".")[1] || "").replace(/[^0-9].*$/, "").length;
    return Math.abs(book - now) > 0.5 * Math.pow(10, -decimals);
  }

  const number = /-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/g;

  /// The new output, its numbers compared with the book's line by line.
  function showOutput(block, output, cached) {
    let box = block.output;
    if (!box) {
      box = element("div", "output serve-added");
      box.append(element("div", "output-label"), element("pre"));
      box.querySelector("pre").setAttribute("data-label", "output");
      box.querySelector("pre").append(element("code"));
      block.container.after(box);
      block.extra.push(box);
    }
    const book = block.output ? (block.output.querySelector("pre code") || {}).textContent || "" : "";
    const label = box.querySelector(".output-label");
    if (label) label.textContent = cached ? "output (the book's run)" : "output of this run";
    const code = box.querySelector("pre code");
    code.textContent = "";
    const bookLines = book.replace(/\n$/, "").split("\n");
    const lines = output.replace(/\n$/, "").split("\n");
    let changed = 0;
    lines.forEach(function (line, index) {
      const span = element("span", "line");
      const before = bookLines[index];
      const nowNumbers = line.match(number) || [];
      const bookNumbers = before === undefined ? null : before.match(number) || [];
      const sameText = before !== undefined && line.replace(number, "#") === before.replace(number, "#");
      if (!sameText || nowNumbers.length !== bookNumbers.length) {
        if (before !== line && block.output) { span.classList.add("serve-changed-line"); changed++; }
        span.textContent = line + "\n";
      } else {
        let last = 0, i = 0;
        line.replace(number, function (match, offset) {
          span.append(line.slice(last, offset));
          const was = bookNumbers[i++];
          if (differs(was, parseFloat(was), parseFloat(match))) {
            const mark = element("mark", "serve-changed");
            mark.title = "the book: " + was;
            mark.append(element("span", "serve-was", was), " → " + match);
            span.append(mark);
            changed++;
          } else {
            span.append(match);
          }
          last = offset + match.length;
          return match;
        });
        span.append(line.slice(last) + "\n");
      }
      code.append(span);
    });
    box.classList.toggle("serve-new-output", !cached);
    box.dataset.changed = String(changed);
  }

  function showFigures(block, figures) {
    if (!figures.length && !block.figures.length) return;
    for (const figure of block.figures) figure.remove();
    block.figures = [];
    let anchor = block.extra[0] || block.output || block.container;
    for (const html of figures) {
      const holder = document.createElement("div");
      holder.innerHTML = html;
      const figure = holder.firstElementChild;
      if (!figure) continue;
      figure.classList.add("serve-new-figure");
      anchor.after(figure);
      anchor = figure;
      block.figures.push(figure);
    }
  }

  function markProblem(block, problem, hidden) {
    const where = problem.line > 0 ? "line " + problem.line + (problem.column > 0 ? ":" + problem.column : "") + ": " : "";
    const text = (hidden ? "in the hidden setup code: " : "") + where + problem.severity + ": " + problem.message;
    const message = element("p", "serve-problem", text);
    message.dataset.line = String(problem.line);
    if (!hidden && problem.line > 0 && block.editor) {
      const line = problem.line - 1;
      block.editor.addLineClass(line, "background", "serve-error-line");
      block.marked.push(line);
      block.widgets.push(block.editor.addLineWidget(line, element("div", "serve-error-widget", problem.message)));
    }
    block.messages.append(message);
  }

  // Live reload: the server names the pages whose chapter changed.
  function listen(delay) {
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    const socket = new WebSocket(scheme + location.host + "/api/reload?token=" + encodeURIComponent(token));
    socket.onmessage = function (event) {
      let pages = [];
      try { pages = JSON.parse(event.data); } catch (e) { pages = []; }
      if (pages.indexOf(page) >= 0) location.reload();
    };
    socket.onclose = function () { if (delay < 30000) setTimeout(function () { listen(delay * 2); }, delay); };
  }
  listen(1000);
})();
