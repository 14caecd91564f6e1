#!/usr/bin/env bash
# Speed of `book serve` (a benchmark, not a test): starts the server on a free loopback port,
# then for every chapter sends one edited block, as the page's Run does (the chapter's last
# shown block with a comment added, so every block up to it compiles and runs), and prints
# the time from request to answer, the program's own time, and the median over the chapters
# whose program runs in under 0.2 s. Target: that median under 1.0 s on a quiet 2-core
# machine. Needs the book checked once (swift run book) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build --product book-serve >/dev/null
bin=$(swift build --show-bin-path)
log=$(mktemp)
"$bin/book-serve" --port 0 >"$log" 2>/dev/null &
server=$!
trap 'kill -INT $server 2>/dev/null; wait $server 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 1800); do
    grep -q '^serving ' "$log" && break
    sleep 0.5
done
address=$(sed -n 's/^serving \(http:[^ ]*\)$/\1/p' "$log" | head -1)
[ -n "$address" ] || { echo "serve benchmark: book-serve did not start" >&2; exit 1; }
echo "load average: $(uptime | sed 's/.*load average: //') (2 cores; above 1 the figures measure the others too)"
python3 - "$address" <<'PY'
import http.client, json, re, statistics, sys, time, urllib.parse
from pathlib import Path

address = urllib.parse.urlparse(sys.argv[1])
token = urllib.parse.parse_qs(address.query)["token"][0]
origin = "http://%s" % address.netloc
rows, quick = [], []
for chapter in sorted(Path("chapters").glob("*.md")):
    text = chapter.read_text(encoding="utf-8")
    shown = [m.group(2) for m in re.finditer(r"^```swift([^\n]*)\n(.*?)^```\s*$", text, re.S | re.M) if "hidden" not in m.group(1)]
    if not shown:
        continue
    block = len(shown) - 1
    body = json.dumps({"page": chapter.stem + ".html", "block": block, "edits": {str(block): shown[block] + "// edited\n"}})
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=900)
    start = time.time()
    connection.request("POST", "/api/run", body, {"Content-Type": "application/json", "X-Book-Token": token, "Origin": origin})
    response = connection.getresponse()
    payload = response.read()
    seconds = time.time() - start
    program = json.loads(payload).get("programSeconds") if response.status == 200 else None
    rows.append((chapter.name, block, response.status, seconds, program))
    if program is not None and program < 0.2:
        quick.append(seconds)
print("%-34s %5s %6s %10s %10s" % ("chapter", "block", "status", "answer s", "program s"))
for name, block, status, seconds, program in rows:
    print("%-34s %5d %6d %10.3f %10s" % (name, block, status, seconds, "-" if program is None else "%.3f" % program))
if quick:
    median = statistics.median(quick)
    print("median request to answer, %d chapters whose program runs under 0.2 s: %.3f s (target under 1.0 s: %s)"
          % (len(quick), median, "within" if median < 1.0 else "OVER"))
PY
