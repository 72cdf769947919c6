package graph_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/switchboard/switchboard/internal/testdb"
)

const searchQuery = `query($a:ID!,$s:String,$f:RingExUserFilter,$first:Int,$after:Cursor,$last:Int,$before:Cursor,$o:[RingExUserOrder!]){
	ringExUsers(accountId:$a,search:$s,filter:$f,first:$first,after:$after,last:$last,before:$before,orderBy:$o){
		totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
		edges { node { ringexID firstName lastName email extensionNumber status imported agent { id } } } } }`

type dirUser struct {
	RingexID, FirstName, LastName, Email, ExtensionNumber, Status string
	Imported                                                      bool
	Agent                                                         *struct{ ID string }
}

type dirPage struct {
	TotalCount int
	PageInfo   struct {
		HasNextPage, HasPreviousPage bool
		StartCursor, EndCursor       *string
	}
	Edges []struct{ Node dirUser }
}

func (p dirPage) users() []dirUser {
	out := make([]dirUser, len(p.Edges))
	for i, e := range p.Edges {
		out[i] = e.Node
	}
	return out
}

func (r *ringExEnv) search(t *testing.T, c *gqlClient, vars map[string]any) dirPage {
	t.Helper()
	vars["a"] = r.accountID
	var out struct{ RingExUsers dirPage }
	c.mustDo(t, searchQuery, vars, &out)
	return out.RingExUsers
}

func TestRingExUsersSearch(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		r := newRingExEnv(t, d, 300)
		admin := r.admin(t)
		admin.expectError(t, "RINGEX_NOT_LINKED", "accountId", searchQuery, map[string]any{"a": r.accountID, "first": 5})
		r.link(t)
		users := directoryUsers(r.sb)
		imported := map[string]bool{}
		for _, u := range users[:5] {
			r.importAgent(t, u)
		}
		if err := r.sync(t); err != nil { // links the mirror rows to the agents
			t.Fatal(err)
		}
		for _, u := range users[:5] {
			imported[u.Email] = true
		}

		// Default order: last name, first name; walk forward in pages of 7.
		var all []dirUser
		var after any
		for {
			p := r.search(t, admin, map[string]any{"first": 7, "after": after})
			if p.TotalCount != len(users) {
				t.Fatalf("totalCount %d, want %d", p.TotalCount, len(users))
			}
			all = append(all, p.users()...)
			if !p.PageInfo.HasNextPage {
				break
			}
			after = *p.PageInfo.EndCursor
		}
		if len(all) != len(users) {
			t.Fatalf("walked %d users, want %d", len(all), len(users))
		}
		if !slices.IsSortedFunc(all, func(a, b dirUser) int {
			return strings.Compare(a.LastName+"\x00"+a.FirstName, b.LastName+"\x00"+b.FirstName)
		}) {
			t.Error("not ordered by last name, first name")
		}
		nImported := 0
		for _, u := range all {
			if u.Imported != imported[u.Email] || (u.Agent != nil) != u.Imported {
				t.Errorf("%s: imported=%v agent=%v", u.Email, u.Imported, u.Agent)
			}
			if u.Imported {
				nImported++
			}
		}
		if nImported != 5 {
			t.Errorf("%d imported, want 5", nImported)
		}
		// Backward from the end gives the same users in the same order.
		var back []dirUser
		var before any
		for {
			p := r.search(t, admin, map[string]any{"last": 9, "before": before})
			back = append(p.users(), back...)
			if !p.PageInfo.HasPreviousPage {
				break
			}
			before = *p.PageInfo.StartCursor
		}
		if !slices.Equal(ids(back), ids(all)) {
			t.Error("backward pages differ from forward pages")
		}

		// Search: case-insensitive, every term must match, over names, email, extension.
		probe := users[42]
		for _, s := range []string{
			strings.ToUpper(probe.LastName),
			probe.FirstName + " " + probe.LastName,
			probe.Email,
			probe.ExtensionNumber,
		} {
			if s == "" {
				continue
			}
			p := r.search(t, admin, map[string]any{"s": s, "first": 100})
			if !slices.Contains(ids(p.users()), strconv.FormatInt(probe.ID, 10)) {
				t.Errorf("search %q misses %s %s", s, probe.FirstName, probe.LastName)
			}
			for _, u := range p.users() {
				hay := strings.ToLower(u.FirstName + " " + u.LastName + " " + u.Email + " " + u.ExtensionNumber)
				for _, term := range strings.Fields(strings.ToLower(s)) {
					if !strings.Contains(hay, term) {
						t.Errorf("search %q returned %+v", s, u)
					}
				}
			}
		}
		mar := r.search(t, admin, map[string]any{"s": "mar", "first": 3})
		if mar.TotalCount == 0 || mar.TotalCount >= len(users) || len(mar.Edges) > 3 {
			t.Errorf("search mar: total %d, %d edges", mar.TotalCount, len(mar.Edges))
		}

		// Filters.
		if p := r.search(t, admin, map[string]any{"f": map[string]any{"imported": true}, "first": 50}); p.TotalCount != 5 {
			t.Errorf("imported filter: %d", p.TotalCount)
		}
		if p := r.search(t, admin, map[string]any{"f": map[string]any{"imported": false}, "first": 1}); p.TotalCount != len(users)-5 {
			t.Errorf("not-imported filter: %d", p.TotalCount)
		}
		p := r.search(t, admin, map[string]any{"f": map[string]any{"statuses": []string{"Disabled", "Frozen"}}, "first": 100})
		for _, u := range p.users() {
			if u.Status != "Disabled" && u.Status != "Frozen" {
				t.Errorf("status filter returned %s", u.Status)
			}
		}
		// Other orders.
		byEmail := r.search(t, admin, map[string]any{"o": []map[string]any{{"field": "EMAIL", "direction": "DESC"}}, "first": 50})
		if !slices.IsSortedFunc(byEmail.users(), func(a, b dirUser) int { return strings.Compare(b.Email, a.Email) }) {
			t.Error("not ordered by email descending")
		}

		// Permissions: IMPORT_AGENTS is needed.
		analyst := r.createUser(t, "qa@test.local", r.accountID, "Quality analyst")
		res := analyst.expectError(t, "FORBIDDEN", "", searchQuery, map[string]any{"a": r.accountID, "first": 5})
		if !strings.Contains(res.Errors[0].Message, "IMPORT_AGENTS") {
			t.Errorf("FORBIDDEN does not name IMPORT_AGENTS: %s", res.Errors[0].Message)
		}
		manager := r.createUser(t, "mgr@test.local", r.accountID, "Manager")
		if p := r.search(t, manager, map[string]any{"first": 1}); p.TotalCount != len(users) {
			t.Errorf("manager sees %d users", p.TotalCount)
		}
	})
}

func ids(us []dirUser) []string {
	out := make([]string, len(us))
	for i, u := range us {
		out[i] = u.RingexID
	}
	return out
}
