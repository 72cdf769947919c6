package graph_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/switchboard/switchboard/internal/testdb"
)

// Sign-in, sessions, CSRF, API tokens, throttling and console-user
// administration, through the HTTP endpoint as the console and scripts use it.

const (
	viewerQuery = `{ viewer { user { id email platformAdmin } memberships { account { id } role { name } permissions } token { id } } }`
	signInMut   = `mutation($e:String!,$p:String!){ signIn(email:$e,password:$p){ viewer { user { email } } } }`
)

func TestSignInCookieAndSignOut(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		e := newEnv(t, d)
		// A raw request, to see the Set-Cookie header the browser gets.
		body, _ := json.Marshal(map[string]any{"query": signInMut, "variables": map[string]any{"e": " Admin@Test.Local", "p": adminPassword}})
		res, err := http.Post(e.URL+"/graphql", "application/json", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		cookies := res.Cookies()
		if len(cookies) != 1 || cookies[0].Name != "sb_session" || !cookies[0].HttpOnly ||
			cookies[0].SameSite != http.SameSiteLaxMode || cookies[0].Secure {
			t.Fatalf("cookies = %+v", cookies)
		}
		if raw := res.Header.Get("Set-Cookie"); strings.Contains(raw, "Secure") {
			t.Errorf("development cookie is Secure: %s", raw)
		}

		c := e.admin(t)
		var v struct {
			Viewer struct {
				User struct {
					Email         string
					PlatformAdmin bool
				}
			}
		}
		c.mustDo(t, viewerQuery, nil, &v)
		if v.Viewer.User.Email != adminEmail || !v.Viewer.User.PlatformAdmin {
			t.Fatalf("viewer = %+v", v)
		}
		c.mustDo(t, `mutation { signOut }`, nil, nil)
		r := c.do(t, viewerQuery, nil)
		if len(r.Errors) > 0 || jsonPath(t, r.Data, "viewer") != nil {
			t.Errorf("viewer after sign-out = %s", r.Data)
		}
	})
}

func TestSignInRefusalsAndThrottling(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		e := newEnv(t, d)
		c := e.anon()
		wrong := c.expectError(t, "UNAUTHENTICATED", "", signInMut, map[string]any{"e": adminEmail, "p": "not the password"})
		unknown := c.expectError(t, "UNAUTHENTICATED", "", signInMut, map[string]any{"e": "nobody@test.local", "p": "not the password"})
		if wrong.Errors[0].Message != unknown.Errors[0].Message {
			t.Errorf("refusals differ: %q vs %q", wrong.Errors[0].Message, unknown.Errors[0].Message)
		}
		// Anonymous requests reach nothing but signIn.
		c.expectError(t, "UNAUTHENTICATED", "", `{ accounts(first: 1) { totalCount } }`, nil)

		for i := 0; i < 4; i++ { // 5 failures for this email in all
			c.expectError(t, "UNAUTHENTICATED", "", signInMut, map[string]any{"e": adminEmail, "p": "not the password"})
		}
		// Back-off: even the right password waits, and the answer says how long.
		r := c.expectError(t, "TOO_MANY_ATTEMPTS", "", signInMut, map[string]any{"e": adminEmail, "p": adminPassword})
		if ra, _ := r.Errors[0].Extensions["retryAfter"].(float64); ra < 1 {
			t.Errorf("retryAfter = %v", r.Errors[0].Extensions["retryAfter"])
		}
	})
}

func TestCSRFHeaderRequiredWithCookie(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		e := newEnv(t, d)
		c := e.admin(t)
		c.noCSRF = true
		for _, q := range []string{viewerQuery, `mutation { signOut }`} {
			r := c.expectError(t, "FORBIDDEN", "", q, nil)
			if r.Status != http.StatusForbidden {
				t.Errorf("status %d", r.Status)
			}
		}
		// Queries over GET need no header (and GET runs no mutation).
		res, err := c.http.Get(e.URL + "/graphql?query=" + url.QueryEscape(viewerQuery))
		if err != nil {
			t.Fatal(err)
		}
		var out gqlResponse
		json.NewDecoder(res.Body).Decode(&out)
		res.Body.Close()
		if len(out.Errors) > 0 || jsonPath(t, out.Data, "viewer") == nil {
			t.Errorf("GET with cookie: %s %+v", out.Data, out.Errors)
		}
		res, _ = c.http.Get(e.URL + "/graphql?query=" + url.QueryEscape(`mutation { signOut }`))
		res.Body.Close()
		if res.StatusCode < 400 {
			t.Errorf("GET mutation answered %d", res.StatusCode)
		}
		c.noCSRF = false
		c.mustDo(t, viewerQuery, nil, nil) // the session survived all of it
	})
}

func TestAPITokens(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		e := newEnv(t, d)
		acc := e.createAccount(t, "Acme")
		other := e.createAccount(t, "Other")
		boss := e.createUser(t, "boss@test.local", acc, "Administrator")
		create := `mutation($a:ID!,$n:String!,$s:APITokenScope!){ createAPIToken(input:{accountId:$a,name:$n,scope:$s}){ token { id name prefix scope } secret } }`
		var ro, full struct {
			CreateAPIToken struct {
				Token  struct{ ID, Name, Prefix, Scope string }
				Secret string
			}
		}
		boss.mustDo(t, create, map[string]any{"a": acc, "n": "wallboard", "s": "READ_ONLY"}, &ro)
		boss.mustDo(t, create, map[string]any{"a": acc, "n": "script", "s": "FULL"}, &full)
		tok := ro.CreateAPIToken
		if !strings.HasPrefix(tok.Secret, "sbt_") || !strings.HasPrefix(tok.Secret, tok.Token.Prefix) || tok.Token.Scope != "READ_ONLY" {
			t.Fatalf("token = %+v", tok)
		}
		// A READ_ONLY token reads (its account only) and changes nothing.
		reader := e.withToken(tok.Secret)
		var v struct {
			Viewer struct {
				Token       struct{ ID string }
				Memberships []struct{ Account struct{ ID string } }
			}
		}
		reader.mustDo(t, viewerQuery, nil, &v)
		if v.Viewer.Token.ID != tok.Token.ID || len(v.Viewer.Memberships) != 1 || v.Viewer.Memberships[0].Account.ID != acc {
			t.Errorf("token viewer = %+v", v)
		}
		reader.expectError(t, "FORBIDDEN", "", `mutation { signOut }`, nil)
		reader.expectError(t, "FORBIDDEN", "", `mutation($id:ID!){ revokeAPIToken(id:$id){ token { id } } }`, map[string]any{"id": tok.Token.ID})
		// FULL tokens may not mint tokens.
		e.withToken(full.CreateAPIToken.Secret).expectError(t, "FORBIDDEN", "", create, map[string]any{"a": acc, "n": "x", "s": "FULL"})
		// Tokens are per account: none for an account one is not in.
		boss.expectError(t, "NOT_FOUND", "accountId", create, map[string]any{"a": other, "n": "x", "s": "FULL"})
		boss.expectError(t, "BAD_USER_INPUT", "expiresAt",
			`mutation($a:ID!){ createAPIToken(input:{accountId:$a,name:"old",scope:FULL,expiresAt:"2001-01-01T00:00:00Z"}){ secret } }`, map[string]any{"a": acc})

		var list struct {
			APITokens struct {
				TotalCount int
				Edges      []struct{ Node struct{ Name string } }
			}
		}
		boss.mustDo(t, `query($a:ID!){ apiTokens(accountId:$a){ totalCount edges { node { name } } } }`, map[string]any{"a": acc}, &list)
		if list.APITokens.TotalCount != 2 {
			t.Errorf("apiTokens = %+v", list)
		}
		boss.mustDo(t, `mutation($id:ID!){ revokeAPIToken(id:$id){ token { revokedAt } } }`, map[string]any{"id": tok.Token.ID}, nil)
		r := reader.expectError(t, "UNAUTHENTICATED", "", viewerQuery, nil)
		if r.Status != http.StatusUnauthorized {
			t.Errorf("revoked token status %d", r.Status)
		}
	})
}

func TestConsoleUserAdministration(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		e := newEnv(t, d)
		admin := e.admin(t)
		var created struct {
			CreateConsoleUser struct {
				User     struct{ ID string }
				Password string
			}
		}
		admin.mustDo(t, `mutation { createConsoleUser(input:{email:"Ann@Test.Local",name:"Ann"}){ user { id } password } }`, nil, &created)
		pw := created.CreateConsoleUser.Password
		id := created.CreateConsoleUser.User.ID
		ann := e.anon()
		ann.signIn(t, "ann@test.local", pw)
		admin.expectError(t, "CONFLICT", "email", `mutation { createConsoleUser(input:{email:"ann@test.local",name:"Dup"}){ user { id } } }`, nil)

		change := `mutation($c:String!,$n:String!){ changePassword(currentPassword:$c,newPassword:$n) }`
		ann.expectError(t, "BAD_USER_INPUT", "currentPassword", change, map[string]any{"c": "wrong", "n": "a brand new password"})
		ann.expectError(t, "BAD_USER_INPUT", "newPassword", change, map[string]any{"c": pw, "n": "short"})
		ann.mustDo(t, change, map[string]any{"c": pw, "n": "a brand new password"}, nil)
		e.anon().signIn(t, "ann@test.local", "a brand new password")

		var reset struct{ ResetConsoleUserPassword struct{ Password string } }
		admin.mustDo(t, `mutation($id:ID!){ resetConsoleUserPassword(id:$id){ password } }`, map[string]any{"id": id}, &reset)
		ann2 := e.anon()
		ann2.signIn(t, "ann@test.local", reset.ResetConsoleUserPassword.Password)

		admin.mustDo(t, `mutation($id:ID!){ updateConsoleUser(id:$id,input:{disabled:true}){ user { disabled } } }`, map[string]any{"id": id}, nil)
		if r := ann2.do(t, viewerQuery, nil); jsonPath(t, r.Data, "viewer") != nil {
			t.Errorf("disabled user still signed in: %s", r.Data)
		}
		e.anon().expectError(t, "UNAUTHENTICATED", "", signInMut, map[string]any{"e": "ann@test.local", "p": reset.ResetConsoleUserPassword.Password})

		var me struct {
			Viewer struct{ User struct{ ID string } }
		}
		admin.mustDo(t, viewerQuery, nil, &me)
		admin.expectError(t, "CONFLICT", "disabled", `mutation($id:ID!){ updateConsoleUser(id:$id,input:{disabled:true}){ user { id } } }`, map[string]any{"id": me.Viewer.User.ID})

		var users struct{ ConsoleUsers struct{ TotalCount int } }
		admin.mustDo(t, `{ consoleUsers { totalCount } }`, nil, &users)
		if users.ConsoleUsers.TotalCount != 2 {
			t.Errorf("consoleUsers = %+v", users)
		}
	})
}

func TestMembershipRulesThroughHTTP(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		e := newEnv(t, d)
		acc := e.createAccount(t, "Acme")
		boss := e.createUser(t, "boss@test.local", acc, "Administrator")
		mgr := e.createUser(t, "mgr@test.local", acc, "Manager")
		var v struct {
			Viewer struct {
				User        struct{ ID string }
				Memberships []struct {
					Account     struct{ ID string }
					Role        struct{ Name string }
					Permissions []string
				}
			}
		}
		mgr.mustDo(t, viewerQuery, nil, &v)
		if len(v.Viewer.Memberships) != 1 || v.Viewer.Memberships[0].Role.Name != "Manager" || len(v.Viewer.Memberships[0].Permissions) == 0 {
			t.Fatalf("manager's viewer = %+v", v)
		}
		mgrID := v.Viewer.User.ID
		assign := `mutation($u:ID!,$a:ID!,$r:ID!){ assignMembership(userId:$u,accountId:$a,roleId:$r){ membership { id } } }`
		unassign := `mutation($u:ID!,$a:ID!){ unassignMembership(userId:$u,accountId:$a) }`
		admin := e.roleID(t, acc, "Administrator")
		mgr.expectError(t, "FORBIDDEN", "", assign, map[string]any{"u": mgrID, "a": acc, "r": admin})
		boss.mustDo(t, viewerQuery, nil, &v)
		bossID := v.Viewer.User.ID
		boss.expectError(t, "CONFLICT", "roleId", assign, map[string]any{"u": bossID, "a": acc, "r": e.roleID(t, acc, "Agent")})
		boss.expectError(t, "CONFLICT", "userId", unassign, map[string]any{"u": bossID, "a": acc})
		boss.mustDo(t, assign, map[string]any{"u": mgrID, "a": acc, "r": e.roleID(t, acc, "Agent")}, nil)
		boss.mustDo(t, unassign, map[string]any{"u": mgrID, "a": acc}, nil)
		if r := mgr.do(t, viewerQuery, nil); len(jsonPath(t, r.Data, "viewer.memberships").([]any)) != 0 {
			t.Errorf("removed user still a member: %s", r.Data)
		}
	})
}
