package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/switchboard/switchboard/graph"
	"github.com/switchboard/switchboard/internal/app"
	"github.com/switchboard/switchboard/internal/testdb"
)

// nest repeats an account -> agents -> agent hop n times inside a node query.
func nest(n int, page int, leaf string) string {
	q := leaf
	for range n {
		q = fmt.Sprintf("account { agents(first: %d) { edges { node { %s } } } }", page, q)
	}
	return q
}

func TestLimitsRefuseAbusiveQueriesBeforeExecution(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		e := newEnv(t, d)
		_, agentID := newAgent(t, e, "jane")
		admin := e.admin(t)
		vars := map[string]any{"id": agentID}
		node := func(body string) string {
			return `query($id: ID!) { node(id: $id) { ... on Agent { ` + body + ` } } }`
		}

		r := admin.expectError(t, "QUERY_TOO_COMPLEX", "", node(nest(4, 1, "id")), vars)
		if !strings.Contains(r.Errors[0].Message, "levels deep") {
			t.Errorf("depth message: %q", r.Errors[0].Message)
		}

		var costly []string
		for i := range 3 {
			costly = append(costly, fmt.Sprintf("a%d: %s", i, nest(2, 100, "id")))
		}
		r = admin.expectError(t, "QUERY_TOO_COMPLEX", "", node(strings.Join(costly, " ")), vars)
		if !strings.Contains(r.Errors[0].Message, "costs 61") || r.Extensions["cost"] == nil {
			t.Errorf("cost refusal: %q, extensions %v", r.Errors[0].Message, r.Extensions)
		}

		var aliases []string
		for i := range 31 {
			aliases = append(aliases, fmt.Sprintf("l%d: languages { code }", i))
		}
		admin.expectError(t, "QUERY_TOO_COMPLEX", "", "{ "+strings.Join(aliases, " ")+" }", nil)

		admin.expectError(t, "BAD_USER_INPUT", "first", node(`account { agents(first: 101) { totalCount } }`), vars)
		admin.expectError(t, "BAD_USER_INPUT", "last", `query($n: Int) { accounts(last: $n) { totalCount } }`, map[string]any{"n": 1000})

		var ops []string
		for i := range 11 {
			ops = append(ops, fmt.Sprintf("query Q%d { languages { code } }", i))
		}
		if r := postNamed(t, admin, strings.Join(ops, "\n"), "Q3"); r.code() != "QUERY_TOO_COMPLEX" {
			t.Errorf("11 operations in a document: %+v", r.Errors)
		}
		if r := postNamed(t, admin, strings.Join(ops[:10], "\n"), "Q3"); len(r.Errors) > 0 {
			t.Errorf("10 operations in a document: %+v", r.Errors)
		}

		// Within the limits the same shapes run.
		admin.mustDo(t, node(nest(2, 100, "id")), vars, nil)
	})
}

// postNamed runs the named operation of a document with several.
func postNamed(t *testing.T, c *gqlClient, doc, name string) *gqlResponse {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": doc, "operationName": name})
	req, _ := http.NewRequest(http.MethodPost, c.e.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Switchboard-CSRF", "1")
	res, err := c.http.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	out := &gqlResponse{Status: res.StatusCode}
	if err := json.NewDecoder(res.Body).Decode(out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestResponsesReportTheirCost(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		e := newEnv(t, d)
		accountID, _ := newAgent(t, e, "jane")
		admin := e.admin(t)
		r := admin.do(t, `query($id: ID!) { node(id: $id) { ... on Account { agents(first: 10) { totalCount edges { node { id firstName } } } } } }`,
			map[string]any{"id": accountID})
		if len(r.Errors) > 0 || r.Extensions["cost"] != float64(22) {
			t.Errorf("cost %v (errors %v), want 22 = node 1 + connection 1 + 10 x (edge 1 + agent 1)", r.Extensions["cost"], r.Errors)
		}
		// A failed mutation (rolled back) still reports its cost.
		r = e.anon().do(t, startSession, map[string]any{"u": "jane", "p": "wrong"})
		if r.code() != "UNAUTHENTICATED" || r.Extensions["cost"] == nil {
			t.Errorf("failed mutation: code %q, extensions %v", r.code(), r.Extensions)
		}

		// What the console's agents page asks for.
		r = admin.do(t, `query($id: ID!) { node(id: $id) { ... on Account { agents(first: 50) {
			totalCount pageInfo { hasNextPage endCursor }
			edges { node { id firstName lastName email username enabled source ringExOwned signedIn
				role { id name } teams { id name } categories { id name } } } } } } }`,
			map[string]any{"id": accountID})
		if len(r.Errors) > 0 {
			t.Fatalf("agents page: %v", r.Errors)
		}
		t.Logf("cost of the console agents page (50 per page): %v", r.Extensions["cost"])
	})
}

func TestProductionHidesIntrospectionPlaygroundAndInternals(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		const introspect = `{ __schema { queryType { name } } }`
		production := func(introspection bool) func(*app.Config) {
			return func(c *app.Config) {
				c.Env, c.Introspection = "production", introspection
				c.SecretKey = strings.Repeat("ab", 32) // production requires a configured key
			}
		}
		prod := newEnv(t, d, production(false))
		prod.admin(t).expectError(t, "FORBIDDEN", "", introspect, nil)
		if res, err := http.Get(prod.URL + "/playground"); err != nil || res.StatusCode != http.StatusNotFound {
			t.Errorf("playground in production: %v %v", res.StatusCode, err)
		}
		opted := newEnv(t, d, production(true))
		opted.admin(t).mustDo(t, introspect, nil, nil)
		dev := newEnv(t, d)
		dev.anon().mustDo(t, introspect, nil, nil)
	})
}

// Errors nobody classified answer INTERNAL with no detail; classified ones
// keep their code and message.
func TestErrorPresenterHidesInternals(t *testing.T) {
	present := graph.ErrorPresenter(slog.New(slog.NewTextHandler(io.Discard, nil)))
	got := present(context.Background(), errors.New(`pq: relation "secret_table" does not exist`))
	if got.Message != "internal error" || got.Extensions["code"] != "INTERNAL" {
		t.Errorf("unclassified error presented as %q %v", got.Message, got.Extensions)
	}
}
