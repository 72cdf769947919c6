package graph_test

import (
	"context"
	"strings"
	"testing"

	"github.com/switchboard/switchboard/ent/ringexuser"
	"github.com/switchboard/switchboard/internal/directory"
	"github.com/switchboard/switchboard/internal/ringex/sandbox"
	"github.com/switchboard/switchboard/internal/testdb"
	"github.com/switchboard/switchboard/internal/viewer"
)

// totalCount stays exact while the mirror changes: PostgreSQL serves it
// from a cache keyed by the mirror version (internal/directory/count.go),
// which every write to the account's mirror rows must move: an import
// setting agent_id, an agent deletion clearing it, a sync adding a user.
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
		if err := r.DB.Client.RingExUser.Update().Where(ringexuser.AccountID(r.acct), ringexuser.RingexID(u.ID)).
			SetAgentID(agentID).Exec(ctx); err != nil {
			t.Fatal(err)
		}
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
