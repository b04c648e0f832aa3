#!/usr/bin/env bash
# Installs everything the tests need (system packages as root, Python extras) and runs the suite.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  missing=""
  # librsvg2-bin: rsvg-convert for the wiki picture tests; libcairo2: -f pdf (CairoSVG);
  # fonts-dejavu-core: Hebrew and Arabic in the PNG and PDF tests;
  # git: pre-commit's try-repo in the hook tests
  for pkg in chromium fonts-liberation fonts-dejavu-core graphviz librsvg2-bin libcairo2 git; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
  done
  # node: `node --check` on the VS Code extension's script
  command -v node >/dev/null || missing="$missing nodejs"
  if [ -n "$missing" ]; then
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
  fi
fi
python3 -m venv .venv
. .venv/bin/activate
python -m pip install -q --upgrade pip
python -m pip install -q -e ".[test]"
# not -q: the header names the Chromium, fonts and Graphviz the run measured against
python -m pytest "$@"
