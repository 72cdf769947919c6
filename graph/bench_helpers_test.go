package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/internal/account"
	"github.com/switchboard/switchboard/internal/app"
	"github.com/switchboard/switchboard/internal/testdb"
)

func newBenchEnv(b *testing.B, mutate ...func(*app.Config)) *env {
	conn := testdb.New(b, testdb.Postgres)
	cfg := app.Config{DatabaseURL: conn.URL, DataDir: b.TempDir(), AdminEmail: adminEmail, AdminPassword: adminPassword,
		SecretKey: "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=", Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	for _, m := range mutate {
		m(&cfg)
	}
	a, err := app.New(context.Background(), cfg)
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(a.Handler)
	b.Cleanup(func() { srv.Close(); _ = a.Close(context.Background()) })
	return &env{URL: srv.URL, DB: a.DB, App: a}
}

func createAccountDirect(ctx context.Context, c *ent.Client, name string) (*ent.Account, error) {
	return account.Create(ctx, c, ent.CreateAccountInput{Name: name})
}

func (c *gqlClient) signInB(b *testing.B, email, password string) {
	r := c.doB(b, `mutation($e:String!,$p:String!){ signIn(email:$e,password:$p){ viewer { user { id } } } }`,
		map[string]any{"e": email, "p": password})
	if len(r.Errors) > 0 {
		b.Fatalf("signIn: %+v", r.Errors)
	}
}

func (c *gqlClient) doB(b *testing.B, query string, vars map[string]any) *gqlResponse {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, c.e.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Switchboard-CSRF", "1")
	res, err := c.http.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	defer res.Body.Close()
	out := &gqlResponse{}
	if err := json.NewDecoder(res.Body).Decode(out); err != nil {
		b.Fatal(err)
	}
	if len(out.Errors) > 0 {
		b.Fatalf("errors: %+v", out.Errors)
	}
	return out
}
