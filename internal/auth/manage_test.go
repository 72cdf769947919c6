package auth_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/switchboard/switchboard/ent/apitoken"
	"github.com/switchboard/switchboard/internal/auth"
	"github.com/switchboard/switchboard/internal/errs"
	"github.com/switchboard/switchboard/internal/perm"
	"github.com/switchboard/switchboard/internal/testdb"
	"github.com/switchboard/switchboard/internal/viewer"
)

func TestAPITokenViewer(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		f := newFixture(t, d)
		acc, roles := f.account(t, "Acme")
		other, _ := f.account(t, "Other")
		admin := f.ctxAs(t, f.member(t, "boss@test.local", acc, roles["Administrator"]))
		bearer := func(secret string) (*viewer.Viewer, *httptest.ResponseRecorder) {
			r := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader("{}"))
			r.Header.Set("Authorization", "Bearer "+secret)
			return f.serve(t, r) // no CSRF header needed
		}
		tok, secret, err := f.svc.CreateAPIToken(admin, auth.NewAPIToken{AccountID: acc, Name: " dashboard ", Scope: apitoken.ScopeREAD_ONLY})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(secret, auth.APITokenPrefix) || !strings.HasPrefix(secret, tok.Prefix) || tok.Name != "dashboard" || tok.TokenHash == secret {
			t.Fatalf("token %+v, secret %q", tok, secret)
		}
		v, _ := bearer(secret)
		if v == nil || !v.ReadOnly || v.TokenID != tok.ID || len(v.Accounts) != 1 || !v.Can(acc, perm.ManageUsers) || v.Member(other) {
			t.Fatalf("read-only token viewer = %+v", v)
		}
		// A platform administrator's token reaches its own account only.
		full, psecret, err := f.svc.CreateAPIToken(f.adminCtx(), auth.NewAPIToken{AccountID: acc, Name: "ops", Scope: apitoken.ScopeFULL})
		if err != nil {
			t.Fatal(err)
		}
		if v, _ := bearer(psecret); v == nil || v.PlatformAdmin || v.ReadOnly || v.Member(other) || !v.Can(acc, perm.ManageAccount) {
			t.Fatalf("platform admin token viewer = %+v", v)
		}
		if _, err := f.svc.RevokeAPIToken(admin, full.ID); err != nil {
			t.Fatal(err)
		}
		exp := f.clock.Now().Add(time.Hour)
		_, esecret, err := f.svc.CreateAPIToken(admin, auth.NewAPIToken{AccountID: acc, Name: "short", Scope: apitoken.ScopeFULL, ExpiresAt: &exp})
		if err != nil {
			t.Fatal(err)
		}
		f.clock.Add(2 * time.Hour)
		for name, s := range map[string]string{"revoked": psecret, "expired": esecret, "unknown": "sbt_nope", "other scheme": ""} {
			r := httptest.NewRequest(http.MethodPost, "/graphql", nil)
			r.Header.Set("Authorization", "Bearer "+s)
			if s == "" {
				r.Header.Set("Authorization", "Basic Zm9vOmJhcg==")
			}
			if v, w := f.serve(t, r); v != nil || w.Code != http.StatusUnauthorized || !strings.Contains(w.Body.String(), "UNAUTHENTICATED") {
				t.Errorf("%s token: viewer %+v, %d %s", name, v, w.Code, w.Body)
			}
		}
		past := f.clock.Now().Add(-time.Minute)
		for _, tc := range []struct {
			ctx   context.Context
			in    auth.NewAPIToken
			code  errs.Code
			field string
		}{
			{admin, auth.NewAPIToken{AccountID: acc, Name: "x", Scope: apitoken.ScopeFULL, ExpiresAt: &past}, errs.BadUserInput, "expiresAt"},
			{admin, auth.NewAPIToken{AccountID: acc, Name: "  ", Scope: apitoken.ScopeFULL}, errs.BadUserInput, "name"},
			{admin, auth.NewAPIToken{AccountID: other, Name: "x", Scope: apitoken.ScopeFULL}, errs.NotFoundCode, "accountId"},
			{f.ctxAs(t, f.member(t, "mgr@test.local", acc, roles["Manager"])), auth.NewAPIToken{AccountID: acc, Name: "x", Scope: apitoken.ScopeFULL}, errs.ForbiddenCode, ""},
			{viewer.NewContext(context.Background(), v), auth.NewAPIToken{AccountID: acc, Name: "x", Scope: apitoken.ScopeFULL}, errs.ForbiddenCode, ""},
		} {
			_, _, err := f.svc.CreateAPIToken(tc.ctx, tc.in)
			if e, _ := errs.As(err); e == nil || e.Code != tc.code || e.Field != tc.field {
				t.Errorf("CreateAPIToken(%+v) = %v, want %s %s", tc.in, err, tc.code, tc.field)
			}
		}
	})
}

func TestMembershipRules(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		f := newFixture(t, d)
		acc, roles := f.account(t, "Acme")
		other, otherRoles := f.account(t, "Other")
		sys := viewer.SystemContext(context.Background())
		custom, err := f.svc.Client.Role.Create().SetAccountID(acc).SetName("User desk").
			SetPermissions([]perm.Permission{perm.ManageUsers, perm.ReadAgents, perm.ReadEvents, perm.ReadOwnStatistics}).Save(sys)
		if err != nil {
			t.Fatal(err)
		}
		desk := f.member(t, "desk@test.local", acc, custom.ID)
		boss := f.member(t, "boss@test.local", acc, roles["Administrator"])
		mgr := f.member(t, "mgr@test.local", acc, roles["Manager"])
		newbie, _, _ := f.svc.CreateUser(f.adminCtx(), auth.NewUser{Email: "new@test.local", Name: "New"})
		deskCtx, mgrCtx := f.ctxAs(t, desk), f.ctxAs(t, mgr)
		for _, tc := range []struct {
			name          string
			ctx           context.Context
			user, acc, rl int // rl 0: unassign
			code          errs.Code
			field         string
		}{
			{"grant a role within one's permissions", deskCtx, newbie.ID, acc, roles["Agent"], "", ""},
			{"change it", deskCtx, newbie.ID, acc, roles["Quality analyst"], "", ""},
			{"without MANAGE_USERS", mgrCtx, newbie.ID, acc, roles["Agent"], errs.ForbiddenCode, ""},
			{"escalation", deskCtx, newbie.ID, acc, roles["Administrator"], errs.ForbiddenCode, ""},
			{"role of another account", deskCtx, newbie.ID, acc, otherRoles["Agent"], errs.NotFoundCode, "roleId"},
			{"foreign account", deskCtx, newbie.ID, other, otherRoles["Agent"], errs.NotFoundCode, "accountId"},
			{"demote someone more powerful", deskCtx, boss.ID, acc, roles["Agent"], errs.ForbiddenCode, ""},
			{"remove someone more powerful", deskCtx, boss.ID, acc, 0, errs.ForbiddenCode, ""},
			{"lock oneself out by role", deskCtx, desk.ID, acc, roles["Agent"], errs.ConflictCode, "roleId"},
			{"remove oneself", deskCtx, desk.ID, acc, 0, errs.ConflictCode, "userId"},
			{"remove a member", deskCtx, newbie.ID, acc, 0, "", ""},
			{"remove a non-member", deskCtx, newbie.ID, acc, 0, errs.NotFoundCode, "userId"},
			{"platform admin anywhere", f.adminCtx(), newbie.ID, other, otherRoles["Administrator"], "", ""},
		} {
			if tc.rl != 0 {
				_, err = f.svc.AssignMembership(tc.ctx, tc.user, tc.acc, tc.rl)
			} else {
				err = f.svc.UnassignMembership(tc.ctx, tc.user, tc.acc)
			}
			e, _ := errs.As(err)
			switch {
			case tc.code == "" && err != nil:
				t.Errorf("%s: %v", tc.name, err)
			case tc.code != "" && (e == nil || e.Code != tc.code || e.Field != tc.field):
				t.Errorf("%s: %v, want %s %q", tc.name, err, tc.code, tc.field)
			}
		}
		// Nothing about the account changed.
		if n, _ := f.svc.Client.Role.Query().Count(sys); n != 9 {
			t.Errorf("roles = %d, want 9", n)
		}
	})
}

func TestPasswordsAndDisabling(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		f := newFixture(t, d)
		acc, roles := f.account(t, "Acme")
		u := f.member(t, "agent@test.local", acc, roles["Agent"])
		first, err := f.svc.SignIn(context.Background(), u.Email, "a long enough password")
		if err != nil {
			t.Fatal(err)
		}
		// Change password from a second session; the first one ends.
		w := httptest.NewRecorder()
		second, _ := f.svc.SignIn(auth.WithRequest(context.Background(), w, "192.0.2.1", "ua"), u.Email, "a long enough password")
		r := httptest.NewRequest(http.MethodPost, "/graphql", nil)
		r.Header.Set(auth.CSRFHeader, "1")
		r.AddCookie(&http.Cookie{Name: auth.CookieName, Value: second.Token})
		var changeErrs []error
		f.svc.Middleware(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
			ctx := r.Context()
			changeErrs = append(changeErrs,
				f.svc.ChangePassword(ctx, "wrong", "brand new password"),
				f.svc.ChangePassword(ctx, "a long enough password", "short"),
				f.svc.ChangePassword(ctx, "a long enough password", "brand new password"))
		})).ServeHTTP(httptest.NewRecorder(), r)
		for i, want := range []string{"currentPassword", "newPassword", ""} {
			e, _ := errs.As(changeErrs[i])
			if (want == "") != (changeErrs[i] == nil) || (e != nil && (e.Code != errs.BadUserInput || e.Field != want)) {
				t.Errorf("change %d: %v, want field %q", i, changeErrs[i], want)
			}
		}
		alive := func(token string) bool {
			r := httptest.NewRequest(http.MethodGet, "/graphql", nil)
			r.AddCookie(&http.Cookie{Name: auth.CookieName, Value: token})
			v, _ := f.serve(t, r)
			return v != nil
		}
		if alive(first.Token) || !alive(second.Token) {
			t.Errorf("after change: first alive %v (want false), second alive %v (want true)", alive(first.Token), alive(second.Token))
		}
		if _, err := f.svc.SignIn(context.Background(), u.Email, "brand new password"); err != nil {
			t.Fatal(err)
		}
		// Reset: the new password is returned once and works; sessions end.
		_, pw, err := f.svc.ResetPassword(f.adminCtx(), u.ID)
		if err != nil || alive(second.Token) {
			t.Fatalf("reset: %v, session alive %v", err, alive(second.Token))
		}
		in, err := f.svc.SignIn(context.Background(), u.Email, pw)
		if err != nil {
			t.Fatalf("sign in with reset password: %v", err)
		}
		// Disable: sessions end and sign-in is refused.
		if _, err := f.svc.UpdateUser(f.adminCtx(), u.ID, auth.UserChanges{Disabled: ptr(true)}); err != nil {
			t.Fatal(err)
		}
		if alive(in.Token) {
			t.Error("disabled user's session alive")
		}
		if _, err := f.svc.SignIn(context.Background(), u.Email, pw); errs.CodeOf(err) != errs.UnauthenticatedC {
			t.Errorf("disabled user signs in: %v", err)
		}
		// Nobody disables or demotes themself; only platform admins manage users.
		for name, err := range map[string]error{
			"disable self": second2(f.svc.UpdateUser(f.adminCtx(), f.admin.ID, auth.UserChanges{Disabled: ptr(true)})),
			"demote self":  second2(f.svc.UpdateUser(f.adminCtx(), f.admin.ID, auth.UserChanges{PlatformAdmin: ptr(false)})),
		} {
			if errs.CodeOf(err) != errs.ConflictCode {
				t.Errorf("%s: %v", name, err)
			}
		}
		boss := f.ctxAs(t, f.member(t, "boss@test.local", acc, roles["Administrator"]))
		if _, _, err := f.svc.ResetPassword(boss, f.admin.ID); errs.CodeOf(err) != errs.ForbiddenCode {
			t.Errorf("account admin resets a password: %v", err)
		}
		if _, _, err := f.svc.CreateUser(f.adminCtx(), auth.NewUser{Email: "BOSS@test.local", Name: "Dup"}); errs.CodeOf(err) != errs.ConflictCode {
			t.Errorf("duplicate email: %v", err)
		}
	})
}

func second2[T any](_ T, err error) error { return err }
