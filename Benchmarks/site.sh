#!/usr/bin/env bash
# Budget: rendering every page after the check takes under 0.5 s.
# Builds `book`, runs `book build` once to fill the check's cache, then three more times
# and prints the rendering time each run reports (reading chapters and theme, rendering,
# search index, KaTeX copy and the atomic write), with the whole cached check + build.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build --product book >/dev/null
book=.build/debug/book
$book build >/dev/null || { echo "site benchmark: book build failed; run swift run book to see why" >&2; exit 1; }
best=""
for run in 1 2 3; do
    start=$(date +%s.%N)
    line=$($book build | grep '^rendered ')
    end=$(date +%s.%N)
    seconds=$(echo "$line" | awk '{print $(NF-1)}')
    printf 'run %d: %s (whole cached check + build: %s s)\n' "$run" "$line" "$(awk "BEGIN {printf \"%.3f\", $end - $start}")"
    best=$(awk "BEGIN {print (\"$best\" == \"\" || $seconds < ${best:-0}) ? $seconds : $best}")
done
verdict=$(awk "BEGIN {print ($best < 0.5) ? \"within\" : \"OVER\"}")
echo "rendering all pages: best $best s, budget 0.5 s: $verdict budget"
