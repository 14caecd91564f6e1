#!/usr/bin/env bash
# Budget: rendering every page after the check takes under 0.5 s, the math typesetting
# included. Builds `book`, runs `book build` once to fill the check's cache, then three more
# times and prints the rendering time each run reports (reading chapters and theme,
# rendering, typesetting every formula of the book in one batch (KaTeX by node, answered
# from .build/book/math/ for the formulas typeset before), search index, print page and the
# atomic write), with the whole cached check + build. Then once with the math cache emptied:
# what typesetting the whole book in one node process costs.
set -euo pipefail
cd "$(dirname "$0")/.."

# BOOK=path/to/book times an existing binary instead of building one.
book=${BOOK:-}
if [ -z "$book" ]; then
    swift build --product book >/dev/null
    book=.build/debug/book
fi
echo "load average: $(uptime | sed 's/.*load average: //') (2 cores; above 1 the figures measure the others too)"
$book build >/dev/null || { echo "site benchmark: book build failed; run swift run book to see why" >&2; exit 1; }
best=""
for run in 1 2 3; do
    start=$(date +%s.%N)
    line=$($book build | grep '^rendered ')
    end=$(date +%s.%N)
    seconds=$(echo "$line" | awk '{print $5}')
    printf 'run %d: %s (whole cached check + build: %s s)\n' "$run" "$line" "$(awk "BEGIN {printf \"%.3f\", $end - $start}")"
    best=$(awk -v b="$best" -v s="$seconds" 'BEGIN {print (b == "" || s + 0 < b + 0) ? s : b}')
done
verdict=$(awk -v b="$best" 'BEGIN {print (b + 0 < 0.5) ? "within" : "OVER"}')
echo "rendering all pages: best $best s, budget 0.5 s: $verdict budget"
formulas=$(cat _site/index.html _site/notation.html _site/[0-9]*.html | grep -o 'class="math \(inline\|display\)' | wc -l)
rm -rf .build/book/math
line=$($book build | grep '^rendered ')
echo "with every formula typeset afresh ($formulas on the pages, one node process): $line"
echo "load average: $(uptime | sed 's/.*load average: //')"
