package agentsession_test

import (
	"context"
	"errors"
	"testing"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/agentstate"
	"github.com/switchboard/switchboard/internal/agentsession"
	"github.com/switchboard/switchboard/internal/errs"
	"github.com/switchboard/switchboard/internal/password"
	"github.com/switchboard/switchboard/internal/testdb"
	"github.com/switchboard/switchboard/internal/viewer"
)

const agentPassword = "agent password 123"

// fixture is one account with states and a hand-made agent.
type fixture struct {
	client  *ent.Client
	svc     *agentsession.Service
	account *ent.Account
	agent   *ent.Agent
	// ready is the first AVAILABLE state; brk a break state; hidden an
	// inactive one.
	ready, brk, hidden *ent.AgentState
}

func newFixture(t *testing.T, d testdb.Dialect) *fixture {
	t.Helper()
	conn := testdb.New(t, d)
	f := &fixture{client: conn.Client, svc: &agentsession.Service{Client: conn.Client}}
	f.account, f.agent = f.addAccount(t, "Acme", "jane")
	ctx := viewer.SystemContext(context.Background())
	c := f.client
	f.brk = c.AgentState.Create().SetAccountID(f.account.ID).SetLabel("Break").
		SetBaseState(agentstate.BaseStateON_BREAK).SetRank(0).SaveX(ctx)
	f.ready = c.AgentState.Create().SetAccountID(f.account.ID).SetLabel("Ready").
		SetBaseState(agentstate.BaseStateAVAILABLE).SetRank(1).SaveX(ctx)
	f.hidden = c.AgentState.Create().SetAccountID(f.account.ID).SetLabel("Old").
		SetBaseState(agentstate.BaseStateAVAILABLE).SetRank(2).SetActive(false).SaveX(ctx)
	return f
}

// addAccount creates an account with one agent signing in with agentPassword.
func (f *fixture) addAccount(t *testing.T, name, username string) (*ent.Account, *ent.Agent) {
	t.Helper()
	ctx := viewer.SystemContext(context.Background())
	acc := f.client.Account.Create().SetName(name).SaveX(ctx)
	role := f.client.Role.Create().SetAccountID(acc.ID).SetName("Agent").SaveX(ctx)
	hash, err := password.Hash(agentPassword)
	if err != nil {
		t.Fatal(err)
	}
	a := f.client.Agent.Create().SetAccountID(acc.ID).SetRoleID(role.ID).
		SetFirstName("Jane").SetLastName("Doe").SetEmail(username + "@example.com").
		SetUsername(username).SetPasswordHash(hash).SetTimezone("UTC").SetLanguage("en-US").SaveX(ctx)
	return acc, a
}

func (f *fixture) start(t *testing.T, username string, takeOver bool) (*agentsession.Started, error) {
	t.Helper()
	return f.svc.Start(context.Background(), agentsession.StartInput{
		Username: username, Password: agentPassword, TakeOver: takeOver, Client: "test"})
}

// as returns ctx of an agent client holding token.
func (f *fixture) as(t *testing.T, token string) context.Context {
	t.Helper()
	sess, err := f.svc.Authenticate(context.Background(), token)
	if err != nil {
		t.Fatalf("authenticating agent token: %v", err)
	}
	return agentsession.NewContext(context.Background(), sess)
}

func wantCode(t *testing.T, err error, code errs.Code) {
	t.Helper()
	if err == nil {
		t.Fatalf("want %s, got success", code)
	}
	var e *errs.Error
	if !errors.As(err, &e) || e.Code != code {
		t.Fatalf("want %s, got %v", code, err)
	}
}

func startInput(username, pw string) agentsession.StartInput {
	return agentsession.StartInput{Username: username, Password: pw}
}
