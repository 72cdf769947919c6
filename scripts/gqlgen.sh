#!/usr/bin/env bash
# Regenerates graph/generated.go and the resolver stubs from graph/*.graphql.
# gqlgen keeps resolver bodies but parks resolvers whose field disappeared in a
# "!!! WARNING !!!" block; such leftovers are removed so the build stays clean.
set -euo pipefail
cd "$(dirname "$0")/.."
exec 9>/tmp/switchboard-generate.lock
flock 9
go tool gqlgen generate
for f in graph/*.resolvers.go; do
  python3 - "$f" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()
i = s.find("// !!! WARNING !!!")
if i > 0:
    open(p, "w").write(s[:i].rstrip() + "\n")
PY
done
gofmt -w graph/*.resolvers.go
