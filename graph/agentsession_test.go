package graph_test

import (
	"strings"
	"testing"

	"github.com/switchboard/switchboard/internal/testdb"
)

const agentPassword = "agent password 123"

// newAgent creates an account and an agent of it who signs in with
// username and agentPassword; it returns the account and agent IDs.
func newAgent(t *testing.T, e *env, username string) (accountID, agentID string) {
	t.Helper()
	accountID = e.createAccount(t, e.unique("Agents Inc"))
	var out struct {
		CreateAgent struct{ Agent struct{ ID string } }
	}
	e.admin(t).mustDo(t, `mutation($in: CreateAgentInput!, $p: String) { createAgent(input: $in, password: $p) { agent { id } } }`,
		map[string]any{"p": agentPassword, "in": map[string]any{
			"firstName": "Jane", "lastName": "Doe", "email": username + "@example.com", "username": username,
			"timezone": "Europe/Paris", "language": "en-US", "accountID": accountID, "roleID": e.roleID(t, accountID, "Agent"),
		}}, &out)
	return accountID, out.CreateAgent.Agent.ID
}

const startSession = `mutation($u: String, $p: String, $takeOver: Boolean) {
  startAgentSession(input: {username: $u, password: $p, takeOver: $takeOver, client: "test client"}) {
    token session { id ready state { label baseState } agent { username } }
  }
}`

type started struct {
	StartAgentSession struct {
		Token   string
		Session struct {
			ID    string
			Ready bool
			State struct{ Label, BaseState string }
			Agent struct{ Username string }
		}
	}
}

// signInAgent starts a session and returns a client holding its token.
func signInAgent(t *testing.T, e *env, username string, takeOver bool) (*gqlClient, started) {
	t.Helper()
	var out started
	e.anon().mustDo(t, startSession, map[string]any{"u": username, "p": agentPassword, "takeOver": takeOver}, &out)
	return e.withToken(out.StartAgentSession.Token), out
}

func TestAgentSessionLifecycle(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		e := newEnv(t, d)
		newAgent(t, e, "jane")

		e.anon().expectError(t, "UNAUTHENTICATED", "", startSession, map[string]any{"u": "jane", "p": "wrong"})

		agent, s := signInAgent(t, e, "JANE", false)
		got := s.StartAgentSession
		if !strings.HasPrefix(got.Token, "sba_") || got.Session.Agent.Username != "jane" {
			t.Fatalf("start answered %+v", got)
		}
		if got.Session.State.BaseState != "AVAILABLE" || !got.Session.Ready {
			t.Errorf("a new session starts in the first AVAILABLE state, got %+v", got.Session)
		}

		var states struct {
			MyAgentStates []struct{ ID, Label string }
		}
		agent.mustDo(t, `{ myAgentStates { id label } }`, nil, &states)
		var breakID string
		for _, s := range states.MyAgentStates {
			if s.Label == "Break" {
				breakID = s.ID
			}
		}
		if breakID == "" {
			t.Fatalf("no Break state among %+v", states)
		}
		var set struct {
			SetAgentState struct {
				Session struct {
					Ready bool
					State struct{ Label string }
				}
			}
		}
		agent.mustDo(t, `mutation($s: ID!) { setAgentState(stateId: $s) { session { ready state { label } } } }`,
			map[string]any{"s": breakID}, &set)
		if set.SetAgentState.Session.State.Label != "Break" || set.SetAgentState.Session.Ready {
			t.Errorf("setAgentState answered %+v", set)
		}

		// A second sign-in is refused with a clear CONFLICT, unless it takes over.
		e.anon().expectError(t, "CONFLICT", "takeOver", startSession, map[string]any{"u": "jane", "p": agentPassword})
		other, _ := signInAgent(t, e, "jane", true)
		agent.expectError(t, "UNAUTHENTICATED", "", `{ myAgentSession { id } }`, nil)

		var mine struct {
			MyAgentSession struct{ State struct{ Label string } }
		}
		other.mustDo(t, `{ myAgentSession { state { label } } }`, nil, &mine)
		if mine.MyAgentSession.State.Label != "Available" {
			t.Errorf("the taken-over session starts afresh, got %+v", mine)
		}
		other.mustDo(t, `mutation { endAgentSession }`, nil, nil)
		other.expectError(t, "UNAUTHENTICATED", "", `{ myAgentSession { id } }`, nil)
		signInAgent(t, e, "jane", false) // free again
	})
}

func TestAgentTokenReadsNoAccountData(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		e := newEnv(t, d)
		accountID, agentID := newAgent(t, e, "jane")
		agent, _ := signInAgent(t, e, "jane", false)
		for _, id := range []string{accountID, agentID} {
			r := agent.do(t, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": id})
			if n := jsonPath(t, r.Data, "node"); n != nil {
				t.Errorf("agent token read node %s: %v", id, n)
			}
		}
	})
}

func TestSetAgentStateRefusesOtherAccountsStates(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		e := newEnv(t, d)
		newAgent(t, e, "jane")
		otherAccount := e.createAccount(t, "Other")
		var out struct {
			Node struct {
				AgentStates struct {
					Edges []struct{ Node struct{ ID string } }
				}
			}
		}
		e.admin(t).mustDo(t, `query($id: ID!) { node(id: $id) { ... on Account { agentStates(first: 1) { edges { node { id } } } } } }`,
			map[string]any{"id": otherAccount}, &out)
		foreign := out.Node.AgentStates.Edges[0].Node.ID
		agent, _ := signInAgent(t, e, "jane", false)
		agent.expectError(t, "NOT_FOUND", "stateId", `mutation($s: ID!) { setAgentState(stateId: $s) { session { id } } }`,
			map[string]any{"s": foreign})
		// Without an agent session there is nothing to change.
		e.admin(t).expectError(t, "UNAUTHENTICATED", "", `mutation($s: ID!) { setAgentState(stateId: $s) { session { id } } }`,
			map[string]any{"s": foreign})
	})
}

func TestAdministratorsSeeAndSignOutAgents(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		e := newEnv(t, d)
		accountID, agentID := newAgent(t, e, "jane")
		agent, _ := signInAgent(t, e, "jane", false)
		manager := e.createUser(t, "manager@example.com", accountID, "Manager")
		analyst := e.createUser(t, "analyst@example.com", accountID, "Quality analyst")
		stranger := e.createUser(t, "stranger@example.com", e.createAccount(t, "Elsewhere"), "Manager")

		signedIn := func() bool {
			var out struct{ Node struct{ SignedIn bool } }
			manager.mustDo(t, `query($id: ID!) { node(id: $id) { ... on Agent { signedIn currentSession { id } } } }`,
				map[string]any{"id": agentID}, &out)
			return out.Node.SignedIn
		}
		if !signedIn() {
			t.Fatal("manager does not see the agent signed in")
		}
		const signOut = `mutation($id: ID!) { signOutAgent(agentId: $id) { succeeded failed } }`
		analyst.expectError(t, "FORBIDDEN", "", signOut, map[string]any{"id": agentID})
		stranger.expectError(t, "NOT_FOUND", "agentId", signOut, map[string]any{"id": agentID})
		if !signedIn() {
			t.Fatal("a refused sign-out changed something")
		}
		var out struct{ SignOutAgent struct{ Succeeded int } }
		manager.mustDo(t, signOut, map[string]any{"id": agentID}, &out)
		if out.SignOutAgent.Succeeded != 1 || signedIn() {
			t.Errorf("sign-out answered %+v, still signed in: %v", out, signedIn())
		}
		agent.expectError(t, "UNAUTHENTICATED", "", `{ myAgentSession { id } }`, nil)

		// The signedIn filter of the agents connection.
		countSignedIn := func() int {
			var out struct {
				Node struct{ Agents struct{ TotalCount int } }
			}
			manager.mustDo(t, `query($id: ID!) { node(id: $id) { ... on Account { agents(first: 10, where: {signedIn: true}) { totalCount } } } }`,
				map[string]any{"id": accountID}, &out)
			return out.Node.Agents.TotalCount
		}
		if n := countSignedIn(); n != 0 {
			t.Errorf("%d signed in after sign-out", n)
		}
		agent, _ = signInAgent(t, e, "jane", false)
		if n := countSignedIn(); n != 1 {
			t.Errorf("%d signed in, want 1", n)
		}
		// Disabling an agent signs them out and keeps them out.
		manager.mustDo(t, `mutation($id: ID!) { setAgentsEnabled(ids: [$id], enabled: false) { succeeded } }`,
			map[string]any{"id": agentID}, nil)
		agent.expectError(t, "UNAUTHENTICATED", "", `{ myAgentSession { id } }`, nil)
		e.anon().expectError(t, "FORBIDDEN", "", startSession, map[string]any{"u": "jane", "p": agentPassword})
	})
}
