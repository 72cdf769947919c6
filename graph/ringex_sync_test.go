package graph_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/account"
	"github.com/switchboard/switchboard/ent/ringexuser"
	"github.com/switchboard/switchboard/internal/ringex/sandbox"
	"github.com/switchboard/switchboard/internal/testdb"
	"github.com/switchboard/switchboard/internal/viewer"
)

func (r *ringExEnv) mirror(t *testing.T, id int64) *ent.RingExUser {
	t.Helper()
	u, err := r.DB.Client.RingExUser.Query().
		Where(ringexuser.AccountID(r.acct), ringexuser.RingexID(id)).Only(viewer.SystemContext(context.Background()))
	if err != nil {
		t.Fatalf("mirror user %d: %v", id, err)
	}
	return u
}

// linkedAgent is the id of the agent ringExUsers shows for the user (found
// by its email), "" when it shows none.
func (r *ringExEnv) linkedAgent(t *testing.T, c *gqlClient, ringexID int64, email string) string {
	t.Helper()
	p := r.search(t, c, map[string]any{"s": email, "f": map[string]any{"includeRemoved": true}, "first": 10})
	for _, u := range p.users() {
		if u.RingexID != strconv.FormatInt(ringexID, 10) {
			continue
		}
		if u.Agent == nil || !u.Imported {
			return ""
		}
		return u.Agent.ID
	}
	t.Fatalf("user %d (%s) not found in the directory", ringexID, email)
	return ""
}

func (r *ringExEnv) agent(t *testing.T, id int) *ent.Agent {
	t.Helper()
	a, err := r.DB.Client.Agent.Get(viewer.SystemContext(context.Background()), id)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func ptr[T any](v T) *T { return &v }

func derefOr(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// Sync follows RingEX: new, changed, disabled and removed users, the agents
// imported from them, and a user who comes back.
func TestRingExSync(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		r := newRingExEnv(t, d, 300)
		r.link(t)
		users := directoryUsers(r.sb)
		changed, disabled, gone := users[10], users[11], users[12]
		for _, u := range []sandbox.User{changed, disabled, gone} {
			if u.Status != "Enabled" {
				t.Skipf("seed changed: user %d is %s", u.ID, u.Status)
			}
		}
		aChanged, aDisabled, aGone := r.importAgent(t, changed), r.importAgent(t, disabled), r.importAgent(t, gone)
		admin := r.admin(t)
		admin.mustDo(t, `mutation($a:ID!){ setRingExLeaverPolicy(accountId:$a, policy: DISABLE){ account { id } } }`,
			map[string]any{"a": r.accountID}, nil)

		added, err := r.sb.AddUser(sandbox.User{FirstName: "Zoë", LastName: "Newcomer"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := r.sb.UpdateUser(changed.ID, sandbox.UserPatch{LastName: ptr("Renamed"), Email: ptr("renamed@sandbox.example.com")}); err != nil {
			t.Fatal(err)
		}
		if _, err := r.sb.SetStatus(disabled.ID, "Disabled"); err != nil {
			t.Fatal(err)
		}
		if err := r.sb.RemoveUser(gone.ID); err != nil {
			t.Fatal(err)
		}
		// On demand, through the API, as a River job.
		before := time.Now()
		var out struct{ SyncRingExDirectory struct{ ID, State string } }
		admin.mustDo(t, `mutation($a:ID!){ syncRingExDirectory(accountId:$a){ id state } }`, map[string]any{"a": r.accountID}, &out)
		if out.SyncRingExDirectory.ID == "" {
			t.Fatal("no job id")
		}
		if st := r.waitSync(t, before); st.LastSyncStatus != "SUCCEEDED" || st.UserCount != len(users) {
			t.Fatalf("sync: %+v (want %d users)", st, len(users))
		}

		if m := r.mirror(t, added.ID); m.FirstName != "Zoë" || m.Removed || !strings.Contains(m.SearchText, "zoë newcomer") {
			t.Errorf("new user: %+v", m)
		}
		if m := r.mirror(t, changed.ID); m.LastName != "Renamed" {
			t.Errorf("changed user: %+v", m)
		}
		if got := r.linkedAgent(t, admin, changed.ID, "renamed@sandbox.example.com"); got != strconv.Itoa(aChanged) {
			t.Errorf("changed user's agent: %q, want %d", got, aChanged)
		}
		if m := r.mirror(t, gone.ID); !m.Removed || m.RemovedAt == nil {
			t.Errorf("removed user not marked: %+v", m)
		}
		if a := r.agent(t, aChanged); a.LastName != "Renamed" || a.Email != "renamed@sandbox.example.com" || *a.RingexStatus != "ACTIVE" || !a.Enabled {
			t.Errorf("agent did not follow RingEX: %+v", a)
		}
		if a := r.agent(t, aDisabled); *a.RingexStatus != "DISABLED" || a.Enabled {
			t.Errorf("disabled user's agent: status %v enabled %v", *a.RingexStatus, a.Enabled)
		}
		if a := r.agent(t, aGone); *a.RingexStatus != "REMOVED" || a.Enabled {
			t.Errorf("removed user's agent: status %v enabled %v", *a.RingexStatus, a.Enabled)
		}

		// The user comes back: same mirror row, same agent, never re-created.
		gone.Status = "Enabled"
		if _, err := r.sb.AddUser(gone); err != nil {
			t.Fatal(err)
		}
		if err := r.sync(t); err != nil {
			t.Fatal(err)
		}
		if m := r.mirror(t, gone.ID); m.Removed || m.RemovedAt != nil {
			t.Errorf("returning user: %+v", m)
		}
		if got := r.linkedAgent(t, admin, gone.ID, gone.Email); got != strconv.Itoa(aGone) {
			t.Errorf("returning user's agent: %q, want %d", got, aGone)
		}
		if a := r.agent(t, aGone); *a.RingexStatus != "ACTIVE" {
			t.Errorf("returning user's agent: %v", *a.RingexStatus)
		}
		n, _ := r.DB.Client.Agent.Query().Count(viewer.SystemContext(context.Background()))
		if n != 3 {
			t.Errorf("agents = %d, want 3 (a sync never creates or deletes agents)", n)
		}
	})
}

// A failing RingEX changes nothing; neither does a directory that suddenly shrank.
func TestRingExSyncSafety(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		r := newRingExEnv(t, d, 300)
		r.link(t)
		users := directoryUsers(r.sb)
		victim := users[20]
		for _, u := range users[20:150] {
			if u.Status == "Enabled" {
				victim = u
				break
			}
		}
		aVictim := r.importAgent(t, victim)
		if err := r.sync(t); err != nil {
			t.Fatal(err)
		}
		ctx := viewer.SystemContext(context.Background())
		if err := r.DB.Client.Account.UpdateOneID(r.acct).SetLeaverPolicy(account.LeaverPolicyDISABLE).Exec(ctx); err != nil {
			t.Fatal(err)
		}

		// 1. RingEX fails mid-walk (after the first page would be fine).
		if _, err := r.sb.UpdateUser(victim.ID, sandbox.UserPatch{FirstName: ptr("Changed")}); err != nil {
			t.Fatal(err)
		}
		r.sb.SetFaults(sandbox.Faults{Share5xx: 1})
		if err := r.sync(t); err == nil {
			t.Fatal("sync against a failing RingEX succeeded")
		}
		st := r.status(t)
		if st.LastSyncStatus != "FAILED" || st.LastSyncError == nil || !strings.Contains(*st.LastSyncError, "unavailable") {
			t.Fatalf("failure not recorded: %+v", st)
		}
		if m := r.mirror(t, victim.ID); m.FirstName == "Changed" {
			t.Error("a failed sync changed the mirror")
		}
		r.sb.SetFaults(sandbox.Faults{MalformedShare: 1})
		if err := r.sync(t); err == nil {
			t.Fatal("sync on malformed answers succeeded")
		}
		r.sb.SetFaults(sandbox.Faults{})

		// 2. Two thirds of the directory vanish: nobody is marked removed.
		removedN := 0
		for _, u := range users {
			if u.ID == r.sb.OwnerID() || removedN == 200 {
				continue // the app's own user signs the JWT
			}
			removedN++
			if err := r.sb.RemoveUser(u.ID); err != nil {
				t.Fatal(err)
			}
		}
		if err := r.sync(t); err != nil {
			t.Fatal(err)
		}
		st = r.status(t)
		if st.LastSyncStatus != "FAILED" || st.LastSyncError == nil || !strings.Contains(*st.LastSyncError, "nobody was marked removed") {
			t.Fatalf("shrink not reported: %+v", st)
		}
		removed, _ := r.DB.Client.RingExUser.Query().Where(ringexuser.Removed(true)).Count(ctx)
		if removed != 0 {
			t.Errorf("%d users marked removed by a shrunk sync", removed)
		}
		if a := r.agent(t, aVictim); *a.RingexStatus != "ACTIVE" || !a.Enabled {
			t.Errorf("agent of a vanished user was touched: %v %v", *a.RingexStatus, a.Enabled)
		}
		// Linking again accepts the smaller directory.
		r.link(t)
		if st := r.status(t); st.LastSyncStatus != "SUCCEEDED" || st.UserCount != len(users)-200 {
			t.Fatalf("after re-link: %+v (error %q)", st, derefOr(st.LastSyncError))
		}
		if a := r.agent(t, aVictim); *a.RingexStatus != "REMOVED" || a.Enabled {
			t.Errorf("confirmed leaver: %v %v", *a.RingexStatus, a.Enabled)
		}
	})
}
