package graph_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/switchboard/switchboard/internal/testdb"
)

const auditQuery = `query($a:ID!,$w:AuditEventWhereInput){ auditEvents(accountId:$a, first:50, where:$w){
	totalCount edges { node { action actor actorUserID targetType targetID changes createdAt } } } }`

type auditEvent struct {
	Action, Actor, TargetType, TargetID string
	ActorUserID                         *string
	Changes                             map[string]map[string]any
	CreatedAt                           time.Time
}

func auditEvents(t *testing.T, c *gqlClient, accountID string, where map[string]any) []auditEvent {
	t.Helper()
	var out struct {
		AuditEvents struct {
			TotalCount int
			Edges      []struct{ Node auditEvent }
		}
	}
	c.mustDo(t, auditQuery, map[string]any{"a": accountID, "w": where}, &out)
	evs := make([]auditEvent, len(out.AuditEvents.Edges))
	for i, e := range out.AuditEvents.Edges {
		evs[i] = e.Node
	}
	if out.AuditEvents.TotalCount != len(evs) {
		t.Fatalf("totalCount %d for %d events", out.AuditEvents.TotalCount, len(evs))
	}
	return evs
}

// TestAuditLog: mutations through the API are logged with actor, target and
// before/after, failed ones are not, secrets never, and the log answers
// filters, newest first.
func TestAuditLog(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		e := newEnv(t, d)
		acc := e.createAccount(t, "Acme")
		admin := e.admin(t)
		var created struct {
			CreateAgent struct{ Agent struct{ ID string } }
		}
		admin.mustDo(t, `mutation($a:ID!,$r:ID!){ createAgent(input:{firstName:"Ada",lastName:"Lovelace",email:"ada@acme.test",
			username:"ada",timezone:"UTC",language:"en-US",accountID:$a,roleID:$r}){ agent { id } } }`,
			map[string]any{"a": acc, "r": e.roleID(t, acc, "Agent")}, &created)
		agent := created.CreateAgent.Agent.ID
		admin.mustDo(t, `mutation($id:ID!){ updateAgent(id:$id, input:{firstName:"Augusta"}){ agent { id } } }`,
			map[string]any{"id": agent}, nil)
		// A refused update leaves no event.
		admin.expectError(t, "BAD_USER_INPUT", "", `mutation($id:ID!){ updateAgent(id:$id, input:{firstName:""}){ agent { id } } }`,
			map[string]any{"id": agent})
		admin.mustDo(t, `mutation($id:ID!){ setAgentPassword(id:$id, password:"a very secret password 1"){ agent { id } } }`,
			map[string]any{"id": agent}, nil)

		all := auditEvents(t, admin, acc, nil)
		if len(all) < 3 {
			t.Fatalf("only %d events", len(all))
		}
		for i := 1; i < len(all); i++ {
			if all[i].CreatedAt.After(all[i-1].CreatedAt) {
				t.Fatalf("not newest first: %v after %v", all[i].CreatedAt, all[i-1].CreatedAt)
			}
		}
		raw, _ := json.Marshal(all)
		if s := string(raw); strings.Contains(s, "argon2") || strings.Contains(s, "very secret") {
			t.Fatalf("a secret reached the log: %s", s)
		}

		updates := auditEvents(t, admin, acc, map[string]any{"action": "agent.update", "targetID": agent})
		if len(updates) != 2 { // the name change and the password change
			t.Fatalf("agent.update events: %+v", updates)
		}
		name, pw := updates[1], updates[0]
		if name.Actor != adminEmail || name.ActorUserID == nil || name.TargetType != "Agent" ||
			name.Changes["first_name"]["before"] != "Ada" || name.Changes["first_name"]["after"] != "Augusta" {
			t.Errorf("name change event: %+v", name)
		}
		if pw.Changes["password_hash"]["changed"] != true || len(pw.Changes["password_hash"]) != 1 {
			t.Errorf("password change event: %+v", pw)
		}

		for _, c := range []struct {
			name  string
			where map[string]any
			want  int
		}{
			{"by actor", map[string]any{"actor": adminEmail, "targetType": "Agent"}, 3},
			{"by action prefix", map[string]any{"actionHasPrefix": "agent."}, 3},
			{"by another actor", map[string]any{"actorContainsFold": "nobody@"}, 0},
			{"by time", map[string]any{"createdAtGT": time.Now().Add(time.Hour).Format(time.RFC3339)}, 0},
			{"by target", map[string]any{"targetType": "Agent", "targetID": agent, "action": "agent.create"}, 1},
		} {
			if got := auditEvents(t, admin, acc, c.where); len(got) != c.want {
				t.Errorf("%s: %d events, want %d", c.name, len(got), c.want)
			}
		}
	})
}

// TestAuditLogPermission: READ_AUDIT_LOG is required (FORBIDDEN without),
// and another account's log is NOT_FOUND.
func TestAuditLogPermission(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		e := newEnv(t, d)
		acc, other := e.createAccount(t, "Acme"), e.createAccount(t, "Other")
		manager := e.createUser(t, "manager@acme.test", acc, "Manager")
		r := manager.expectError(t, "FORBIDDEN", "", auditQuery, map[string]any{"a": acc})
		if !strings.Contains(string(mustJSON(r.Errors)), "READ_AUDIT_LOG") {
			t.Errorf("FORBIDDEN does not name the permission: %+v", r.Errors)
		}
		boss := e.createUser(t, "boss@acme.test", acc, "Administrator")
		if evs := auditEvents(t, boss, acc, nil); len(evs) == 0 {
			t.Error("an administrator sees no events")
		}
		boss.expectError(t, "NOT_FOUND", "accountId", auditQuery, map[string]any{"a": other})
	})
}

func mustJSON(v any) []byte { b, _ := json.Marshal(v); return b }
