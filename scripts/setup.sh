#!/usr/bin/env bash
# Sets up a fresh Debian/Ubuntu machine for building, running and testing Replication Lens:
# Debian's Chromium (for the webview and end-to-end tests), npm packages from the lock file,
# and the real VS Code (code-server) for the end-to-end suite.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
if ! command -v chromium >/dev/null 2>&1; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
npm ci --no-audit --no-fund
# The real VS Code for the end-to-end suite (code-server 4.100.3 into .vscode-test/).
bash scripts/setup-code-server.sh
