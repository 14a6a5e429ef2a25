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
# Ends the running code-server: it runs in its own session (setsid below), so its whole process group goes, extension
# host and language server included. Its log and the windows' logs (extension host, language server output) are kept
# in the artifacts for a failure's post-mortem.
stop_code_server() {
  [ -n "$CODE_SERVER_PID" ] || return 0
  kill -TERM -- "-$CODE_SERVER_PID" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 -- "-$CODE_SERVER_PID" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- "-$CODE_SERVER_PID" 2>/dev/null || true
  CODE_SERVER_PID=""
  cp "$RUN_DIR/code-server-$HOST.log" "$ARTIFACTS/code-server-$HOST.log" 2>/dev/null || true
  cp -r "$USER_DATA/logs" "$ARTIFACTS/logs-$HOST" 2>/dev/null || true
}
cleanup() {
  local status=$?
  stop_code_server
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

# The web build alone: the same .vsix with `main` (and the Node bundles) taken out, so code-server can only run it in
# its web worker extension host, as vscode.dev and github.dev do.
WEB_VSIX="$RUN_DIR/postmortem-writer-web.vsix"
python3 - "$VSIX" "$WEB_VSIX" <<'PY' || abort "making the web-only .vsix failed"
import json, re, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as source, zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED) as target:
    for entry in source.infolist():
        if re.fullmatch(r'extension/dist/[^/]+\.js', entry.filename):
            continue
        data = source.read(entry)
        if entry.filename == 'extension/package.json':
            manifest = json.loads(data)
            del manifest['main'], manifest['bin']
            data = json.dumps(manifest, indent=2).encode()
        target.writestr(entry, data)
PY

# Quiet, predictable editor: no welcome page, walkthrough, telemetry, AI chat or update checks; saving is explicit
# (journeys press Ctrl+S and read the file from disk); suggestions only on Ctrl+Space; tabs stay tabs so a snippet's
# text lands as written.
SETTINGS='{
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
'
code_server() { "$NODE24" "$CODE_SERVER_ENTRY" --config "$RUN_DIR/code-server.yaml" "$@"; }
# One code-server per extension host, each with its own extensions and user data: the two builds share one id, which
# code-server cannot install twice.
prepare_host() { # host vsix
  local extensions="$RUN_DIR/$1/extensions" user_data="$RUN_DIR/$1/user-data"
  say "installing $(basename "$2") into a fresh extensions folder ($1)"
  code_server --extensions-dir "$extensions" --user-data-dir "$user_data" --install-extension "$2" \
    >"$RUN_DIR/install-extension-$1.log" 2>&1 || { cat "$RUN_DIR/install-extension-$1.log"; abort "installing the extension failed ($1)"; }
  mkdir -p "$user_data/User"
  printf "%s\n" "$SETTINGS" >"$user_data/User/settings.json"
}
prepare_host node "$VSIX"
prepare_host web-worker "$WEB_VSIX"

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
# The web-only build's journeys; in rc-severity a .postmortemrc.json makes heading-syntax an error.
WEB_WORKSPACE="$RUN_DIR/web-workspace"
mkdir -p "$WEB_WORKSPACE"/{problems,quick-fix,view,rc-severity}
cp "${SEED_003[0]}" "$WEB_WORKSPACE/problems/seed-003.md"
cp "${SEED_003[0]}" "$WEB_WORKSPACE/quick-fix/seed-003.md"
cp "${SEED_002[0]}" "$WEB_WORKSPACE/view/seed-002.md"
cp "${SEED_003[0]}" "$WEB_WORKSPACE/rc-severity/seed-003.md"
echo '{ "rules": { "heading-syntax": "error" } }' >"$WEB_WORKSPACE/rc-severity/.postmortemrc.json"

# Three reports for the Follow-ups view: one item long overdue, one due far ahead, one without a date.
mkdir -p "$WORKSPACE/follow-ups/postmortems"
follow_up_report() {
  printf '# Postmortem: %s\n\n## Summary\n\nThe %s failed.\n\n## Timeline\n\n- 10:00 UTC alert fired\n\n## Action Items\n\n%s\n' "$1" "$1" "$2" \
    >"$WORKSPACE/follow-ups/postmortems/$3.md"
}
follow_up_report "DNS outage" "- [ ] Lower the DNS TTL to 60 seconds (owner: @bob, due: 2999-01-01)" dns
follow_up_report "Database outage" "- [ ] Alert on connection-pool saturation (owner: @ana, due: 2001-01-01)" database
follow_up_report "CDN outage" "- [ ] Purge the CDN cache on every deploy (owner: @cy)" cdn

# --- code-server and the journeys, once per extension host -------------------------------------------------------------
rm -rf "$ARTIFACTS"
mkdir -p "$ARTIFACTS"
say "setup, packaging and workspaces: ${SECONDS}s; the journeys (screenshots in test/e2e/artifacts/):"
README_IMAGE=""
[ "${POSTMORTEM_E2E_README_IMAGE:-}" != 1 ] || README_IMAGE="$ROOT/docs/images/editor.png"
passed=0
failed=0
run_journeys() { # host workspace
  HOST="$1"
  EXTENSIONS="$RUN_DIR/$HOST/extensions"
  USER_DATA="$RUN_DIR/$HOST/user-data"
  local port
  port="$(node -e "const s = require('net').createServer(); s.listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })")"
  say "starting code-server for the $HOST extension host on 127.0.0.1:$port (log: $RUN_DIR/code-server-$HOST.log)"
  # Each journey closes its browser: a short reconnection grace time ends that window's extension host (and language
  # server) soon after, instead of keeping them for hours on a 2-core machine.
  setsid "$NODE24" "$CODE_SERVER_ENTRY" --config "$RUN_DIR/code-server.yaml" --auth none --bind-addr "127.0.0.1:$port" \
    --disable-telemetry --disable-update-check --disable-workspace-trust --reconnection-grace-time 5 \
    --extensions-dir "$EXTENSIONS" --user-data-dir "$USER_DATA" "$2" >"$RUN_DIR/code-server-$HOST.log" 2>&1 &
  CODE_SERVER_PID=$!
  set +e
  E2E_HOST="$HOST" E2E_URL="http://127.0.0.1:$port" E2E_WORKSPACE="$2" E2E_EXTENSIONS="$EXTENSIONS" E2E_ARTIFACTS="$ARTIFACTS" \
    E2E_CHROMIUM="$CHROMIUM" E2E_README_IMAGE="$README_IMAGE" \
    timeout --kill-after=10 900 node --import tsx test/e2e/journeys.ts | tee "$RUN_DIR/journeys-$HOST.log" | grep --line-buffered -v '^[0-9]* passed, [0-9]* failed$'
  local status=${PIPESTATUS[0]}
  set -e
  stop_code_server
  # journeys.ts closes with `N passed, N failed`: the two runs are added up into one closing line.
  local summary
  summary="$(tail -n 1 "$RUN_DIR/journeys-$HOST.log")"
  if [[ "$summary" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
    passed=$((passed + BASH_REMATCH[1]))
    failed=$((failed + BASH_REMATCH[2]))
  fi
  if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
    say "the $HOST journeys did not finish (exit $status)"
    failed=$((failed + 1))
  fi
}
# POSTMORTEM_E2E_HOSTS=web-worker runs one host's journeys only.
for host in ${POSTMORTEM_E2E_HOSTS:-node web-worker}; do
  case "$host" in
    node) run_journeys node "$WORKSPACE" ;;
    web-worker) run_journeys web-worker "$WEB_WORKSPACE" ;;
    *) abort "POSTMORTEM_E2E_HOSTS names an unknown extension host: $host (node, web-worker)" ;;
  esac
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
