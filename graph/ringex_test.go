package graph_test

import (
	"context"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/switchboard/switchboard/ent/agent"
	"github.com/switchboard/switchboard/ent/ringexlink"
	"github.com/switchboard/switchboard/internal/app"
	"github.com/switchboard/switchboard/internal/ringex"
	"github.com/switchboard/switchboard/internal/ringex/ringextest"
	"github.com/switchboard/switchboard/internal/ringex/sandbox"
	"github.com/switchboard/switchboard/internal/testdb"
	"github.com/switchboard/switchboard/internal/viewer"
)

// ringExEnv is the product with an in-process RingEX sandbox over real HTTP.
type ringExEnv struct {
	*env
	sb        *sandbox.Sandbox
	sbURL     string
	accountID string
	acct      int
}

func newRingExEnv(t *testing.T, d testdb.Dialect, users int, mutate ...func(*app.Config)) *ringExEnv {
	t.Helper()
	sb, url := ringextest.Serve(t, sandbox.Options{Users: users, Seed: 7})
	e := newEnv(t, d, append([]func(*app.Config){func(c *app.Config) { c.JobPollInterval = 50 * time.Millisecond }}, mutate...)...)
	// The client's real waits (back-off, Retry-After) on a fast clock.
	e.App.Directory.RingExConfig = func(c *ringex.Config) { c.WaitScale = ringextest.WaitScale; c.Timeout = 5 * time.Second }
	id := e.createAccount(t, e.unique("RingEX"))
	n, _ := strconv.Atoi(id)
	return &ringExEnv{env: e, sb: sb, sbURL: url, accountID: id, acct: n}
}

const linkMutation = `mutation($a:ID!,$in:LinkRingExInput!){ linkRingEx(accountId:$a,input:$in){
	account { id ringEx { linked serverUrl clientId } } syncJob { id state } } }`

func (r *ringExEnv) creds() map[string]any {
	return map[string]any{"serverUrl": r.sbURL, "clientId": r.sb.ClientID(),
		"clientSecret": r.sb.ClientSecret(), "jwt": r.sb.AppJWT()}
}

// link links the account as the admin and waits for the first sync.
func (r *ringExEnv) link(t *testing.T) {
	t.Helper()
	before := time.Now()
	r.admin(t).mustDo(t, linkMutation, map[string]any{"a": r.accountID, "in": r.creds()}, nil)
	r.waitSync(t, before)
}

type linkStatus struct {
	Linked         bool
	ServerURL      *string
	CompanyID      *string
	LastSyncAt     *time.Time
	LastSyncStatus string
	LastSyncError  *string
	UserCount      int
}

func (r *ringExEnv) status(t *testing.T) linkStatus {
	t.Helper()
	var out struct{ Node struct{ RingEx linkStatus } }
	r.admin(t).mustDo(t, `query($id:ID!){ node(id:$id){ ... on Account { ringEx {
		linked serverUrl companyId lastSyncAt lastSyncStatus lastSyncError userCount } } } }`,
		map[string]any{"id": r.accountID}, &out)
	return out.Node.RingEx
}

// waitSync waits for a sync that finished after since.
func (r *ringExEnv) waitSync(t *testing.T, since time.Time) linkStatus {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		st := r.status(t)
		done := st.LastSyncStatus == "SUCCEEDED" || st.LastSyncStatus == "FAILED"
		if done && st.LastSyncAt != nil && st.LastSyncAt.After(since) {
			return st
		}
		if time.Now().After(deadline) {
			t.Fatalf("sync did not finish: %+v", st)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// sync runs a sync directly (as the job would) and returns its error.
func (r *ringExEnv) sync(t *testing.T) error {
	t.Helper()
	_, err := r.App.Directory.Sync(viewer.SystemContext(context.Background()), r.acct)
	return err
}

// directoryUsers counts the sandbox's User extensions.
func directoryUsers(sb *sandbox.Sandbox) []sandbox.User {
	var out []sandbox.User
	for _, u := range sb.Users() {
		if u.Type == "User" {
			out = append(out, u)
		}
	}
	return out
}

// importAgent creates an agent imported from RingEX user u, as the importer does.
func (r *ringExEnv) importAgent(t *testing.T, u sandbox.User) int {
	t.Helper()
	ctx := viewer.SystemContext(context.Background())
	c := r.DB.Client
	role, err := c.Role.Query().First(ctx)
	if err != nil {
		t.Fatal(err)
	}
	a, err := c.Agent.Create().SetAccountID(r.acct).SetRoleID(role.ID).
		SetFirstName(u.FirstName).SetLastName(u.LastName).SetEmail(u.Email).
		SetUsername("rx" + strconv.FormatInt(u.ID, 10)).SetTimezone("UTC").SetLanguage("en-US").
		SetSource(agent.SourceRINGEX).SetRingexExtensionID(u.ID).SetRingexStatus(agent.RingexStatusACTIVE).
		Save(ctx)
	if err != nil {
		t.Fatalf("creating imported agent: %v", err)
	}
	return a.ID
}

func TestRingExLink(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		r := newRingExEnv(t, d, 300)
		admin := r.admin(t)
		with := func(k, v string) map[string]any {
			in := r.creds()
			in[k] = v
			return map[string]any{"a": r.accountID, "in": in}
		}
		admin.expectError(t, "RINGEX_AUTH_FAILED", "clientSecret", linkMutation, with("clientSecret", "wrong"))
		admin.expectError(t, "RINGEX_AUTH_FAILED", "jwt", linkMutation, with("jwt", "not.a.jwt"))
		admin.expectError(t, "BAD_USER_INPUT", "serverUrl", linkMutation, with("serverUrl", "ftp://x"))
		closed := httptest.NewServer(nil)
		closed.Close()
		admin.expectError(t, "RINGEX_UNAVAILABLE", "", linkMutation, with("serverUrl", closed.URL))
		if st := r.status(t); st.Linked {
			t.Fatalf("a failed link was saved: %+v", st)
		}
		manager := r.createUser(t, "mgr@test.local", r.accountID, "Manager")
		res := manager.expectError(t, "FORBIDDEN", "", linkMutation, with("clientId", r.sb.ClientID()))
		if !strings.Contains(res.Errors[0].Message, "MANAGE_INTEGRATIONS") {
			t.Errorf("FORBIDDEN does not name the permission: %s", res.Errors[0].Message)
		}

		resp := admin.do(t, linkMutation, map[string]any{"a": r.accountID, "in": r.creds()})
		if len(resp.Errors) > 0 {
			t.Fatalf("link: %+v", resp.Errors)
		}
		if jsonPath(t, resp.Data, "linkRingEx.syncJob") == nil {
			t.Fatalf("no sync job: %s", resp.Data)
		}
		for _, s := range []string{r.sb.ClientSecret(), r.sb.AppJWT()} {
			if strings.Contains(string(resp.Data), s) {
				t.Fatal("a secret came back in the payload")
			}
		}
		st := r.waitSync(t, time.Time{})
		if want := len(directoryUsers(r.sb)); st.LastSyncStatus != "SUCCEEDED" || st.UserCount != want {
			t.Fatalf("after link: %+v, want %d users", st, want)
		}
		if st.CompanyID == nil || *st.CompanyID == "" {
			t.Errorf("company id not recorded: %+v", st)
		}
		// Secrets are sealed at rest.
		l, err := r.DB.Client.RingExLink.Query().Where(ringexlink.AccountID(r.acct)).Only(viewer.SystemContext(context.Background()))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(l.ClientSecretEnc, r.sb.ClientSecret()) || strings.Contains(l.JwtEnc, r.sb.AppJWT()) {
			t.Fatal("secrets stored in clear")
		}
		// The sealed credentials work for later calls (agent sign-in).
		u := directoryUsers(r.sb)[3]
		tok, _ := r.sb.UserToken(u.ID)
		if got, err := r.App.Directory.VerifyUserToken(context.Background(), r.acct, tok); err != nil || got != u.ID {
			t.Fatalf("VerifyUserToken = %d, %v; want %d", got, err, u.ID)
		}
		if _, err := r.App.Directory.VerifyUserToken(context.Background(), r.acct, "bogus"); err == nil {
			t.Fatal("a bogus user token was accepted")
		}

		admin.mustDo(t, `mutation($a:ID!){ unlinkRingEx(accountId:$a){ account { id } } }`, map[string]any{"a": r.accountID}, nil)
		if st := r.status(t); st.Linked || st.UserCount != 0 {
			t.Fatalf("after unlink: %+v", st)
		}
		admin.expectError(t, "RINGEX_NOT_LINKED", "", searchQuery, map[string]any{"a": r.accountID, "first": 5})
	})
}
