#!/usr/bin/env bash
# Measures `npm start` from nothing built and no database to the first healthy /api/health.
# Usage: bash bench/cold-start.sh   (run after `npm ci`; uses a throwaway DATA_DIR and port 3999)
set -euo pipefail
cd "$(dirname "$0")/.."
port=3999
data="$(mktemp -d)"
chmod 755 "$data"
rm -rf dist .nx/cache
# Nothing may be restored from the Nx cache: the first start really builds.
export NX_SKIP_NX_CACHE=true
start=$(date +%s.%N)
PORT=$port DATA_DIR="$data" LOG_LEVEL=warn npm start >"$data/start.log" 2>&1 &
pid=$!
until curl -fs "http://localhost:$port/api/health" >/dev/null 2>&1; do
  if ! kill -0 "$pid" 2>/dev/null; then cat "$data/start.log"; exit 1; fi
  sleep 0.1
done
cold=$(echo "$(date +%s.%N) - $start" | bc)
# npm start hands a SIGTERM to the server, which stops its database before it exits.
kill -TERM "$pid"; wait "$pid" 2>/dev/null || true

unset NX_SKIP_NX_CACHE
# Warm: builds cached by Nx, database already initialised.
start=$(date +%s.%N)
PORT=$port DATA_DIR="$data" LOG_LEVEL=warn npm start >"$data/start2.log" 2>&1 &
pid=$!
until curl -fs "http://localhost:$port/api/health" >/dev/null 2>&1; do sleep 0.1; done
warm=$(echo "$(date +%s.%N) - $start" | bc)
kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
rm -rf "$data"
printf 'cold npm start to healthy: %.1f s\nwarm npm start to healthy: %.1f s\n' "$cold" "$warm"
