package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"entgo.io/ent/dialect"

	"github.com/switchboard/switchboard/internal/app"
	"github.com/switchboard/switchboard/internal/db"
	"github.com/switchboard/switchboard/internal/testdb"
)

// The harness runs the real product (internal/app) on a fresh database
// behind an httptest server; tests talk to it over HTTP like the console.

const (
	adminEmail    = "admin@test.local"
	adminPassword = "correct horse battery staple"
	userPassword  = "a long enough password"
)

type env struct {
	URL string
	DB  *db.DB
	App *app.App
	seq atomic.Int64
}

// newEnv starts the product on a fresh database of dialect d.
func newEnv(t *testing.T, d testdb.Dialect, mutate ...func(*app.Config)) *env {
	t.Helper()
	conn := testdb.New(t, d)
	cfg := app.Config{
		DatabaseURL:   conn.URL,
		DataDir:       t.TempDir(),
		AdminEmail:    adminEmail,
		AdminPassword: adminPassword,
		Logger:        slog.New(slog.NewTextHandler(testLogWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn})),
	}
	for _, m := range mutate {
		m(&cfg)
	}
	ctx := context.Background()
	a, err := app.New(ctx, cfg)
	if err != nil {
		t.Fatalf("starting app: %v", err)
	}
	if err := a.Start(ctx); err != nil {
		t.Fatalf("starting background work: %v", err)
	}
	srv := httptest.NewServer(a.Handler)
	t.Cleanup(func() {
		srv.Close()
		_ = a.Close(context.Background())
	})
	return &env{URL: srv.URL, DB: a.DB, App: a}
}

type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

type gqlResponse struct {
	Data       json.RawMessage `json:"data"`
	Errors     []gqlError      `json:"errors"`
	Extensions map[string]any  `json:"extensions"`
	Status     int             `json:"-"`
}

// code returns the extensions.code of the first error, "" when none.
func (r *gqlResponse) code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

// field returns the extensions.field of the first error.
func (r *gqlResponse) field() string {
	if len(r.Errors) == 0 {
		return ""
	}
	f, _ := r.Errors[0].Extensions["field"].(string)
	return f
}

type gqlClient struct {
	e      *env
	http   *http.Client
	bearer string
	// noCSRF leaves out the CSRF header (to test the rule).
	noCSRF bool
}

// anon is a client without a session.
func (e *env) anon() *gqlClient {
	jar, _ := cookiejar.New(nil)
	return &gqlClient{e: e, http: &http.Client{Jar: jar}}
}

// withToken is a client authenticating with an API token.
func (e *env) withToken(token string) *gqlClient {
	return &gqlClient{e: e, http: &http.Client{}, bearer: token}
}

// admin is a client signed in as the bootstrap platform administrator.
func (e *env) admin(t *testing.T) *gqlClient {
	t.Helper()
	c := e.anon()
	c.signIn(t, adminEmail, adminPassword)
	return c
}

func (c *gqlClient) signIn(t *testing.T, email, password string) {
	t.Helper()
	r := c.do(t, `mutation($e:String!,$p:String!){ signIn(email:$e,password:$p){ viewer { user { id } } } }`,
		map[string]any{"e": email, "p": password})
	if len(r.Errors) > 0 {
		t.Fatalf("signIn %s: %+v", email, r.Errors)
	}
}

// do posts one GraphQL request.
func (c *gqlClient) do(t *testing.T, query string, vars map[string]any) *gqlResponse {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, c.e.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if !c.noCSRF {
		req.Header.Set("X-Switchboard-CSRF", "1")
	}
	if c.bearer != "" {
		req.Header.Set("Authorization", "Bearer "+c.bearer)
	}
	res, err := c.http.Do(req)
	if err != nil {
		t.Fatalf("POST /graphql: %v", err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	out := &gqlResponse{Status: res.StatusCode}
	if err := json.Unmarshal(raw, out); err != nil {
		t.Fatalf("decoding response (%d): %v: %s", res.StatusCode, err, raw)
	}
	if res.StatusCode >= 500 {
		t.Fatalf("server error %d: %s", res.StatusCode, raw)
	}
	return out
}

// mustDo fails the test on any error and decodes data into out.
func (c *gqlClient) mustDo(t *testing.T, query string, vars map[string]any, out any) {
	t.Helper()
	r := c.do(t, query, vars)
	if len(r.Errors) > 0 {
		t.Fatalf("unexpected errors: %+v\nquery: %s", r.Errors, query)
	}
	if out != nil {
		if err := json.Unmarshal(r.Data, out); err != nil {
			t.Fatalf("decoding data: %v: %s", err, r.Data)
		}
	}
}

// expectError fails unless the request answers an error with code (and
// field, when not empty), and returns the response.
func (c *gqlClient) expectError(t *testing.T, code, field, query string, vars map[string]any) *gqlResponse {
	t.Helper()
	r := c.do(t, query, vars)
	if r.code() != code || (field != "" && r.field() != field) {
		t.Fatalf("want %s (field %q), got %+v\nquery: %s", code, field, r.Errors, query)
	}
	return r
}

// createAccount creates an account as the platform administrator.
func (e *env) createAccount(t *testing.T, name string) string {
	t.Helper()
	var out struct {
		CreateAccount struct{ Account struct{ ID string } }
	}
	e.admin(t).mustDo(t, `mutation($n:String!){ createAccount(input:{name:$n}){ account { id } } }`,
		map[string]any{"n": name}, &out)
	return out.CreateAccount.Account.ID
}

// roleID finds a role of the account by name.
func (e *env) roleID(t *testing.T, accountID, name string) string {
	t.Helper()
	var out struct {
		Node struct {
			Roles struct {
				Edges []struct{ Node struct{ ID, Name string } }
			}
		}
	}
	e.admin(t).mustDo(t, `query($id:ID!){ node(id:$id){ ... on Account { roles(first:100){ edges { node { id name } } } } } }`,
		map[string]any{"id": accountID}, &out)
	for _, ed := range out.Node.Roles.Edges {
		if ed.Node.Name == name {
			return ed.Node.ID
		}
	}
	t.Fatalf("role %q not found in account %s", name, accountID)
	return ""
}

// createUser creates a console user with a role in the account and returns a
// client signed in as them.
func (e *env) createUser(t *testing.T, email, accountID, roleName string) *gqlClient {
	t.Helper()
	admin := e.admin(t)
	var out struct {
		CreateConsoleUser struct{ User struct{ ID string } }
	}
	admin.mustDo(t, `mutation($e:String!,$p:String!){ createConsoleUser(input:{email:$e,name:$e,password:$p}){ user { id } } }`,
		map[string]any{"e": email, "p": userPassword}, &out)
	admin.mustDo(t, `mutation($u:ID!,$a:ID!,$r:ID!){ assignMembership(userId:$u,accountId:$a,roleId:$r){ membership { id } } }`,
		map[string]any{"u": out.CreateConsoleUser.User.ID, "a": accountID, "r": e.roleID(t, accountID, roleName)}, nil)
	c := e.anon()
	c.signIn(t, email, userPassword)
	return c
}

// unique returns a name unique within the env.
func (e *env) unique(prefix string) string {
	return fmt.Sprintf("%s %d", prefix, e.seq.Add(1))
}

// data decodes a path of the response data, for quick assertions.
func jsonPath(t *testing.T, raw json.RawMessage, path string) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("decoding: %v", err)
	}
	for _, p := range strings.Split(path, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			t.Fatalf("path %s: %v is not an object", path, v)
		}
		v = m[p]
	}
	return v
}

var _ = filepath.Join

// testLogWriter sends the server's warnings and errors to the test log, shown
// only when a test fails.
type testLogWriter struct{ t *testing.T }

func (w testLogWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// onStatement calls see with the text of every statement ent sends (as
// ent's debug driver prints it): tests count queries with it.
func onStatement(see func(q string)) func(*app.Config) {
	return func(c *app.Config) {
		c.DBOptions = append(c.DBOptions, db.WithDriver(func(drv dialect.Driver) dialect.Driver {
			return dialect.DebugWithContext(drv, func(_ context.Context, args ...any) { see(fmt.Sprint(args...)) })
		}))
	}
}
