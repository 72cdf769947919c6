#!/usr/bin/env bash
# Starts the real server on a fresh embedded database with the in-process
# RingEX sandbox (rate limits off, so imports are quick), runs the browser
# tests against it, and stops it again.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
port="${E2E_PORT:-18080}"
export SWITCHBOARD_ADMIN_EMAIL="admin@e2e.local"
export SWITCHBOARD_ADMIN_PASSWORD="e2e admin password 1"
go build -o "$work/switchboard" ./cmd/switchboard
"$work/switchboard" --addr "127.0.0.1:$port" --data-dir "$work/data" --seed-demo --ringex-sandbox \
  --ringex-sandbox-users 400 --ringex-sandbox-rate-scale 0 --sync-interval 0 >"$work/server.log" 2>&1 &
pid=$!
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  sleep 0.2
done
if ! curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null; then
  cat "$work/server.log"; exit 1
fi
export SWITCHBOARD_URL="http://127.0.0.1:$port"
status=0
(cd frontend && npm run e2e) || status=$?
if [ "$status" -ne 0 ]; then
  echo "--- server log (tail) ---"; tail -50 "$work/server.log"
fi
exit "$status"
