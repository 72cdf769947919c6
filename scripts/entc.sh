#!/usr/bin/env bash
# Regenerates ent/ and graph/ent.graphql from ent/schema, then gqlgen.
set -euo pipefail
cd "$(dirname "$0")/.."
(
  exec 9>/tmp/switchboard-generate.lock
  flock 9
  cd ent && go run -mod=mod entc.go
)
exec scripts/gqlgen.sh
