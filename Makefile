# Switchboard: `make run` starts the product, `make test` runs every test.
GO ?= go
# Keep flags identical here and in CI so the build cache is shared.
GOTEST_FLAGS ?= -count=1 -timeout 25m

.PHONY: run build console generate generate-check test test-go test-frontend test-e2e vet dev clean

## run: build the console and start everything on the embedded default
## (SQLite under ./data, in-process RingEX sandbox linked to a demo account).
run: console
	$(GO) run ./cmd/switchboard --seed-demo --ringex-sandbox

## dev: Vite with hot reload, proxying /graphql to a server started with `make run`.
dev: frontend/node_modules
	cd frontend && npm run dev

## build: the console and the binary (bin/switchboard).
build: console
	$(GO) build -o bin/switchboard ./cmd/switchboard

console: frontend/node_modules
	cd frontend && npm run build

frontend/node_modules: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	@touch frontend/node_modules

## generate: ent + entgql, gqlgen, and the console's GraphQL types.
generate: frontend/node_modules
	scripts/entc.sh
	cd frontend && npm run codegen

## generate-check: fail when committed generated code is stale.
generate-check: generate
	@git diff --exit-code -- ent graph frontend/src/gql || (echo "generated code is stale: run make generate and commit" && exit 1)
	@test -z "$$(git status --porcelain -- ent graph frontend/src/gql)" || (git status --porcelain -- ent graph frontend/src/gql; echo "generated files are not committed" && exit 1)

vet:
	$(GO) vet ./...

## test: every test: Go (SQLite, and PostgreSQL when TEST_DATABASE_URL is
## set), the console's unit tests, and the browser tests against a real server.
test: test-go test-frontend test-e2e

test-go:
	$(GO) test $(GOTEST_FLAGS) ./...

test-frontend: frontend/node_modules
	cd frontend && npm test

test-e2e: console
	scripts/e2e.sh

clean:
	rm -rf bin frontend/dist
