#!/usr/bin/env bash
# The website in a real browser: site/browser_check.py drives headless Chromium through
# Selenium and Debian's chromium-driver over every page of _site/ (see its header for what
# it checks), then site/serve_check.py over a page served by `book serve`. Screenshots go to .build/screenshots/. Installs nothing: CI (.ci/run) installs
# chromium, chromium-driver, selenium and axe-core; build the site first (swift run book).
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in chromium chromedriver python3; do
    if ! command -v "$tool" >/dev/null 2>&1 && ! { [ "$tool" = chromium ] && command -v chromium-browser >/dev/null 2>&1; }; then
        package=$tool
        [ "$tool" = chromedriver ] && package=chromium-driver
        echo "browser check: $tool is not installed; install it with: sudo apt-get install $package" >&2
        exit 2
    fi
done
python=python3
[ -x .build/browser-check/bin/python3 ] && python=.build/browser-check/bin/python3
"$python" site/browser_check.py "${1:-_site}" "${2:-.build/screenshots}"
# Then `book serve`: a served chapter edited, run, reset and broken (site/serve_check.py).
exec "$python" site/serve_check.py "${2:-.build/screenshots}"
