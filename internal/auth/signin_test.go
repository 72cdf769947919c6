package auth_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/switchboard/switchboard/internal/auth"
	"github.com/switchboard/switchboard/internal/errs"
	"github.com/switchboard/switchboard/internal/password"
	"github.com/switchboard/switchboard/internal/testdb"
	"github.com/switchboard/switchboard/internal/viewer"
)

func TestBootstrapCreatesOneAdminOnce(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		conn := testdb.New(t, d)
		svc := &auth.Service{Client: conn.Client, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
		ctx := context.Background()
		creds, err := svc.Bootstrap(ctx, "", "")
		if err != nil {
			t.Fatal(err)
		}
		if creds.Email != auth.DefaultAdminEmail || !creds.Generated || password.Validate(creds.Password) != nil {
			t.Fatalf("credentials = %+v", creds)
		}
		again, err := svc.Bootstrap(ctx, "other@test.local", "another long password")
		if err != nil || again != nil {
			t.Fatalf("second bootstrap = %+v, %v; want nothing", again, err)
		}
		users, _ := conn.Client.ConsoleUser.Query().All(viewer.SystemContext(ctx))
		if len(users) != 1 || !users[0].PlatformAdmin {
			t.Fatalf("users = %+v", users)
		}
		if _, err := svc.SignIn(ctx, creds.Email, creds.Password); err != nil {
			t.Errorf("signing in with the generated password: %v", err)
		}
	})
}

func TestSignInRefusalsLookAlike(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		f := newFixture(t, d)
		acc, roles := f.account(t, "Acme")
		off := f.member(t, "off@test.local", acc, roles["Agent"])
		if _, err := f.svc.UpdateUser(f.adminCtx(), off.ID, auth.UserChanges{Disabled: ptr(true)}); err != nil {
			t.Fatal(err)
		}
		var msgs []string
		for _, tc := range []struct{ name, email, pw string }{
			{"wrong password", adminEmail, "not the password"},
			{"unknown email", "nobody@test.local", "not the password"},
			{"disabled user", "off@test.local", "a long enough password"},
		} {
			_, err := f.svc.SignIn(context.Background(), tc.email, tc.pw)
			if errs.CodeOf(err) != errs.UnauthenticatedC {
				t.Fatalf("%s: %v, want UNAUTHENTICATED", tc.name, err)
			}
			msgs = append(msgs, err.Error())
		}
		if msgs[0] != msgs[1] || msgs[1] != msgs[2] {
			t.Errorf("refusals differ: %q", msgs)
		}
		in, err := f.svc.SignIn(context.Background(), "ADMIN@Test.Local", adminPassword)
		if err != nil || !in.Viewer.PlatformAdmin || in.User.LastSignInAt == nil {
			t.Fatalf("sign-in with upper-case email: %+v, %v", in, err)
		}
	})
}

func TestSessionCookieAndCSRF(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		f := newFixture(t, d)
		w := httptest.NewRecorder()
		ctx := auth.WithRequest(context.Background(), w, "192.0.2.1", "test")
		if _, err := f.svc.SignIn(ctx, adminEmail, adminPassword); err != nil {
			t.Fatal(err)
		}
		cookies := w.Result().Cookies()
		if len(cookies) != 1 {
			t.Fatalf("cookies = %+v", cookies)
		}
		c := cookies[0]
		if c.Name != auth.CookieName || !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Secure || c.Path != "/" {
			t.Errorf("cookie = %+v", c)
		}
		req := func(method string, csrf bool) *http.Request {
			r := httptest.NewRequest(method, "/graphql", strings.NewReader("{}"))
			r.AddCookie(c)
			if csrf {
				r.Header.Set(auth.CSRFHeader, "1")
			}
			return r
		}
		if v, _ := f.serve(t, req(http.MethodPost, true)); v == nil || v.UserID != f.admin.ID || !v.PlatformAdmin {
			t.Errorf("POST with CSRF header: viewer %+v", v)
		}
		if v, _ := f.serve(t, req(http.MethodGet, false)); v == nil {
			t.Error("GET without CSRF header: no viewer")
		}
		if v, w := f.serve(t, req(http.MethodPost, false)); v != nil || w.Code != http.StatusForbidden || !strings.Contains(w.Body.String(), `"FORBIDDEN"`) {
			t.Errorf("POST without CSRF header: viewer %+v, %d %s", v, w.Code, w.Body)
		}
		// Idle expiry: 12 hours without a request end the session.
		f.clock.Add(13 * time.Hour)
		v, w2 := f.serve(t, req(http.MethodPost, true))
		if v != nil || w2.Code != http.StatusOK {
			t.Errorf("idle session still signed in: %+v (%d)", v, w2.Code)
		}
		if cs := w2.Result().Cookies(); len(cs) != 1 || cs[0].MaxAge >= 0 {
			t.Errorf("expired session cookie not cleared: %+v", cs)
		}
	})
}

func TestSessionAbsoluteExpiryAndSignOut(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		f := newFixture(t, d)
		in, err := f.svc.SignIn(context.Background(), adminEmail, adminPassword)
		if err != nil {
			t.Fatal(err)
		}
		r := func() *http.Request {
			r := httptest.NewRequest(http.MethodGet, "/graphql", nil)
			r.AddCookie(&http.Cookie{Name: auth.CookieName, Value: in.Token})
			return r
		}
		// Used every 11 hours, the session slides, but not past 7 days.
		for i := 0; i < 15; i++ {
			f.clock.Add(11 * time.Hour)
			if v, _ := f.serve(t, r()); v == nil {
				t.Fatalf("session ended after %d hours", (i+1)*11)
			}
		}
		f.clock.Add(11 * time.Hour) // 176 h > 168 h
		if v, _ := f.serve(t, r()); v != nil {
			t.Fatal("session outlived its absolute expiry")
		}
		// Sign-out deletes the session row.
		in, _ = f.svc.SignIn(context.Background(), adminEmail, adminPassword)
		var seen *viewer.Viewer
		f.svc.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			seen = viewer.FromContext(r.Context())
			if err := f.svc.SignOut(r.Context()); err != nil {
				t.Error(err)
			}
		})).ServeHTTP(httptest.NewRecorder(), r())
		if seen == nil {
			t.Fatal("not signed in before sign-out")
		}
		if v, _ := f.serve(t, r()); v != nil {
			t.Fatal("session alive after sign-out")
		}
	})
}

func TestThrottlingLocksAndForgives(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		f := newFixture(t, d)
		ctx := auth.WithRequest(context.Background(), nil, "198.51.100.7", "test")
		fail := func() error { _, err := f.svc.SignIn(ctx, adminEmail, "wrong password!"); return err }
		for i := 0; i < auth.DefaultEmailThrottle.Free; i++ {
			if err := fail(); errs.CodeOf(err) != errs.UnauthenticatedC {
				t.Fatalf("failure %d: %v", i+1, err)
			}
		}
		// The 5th failure started a 1 s back-off: even the right password waits.
		_, err := f.svc.SignIn(ctx, adminEmail, adminPassword)
		var te *auth.ThrottledError
		if !errors.As(err, &te) || te.RetryAfter != 1 || errs.CodeOf(err) != errs.TooManyAttempts {
			t.Fatalf("during back-off: %v", err)
		}
		for i := auth.DefaultEmailThrottle.Free; i < auth.DefaultEmailThrottle.LockAfter; i++ {
			f.clock.Add(time.Minute)
			if err := fail(); errs.CodeOf(err) != errs.UnauthenticatedC {
				t.Fatalf("failure %d: %v", i+1, err)
			}
		}
		_, err = f.svc.SignIn(ctx, adminEmail, adminPassword)
		if !errors.As(err, &te) || te.RetryAfter != int(auth.DefaultEmailThrottle.Lock/time.Second) {
			t.Fatalf("after %d failures: %v", auth.DefaultEmailThrottle.LockAfter, err)
		}
		f.clock.Add(auth.DefaultEmailThrottle.Lock + time.Second)
		if _, err := f.svc.SignIn(ctx, adminEmail, adminPassword); err != nil {
			t.Fatalf("after the lock: %v", err)
		}
		// Success forgot the email's failures: five free ones again.
		for i := 0; i < auth.DefaultEmailThrottle.Free; i++ {
			f.clock.Add(time.Minute)
			if err := fail(); errs.CodeOf(err) != errs.UnauthenticatedC {
				t.Fatalf("failure %d after success: %v", i+1, err)
			}
		}
	})
}

func TestThrottlingPerClientAddress(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		f := newFixture(t, d)
		f.svc.IPThrottle = &auth.ThrottlePolicy{Free: 3, LockAfter: 3, Lock: time.Hour, Window: time.Hour}
		ctx := auth.WithRequest(context.Background(), nil, "203.0.113.9", "test")
		// Different emails each time: only the address links the attempts.
		for i := 0; i < 3; i++ {
			if _, err := f.svc.SignIn(ctx, "guess"+string(rune('a'+i))+"@test.local", "whatever pw"); errs.CodeOf(err) != errs.UnauthenticatedC {
				t.Fatalf("guess %d: %v", i, err)
			}
		}
		if _, err := f.svc.SignIn(ctx, adminEmail, adminPassword); errs.CodeOf(err) != errs.TooManyAttempts {
			t.Fatalf("locked address: %v", err)
		}
		other := auth.WithRequest(context.Background(), nil, "203.0.113.10", "test")
		if _, err := f.svc.SignIn(other, adminEmail, adminPassword); err != nil {
			t.Fatalf("another address: %v", err)
		}
	})
}

func ptr[T any](v T) *T { return &v }

func TestCleanupKeepsLiveState(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		f := newFixture(t, d)
		ctx := viewer.SystemContext(context.Background())
		old, _ := f.svc.SignIn(context.Background(), adminEmail, adminPassword)
		f.svc.SignIn(context.Background(), "x@test.local", "wrong password") // a throttling row
		f.clock.Add(13 * time.Hour)
		live, _ := f.svc.SignIn(context.Background(), adminEmail, adminPassword)
		if err := f.svc.Cleanup(context.Background()); err != nil {
			t.Fatal(err)
		}
		sessions, _ := f.svc.Client.Session.Query().All(ctx)
		if len(sessions) != 1 || sessions[0].TokenHash != password.HashToken(live.Token) || old.Token == live.Token {
			t.Errorf("sessions after cleanup = %v", sessions)
		}
		if n, _ := f.svc.Client.SignInThrottle.Query().Count(ctx); n != 0 {
			t.Errorf("%d stale throttling rows left", n)
		}
	})
}
