"""Fenced code blocks in a chapter's lines, for the measuring scripts in Benchmarks/.

A plain line scan, as CommonMark reads fences at the top level: an opening fence of three or
more backticks or tildes indented at most three spaces, closed by a line of at least as many
of the same character and nothing else. The chapters nest no fences, and a block the scan
got wrong would only be skipped or sampled by a script, never mis-checked (`book check`
itself parses with libcmark).
"""

import re

FENCE = re.compile(r"^(\s{0,3})(`{3,}|~{3,})\s*(.*)$")


def fenced_blocks(lines):
    """Yields (opening line index, closing line index, info string) for every fenced block;
    the closing index is len(lines) for a block left open."""
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        fence, info = m.group(2), m.group(3).strip()
        closing = re.compile(r"^\s{0,3}" + re.escape(fence[0]) + "{%d,}\\s*$" % len(fence))
        j = i + 1
        while j < len(lines) and not closing.match(lines[j]):
            j += 1
        yield i, j, info
        i = j + 1
