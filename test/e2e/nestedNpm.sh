# Sourced, not run: `forget_outer_npm_run` makes a nested npm start from the user's configuration, not from the run of
# the npm that started this script. Run from `npm test`, a script inherits the outer npm's run-script environment, and a
# nested npm reads every npm_config_* variable as its own configuration: npm_config_user_agent would still name the outer
# Node (code-server's postinstall reads its Node version from there and refuses), npm_config_node_gyp and the prefixes
# would point at the outer npm's. What the outer npm derived for its own run is dropped; settings a user exported (a
# registry, a proxy) stay.
forget_outer_npm_run() {
  unset NODE INIT_CWD npm_command npm_execpath npm_node_execpath npm_config_user_agent npm_config_node_gyp \
    npm_config_npm_version npm_config_local_prefix npm_config_global_prefix npm_config_prefix npm_config_call
  local name
  while read -r name; do unset "$name"; done < <(compgen -e | grep -E '^npm_(lifecycle|package)_' || true)
}
