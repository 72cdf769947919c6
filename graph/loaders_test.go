package graph_test

import (
	"fmt"
	"testing"

	"github.com/switchboard/switchboard/internal/testdb"
)

// Role.agentCount is read once per account and request; each role still
// gets its own count, and a mutation payload (no request cache) counts too.
func TestRoleAgentCountPerRole(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		e := newEnv(t, d)
		admin := e.admin(t)
		acc := e.createAccount(t, "Acme")
		role := e.roleID(t, acc, "Agent")
		for i := 0; i < 3; i++ {
			admin.mustDo(t, createAgentMutation, agentInput(acc, role, fmt.Sprintf("count%d", i)), nil)
		}
		var out struct {
			Node struct {
				Roles struct {
					Edges []struct {
						Node struct {
							Name       string
							AgentCount int
						}
					}
				}
			}
		}
		admin.mustDo(t, `query($id:ID!){ node(id:$id){ ... on Account { roles(first:100){ edges { node { name agentCount } } } } } }`,
			map[string]any{"id": acc}, &out)
		if len(out.Node.Roles.Edges) < 2 {
			t.Fatalf("want the predefined roles, got %+v", out)
		}
		for _, ed := range out.Node.Roles.Edges {
			want := 0
			if ed.Node.Name == "Agent" {
				want = 3
			}
			if ed.Node.AgentCount != want {
				t.Errorf("role %s: agentCount %d, want %d", ed.Node.Name, ed.Node.AgentCount, want)
			}
		}
		var created struct {
			CreateAgent struct {
				Agent struct{ Role struct{ AgentCount int } }
			}
		}
		admin.mustDo(t, `mutation($in: CreateAgentInput!) { createAgent(input: $in) { agent { role { agentCount } } } }`,
			agentInput(acc, role, "count3"), &created)
		if got := created.CreateAgent.Agent.Role.AgentCount; got != 4 {
			t.Errorf("createAgent payload agentCount %d, want 4", got)
		}
	})
}
