#!/usr/bin/env python3
"""How many one-literal changes to the chapters' runnable Swift does `book check` catch?

Draws numeric literals in runnable ```swift blocks (shown or hidden; not compile-only,
must-fail or must-trap blocks) across the chapters, changes one at a time, checks that
chapter alone with `book check`, and counts the changes that make some check fail.

A fixed seed measures one sample, not the chapters, so by default every run draws a fresh
sample: `--runs` seeds (default 5) of `--count` changes each (default 40), 200 changes in
all, each seed drawn from the system's randomness and printed, so that
`--seeds 812 77 ...` repeats the run exactly. Each seed draws from the literals the seeds
before it did not draw, so the changes are distinct.

A literal is changed in its last digit: an integer n becomes n + 1; a decimal's last
digit goes up by one (9 becomes 8, so 0.9 -> 0.8). A mantissa directly before `e` is not
picked; the digits of a negative exponent are (1e-5 -> 1e-6). Literals inside string
literals and comments are never picked.

Every survivor (a change no check noticed) is classified by running the chapter with
`book run` before and after the change:
- `output`: what the chapter prints changed, yet no check failed;
- `format`: only how a printed number is written changed (0.2000 printed as 0.20000, the
  same value): not a result, listed apart and left out of the rate's denominator;
- `figure`: nothing printed changed and the change sits in a statement that only builds a
  figure (its axes, levels, layout or the data it draws): a figure is not a result the
  chapter states, so these are listed apart and left out of the rate's denominator;
- `silent`: nothing printed changed and the statement is not a figure's; read these
  by hand: either the result does not depend on the literal, or a recorded value or a
  later computation changed without any check looking.
The rate printed is caught / (changes - figure and format survivors); the raw rate is
printed too.

Usage: python3 Benchmarks/mutations.py [--runs 5] [--count 40] [--seeds S ...] [--jobs 1]
                                       [--list] [--sample-from REV] [--chapters PREFIX ...]
`--chapters 07 08` checks only the sampled changes in those chapters (the sample itself is
drawn from every chapter as usual, so the same seeds give the same changes).
Run from the repository's root after `swift build` (it calls .build/debug/book). Each
change is checked on a copy of chapters/ in a temporary folder, so the working tree is
never modified. Takes one chapter compile per change, and two more per survivor.
"""

import argparse
import concurrent.futures
import difflib
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

from fences import fenced_blocks

# A number that is not part of a name or of another number; no exponent part is picked, and
# no closure argument ($0 is a name, not a literal).
NUMBER = re.compile(r"(?<![\w.$])(\d+(?:_\d+)*(?:\.\d+)?)(?![\w.])")
RUNNABLE = {"swift", "swift hidden"}


def runnable_blocks(lines):
    """Yields (first code line index, last code line index + 1) for runnable Swift blocks."""
    for opening, closing, info in fenced_blocks(lines):
        if info in RUNNABLE:
            yield opening + 1, closing


def code_spans(line):
    """The parts of a Swift line outside string literals and `//` comments, as (start, end)."""
    spans, start, i, in_string = [], 0, 0, False
    while i < len(line):
        c = line[i]
        if in_string:
            if c == "\\":
                i += 2
                continue
            if c == '"':
                in_string = False
                start = i + 1
        else:
            if c == '"':
                spans.append((start, i))
                in_string = True
            elif line.startswith("//", i):
                spans.append((start, i))
                return spans
        i += 1
    if not in_string:
        spans.append((start, len(line)))
    return spans


def read(path, revision=None):
    if revision is None:
        return open(path, encoding="utf-8").read()
    return subprocess.run(["git", "show", f"{revision}:{path}"], capture_output=True,
                          text=True, check=True).stdout


def literals(path, revision=None):
    lines = read(path, revision).split("\n")
    found = []
    for first, end in runnable_blocks(lines):
        for n in range(first, end):
            line = lines[n]
            for s, e in code_spans(line):
                for m in NUMBER.finditer(line, s, e):
                    if m.end() > e:
                        continue
                    after = line[m.end():m.end() + 1]
                    before = line[max(0, m.start() - 1):m.start()]
                    if after in ("e", "E") or before in ("e", "E"):
                        continue
                    found.append((path, n, m.start(), m.group(1), line))
    return found


def mutate(text):
    if "." not in text:
        return str(int(text.replace("_", "")) + 1)
    last = int(text[-1])
    return text[:-1] + str(last - 1 if last == 9 else last + 1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", metavar="SEED",
                        help="the seeds to draw with (default: --runs fresh ones, printed)")
    parser.add_argument("--runs", type=int, default=5, help="how many fresh seeds to draw (default 5)")
    parser.add_argument("--count", type=int, default=40, help="changes drawn per seed (default 40)")
    parser.add_argument("--jobs", type=int, default=1, help="changes checked at once (default 1)")
    parser.add_argument("--list", action="store_true", help="list the chosen changes only")
    parser.add_argument("--book", default=".build/debug/book")
    parser.add_argument("--sample-from", metavar="REVISION",
                        help="draw the sample from the chapters at this git revision and apply "
                             "each change to the same line (found by its text) in today's "
                             "chapters, so two versions are measured on the same 40 changes")
    parser.add_argument("--chapters", nargs="+", metavar="PREFIX",
                        help="check only the sampled changes in chapters whose file name starts "
                             "with one of these (e.g. 07 08); the sample is unchanged")
    args = parser.parse_args()

    if args.sample_from:
        listing = subprocess.run(["git", "ls-tree", "--name-only", args.sample_from, "chapters/"],
                                 capture_output=True, text=True, check=True).stdout.split()
        chapters = sorted(os.path.basename(f) for f in listing if re.match(r"chapters/\d\d-.*\.md$", f))
    else:
        chapters = sorted(f for f in os.listdir("chapters") if re.match(r"\d\d-.*\.md$", f))
    pool = [lit for f in chapters for lit in literals(os.path.join("chapters", f), args.sample_from)]
    seeds = args.seeds or [random.SystemRandom().randrange(1_000_000) for _ in range(args.runs)]
    chosen, seen = [], set()
    for seed in seeds:
        # Each seed draws from the literals no earlier seed drew, so the changes are distinct.
        rest = [lit for lit in pool if (lit[0], lit[1], lit[2]) not in seen]
        for lit in random.Random(seed).sample(rest, min(args.count, len(rest))):
            seen.add((lit[0], lit[1], lit[2]))
            chosen.append(lit)
    chosen.sort(key=lambda c: (c[0], c[1], c[2]))
    print(f"{len(pool)} literals in runnable Swift blocks of {len(chapters)} chapters"
          + (f" at {args.sample_from}" if args.sample_from else "")
          + f"; {len(chosen)} distinct changes drawn with seeds {' '.join(map(str, seeds))}"
          + f" (repeat with --seeds {' '.join(map(str, seeds))})", flush=True)
    if args.sample_from:
        moved = []
        for path, n, col, text, line in chosen:
            old = read(path, args.sample_from).split("\n")
            now = read(path).split("\n")
            # The same line: the same occurrence of its text, or else the most similar
            # line (an edited one) that still holds the literal.
            hits = [k for k, l in enumerate(now) if l == line]
            if hits:
                nth = [k for k, l in enumerate(old) if l == line].index(n)
                k = hits[min(nth, len(hits) - 1)]
            else:
                candidates = [l for l in now if any(m.group(1) == text for m in NUMBER.finditer(l))]
                close = difflib.get_close_matches(line, candidates, n=1, cutoff=0.6)
                if not close:
                    print(f"{path}:{n + 1}: line gone from today's chapter, skipped: {line.strip()}",
                          file=sys.stderr)
                    continue
                k = now.index(close[0])
                print(f"{path}:{n + 1}: line edited since; using line {k + 1}: {close[0].strip()}",
                      file=sys.stderr)
            before = [m.start() for m in NUMBER.finditer(line) if m.group(1) == text].index(col)
            cols = [m.start() for m in NUMBER.finditer(now[k]) if m.group(1) == text]
            moved.append((path, k, cols[min(before, len(cols) - 1)], text, now[k]))
        chosen = moved
    if args.chapters:
        chosen = [c for c in chosen if os.path.basename(c[0]).startswith(tuple(args.chapters))]
        print(f"{len(chosen)} of them in chapters {' '.join(args.chapters)}")
    if args.list:
        for path, n, col, text, _ in chosen:
            print(f"{path}:{n + 1}:{col + 1}: {text} -> {mutate(text)}")
        return 0

    with tempfile.TemporaryDirectory(prefix="mutations-") as tmp:
        # One snapshot of the chapters the sample was drawn from: editing chapters/ while a
        # long run goes on changes nothing in it.
        shutil.copytree("chapters", os.path.join(tmp, "base"))
        results = {}
        pending = list(enumerate(chosen, 1))
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool_:
            futures = {pool_.submit(check_change, args.book, tmp, k, change): (k, change) for k, change in pending}
            for future in concurrent.futures.as_completed(futures):
                k, change = futures[future]
                verdict, kind, detail = future.result()
                if verdict == "error":
                    print(detail, file=sys.stderr)
                    print("book check could not run", file=sys.stderr)
                    return 2
                results[k] = (verdict, kind, detail)
                word = {"caught": "caught  ", "timeout": "timeout "}.get(verdict, f"survived ({kind})")
                print(f"[{len(results)}/{len(chosen)}] {word} {where(change)}"
                      + (f"    {detail}" if verdict != "caught" else ""), flush=True)
    caught = sum(1 for v, _, _ in results.values() if v == "caught")
    timeouts = [chosen[k - 1] for k, (v, _, _) in sorted(results.items()) if v == "timeout"]
    survivors = [(chosen[k - 1], kind, detail) for k, (v, kind, detail) in sorted(results.items()) if v == "survived"]
    figures = sum(1 for _, kind, _ in survivors if kind in ("figure", "format"))
    counted = len(chosen) - len(timeouts) - figures
    if timeouts:
        print(f"\n{len(timeouts)} changes ran out of time and are not counted (rerun them on a quieter machine):")
        for change in timeouts:
            print(f"  {where(change)}")
    print(f"\n{caught} of {len(chosen)} changes make some check fail ({100 * caught / max(1, len(chosen)):.1f}% raw)")
    print(f"{figures} survivors only change a figure or how a number is written; not counted: "
          f"{caught} of {counted} changes to results caught, {100 * caught / max(1, counted):.1f}%")
    if survivors:
        print("survivors:")
        for kind_ in ("output", "silent", "format", "figure"):
            for change, kind, detail in survivors:
                if kind == kind_:
                    print(f"  [{kind}] {where(change)}    {change[4].strip()}    {detail}")
    return 0


def where(change):
    path, n, col, text, _ = change
    return f"{path}:{n + 1}:{col + 1}: {text} -> {mutate(text)}"


# A statement that only draws: a figure's constructor, its axes, levels, layout or caption.
FIGURE_WORDS = re.compile(r"show\(|Plot\(|Figure|Frames?\(|NetworkDiagram|ComputationGraph|\.series\(|\.path\(|"
                          r"\.points\(|\.regions|xRange|yRange|levels:|labelAt|rowSpacing|resolution:|\.node\(|\.edge\(|"
                          r"caption:|alt:|title:")


def statement(lines, n):
    """The lines of the Swift statement around line n: back to a line that ends a statement
    (or a blank), forward while brackets stay open or the next line continues with `.`."""
    start = n
    while start > 0 and lines[start - 1].strip() and not lines[start - 1].rstrip().endswith((")", "}", "]")) \
            or start > 0 and lines[start].lstrip().startswith((".", "+ ", "caption", "alt")):
        start -= 1
    end, depth = n, 0
    text = "\n".join(lines[start:n + 1])
    depth = sum(text.count(c) for c in "([{") - sum(text.count(c) for c in ")]}")
    while end + 1 < len(lines) and (depth > 0 or lines[end + 1].lstrip().startswith(".")):
        end += 1
        depth += sum(lines[end].count(c) for c in "([{") - sum(lines[end].count(c) for c in ")]}")
    return "\n".join(lines[start:end + 1])


PRINTED_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")


def same_values(before, after):
    """Whether two printed lines differ only in how their numbers are written (0.2000 and
    0.20000): the same text between the numbers, and numbers of equal value."""
    if PRINTED_NUMBER.sub("#", before) != PRINTED_NUMBER.sub("#", after):
        return False
    return [float(x) for x in PRINTED_NUMBER.findall(before)] == [float(x) for x in PRINTED_NUMBER.findall(after)]


# Seconds a chapter may run: generous, because a machine shared with other work can take
# several times the usual 10 s, and a timeout must not count as a change caught.
TIMEOUT = 120


def run_output(book, target):
    """What `book run` prints for one chapter, figure captions included, diagnostics left out."""
    run = subprocess.run([book, "run", "--timeout", str(TIMEOUT), target], capture_output=True, text=True)
    return [l for l in run.stdout.split("\n") if ": error: " not in l and ": warning: " not in l]


def check_change(book, tmp, k, change):
    """Checks one change on its own copy of chapters/; returns (verdict, kind, detail)."""
    path, n, col, text, line = change
    copy = os.path.join(tmp, f"chapters-{k}")
    shutil.copytree(os.path.join(tmp, "base"), copy)
    try:
        target = os.path.join(copy, os.path.basename(path))
        original = open(target, encoding="utf-8").read()
        lines = original.split("\n")
        mutated = lines[:]
        mutated[n] = line[:col] + mutate(text) + line[col + len(text):]
        with open(target, "w", encoding="utf-8") as f:
            f.write("\n".join(mutated))
        run = subprocess.run([book, "check", "--timeout", str(TIMEOUT), target], capture_output=True, text=True)
        if run.returncode == 1:
            errors = [l for l in run.stdout.split("\n") if ": error: " in l]
            if errors and all("did not finish within" in l for l in errors):
                return "timeout", "", f"ran out of time ({TIMEOUT} s): says nothing about the change; rerun it"
            return "caught", "", ""
        if run.returncode != 0:
            return "error", "", run.stdout + run.stderr
        after = run_output(book, target)
        with open(target, "w", encoding="utf-8") as f:
            f.write(original)
        before = run_output(book, target)
        changed = [(b, a) for b, a in zip(before, after) if b != a]
        if changed or len(before) != len(after):
            b, a = changed[0] if changed else ("(end)", "(more lines)")
            kind = "format" if len(before) == len(after) and all(same_values(b_, a_) for b_, a_ in changed) else "output"
            return "survived", kind, f"printed '{b.strip()}' now '{a.strip()}'"
        if FIGURE_WORDS.search(statement(lines, n)):
            return "survived", "figure", "nothing printed changed; the statement builds a figure"
        return "survived", "silent", "nothing printed changed"
    finally:
        shutil.rmtree(copy, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
