package auth_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/internal/auth"
	"github.com/switchboard/switchboard/internal/password"
	"github.com/switchboard/switchboard/internal/perm"
	"github.com/switchboard/switchboard/internal/testdb"
	"github.com/switchboard/switchboard/internal/viewer"
)

const adminEmail, adminPassword = "admin@test.local", "correct horse battery staple"

// clock is a settable time source for sessions and throttling.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

type fixture struct {
	svc   *auth.Service
	clock *clock
	admin *ent.ConsoleUser
}

func newFixture(t *testing.T, d testdb.Dialect) *fixture {
	t.Helper()
	conn := testdb.New(t, d)
	clk := &clock{t: time.Now()}
	svc := &auth.Service{Client: conn.Client, Now: clk.Now, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	creds, err := svc.Bootstrap(context.Background(), adminEmail, adminPassword)
	if err != nil || creds == nil {
		t.Fatalf("bootstrap: %v, %v", creds, err)
	}
	f := &fixture{svc: svc, clock: clk}
	f.admin = f.user(t, adminEmail)
	return f
}

func (f *fixture) user(t *testing.T, email string) *ent.ConsoleUser {
	t.Helper()
	u, err := f.svc.Client.ConsoleUser.Query().Where().All(viewer.SystemContext(context.Background()))
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range u {
		if x.Email == email {
			return x
		}
	}
	t.Fatalf("no user %s", email)
	return nil
}

// adminCtx acts as the bootstrap platform administrator.
func (f *fixture) adminCtx() context.Context {
	return viewer.NewContext(context.Background(), &viewer.Viewer{UserID: f.admin.ID, Email: f.admin.Email, PlatformAdmin: true})
}

// account creates an account with the predefined roles; it returns the
// account ID and its roles by name.
func (f *fixture) account(t *testing.T, name string) (int, map[string]int) {
	t.Helper()
	ctx := viewer.SystemContext(context.Background())
	a, err := f.svc.Client.Account.Create().SetName(name).Save(ctx)
	if err != nil {
		t.Fatal(err)
	}
	roles := map[string]int{}
	for _, pr := range perm.PredefinedRoles() {
		r, err := f.svc.Client.Role.Create().SetAccountID(a.ID).SetName(pr.Name).SetPredefined(true).
			SetPermissions(pr.Permissions.List()).Save(ctx)
		if err != nil {
			t.Fatal(err)
		}
		roles[pr.Name] = r.ID
	}
	return a.ID, roles
}

// member creates a user with a role in the account and returns the user.
func (f *fixture) member(t *testing.T, email string, accountID, roleID int) *ent.ConsoleUser {
	t.Helper()
	pw := "a long enough password"
	u, _, err := f.svc.CreateUser(f.adminCtx(), auth.NewUser{Email: email, Name: email, Password: &pw})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.AssignMembership(f.adminCtx(), u.ID, accountID, roleID); err != nil {
		t.Fatal(err)
	}
	return u
}

// viewerOf resolves the viewer the middleware gives a request.
func (f *fixture) serve(t *testing.T, r *http.Request) (*viewer.Viewer, *httptest.ResponseRecorder) {
	t.Helper()
	var got *viewer.Viewer
	w := httptest.NewRecorder()
	f.svc.Middleware(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
		got = viewer.FromContext(r.Context())
	})).ServeHTTP(w, r)
	return got, w
}

// ctxAs is the context of a request by the user's session viewer.
func (f *fixture) ctxAs(t *testing.T, u *ent.ConsoleUser) context.Context {
	t.Helper()
	in, err := f.svc.SignIn(context.Background(), u.Email, "a long enough password")
	if err != nil {
		t.Fatalf("sign in %s: %v", u.Email, err)
	}
	return viewer.NewContext(context.Background(), in.Viewer)
}

var _ = password.Generate
