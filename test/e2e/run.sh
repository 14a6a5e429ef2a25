#!/usr/bin/env bash
# The editor journeys in a real VS Code: code-server (VS Code for the browser) with the packaged extension installed,
# driven by Playwright in Debian's Chromium (test/e2e/journeys.ts). Run as `npm run test:e2e`; `npm test` calls it
# after the unit suites. Prints `N passed, N failed` last and exits non-zero if any journey failed.
# POSTMORTEM_E2E_README_IMAGE=1 also copies the Postmortem view's screenshot to docs/images/editor.png (the README's).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
source test/e2e/env.sh

say() { echo "[e2e] $*"; }
# A run that cannot reach the journeys still ends with the closing line, counting itself as one failure.
abort() { say "$*"; echo "0 passed, 1 failed"; exit 1; }

RUN_DIR="$(mktemp -d "${TMPDIR:-/tmp}/postmortem-e2e.XXXXXX")"
ARTIFACTS="$ROOT/test/e2e/artifacts"
CODE_SERVER_PID=""
cleanup() {
  local status=$?
  if [ -n "$CODE_SERVER_PID" ]; then
    # code-server runs in its own session (setsid below): end its whole process group, extension host and language
    # server included.
    kill -TERM -- "-$CODE_SERVER_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 -- "-$CODE_SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$CODE_SERVER_PID" 2>/dev/null || true
    # code-server's own log and the windows' logs (extension host, language server output) for a failure's post-mortem.
    cp "$RUN_DIR/code-server.log" "$ARTIFACTS/code-server.log" 2>/dev/null || true
    cp -r "$USER_DATA/logs" "$ARTIFACTS/logs" 2>/dev/null || true
  fi
  [ "$status" -ne 0 ] || rm -rf "$RUN_DIR"
}
trap cleanup EXIT
# A signal (Ctrl+C, CI's timeout) exits through the EXIT trap too, so code-server never outlives the run.
trap 'exit 130' INT
trap 'exit 143' TERM

say "run folder: $RUN_DIR (removed after a passing run, kept otherwise)"
SECONDS=0
bash test/e2e/setup.sh || abort "setup failed"
say "setup: ${SECONDS}s"

# --- the extension, packaged as a user gets it -------------------------------------------------------------------------
# POSTMORTEM_E2E_VSIX=path tests an already packaged extension instead.
if [ -n "${POSTMORTEM_E2E_VSIX:-}" ]; then
  VSIX="$(cd "$(dirname "$POSTMORTEM_E2E_VSIX")" && pwd)/$(basename "$POSTMORTEM_E2E_VSIX")"
  say "testing $VSIX (POSTMORTEM_E2E_VSIX)"
else
  VSIX="$ROOT/dist/postmortem-writer-$(node -p "require('./package.json').version").vsix"
  say "packaging the extension (npm run package -> $VSIX)"
  rm -f "$VSIX"
  if ! npm run package </dev/null >"$RUN_DIR/package.log" 2>&1 || [ ! -f "$VSIX" ]; then
    tail -n 30 "$RUN_DIR/package.log"
    abort "npm run package did not produce $VSIX"
  fi
fi

EXTENSIONS="$RUN_DIR/extensions"
USER_DATA="$RUN_DIR/user-data"
code_server() { "$NODE24" "$CODE_SERVER_ENTRY" --config "$RUN_DIR/code-server.yaml" "$@"; }
say "installing $VSIX into a fresh extensions folder"
code_server --extensions-dir "$EXTENSIONS" --user-data-dir "$USER_DATA" --install-extension "$VSIX" \
  >"$RUN_DIR/install-extension.log" 2>&1 || { cat "$RUN_DIR/install-extension.log"; abort "installing the extension failed"; }

# Quiet, predictable editor: no welcome page, walkthrough, telemetry, AI chat or update checks; saving is explicit
# (journeys press Ctrl+S and read the file from disk); suggestions only on Ctrl+Space; tabs stay tabs so a snippet's
# text lands as written.
mkdir -p "$USER_DATA/User"
cat >"$USER_DATA/User/settings.json" <<'JSON'
{
  "files.autoSave": "off",
  "files.eol": "\n",
  "telemetry.telemetryLevel": "off",
  "workbench.startupEditor": "none",
  "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "chat.disableAIFeatures": true,
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "security.workspace.trust.enabled": false,
  "git.enabled": false,
  "editor.quickSuggestions": { "other": "off", "comments": "off", "strings": "off" },
  "editor.detectIndentation": false,
  "editor.insertSpaces": false,
  "editor.minimap.enabled": false,
  "editor.accessibilitySupport": "off"
}
JSON

# --- the workspace: one folder per journey, so each opens a clean window --------------------------------------------
# Seeds 002 and 003 are two of the five example postmortems the product was designed from, shared/seeds/ beside the repo
# (CI clones the repo with shared/ next to it); 003 has `###Timeline:`-style headings without a space.
SEEDS="${POSTMORTEM_SEEDS:-$ROOT/../shared/seeds}"
shopt -s nullglob
SEED_002=("$SEEDS"/002_*.md)
SEED_003=("$SEEDS"/003_*.md)
shopt -u nullglob
[ ${#SEED_002[@]} -eq 1 ] && [ ${#SEED_003[@]} -eq 1 ] || abort "seeds 002 and 003 not found in $SEEDS (set POSTMORTEM_SEEDS)"
WORKSPACE="$RUN_DIR/workspace"
mkdir -p "$WORKSPACE"/{problems,quick-fix,fix-all,snippet,view,new-postmortem,readme,timeline-chart}
cp "${SEED_003[0]}" "$WORKSPACE/problems/seed-003.md"
cp "${SEED_003[0]}" "$WORKSPACE/quick-fix/seed-003.md"
cp "${SEED_003[0]}" "$WORKSPACE/fix-all/seed-003.md"
: >"$WORKSPACE/snippet/incident.md"
cp "${SEED_002[0]}" "$WORKSPACE/view/seed-002.md"
cp "${SEED_002[0]}" "$WORKSPACE/timeline-chart/seed-002.md"
cp "${SEED_003[0]}" "$WORKSPACE/readme/seed-003.md"
cat >"$WORKSPACE/readme/notes.md" <<'MD'
# Release notes tooling

Small scripts that turn merged pull requests into the weekly release notes.

## Install

```sh
npm install
```

## Usage

Run `npm run notes -- --since 2024-06-01` and paste the output into the release issue. The timeline of a release is in
`CHANGELOG.md`; incidents are written up elsewhere.

## Contributing

Open an issue first for anything larger than a typo.
MD
echo "# Notes for the team" >"$WORKSPACE/new-postmortem/notes.md"

# --- code-server ---------------------------------------------------------------------------------------------------------
PORT="$(node -e "const s = require('net').createServer(); s.listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })")"
say "starting code-server on 127.0.0.1:$PORT (log: $RUN_DIR/code-server.log)"
# Each journey closes its browser: a short reconnection grace time ends that window's extension host (and language
# server) soon after, instead of keeping them for hours on a 2-core machine.
setsid "$NODE24" "$CODE_SERVER_ENTRY" --config "$RUN_DIR/code-server.yaml" --auth none --bind-addr "127.0.0.1:$PORT" \
  --disable-telemetry --disable-update-check --disable-workspace-trust --reconnection-grace-time 5 \
  --extensions-dir "$EXTENSIONS" --user-data-dir "$USER_DATA" "$WORKSPACE" >"$RUN_DIR/code-server.log" 2>&1 &
CODE_SERVER_PID=$!

# --- the journeys ------------------------------------------------------------------------------------------------------
rm -rf "$ARTIFACTS"
mkdir -p "$ARTIFACTS"
say "setup, packaging and workspace: ${SECONDS}s; the journeys (screenshots in test/e2e/artifacts/):"
README_IMAGE=""
[ "${POSTMORTEM_E2E_README_IMAGE:-}" != 1 ] || README_IMAGE="$ROOT/docs/images/editor.png"
# journeys.ts prints the closing `N passed, N failed` line; nothing is printed after it.
set +e
E2E_URL="http://127.0.0.1:$PORT" E2E_WORKSPACE="$WORKSPACE" E2E_EXTENSIONS="$EXTENSIONS" E2E_ARTIFACTS="$ARTIFACTS" E2E_CHROMIUM="$CHROMIUM" \
  E2E_README_IMAGE="$README_IMAGE" \
  timeout --kill-after=10 660 node --import tsx test/e2e/journeys.ts
status=$?
set -e
if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
  abort "the journeys did not finish (exit $status)"
fi
exit "$status"
