#!/usr/bin/env bash
# Sets up a fresh Debian/Ubuntu machine for building, running and testing Replication Lens,
# doing only what is missing, so `npm test` and `npm run demo` call it every time:
# - apt: Chromium (the webview and end-to-end tests), ripgrep and libkrb5-dev (code-server);
# - npm ci, when node_modules is missing or older than package-lock.json;
# - the real VS Code (code-server) into .vscode-test/ (scripts/setup-code-server.sh).
# A second run changes nothing and takes about a second.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq -o DPkg::Lock::Timeout=600 "${missing[@]}" >/dev/null
fi

# npm writes node_modules/.package-lock.json on every install: older than the lock file
# means the lock changed since (a pull, a new dependency).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci (node_modules missing or older than package-lock.json)"
  npm ci --no-audit --no-fund
fi

bash scripts/setup-code-server.sh
