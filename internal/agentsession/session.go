package agentsession

import (
	"context"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/agentsession"
	"github.com/switchboard/switchboard/ent/agentstate"
	"github.com/switchboard/switchboard/internal/errs"
	"github.com/switchboard/switchboard/internal/password"
	"github.com/switchboard/switchboard/internal/viewer"
)

type ctxKey struct{}

// NewContext returns ctx carrying the agent session a request authenticated
// with, and the agent as its viewer.
func NewContext(ctx context.Context, sess *ent.AgentSession) context.Context {
	ctx = context.WithValue(ctx, ctxKey{}, sess.ID)
	return viewer.NewContext(ctx, &viewer.Viewer{AgentID: sess.AgentID})
}

// SessionID returns the agent session of ctx, 0 when the request is not an
// agent client's.
func SessionID(ctx context.Context) int {
	id, _ := ctx.Value(ctxKey{}).(int)
	return id
}

// Authenticate returns the active session of an agent-client token. An
// ended session (signed out, taken over, agent disabled) no longer signs
// anything in.
func (s *Service) Authenticate(ctx context.Context, token string) (*ent.AgentSession, error) {
	sys := viewer.SystemContext(ctx)
	sess, err := s.Client.AgentSession.Query().
		Where(agentsession.TokenHashEQ(password.HashToken(token)), agentsession.EndedAtIsNil()).Only(sys)
	if ent.IsNotFound(err) {
		return nil, errs.Unauthenticated()
	}
	if err != nil {
		return nil, err
	}
	if now := s.now(); now.Sub(sess.LastSeenAt) > touchEvery {
		// Best effort: presence is informative, a failed touch must not
		// fail the agent's request.
		if err := s.Client.AgentSession.UpdateOne(sess).SetLastSeenAt(now).Exec(sys); err != nil {
			s.logger().WarnContext(ctx, "touching agent session", "err", err)
		}
	}
	return sess, nil
}

// Current returns the request's own active session with its agent, account
// and state loaded.
func (s *Service) Current(ctx context.Context) (*ent.AgentSession, error) {
	id := SessionID(ctx)
	if id == 0 {
		return nil, errs.New(errs.UnauthenticatedC, "", "sign in to an agent session first")
	}
	sess, err := withEdges(s.client(ctx).AgentSession.Query().
		Where(agentsession.IDEQ(id), agentsession.EndedAtIsNil())).Only(viewer.SystemContext(ctx))
	if ent.IsNotFound(err) {
		return nil, errs.New(errs.UnauthenticatedC, "", "the agent session has ended")
	}
	return sess, err
}

// End signs the request's agent out of its session.
func (s *Service) End(ctx context.Context) error {
	sess, err := s.Current(ctx)
	if err != nil {
		return err
	}
	return s.inTx(ctx, func(ctx context.Context, c *ent.Client) error {
		return c.AgentSession.Update().
			Where(agentsession.IDEQ(sess.ID), agentsession.EndedAtIsNil()).
			SetEndedAt(s.now()).SetEndReason(ReasonSignedOut).Exec(ctx)
	})
}

// SetState changes the current state of the request's session. Only
// active, selectable states of the agent's own account are accepted; a
// state of another account answers NOT_FOUND like a missing one.
func (s *Service) SetState(ctx context.Context, stateID int) (*ent.AgentSession, error) {
	sess, err := s.Current(ctx)
	if err != nil {
		return nil, err
	}
	var out *ent.AgentSession
	err = s.inTx(ctx, func(ctx context.Context, c *ent.Client) error {
		st, err := c.AgentState.Query().
			Where(agentstate.IDEQ(stateID), agentstate.AccountIDEQ(sess.AccountID)).Only(ctx)
		if ent.IsNotFound(err) {
			return errs.NotFound("agent state", "stateId")
		}
		if err != nil {
			return err
		}
		if !st.Active || !st.Selectable {
			return errs.Invalid("stateId", "the state %q cannot be chosen", st.Label)
		}
		if sess.StateID == nil || *sess.StateID != st.ID {
			if err := c.AgentSession.UpdateOneID(sess.ID).
				SetStateID(st.ID).SetStateChangedAt(s.now()).Exec(ctx); err != nil {
				return err
			}
		}
		out, err = withEdges(c.AgentSession.Query().Where(agentsession.IDEQ(sess.ID))).Only(ctx)
		return err
	})
	return out, err
}

// States lists the states the request's agent may choose, in rank order.
func (s *Service) States(ctx context.Context) ([]*ent.AgentState, error) {
	sess, err := s.Current(ctx)
	if err != nil {
		return nil, err
	}
	return s.client(ctx).AgentState.Query().
		Where(agentstate.AccountIDEQ(sess.AccountID), agentstate.Active(true), agentstate.Selectable(true)).
		Order(ent.Asc(agentstate.FieldRank), ent.Asc(agentstate.FieldID)).All(viewer.SystemContext(ctx))
}

func isUnauthenticated(err error) bool { return errs.CodeOf(err) == errs.UnauthenticatedC }
