#!/usr/bin/env bash
# Installs the real VS Code used by the end-to-end suite and `npm run demo`: code-server
# 4.100.3 (VS Code 1.100.3, the newest that runs on Node 20) from npm, into .vscode-test/
# (gitignored). Idempotent: a second run with the same version does nothing.
#
# Quirks (DESIGN.md, "Real VS Code in tests"):
# - its native modules build against the system Node's headers (npm_config_nodedir=/usr)
#   and need libkrb5-dev (the kerberos module);
# - @vscode/ripgrep's postinstall downloads rg from GitHub, which is unreachable here:
#   its download cache is pre-filled with a tar.gz of Debian's /usr/bin/rg;
# - as root, npm drops privileges for install scripts unless --unsafe-perm.
set -euo pipefail
cd "$(dirname "$0")/.."
START=$(date +%s)
VERSION=4.100.3
DIR=.vscode-test/code-server
BIN="$DIR/node_modules/.bin/code-server"

if [ -x "$BIN" ] && [ "$(cat "$DIR/.installed" 2>/dev/null)" = "$VERSION" ]; then
  echo "code-server $VERSION already installed in $DIR"
  exit 0
fi

SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
missing=()
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq -o DPkg::Lock::Timeout=600 \
    "${missing[@]}" >/dev/null
fi

# Pre-fill @vscode/ripgrep's download cache (it looks in os.tmpdir()).
TMP="${TMPDIR:-/tmp}"
RG_CACHE="$TMP/vscode-ripgrep-cache-1.15.11"
RG_TGZ="$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [ ! -s "$RG_TGZ" ]; then
  mkdir -p "$RG_CACHE"
  tar -czf "$RG_TGZ" -C "$(dirname "$(command -v rg)")" rg
fi

mkdir -p "$DIR"
# A private package.json so this install never touches the project's lock file.
[ -f "$DIR/package.json" ] || echo '{"name":"replication-lens-code-server","private":true}' > "$DIR/package.json"
export npm_config_yes=true npm_config_nodedir=/usr npm_config_fund=false npm_config_audit=false
( cd "$DIR" && npm install --unsafe-perm --no-save --loglevel=error "code-server@$VERSION" )

"$BIN" --version 2>/dev/null | grep -F "$VERSION"
echo "$VERSION" > "$DIR/.installed"
echo "code-server $VERSION installed in $DIR in $(( $(date +%s) - START )) s"
