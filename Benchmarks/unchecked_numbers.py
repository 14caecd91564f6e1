#!/usr/bin/env python3
"""Which numbers with three or more decimals does a chapter state without a check?

A number in a chapter's prose, lists or tables (not in code, not in an output block) is
checked when it is

- the text of a prose check link, `[0.5866](check:h1)`, without a `tolerance=` (one with a
  tolerance is listed as "loose"), or
- inside math (a ```math block or a $`...`$ span) that the math checker evaluates: a gross
  change (a 9 put before it: 0.8425 becomes 90.8425) makes `book check` fail. A number in a
  symbolic side or in a chain with one numeric side survives it: "unchecked math". An
  evaluated number is also changed in its last digit (9 becomes 8, any other digit goes
  up by one); when that passes, the number is checked more loosely than it is written (a
  chain's input with more digits than the result it feeds shows): "weak math".

Everything else with three or more decimals is unchecked prose. The math numbers are
tested one change at a time on a copy of chapters/ in a temporary folder (the chapter's
code is compiled once; math changes do not touch the report cache's key, so every later
check is answered from the cache), so the working tree is never modified.

Usage: python3 Benchmarks/unchecked_numbers.py [--list] [--decimals 3] [CHAPTER ...]
Run from the repository's root after `swift build` (it calls .build/debug/book). CHAPTER is
a file name or a prefix such as `03` (default: every NN-*.md chapter and notation.md).
Prints one line per chapter: unchecked prose, unchecked math, weak math, loose links;
`--list` also prints each unchecked number at its `path:line:column`.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

from fences import fenced_blocks

MATH_SPAN = re.compile(r"\$`(.+?)`\$", re.S)
CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.S)
CHECK_LINK = re.compile(r"\[([^\]]*)\]\(check:[^\s)]+(\s+\"([^\"]*)\")?\)")
COMMENT = re.compile(r"<!--.*?-->", re.S)


def number_pattern(decimals):
    return re.compile(r"(?<![\w.])-?\d+\.(\d{%d,})(?![\w])" % decimals)


def scan(text, decimals):
    """Yields (kind, offset, number) for every number with enough decimals outside code:
    kind is "prose", "math", "link" or "loose"."""
    numbers = number_pattern(decimals)
    lines = text.split("\n")
    masked = list(text)          # prose text with code, output and math blanked out
    offsets, pos = [], 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1

    def blank(start, end):
        for k in range(start, end):
            if masked[k] != "\n":
                masked[k] = " "

    found = []
    for i, j, info in fenced_blocks(lines):
        start, end = offsets[i], offsets[min(j, len(lines) - 1)] + len(lines[min(j, len(lines) - 1)])
        if info.split()[:1] == ["math"]:
            body_start = offsets[i + 1] if i + 1 < len(lines) else end
            body_end = offsets[j] if j < len(lines) else end
            for n in numbers.finditer(text, body_start, body_end):
                found.append(("math", n.start(), n.group(0)))
        blank(start, end)
    prose = "".join(masked)
    for c in COMMENT.finditer(prose):
        blank(c.start(), c.end())
    prose = "".join(masked)
    for s in MATH_SPAN.finditer(prose):
        for n in numbers.finditer(prose, s.start(1), s.end(1)):
            found.append(("math", n.start(), n.group(0)))
        blank(s.start(), s.end())
    prose = "".join(masked)
    for s in CODE_SPAN.finditer(prose):
        blank(s.start(), s.end())
    prose = "".join(masked)
    for link in CHECK_LINK.finditer(prose):
        loose = link.group(3) is not None and "tolerance" in link.group(3)
        for n in numbers.finditer(prose, link.start(1), link.end(1)):
            found.append(("loose" if loose else "link", n.start(), n.group(0)))
        blank(link.start(), link.end())
    prose = "".join(masked)
    for n in numbers.finditer(prose):
        found.append(("prose", n.start(), n.group(0)))
    found.sort(key=lambda f: f[1])
    return found


def position(text, offset):
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def bump(number):
    last = int(number[-1])
    return number[:-1] + str(last - 1 if last == 9 else last + 1)


def passes_with(target, original, offset, number, replacement, book):
    """Whether `book check` still passes with `number` at `offset` replaced (None: it could not run)."""
    with open(target, "w", encoding="utf-8") as f:
        f.write(original[:offset] + replacement + original[offset + len(number):])
    run = subprocess.run([book, "check", target], capture_output=True, text=True)
    with open(target, "w", encoding="utf-8") as f:
        f.write(original)
    if run.returncode not in (0, 1):
        print(run.stdout + run.stderr, file=sys.stderr)
        return None
    return run.returncode == 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("chapters", nargs="*")
    parser.add_argument("--list", action="store_true", help="print every unchecked number")
    parser.add_argument("--decimals", type=int, default=3)
    parser.add_argument("--book", default=".build/debug/book")
    args = parser.parse_args()

    names = sorted(f for f in os.listdir("chapters") if re.match(r"(\d\d-.*|notation)\.md$", f))
    if args.chapters:
        names = [f for f in names if any(f.startswith(os.path.basename(c)) for c in args.chapters)]
    book = os.path.abspath(args.book)
    totals = [0, 0, 0, 0]
    with tempfile.TemporaryDirectory(prefix="unchecked-") as tmp:
        copy = os.path.join(tmp, "chapters")
        shutil.copytree("chapters", copy)
        for name in names:
            target = os.path.join(copy, name)
            original = open(target, encoding="utf-8").read()
            first = subprocess.run([book, "check", target], capture_output=True, text=True)
            if first.returncode != 0:
                print(first.stdout + first.stderr, file=sys.stderr)
                print(f"{name} does not pass book check; fix it first", file=sys.stderr)
                return 2
            unchecked = []
            loose = []
            for kind, offset, number in scan(original, args.decimals):
                if kind == "prose":
                    unchecked.append(("prose", offset, number))
                elif kind == "loose":
                    loose.append(("loose", offset, number))
                elif kind == "math":
                    gross = number.replace("-", "-9") if number.startswith("-") else "9" + number
                    for replacement, label in ((gross, "math"), (bump(number), "weak")):
                        passes = passes_with(target, original, offset, number, replacement, book)
                        if passes is None:
                            return 2
                        if passes:
                            unchecked.append((label, offset, number))
                            break
            counts = {k: sum(1 for u in unchecked + loose if u[0] == k) for k in ("prose", "math", "weak", "loose")}
            for k, key in enumerate(counts):
                totals[k] += counts[key]
            print(f"{name}: {counts['prose']} unchecked prose, {counts['math']} unchecked math, "
                  f"{counts['weak']} weak math, {counts['loose']} loose links", flush=True)
            if args.list:
                for kind, offset, number in sorted(unchecked + loose, key=lambda u: u[1]):
                    line, column = position(original, offset)
                    print(f"  chapters/{name}:{line}:{column}: {kind} {number}")
    print(f"total: {totals[0]} unchecked prose, {totals[1]} unchecked math, {totals[2]} weak math, "
          f"{totals[3]} loose links")
    return 0


if __name__ == "__main__":
    sys.exit(main())
