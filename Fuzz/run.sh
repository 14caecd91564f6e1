#!/usr/bin/env bash
# Fuzzes the chapter parser (fences, options, prose checks) and the math checker with
# libFuzzer, for a fixed time; not part of CI. Invariant: no crash, and every diagnostic's
# position lies inside the file (see Fuzz/ChapterFuzz.swift).
#
#   bash Fuzz/run.sh            # 60 seconds
#   FUZZ_SECONDS=600 bash Fuzz/run.sh
#
# Seeds: every chapter and fixture book, and Fuzz/seeds/ (inputs that once crashed or
# switched a check off: unclosed brackets, long flat sums, deep nesting). Findings (crashing inputs) are written to
# .build/fuzz/findings/; reproduce one with `.build/fuzz/fuzz-chapter FILE`.
set -euo pipefail
cd "$(dirname "$0")/.."
out=.build/fuzz
seconds=${FUZZ_SECONDS:-60}
mkdir -p "$out/corpus" "$out/findings"

# Markdown and Literate compiled with libFuzzer's coverage, then linked with the entry point
# (and CSandbox, the C code Literate starts programs with, CIndexStore, its reader of the
# compiler's index, and Plot, whose escaping the JUnit
# report uses; Plot without coverage: the fuzzer does not reach it).
clang -O2 -c Sources/CSandbox/sandbox.c -I Sources/CSandbox/include -o "$out/CSandbox.o"
clang -O2 -c Sources/CIndexStore/index_store.c -I Sources/CIndexStore/include -o "$out/CIndexStore.o"
swiftc -O -parse-as-library -wmo -module-name Plot \
    -c Sources/Plot/*.swift -o "$out/Plot.o" -emit-module -emit-module-path "$out/Plot.swiftmodule"
swiftc -sanitize=fuzzer -O -parse-as-library -wmo -module-name Markdown -I Sources/CCmark \
    -c Sources/Markdown/*.swift -o "$out/Markdown.o" -emit-module -emit-module-path "$out/Markdown.swiftmodule"
swiftc -sanitize=fuzzer -O -parse-as-library -wmo -module-name Literate -I "$out" -I Sources/CCmark -I Sources/CSandbox/include -I Sources/CIndexStore/include \
    -c $(find Sources/Literate -name '*.swift' | sort) -o "$out/Literate.o" -emit-module -emit-module-path "$out/Literate.swiftmodule"
swiftc -sanitize=fuzzer -parse-as-library -I "$out" -I Sources/CCmark -I Sources/CSandbox/include -I Sources/CIndexStore/include Fuzz/ChapterFuzz.swift \
    "$out/Markdown.o" "$out/Literate.o" "$out/Plot.o" "$out/CSandbox.o" "$out/CIndexStore.o" -lcmark -o "$out/fuzz-chapter"

seeds=$(mktemp -d)
trap 'rm -rf "$seeds"' EXIT
i=0
for file in chapters/*.md chapters/*/*.md Tests/LiterateTests/Fixtures/*/chapter.md Fuzz/seeds/*.md; do
    cp "$file" "$seeds/seed-$i.md"
    i=$((i + 1))
done
echo "fuzzing for $seconds s from $i seeds (load: $(cut -d' ' -f1-3 /proc/loadavg))"
SWIFT_BACKTRACE=enable=no "$out/fuzz-chapter" "$out/corpus" "$seeds" -dict=Fuzz/markdown.dict -max_len=16384 \
    -max_total_time="$seconds" -artifact_prefix="$out/findings/" -print_final_stats=1 2>&1 \
    | grep -E "^#[0-9]+ +(INITED|DONE)|stat::|finding:|ERROR|SUMMARY|Test unit written|Fatal error" || true
findings=$(find "$out/findings" -type f | wc -l)
echo "findings so far in $out/findings: $findings"
