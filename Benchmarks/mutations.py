#!/usr/bin/env python3
"""How many one-literal changes to the chapters' runnable Swift does `book check` catch?

Picks, with a fixed seed, 40 numeric literals in runnable ```swift blocks (shown or
hidden; not compile-only, must-fail or must-trap blocks) across the chapters, changes one
at a time, checks that chapter alone with `book check`, and counts the changes that make
some check fail. The survivors (changes no check noticed) are listed with their
positions. This is a measurement, not a test: it is not run by CI.

A literal is changed in its last digit: an integer n becomes n + 1; a decimal's last
digit goes up by one (9 becomes 8, so 0.9 -> 0.8). A mantissa directly before `e` is not
picked; the digits of a negative exponent are (1e-5 -> 1e-6). Literals inside string
literals and comments are never picked.

Usage: python3 Benchmarks/mutations.py [--seed 14] [--count 40] [--list] [--sample-from REV]
                                       [--chapters PREFIX ...]
`--chapters 07 08` checks only the sampled changes in those chapters (the sample itself is
drawn from every chapter as usual, so the same seed gives the same changes).
Run from the repository's root after `swift build` (it calls .build/debug/book). Each
change is checked on a copy of chapters/ in a temporary folder, so the working tree is
never modified. Takes about 40 chapter compiles.
"""

import argparse
import difflib
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

from fences import fenced_blocks

# A number that is not part of a name or of another number; no exponent part is picked.
NUMBER = re.compile(r"(?<![\w.])(\d+(?:_\d+)*(?:\.\d+)?)(?![\w.])")
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
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--count", type=int, default=40)
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
    chosen = random.Random(args.seed).sample(pool, args.count)
    chosen.sort(key=lambda c: (c[0], c[1], c[2]))
    print(f"{len(pool)} literals in runnable Swift blocks of {len(chapters)} chapters"
          + (f" at {args.sample_from}" if args.sample_from else "")
          + f"; {len(chosen)} chosen with seed {args.seed}")
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

    caught, survivors = 0, []
    with tempfile.TemporaryDirectory(prefix="mutations-") as tmp:
        copy = os.path.join(tmp, "chapters")
        shutil.copytree("chapters", copy)
        for k, (path, n, col, text, _) in enumerate(chosen, 1):
            target = os.path.join(copy, os.path.basename(path))
            original = open(target, encoding="utf-8").read()
            lines = original.split("\n")
            line = lines[n]
            lines[n] = line[:col] + mutate(text) + line[col + len(text):]
            with open(target, "w", encoding="utf-8") as f:
                f.write("\n".join(lines))
            run = subprocess.run([args.book, "check", target], capture_output=True, text=True)
            with open(target, "w", encoding="utf-8") as f:
                f.write(original)
            where = f"{path}:{n + 1}:{col + 1}: {text} -> {mutate(text)}"
            if run.returncode == 1:
                caught += 1
                print(f"[{k}/{len(chosen)}] caught   {where}", flush=True)
            elif run.returncode == 0:
                survivors.append((where, line.strip()))
                print(f"[{k}/{len(chosen)}] survived {where}", flush=True)
            else:
                print(run.stdout + run.stderr, file=sys.stderr)
                print(f"book check could not run (status {run.returncode})", file=sys.stderr)
                return 2
    print(f"\n{caught} of {len(chosen)} changes make some check fail")
    if survivors:
        print("survivors:")
        for where, line in survivors:
            print(f"  {where}    {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
