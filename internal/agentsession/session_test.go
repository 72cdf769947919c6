package agentsession_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/switchboard/switchboard/ent/agentsession"
	"github.com/switchboard/switchboard/internal/errs"
	"github.com/switchboard/switchboard/internal/testdb"
	"github.com/switchboard/switchboard/internal/viewer"
)

func TestStartSignsInOnceAndTakeOverEndsTheOldSession(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		f := newFixture(t, d)
		first, err := f.start(t, "JANE", false) // usernames are case-insensitive
		if err != nil {
			t.Fatalf("start: %v", err)
		}
		if !strings.HasPrefix(first.Token, "sba_") {
			t.Errorf("token %q lacks the agent prefix", first.Token)
		}
		if s := first.Session; s.StateID == nil || *s.StateID != f.ready.ID {
			t.Errorf("initial state = %v, want the first active AVAILABLE state %d", s.StateID, f.ready.ID)
		}
		if a := f.client.Agent.GetX(viewer.SystemContext(context.Background()), f.agent.ID); a.LastSignedInAt == nil {
			t.Error("last_signed_in_at not set")
		}

		_, err = f.start(t, "jane", false)
		wantCode(t, err, errs.ConflictCode)

		second, err := f.start(t, "jane", true)
		if err != nil {
			t.Fatalf("take over: %v", err)
		}
		if _, err := f.svc.Authenticate(context.Background(), first.Token); errs.CodeOf(err) != errs.UnauthenticatedC {
			t.Errorf("old token after take-over: %v, want UNAUTHENTICATED", err)
		}
		old := f.client.AgentSession.GetX(viewer.SystemContext(context.Background()), first.Session.ID)
		if old.EndedAt == nil || old.EndReason != "TAKEN_OVER" {
			t.Errorf("old session ended=%v reason=%q", old.EndedAt, old.EndReason)
		}
		ctx := f.as(t, second.Token)
		if err := f.svc.End(ctx); err != nil {
			t.Fatalf("end: %v", err)
		}
		if _, err := f.svc.Current(ctx); errs.CodeOf(err) != errs.UnauthenticatedC {
			t.Errorf("current after end: %v", err)
		}
		if _, err := f.start(t, "jane", false); err != nil {
			t.Errorf("sign-in after sign-out: %v", err)
		}
	})
}

func TestStartRefusesBadCredentialsAndDisabledAgents(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		f := newFixture(t, d)
		ctx := context.Background()
		for name, in := range map[string][2]string{
			"unknown user":   {"nobody", agentPassword},
			"wrong password": {"jane", "not the password"},
		} {
			_, err := f.svc.Start(ctx, startInput(in[0], in[1]))
			wantCode(t, err, errs.UnauthenticatedC)
			if err.Error() != "the username or password is wrong" {
				t.Errorf("%s: message %q must not say which part is wrong", name, err.Error())
			}
		}
		f.client.Agent.UpdateOneID(f.agent.ID).SetEnabled(false).ExecX(viewer.SystemContext(ctx))
		_, err := f.start(t, "jane", false)
		wantCode(t, err, errs.ForbiddenCode)
	})
}

func TestSetStateAcceptsOnlyOwnActiveSelectableStates(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		f := newFixture(t, d)
		other, _ := f.addAccount(t, "Other", "bob")
		sys := viewer.SystemContext(context.Background())
		foreign := f.client.AgentState.Create().SetAccountID(other.ID).SetLabel("Ready").
			SetBaseState("AVAILABLE").SaveX(sys)
		locked := f.client.AgentState.Create().SetAccountID(f.account.ID).SetLabel("Supervisor only").
			SetBaseState("WORKING").SetSelectable(false).SaveX(sys)
		st, err := f.start(t, "jane", false)
		if err != nil {
			t.Fatal(err)
		}
		ctx := f.as(t, st.Token)
		cases := []struct {
			name    string
			stateID int
			code    errs.Code
		}{
			{"own break state", f.brk.ID, ""},
			{"other account's state", foreign.ID, errs.NotFoundCode},
			{"inactive state", f.hidden.ID, errs.BadUserInput},
			{"not selectable", locked.ID, errs.BadUserInput},
			{"missing state", foreign.ID + 1000, errs.NotFoundCode},
		}
		for _, c := range cases {
			sess, err := f.svc.SetState(ctx, c.stateID)
			if c.code == "" {
				if err != nil || *sess.StateID != c.stateID {
					t.Errorf("%s: %v", c.name, err)
				}
				continue
			}
			if errs.CodeOf(err) != c.code {
				t.Errorf("%s: got %v, want %s", c.name, err, c.code)
			}
		}
		cur, err := f.svc.Current(ctx)
		if err != nil || *cur.StateID != f.brk.ID {
			t.Fatalf("refused changes must leave the state alone: %v %v", err, cur.StateID)
		}
		states, err := f.svc.States(ctx)
		if err != nil || len(states) != 2 || states[0].ID != f.brk.ID || states[1].ID != f.ready.ID {
			t.Errorf("States = %v, %v; want Break, Ready", states, err)
		}
	})
}

// Two sign-ins of one agent racing: the partial unique index lets exactly
// one win and the other answers CONFLICT.
func TestConcurrentStartsLeaveOneActiveSession(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		f := newFixture(t, d)
		const n = 4
		var wg sync.WaitGroup
		results := make([]error, n)
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, results[i] = f.start(t, "jane", false)
			}()
		}
		wg.Wait()
		ok := 0
		for _, err := range results {
			switch {
			case err == nil:
				ok++
			case errs.CodeOf(err) != errs.ConflictCode:
				t.Errorf("unexpected error: %v", err)
			}
		}
		active := f.client.AgentSession.Query().
			Where(agentsession.AgentIDEQ(f.agent.ID), agentsession.EndedAtIsNil()).CountX(viewer.SystemContext(context.Background()))
		if ok != 1 || active != 1 {
			t.Fatalf("%d sign-ins succeeded, %d active sessions; want 1 and 1", ok, active)
		}
	})
}

// The database itself refuses a second active session, whatever the code
// above it does.
func TestDatabaseRefusesTwoActiveSessions(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		f := newFixture(t, d)
		sys := viewer.SystemContext(context.Background())
		mk := func(hash string) error {
			return f.client.AgentSession.Create().SetAccountID(f.account.ID).SetAgentID(f.agent.ID).
				SetTokenHash(hash).Exec(sys)
		}
		if err := mk("a"); err != nil {
			t.Fatal(err)
		}
		if err := mk("b"); err == nil {
			t.Fatal("second active session accepted")
		}
		f.client.AgentSession.Update().SetEndedAt(f.agent.CreatedAt).ExecX(sys)
		if err := mk("c"); err != nil {
			t.Fatalf("ended sessions must not block a new one: %v", err)
		}
	})
}
