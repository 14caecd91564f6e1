#!/usr/bin/env bash
# Counts the instructions the product kernels execute, with valgrind's callgrind: the same
# count on every run, however loaded the machine, so a change to a kernel can be judged on a
# shared machine where wall time means nothing. Prints one line per kernel: the instructions
# of its `compute` (everything it calls included) over the whole run.
#
#   bash Benchmarks/kernel-counts.sh [BINARY]
#
# BINARY defaults to a release learning-benchmark built for Zen 3 (AVX2 and FMA, no AVX-512:
# `-march=znver3`, what -march=native picks there) in .build-v3: valgrind cannot run AVX-512
# instructions, so an AVX-512 build cannot be counted. LEARNING_KERNELS=avx2 (the default
# here) or avx512 picks the kernels' register blocking (Sources/Learning/Blocking.swift),
# since this machine's /proc/cpuinfo may say AVX-512 while the build has only AVX2.
#
# The run: `wide10` (the wide training cut to 10 iterations: W X from X kept in panels, the
# in-order dot products, and dZ Xᵀ, the even-odd dot products), `product` (20 times W X by
# row updates and 20 times dZ Xᵀ) and `digits` (small products by row updates).
set -euo pipefail
cd "$(dirname "$0")/.."

command -v valgrind >/dev/null || { echo "error: valgrind is missing: apt-get install valgrind" >&2; exit 1; }
binary=${1:-}
if [ -z "$binary" ]; then
    echo "building learning-benchmark for znver3 in .build-v3 (release)..." >&2
    swift build -c release --scratch-path .build-v3 --product learning-benchmark \
        -Xswiftc -Xcc -Xswiftc -march=znver3 >&2
    binary=.build-v3/release/learning-benchmark
fi
digits=chapters/data/digits.csv
[ -f "$digits" ] || digits=/work/shared/data/digits.csv

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
kernels=${LEARNING_KERNELS:-avx2}
echo "counting (valgrind --tool=callgrind, LEARNING_KERNELS=$kernels)..." >&2
LEARNING_KERNELS=$kernels valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.out" \
    "$binary" "$digits" wide10 product digits >"$out/stdout" 2>"$out/stderr" \
    || { cat "$out/stderr" >&2; exit 1; }
cat "$out/stdout"
# Inclusive counts of each kernel's compute. callgrind_annotate lists a function once more
# for each other source file its instructions come from (code inlined from the standard
# library, under <compiler-generated>); the line under the kernel's own file already includes
# those, so only it is read.
callgrind_annotate --inclusive=yes --threshold=100 "$out/callgrind.out" 2>/dev/null | awk '
    /PROGRAM TOTALS/ { gsub(",", "", $1); total = $1 }
    /ProductKernel\+[A-Za-z]+\.swift:.*Learning[0-9]+(RowUpdates|DotProducts|InOrderDots)O7computeyyAA11ProductWorkV_SnySiGtFZ(Tf[0-9a-z_]+)? / {
        n = $1; gsub(",", "", n)
        name = $0; sub(/.*Learning[0-9]+/, "", name); sub(/O7compute.*/, "", name)
        sums[name] += n
    }
    END {
        printf "%-12s %16s\n", "kernel", "instructions"
        for (k in sums) printf "%-12s %16.0f\n", k, sums[k]
        printf "%-12s %16.0f\n", "whole run", total
    }'
