#!/usr/bin/env bash
# The website in a real browser: loads _site/index.html and every chapter in headless
# Chromium from file:// and fails on a script error, a request outside _site/, math left
# untypeset, or a missing figure or stylesheet. Screenshots go to .build/screenshots/.
# Installs nothing: CI (.ci/run) installs chromium; build the site first (swift run book).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
    echo "browser check: chromium is not installed; install it with: sudo apt-get install chromium" >&2
    exit 2
fi
if ! command -v python3 >/dev/null 2>&1; then
    echo "browser check: python3 is not installed; install it with: sudo apt-get install python3" >&2
    exit 2
fi
exec python3 site/browser_check.py "${1:-_site}" "${2:-.build/screenshots}"
