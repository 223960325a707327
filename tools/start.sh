#!/usr/bin/env bash
# `npm start`: build what changed with Nx, then become the API server (exec). The server is then npm's own
# child and in npm's process group, so Ctrl-C in the terminal, a SIGTERM to npm (npm 11 passes SIGINT and
# SIGTERM on to its child, and only to it) and a SIGTERM to npm's group all reach it; it drains, stops the
# mail catcher and the embedded PostgreSQL, and exits. (`nx run api:start` runs it in a session of Nx's own,
# which neither reaches.) The npm script begins with `exec` for the same reason: otherwise `sh -c` stays
# between npm and this script and dies of the SIGTERM without passing it on.
set -euo pipefail
cd "$(dirname "$0")/.."

# The build runs in the background only so that this shell, waiting for it, can pass a signal sent to npm on
# to it (a shell runs its traps only between foreground commands) and end with it; its input stays the
# terminal. After Ctrl-C, Nx gets SIGINT from the terminal too, which does no harm.
nx run-many -t build -p api web --output-style=static <&0 &
build=$!
stop_build() {
  trap - "$1"
  kill -s "$1" "$build" 2>/dev/null || true
  wait "$build" 2>/dev/null || true
  kill -s "$1" $$
}
trap 'stop_build INT' INT
trap 'stop_build TERM' TERM
trap 'stop_build HUP' HUP
status=0
wait "$build" || status=$?
trap - INT TERM HUP
if [ "$status" -ne 0 ]; then exit "$status"; fi

exec node --enable-source-maps dist/apps/api/apps/api/src/main.js
