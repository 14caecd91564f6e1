#!/usr/bin/env bash
# Budgets of `book check` (design.md's), measured side by side in one run:
#   1. a cold check of all chapters <= 1.2 x one `swiftc -Onone` compile of all their code as
#      a single file (same flags, same libraries);
#   2. a repeat check with nothing changed < 0.2 s, the math checks included;
#   3. after one chapter changes: that chapter's compile + < 0.2 s;
#   4. the math checks (issue 9) add < 50 ms to a repeat check: the repeat check again with
#      every ```math block and $`...`$ span turned into plain code (the cache key does not
#      depend on the math, so both checks are answered from the cache).
# Each figure is the best of RUNS runs (default 3): the machine is shared.
# The chapters, Learning and Plot are copied into a project of their own in .build/book-benchmark/,
# so that one chapter can be changed without touching chapters/ and edits to Learning made
# meanwhile cannot trigger a library rebuild mid-measurement. Learning and Plot are compiled
# (once per change to them) before timing: that is not part of a check.
# Set SCRATCH to use another build folder for `book` itself (default .build).
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${SCRATCH:-.build}

swift build --scratch-path "$scratch" --product book >/dev/null
book=$PWD/$scratch/debug/book
work=.build/book-benchmark
rm -rf "$work/chapters" "$work/Sources" "$work/baseline" "$work/one"   # its .build/ (libraries) is kept
mkdir -p "$work/Sources"
cp Package.swift "$work/"
cp -R Sources/Learning Sources/Plot "$work/Sources/"
cp -R chapters "$work/chapters"
cd "$work"
chapters=$(ls chapters/*.md)

now() { date +%s.%N; }
seconds() { awk "BEGIN {printf \"%.2f\", $2 - $1}"; }
timed() { local start; start=$(now); "$@" >/dev/null 2>&1 || true; seconds "$start" "$(now)"; }
# The machine is shared: every figure is the best of $runs runs.
runs=${RUNS:-3}
best() {
    local best="" t
    for _ in $(seq "$runs"); do
        t=$("$@")
        if [ -z "$best" ] || awk "BEGIN {exit !($t < $best)}"; then best=$t; fi
    done
    echo "$best"
}

# Libraries (and the compiler version) ready; results are not timed.
$book check $chapters >/dev/null 2>&1 || true

# 1. Cold check against one single-file compile of the same code, with the same flags.
baseline=$($book check --emit-baseline baseline $chapters)
single=$(best timed eval "$baseline")
[ -x baseline/program ] || echo "warning: the single-file baseline did not compile" >&2
cold=$(best timed $book check --no-cache $chapters)

# 2. Nothing changed.
repeat=$(best timed $book check $chapters)

# 3. One chapter changed: a new block added at its end (a new one each run).
changed=$(ls chapters/[0-9]*.md | head -4 | tail -1)
change_and_check() {
    printf '\n```swift\nprint("benchmark %s")\n```\n' "$(now)" >> "$changed"
    timed $book check $chapters
}
after_change=$(best change_and_check)
one=$($book check --emit-baseline one "$changed")
one_compile=$(best timed eval "$one")
[ -x one/program ] || echo "warning: the changed chapter's program did not compile" >&2

# 4. The math's cost: the repeat check with and without math to check, best of more runs
#    since the difference is small. Wall time and processor time (user + system).
math_runs=$((runs * 3))
cpu_timed() { /usr/bin/time -o time.out -f "%e %U %S" "$@" >/dev/null 2>&1 || true; tail -1 time.out; }
best_of() {  # best wall and best cpu of $math_runs runs of a repeat check
    local wall="" cpu="" line w c
    for _ in $(seq "$math_runs"); do
        line=$(cpu_timed $book check $chapters)
        w=$(echo "$line" | awk '{print $1}'); c=$(echo "$line" | awk '{printf "%.2f", $2 + $3}')
        if [ -z "$wall" ] || awk "BEGIN {exit !($w < $wall)}"; then wall=$w; fi
        if [ -z "$cpu" ] || awk "BEGIN {exit !($c < $cpu)}"; then cpu=$c; fi
    done
    echo "$wall $cpu"
}
steps=$($book check $chapters 2>/dev/null | tail -1 | sed -n 's/.* \([0-9]*\) math steps checked.*/\1/p')
read -r with_wall with_cpu <<<"$(best_of)"
cp -R chapters chapters-with-math
# Same lengths, so no position (and no cache key) changes: $`x`$ becomes ` x `-like code.
sed -i -e 's/^\([ >]*\)```math/\1```text/' -e 's/\$`/ `/g' -e 's/`\$/` /g' chapters/*.md
read -r without_wall without_cpu <<<"$(best_of)"
rm -rf chapters && mv chapters-with-math chapters
math_wall=$(awk "BEGIN {printf \"%.0f\", ($with_wall - $without_wall) * 1000}")
math_cpu=$(awk "BEGIN {printf \"%.0f\", ($with_cpu - $without_cpu) * 1000}")

ratio=$(awk "BEGIN {printf \"%.2f\", $cold / $single}")
extra=$(awk "BEGIN {printf \"%.2f\", $after_change - $one_compile}")
verdict() { awk "BEGIN {print ($1) ? \"within budget\" : \"OVER budget\"}"; }
count=$(echo "$chapters" | wc -w)
echo "chapters: $count (copied to $work); best of $runs runs each; load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "single-file swiftc -Onone compile of all chapters: ${single} s"
echo "cold book check (compile + run + compare, no cache): ${cold} s"
echo "  ratio cold / single-file: ${ratio} (budget 1.2): $(verdict "$ratio <= 1.2")"
echo "repeat book check, nothing changed: ${repeat} s (budget 0.2 s): $(verdict "$repeat < 0.2")"
echo "one chapter changed ($(basename "$changed")): ${after_change} s; its compile alone: ${one_compile} s"
echo "  extra over its compile: ${extra} s (budget 0.2 s): $(verdict "$extra < 0.2")"
echo "repeat check with the math: ${with_wall} s (${with_cpu} s of processor time); with the math made plain code: ${without_wall} s (${without_cpu} s)"
echo "  the math (${steps} steps) adds ${math_wall} ms of wall time, ${math_cpu} ms of processor time (budget 50 ms): $(verdict "$math_wall < 50")"
