#!/usr/bin/env bash
# Times the same three trainings with Learning (Swift, release build) and with NumPy, in
# one run, and prints one line per workload with both times and the ratio
# NumPy time / Swift time (above 1: Swift is faster).
#
#   bash Benchmarks/learning.sh            all workloads
#   bash Benchmarks/learning.sh tiny wide  some of them (wide, tiny, digits)
#
# Each time is the fastest of REPEATS rounds (default 3), the slowest printed below the table;
# a round runs the Swift side, then the NumPy side, so that bursts of other programs on a
# shared machine weigh on both.
# SCRATCH_PATH=.build-mine bash Benchmarks/learning.sh builds in another folder (default .build).
# MARCH=znver3 SCRATCH_PATH=.build-v3 bash Benchmarks/learning.sh builds for another processor
# than this one (after Package.swift's -march=native, so it wins): set LEARNING_KERNELS=avx2
# too when that processor lacks AVX-512 and this one has it (Sources/Learning/Blocking.swift).
#
# Then the processor (model, family and model numbers, clock, vector extensions) and what the
# build uses of it (the vector registers in the kernels' machine code, the kernels' register
# blocking); the wide network's two big products alone, in GFLOP/s, as a share of the
# machine's peak for the same arithmetic (separate vector multiplies and adds, no FMA),
# measured on one core and on all by micro-kernels of every vector width with enough
# independent chains to fill the pipes and few enough to stay in registers (Peak.swift), so
# no kernel can exceed it; and the load average, with a warning above 1: a ratio taken while
# other programs run is not a measurement (NumPy's two OpenBLAS threads suffer more from
# them than Swift does).
#
# Targets (design.md): ratio >= 1.5 for wide and digits, >= 50 for tiny, same final costs.
set -euo pipefail
cd "$(dirname "$0")/.."

workloads=("$@")
[ ${#workloads[@]} -gt 0 ] || workloads=(wide tiny digits)
for w in "${workloads[@]}"; do
    case "$w" in
        wide|tiny|digits) ;;
        *) echo "error: unknown workload '$w': use wide, tiny or digits" >&2; exit 2 ;;
    esac
done

digits=chapters/data/digits.csv
if [ ! -f "$digits" ]; then
    digits=/work/shared/data/digits.csv
    echo "note: chapters/data/digits.csv is missing; using $digits" >&2
fi
[ -f "$digits" ] || { echo "error: no digits.csv found: add chapters/data/digits.csv" >&2; exit 1; }

# loadavg: the 1-minute load average (the number of programs wanting a core, averaged).
loadavg() {
    if [ -r /proc/loadavg ]; then cut -d' ' -f1 /proc/loadavg
    else sysctl -n vm.loadavg 2>/dev/null | tr -d '{}' | awk '{ print $1 }'; fi
}
above_one() { awk -v l="$1" 'BEGIN { exit !(l + 0 > 1) }'; }

# The processor's name, and its family and model numbers (a virtual machine may name only
# "Intel(R) Xeon(R) Processor"; family 6 model 207 is then Emerald Rapids, 25 is AMD's Zen 3).
cpu_model() {
    if [ -r /proc/cpuinfo ]; then
        awk -F': *' '/^model name/ && !n { n = $2 } /^cpu family/ && !f { f = $2 } /^model[ \t]*:/ && !m { m = $2 }
            END { printf "%s (family %s, model %s)", n, f, m }' /proc/cpuinfo
    else
        sysctl -n machdep.cpu.brand_string 2>/dev/null || echo unknown
    fi
}
# The vector extensions the processor reports, of those that matter to the kernels.
cpu_flags() {
    local flags
    flags=$( { grep -m1 '^flags' /proc/cpuinfo 2>/dev/null || sysctl -n machdep.cpu.features machdep.cpu.leaf7_features 2>/dev/null; } | tr 'A-Z' 'a-z')
    local found=""
    for f in sse2 avx avx2 fma avx512f; do
        grep -qw "$f" <<<"$flags" && found+="$f "
    done
    echo "${found:-none found}"
}
cpu_mhz() { awk -F': *' '/^cpu MHz/ { print $2 + 0; exit }' /proc/cpuinfo 2>/dev/null || true; }
# vector_use BINARY: the widest vector registers in the product kernels' machine code (zmm:
# AVX-512, ymm: AVX or AVX2, xmm: SSE2), and whether any multiply is fused with its add.
vector_use() {
    command -v objdump >/dev/null 2>&1 || { echo "unknown (objdump is missing)"; return; }
    objdump -d --no-show-raw-insn "$1" 2>/dev/null | awk '
        /^[0-9a-f]+ <.*(RowUpdates|DotProducts|InOrderDots).*>:$/ { inside = 1; next }
        /^$/ { inside = 0 }
        inside { if (/zmm/) z++; else if (/ymm/) y++; else if (/xmm/) x++; if (/vfn?m(add|sub)/) fused++ }
        END {
            printf "%s", z ? "AVX-512 (zmm registers)" : y ? "AVX or AVX2 (ymm registers)" : x ? "SSE2 (xmm registers)" : "no vector registers found"
            printf "%s", fused ? ", WARNING: " fused " fused multiply-adds" : ", no fused multiply-add"
        }'
}
# The kernels' register blocking, by the rule of Sources/Learning/Blocking.swift.
blocking() {
    local chosen=${LEARNING_KERNELS:-}
    case "$chosen" in avx2|avx512) ;; *) chosen="" ;; esac
    if [ -z "$chosen" ]; then
        if grep -m1 '^flags' /proc/cpuinfo 2>/dev/null | grep -qw avx512f \
            || [ "$(sysctl -n hw.optional.avx512f 2>/dev/null)" = 1 ]; then chosen=avx512; else chosen=avx2; fi
    fi
    case "$chosen" in
        avx512) echo "wide (blocks of 8 rows, for AVX-512's 32 registers)" ;;
        *) echo "narrow (blocks of 4 rows, for AVX2's 16 registers)" ;;
    esac
}
load_before=$(loadavg)

echo "building learning-benchmark (release)..." >&2
scratch=${SCRATCH_PATH:-.build}
march=()
[ -z "${MARCH:-}" ] || march=(-Xswiftc -Xcc -Xswiftc "-march=$MARCH")
swift build -c release --scratch-path "$scratch" --product learning-benchmark ${march[@]+"${march[@]}"} >&2
benchmark="$scratch"/release/learning-benchmark
repeats=${REPEATS:-3}

numpy=yes
if ! command -v python3 >/dev/null 2>&1; then
    numpy=""
    echo "NOTE: python3 not found: NumPy side skipped, Swift timings only"
elif ! python3 -c "import numpy" >/dev/null 2>&1; then
    numpy=""
    echo "NOTE: NumPy is not installed for python3 (pip install numpy): NumPy side skipped, Swift timings only"
fi

# Our own build raises the load average for a minute: give it up to 60 s to settle.
for ((waited = 0; waited < 60; waited += 5)); do
    above_one "$(loadavg)" || break
    [ $waited -eq 0 ] && echo "load average $(loadavg): waiting up to 60 s for it to fall below 1..." >&2
    sleep 5
done
load_start=$(loadavg)

# Rounds alternate Swift and NumPy, so both sides meet the same load from other programs.
swift_out="" numpy_out=""
for ((round = 1; round <= repeats; round++)); do
    echo "round $round of $repeats..." >&2
    swift_out+=$'\n'$("$benchmark" "$digits" "${workloads[@]}")
    if [ -n "$numpy" ]; then
        numpy_out+=$'\n'$(python3 Benchmarks/numpy_reference.py "$digits" "${workloads[@]}")
    fi
done
product_out=$("$benchmark" "$digits" product peak)
load_end=$(loadavg)

# field NAME KEY TEXT: the value of KEY= on the lines of TEXT that start with NAME; for
# seconds the smallest (the fastest round), otherwise the first.
field() {
    awk -v n="$1" -v k="$2" '
        $1 == n { for (i = 2; i <= NF; i++) if (index($i, k "=") == 1) {
            v = substr($i, length(k) + 2)
            if (found == "" || (k == "seconds" && v + 0 < best + 0)) { best = v; found = 1 }
        } }
        END { if (found != "") print best }' <<<"$3"
}

echo "cores: $(nproc)   numpy: $(python3 -c 'import numpy; print(numpy.__version__)' 2>/dev/null || echo none)   times: fastest of $repeats rounds"
printf '%-8s %12s %12s %9s   %-18s %-18s\n' workload "swift (s)" "numpy (s)" ratio "swift final cost" "numpy final cost"
for w in "${workloads[@]}"; do
    s=$(field "$w" seconds "$swift_out"); sl=$(field "$w" loss "$swift_out")
    n=$(field "$w" seconds "$numpy_out"); nl=$(field "$w" loss "$numpy_out")
    if [ -n "$n" ]; then
        ratio=$(awk -v n="$n" -v s="$s" 'BEGIN { printf "%.2f", n / s }')
    else
        n="-"; nl="-"; ratio="-"
    fi
    printf '%-8s %12s %12s %9s   %-18s %-18s\n' "$w" "$s" "$n" "$ratio" "$sl" "$nl"
done
# slowest NAME TEXT: the longest time of NAME's rounds in TEXT.
slowest() {
    awk -v n="$1" '$1 == n { for (i = 2; i <= NF; i++) if (index($i, "seconds=") == 1) {
            v = substr($i, 9) + 0; if (v > worst) worst = v } }
        END { if (worst > 0) printf "%.4f", worst }' <<<"$2"
}
# How far the rounds of one run were apart: on a shared machine the same program's rounds can
# differ by a third, which a ratio of the fastest rounds alone does not show.
if [ "$repeats" -gt 1 ]; then
    echo "slowest round:"
    for w in "${workloads[@]}"; do
        printf '  %-8s swift %s s   numpy %s s\n' "$w" "$(slowest "$w" "$swift_out")" "$(slowest "$w" "$numpy_out" | sed 's/^$/-/')"
    done
fi
gflops() { field "$1" gflops "$product_out"; }
peak1=$(field peak gflops1 "$product_out") peak=$(field peak gflops "$product_out") cores=$(field peak cores "$product_out")
percent() { awk -v g="$1" -v p="$2" 'BEGIN { printf "%.0f%%", 100 * g / p }'; }
echo
echo "cpu: $(cpu_model)"
echo "  vector extensions: $(cpu_flags)"
echo "  in this build's kernels: $(vector_use "$benchmark"); blocking: $(blocking)"
echo "machine peak, separate vector multiplies and adds (no FMA, as the kernels), measured: $peak1 GFLOP/s on 1 core, $peak GFLOP/s on $cores"
echo "  reached by $(field peak chains "$product_out") multiply and $(field peak chains "$product_out") add chains of $(field peak width "$product_out") numbers; every micro-kernel, GFLOP/s on 1 core and on $cores:"
awk '$1 == "shape" {
        for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
        printf "    %2s x 2 chains of %s numbers: %8s %8s\n", v["chains"], v["width"], v["gflops1"], v["gflops"] }' <<<"$product_out"
mhz=$(cpu_mhz)
if [ -n "$mhz" ]; then
    echo "  at the reported clock of $mhz MHz: $(awk -v g="$peak1" -v f="$mhz" 'BEGIN { printf "%.1f", g * 1000 / f }') operations per cycle on one core (turbo can raise the clock above the reported one)"
fi
echo "wide products in Swift (fastest of 20), against that peak:"
echo "  forward  W (8, 12288) x X (12288, 209), as * computes it:  $(gflops product) GFLOP/s  ($(percent "$(gflops product)" "$peak") of peak)"
echo "  gradient dZ (8, 209) x X^T (209, 12288): $(gflops gradient) GFLOP/s  ($(percent "$(gflops gradient)" "$peak") of peak)"
# Full-batch training reads X kept in panels of 8 columns for the forward product instead
# (TrainingStep, ColumnPanels), so the training's own rate is the two products'
# 4 x 8 x 12288 x 209 operations per iteration.
wide_seconds=$(field wide seconds "$swift_out")
if [ -n "$wide_seconds" ]; then
    training=$(awk -v s="$wide_seconds" 'BEGIN { printf "%.2f", 500 * 4 * 8 * 12288 * 209 / s / 1e9 }')
    echo "  wide training, both products of its 500 iterations (forward from X kept in panels): $training GFLOP/s  ($(percent "$training" "$peak") of peak)"
fi
echo
echo "load average (1 min): $load_before before building, $load_start at the first round, $load_end at the end (this benchmark's own threads included)"
if above_one "$load_start"; then
    echo "WARNING: the load average was $load_start (above 1) when the rounds began: other programs were running, so these ratios are not a measurement; run again on a quiet machine"
fi
