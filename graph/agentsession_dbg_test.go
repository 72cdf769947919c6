package graph_test

import (
	"testing"

	"github.com/switchboard/switchboard/internal/testdb"
)

func TestAgentSessionDbg(t *testing.T) {
	e := newEnv(t, testdb.SQLite)
	accountID, agentID := newAgent(t, e, "jane")
	manager := e.createUser(t, "manager@example.com", accountID, "Manager")
	for _, q := range []string{
		`query($id: ID!) { node(id: $id) { id } }`,
		`query($id: ID!) { node(id: $id) { ... on Agent { signedIn } } }`,
		`query($id: ID!) { node(id: $id) { ... on Agent { currentSession { id } } } }`,
	} {
		r := manager.do(t, q, map[string]any{"id": agentID})
		t.Logf("%s => %s %v", q, r.Data, r.Errors)
	}
	signInAgent(t, e, "jane", false)
	for _, q := range []string{
		`query($id: ID!) { node(id: $id) { id } }`,
		`query($id: ID!) { node(id: $id) { ... on Agent { signedIn } } }`,
	} {
		r := manager.do(t, q, map[string]any{"id": agentID})
		t.Logf("%s => %s %v", q, r.Data, r.Errors)
	}
	r := manager.do(t, `query($id: ID!) { node(id: $id) { ... on Account { agents(first: 10, where: {signedIn: true}) { edges { node { id signedIn currentSession { id ready } } } } } } }`, map[string]any{"id": accountID})
	t.Logf("%s %v", r.Data, r.Errors)
	r = manager.do(t, `query($id: ID!) { nodes(ids: [$id]) { id } }`, map[string]any{"id": agentID})
	t.Logf("%s %v", r.Data, r.Errors)
}
