package agentsession

import (
	"context"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/agent"
	"github.com/switchboard/switchboard/ent/agentsession"
	"github.com/switchboard/switchboard/ent/agentstate"
	"github.com/switchboard/switchboard/ent/predicate"
	"github.com/switchboard/switchboard/internal/errs"
	"github.com/switchboard/switchboard/internal/perm"
	"github.com/switchboard/switchboard/internal/viewer"
)

// SignOut ends the agent's active session for an administrator holding
// SIGN_OUT_AGENTS in the agent's account. It reports whether a session was
// active; an agent the viewer cannot see answers NOT_FOUND.
func (s *Service) SignOut(ctx context.Context, agentID int) (bool, error) {
	v := viewer.FromContext(ctx)
	if v == nil || v.AgentID != 0 {
		return false, errs.Unauthenticated()
	}
	a, err := s.client(ctx).Agent.Get(ctx, agentID) // privacy: foreign agents are not found
	if ent.IsNotFound(err) {
		return false, errs.NotFound("agent", "agentId")
	}
	if err != nil {
		return false, err
	}
	if v.ReadOnly {
		return false, errs.ReadOnlyToken()
	}
	if !v.Can(a.AccountID, perm.SignOutAgents) {
		return false, errs.Forbidden(perm.SignOutAgents)
	}
	var n int
	err = s.inTx(ctx, func(ctx context.Context, c *ent.Client) error {
		n, err = c.AgentSession.Update().
			Where(agentsession.AgentIDEQ(a.ID), agentsession.EndedAtIsNil()).
			SetEndedAt(s.now()).SetEndReason(ReasonByAdmin).Save(ctx)
		return err
	})
	return n > 0, err
}

// EndAll ends the active sessions of the agents, for example when they are
// disabled. It runs as the system: the caller has authorized the change
// that requires it (disabling needs WRITE_AGENTS, not SIGN_OUT_AGENTS).
// client may be a transactional client so the sign-out commits with it.
func EndAll(ctx context.Context, client *ent.Client, agentIDs []int, reason string) error {
	if len(agentIDs) == 0 {
		return nil
	}
	if reason == "" {
		reason = ReasonDisabled
	}
	return client.AgentSession.Update().
		Where(agentsession.AgentIDIn(agentIDs...), agentsession.EndedAtIsNil()).
		SetEndedAt(timeNow()).SetEndReason(reason).Exec(viewer.SystemContext(ctx))
}

// SignedInPredicate filters agents by whether they have an active session,
// for the agents connection's signedIn filter.
func SignedInPredicate(signedIn bool) predicate.Agent {
	p := agent.HasSessionsWith(agentsession.EndedAtIsNil())
	if signedIn {
		return p
	}
	return agent.Not(p)
}

// Ready reports whether the session's state means ready for work (its base
// state is AVAILABLE). A session without a state is not ready. The state is
// read as the system: whoever may see the session may know its readiness.
func Ready(ctx context.Context, client *ent.Client, sess *ent.AgentSession) (bool, error) {
	if sess.StateID == nil {
		return false, nil
	}
	st, err := sess.Edges.StateOrErr()
	if ent.IsNotLoaded(err) {
		st, err = client.AgentState.Query().Where(agentstate.IDEQ(*sess.StateID)).Only(viewer.SystemContext(ctx))
	}
	if ent.IsNotFound(err) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return st.BaseState == agentstate.BaseStateAVAILABLE, nil
}
