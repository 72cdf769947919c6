package graph_test

import (
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/switchboard/switchboard/internal/testdb"
)

// A ringExUsers page shows which users are imported, their agents and the
// regional settings an import read, from the agents' RingEX ids and
// ring_ex_regionals (the mirror rows hold neither), with one query per kind
// for the whole page, whatever its size.
func TestRingExUsersShowImportsPerPage(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		var counting atomic.Bool
		var agentReads, regionalReads atomic.Int64
		r := newRingExEnv(t, d, 60, onStatement(func(q string) {
			switch {
			case !counting.Load():
			case strings.Contains(q, `FROM "agents"`) || strings.Contains(q, "FROM `agents`"):
				agentReads.Add(1)
			case strings.Contains(q, "ring_ex_regionals"):
				regionalReads.Add(1)
			}
		}))
		r.link(t)
		admin := r.admin(t)
		users := directoryUsers(r.sb)
		var picked []string
		for _, u := range users {
			if u.Status == "Enabled" && u.Email != "" && len(picked) < 4 {
				picked = append(picked, fmt.Sprint(u.ID))
			}
		}
		// IDs in the API are the mirror rows' global ids: find them.
		var all struct {
			RingExUsers struct {
				Edges []struct{ Node struct{ ID, RingexID string } }
			}
		}
		admin.mustDo(t, `query($a:ID!){ ringExUsers(accountId:$a, first:100){ edges { node { id ringexID } } } }`,
			map[string]any{"a": r.accountID}, &all)
		var sel []string
		for _, e := range all.RingExUsers.Edges {
			for _, p := range picked {
				if e.Node.RingexID == p {
					sel = append(sel, e.Node.ID)
				}
			}
		}
		job := r.importAndWait(t, admin, map[string]any{"accountId": r.accountID,
			"selection": map[string]any{"ids": sel}, "roleId": r.roleID(t, r.accountID, "Agent")})
		if job.Status != "SUCCEEDED" || job.ImportedCount != len(picked) {
			t.Fatalf("import %+v", job)
		}

		page := func(first int) (reads [2]int64) {
			t.Helper()
			agentReads.Store(0)
			regionalReads.Store(0)
			counting.Store(true)
			var out struct {
				RingExUsers struct {
					Edges []struct {
						Node struct {
							RingexID     string
							Imported     bool
							Agent        *struct{ ID, Username string }
							TimezoneName *string
							LocaleCode   *string
						}
					}
				}
			}
			admin.mustDo(t, `query($a:ID!,$n:Int){ ringExUsers(accountId:$a, first:$n){ edges { node {
				ringexID imported agent { id username } timezoneName localeCode } } } }`,
				map[string]any{"a": r.accountID, "n": first}, &out)
			counting.Store(false)
			shown := 0
			for _, e := range out.RingExUsers.Edges {
				n := e.Node
				imported := strings.Contains(" "+strings.Join(picked, " ")+" ", " "+n.RingexID+" ")
				if n.Imported != imported || (n.Agent != nil) != imported || (n.TimezoneName != nil) != imported || (n.LocaleCode != nil) != imported {
					t.Fatalf("user %s (imported %v): %+v", n.RingexID, imported, n)
				}
				if imported {
					shown++
					if n.Agent.Username == "" || *n.TimezoneName == "" || *n.LocaleCode == "" {
						t.Fatalf("imported user %s: agent %+v, timezone %q, locale %q", n.RingexID, n.Agent, *n.TimezoneName, *n.LocaleCode)
					}
				}
			}
			if first >= len(users) && shown != len(picked) {
				t.Fatalf("a page of every user shows %d imported, want %d", shown, len(picked))
			}
			return [2]int64{agentReads.Load(), regionalReads.Load()}
		}
		small, large := page(10), page(60)
		// imported (the links), agent (under the viewer): two agent reads;
		// one read of regional settings.
		if small != large || large != [2]int64{2, 1} {
			t.Fatalf("agent and regional reads: %v for 10 users, %v for 60; want [2 1] for both", small, large)
		}
	})
}
