#!/usr/bin/env bash
# Generates the versioned migrations (internal/db/migrations/{sqlite,postgres})
# from ent/schema, after scripts/entc.sh.
#
#   scripts/migrations.sh          rewrite 0001_init (while unreleased)
#   scripts/migrations.sh <name>   add NNNN_<name>.sql for the changes since
#   scripts/migrations.sh --rehash after adding a hand-written NNNN_<name>.sql
#
# Until the first release the schema lives in the single generated file
# 0001_init.sql: run this without arguments after changing ent/schema, and
# the file is regenerated (hand-written files after it are kept and atlas.sum
# re-hashed). After a release, databases in the field have applied 0001_init,
# so never rewrite it again: every schema change then gets a new named file.
#
# PostgreSQL files are computed on a temporary database created on the server
# of DEV_DATABASE_URL (or TEST_DATABASE_URL); SQLite uses an in-memory one.
# TestMigrationsMatchSchema (internal/db) fails when a migration is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEV_DATABASE_URL="${DEV_DATABASE_URL:-${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable}}"
exec go run ./internal/db/cmd/migdiff "$@"
