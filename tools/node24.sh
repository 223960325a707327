#!/usr/bin/env bash
# Puts Node >= 22 first on PATH, bringing Node 24 from the npm registry when this machine's
# `node` is older (Angular 22, ical-generator 11 and pg-boss 12 need it).
#   bash tools/node24.sh <command …>   runs the command with that Node
#   source tools/node24.sh             changes PATH in the current shell (used by .ci/run)
set -euo pipefail

__dh_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(__dh_node_major)" -lt 22 ]; then
  # npm finds its global npmrc (registry, cafile …) next to the running node; keep the machine's
  # one when npm runs under the Node 24 brought in here.
  if [ -z "${NPM_CONFIG_GLOBALCONFIG:-}" ] && command -v npm >/dev/null 2>&1; then
    NPM_CONFIG_GLOBALCONFIG="$(npm config get globalconfig 2>/dev/null || true)"
    export NPM_CONFIG_GLOBALCONFIG
  fi
  __dh_prefix="${NODE24_PREFIX:-$HOME/.cache/digihjalpen/node24}"
  if [ ! -x "$__dh_prefix/node_modules/.bin/node" ]; then
    echo "Node $(node -v 2>/dev/null || echo '(none)') is older than 22; installing Node 24 into $__dh_prefix …" >&2
    npm install --prefix "$__dh_prefix" --no-save --no-audit --no-fund --loglevel=error node@24 >&2
  fi
  export PATH="$__dh_prefix/node_modules/.bin:$PATH"
fi

# Sourced: leave the changed PATH behind. Run: execute the command.
if [ "${BASH_SOURCE[0]}" != "$0" ]; then
  return 0
fi
exec "$@"
