package graph_test

import (
	"testing"

	"github.com/switchboard/switchboard/internal/testdb"
)

// Domain packages write some changes under the system context after their
// own checks (memberships, token revocation, password changes); the audit
// log must still name the person who asked, not "system".
func TestAuditNamesThePersonBehindSystemWrites(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		e := newEnv(t, d)
		acc := e.createAccount(t, "Acme")
		e.createUser(t, "manager@acme.test", acc, "Manager") // assignMembership by the admin
		var out struct {
			AuditEvents struct {
				Edges []struct {
					Node struct{ Action, Actor string }
				}
			}
		}
		e.admin(t).mustDo(t, `query($a:ID!){ auditEvents(accountId:$a, first:50){ edges { node { action actor } } } }`,
			map[string]any{"a": acc}, &out)
		found := false
		for _, ed := range out.AuditEvents.Edges {
			if ed.Node.Action == "membership.create" {
				found = true
				if ed.Node.Actor != adminEmail {
					t.Fatalf("membership.create actor = %q, want %q", ed.Node.Actor, adminEmail)
				}
			}
		}
		if !found {
			t.Fatalf("no membership.create event in %+v", out.AuditEvents.Edges)
		}
	})
}
