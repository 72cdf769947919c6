package graph_test

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/switchboard/switchboard/internal/directory"
	"github.com/switchboard/switchboard/internal/ringex/sandbox"
	"github.com/switchboard/switchboard/internal/testdb"
	"github.com/switchboard/switchboard/internal/viewer"
)

// totalCount stays exact while the mirror changes: PostgreSQL serves it
// from a cache keyed by the mirror version (internal/directory/count.go),
// which every change to what a search counts must move: an import creating
// an agent (the "imported" filter), its deletion, a sync adding a user.
func TestRingExUsersCountFollowsChanges(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		r := newRingExEnv(t, d, 300)
		r.link(t)
		admin := r.admin(t)
		ctx := viewer.SystemContext(context.Background())
		count := func(imported *bool) int {
			t.Helper()
			filter := map[string]any{}
			if imported != nil {
				filter["imported"] = *imported
			}
			var out struct{ RingExUsers struct{ TotalCount int } }
			admin.mustDo(t, `query($a:ID!,$f:RingExUserFilter){ ringExUsers(accountId:$a, search:"a", filter:$f, first:1){ totalCount } }`,
				map[string]any{"a": r.accountID, "f": filter}, &out)
			return out.RingExUsers.TotalCount
		}
		truth := func(imported *bool) int {
			t.Helper()
			n, err := r.DB.Client.RingExUser.Query().
				Where(directory.MatchPredicate(r.acct, "a", &directory.Filter{Imported: imported})...).Count(ctx)
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		check := func(step string) {
			t.Helper()
			for _, imp := range []*bool{nil, ptr(true), ptr(false)} {
				for range 2 { // the second answer may come from the cache
					if got, want := count(imp), truth(imp); got != want {
						t.Fatalf("%s: totalCount (imported %v) = %d, want %d", step, imp, got, want)
					}
				}
			}
		}
		check("after link")
		if n := count(ptr(true)); n != 0 {
			t.Fatalf("imported before any import: %d", n)
		}

		var u sandbox.User
		for _, x := range directoryUsers(r.sb) {
			if x.Status == "Enabled" && strings.Contains(strings.ToLower(x.FirstName+" "+x.LastName), "a") {
				u = x
				break
			}
		}
		agentID := r.importAgent(t, u)
		check("after import")
		if n := count(ptr(true)); n != 1 {
			t.Fatalf("imported after one import: %d", n)
		}

		if err := r.DB.Client.Agent.DeleteOneID(agentID).Exec(ctx); err != nil {
			t.Fatal(err)
		}
		check("after agent deletion")

		before := count(nil)
		if _, err := r.sb.AddUser(sandbox.User{FirstName: "Aaron", LastName: "Count"}); err != nil {
			t.Fatal(err)
		}
		if err := r.sync(t); err != nil {
			t.Fatal(err)
		}
		check("after sync")
		if after := count(nil); after != before+1 {
			t.Fatalf("sync of a new user: %d -> %d", before, after)
		}
	})
}

// On PostgreSQL totalCount of a search with a trigram-long term comes from
// ring_ex_user_search, a trigger-kept copy of the searched columns
// (migration 0005). Every search and filter the picker can send counts
// exactly the rows it pages through, before and after a sync renames,
// disables, removes and adds users.
func TestRingExUsersCountMatchesRows(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		r := newRingExEnv(t, d, 300)
		r.link(t)
		admin := r.admin(t)
		users := directoryUsers(r.sb)
		searches := []string{"mar", "MAR", "ar", "a", "mar ia", "example.com", "%", "_a", "a_b", "zzq", "qqq zzq", "müller", "1"}
		filters := []map[string]any{
			{},
			{"statuses": []string{"Enabled"}},
			{"statuses": []string{"Disabled", "Frozen"}},
			{"includeRemoved": true},
			{"imported": false},
		}
		check := func(step string) {
			t.Helper()
			for _, s := range searches {
				for _, f := range filters {
					var rows []dirUser
					var total int
					var after any
					for {
						p := r.search(t, admin, map[string]any{"s": s, "f": f, "first": 100, "after": after})
						total = p.TotalCount
						rows = append(rows, p.users()...)
						if !p.PageInfo.HasNextPage {
							break
						}
						after = *p.PageInfo.EndCursor
					}
					if total != len(rows) {
						t.Fatalf("%s: search %q filter %v: totalCount %d, %d rows", step, s, f, total, len(rows))
					}
				}
			}
		}
		check("after link")

		var renamed, disabled, removed sandbox.User
		for _, u := range users {
			if u.Status != "Enabled" {
				continue
			}
			switch {
			case renamed.ID == 0:
				renamed = u
			case disabled.ID == 0:
				disabled = u
			case removed.ID == 0:
				removed = u
			}
		}
		if _, err := r.sb.UpdateUser(renamed.ID, sandbox.UserPatch{LastName: ptr("Zzqmar")}); err != nil {
			t.Fatal(err)
		}
		if _, err := r.sb.SetStatus(disabled.ID, "Disabled"); err != nil {
			t.Fatal(err)
		}
		if err := r.sb.RemoveUser(removed.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := r.sb.AddUser(sandbox.User{FirstName: "Qqq", LastName: "Zzq"}); err != nil {
			t.Fatal(err)
		}
		if err := r.sync(t); err != nil {
			t.Fatal(err)
		}
		check("after sync")
		if p := r.search(t, admin, map[string]any{"s": "zzq", "first": 10}); p.TotalCount != 2 {
			t.Fatalf(`search "zzq" after the sync: totalCount %d, want the renamed and the added user`, p.TotalCount)
		}
	})
}

// An accounts list reads every listed account's RingEX link in one query,
// whatever the page size, and each account still gets its own status.
func TestAccountsListRingExStatusOneQuery(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		var counting atomic.Bool
		var linkReads atomic.Int64
		e := newEnv(t, d, onStatement(func(q string) {
			if counting.Load() && strings.Contains(q, "ring_ex_links") {
				linkReads.Add(1)
			}
		}))
		admin := e.admin(t)
		ctx := viewer.SystemContext(context.Background())
		linked := map[string]int{}
		for i := range 6 {
			id := e.createAccount(t, fmt.Sprintf("Tenant %d", i))
			if i%2 == 0 {
				acct, err := strconv.Atoi(id)
				if err != nil {
					t.Fatal(err)
				}
				if err := e.DB.Client.RingExLink.Create().SetAccountID(acct).SetServerURL("http://ringex.test").SetClientID("c").
					SetClientSecretEnc("s").SetJwtEnc("j").SetUserCount(100 + i).Exec(ctx); err != nil {
					t.Fatal(err)
				}
				linked[id] = 100 + i
			}
		}
		list := func(first int) int64 {
			t.Helper()
			linkReads.Store(0)
			counting.Store(true)
			defer counting.Store(false)
			var out struct {
				Accounts struct {
					Edges []struct {
						Node struct {
							ID     string
							RingEx struct {
								Linked    bool
								UserCount int
							}
						}
					}
				}
			}
			admin.mustDo(t, `query($n:Int!){ accounts(first:$n){ edges { node { id ringEx { linked userCount } } } } }`,
				map[string]any{"n": first}, &out)
			if len(out.Accounts.Edges) < first {
				t.Fatalf("listed %d accounts, want %d", len(out.Accounts.Edges), first)
			}
			for _, edge := range out.Accounts.Edges {
				n, ok := linked[edge.Node.ID]
				if edge.Node.RingEx.Linked != ok || edge.Node.RingEx.UserCount != n {
					t.Errorf("account %s: ringEx %+v, want linked %v with %d users", edge.Node.ID, edge.Node.RingEx, ok, n)
				}
			}
			return linkReads.Load()
		}
		if small, large := list(2), list(6); small != 1 || large != 1 {
			t.Errorf("RingEX link reads: %d for 2 accounts, %d for 6, want 1 each", small, large)
		}
	})
}
