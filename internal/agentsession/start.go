package agentsession

import (
	"context"
	"strings"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/agent"
	"github.com/switchboard/switchboard/ent/agentsession"
	"github.com/switchboard/switchboard/ent/agentstate"
	"github.com/switchboard/switchboard/internal/errs"
	"github.com/switchboard/switchboard/internal/password"
	"github.com/switchboard/switchboard/internal/viewer"
)

// StartInput is an agent client's sign-in: username and password for agents
// created by hand, or a RingEX user token and the account for imported ones.
type StartInput struct {
	Username    string
	Password    string
	RingExToken string
	AccountID   int
	// TakeOver ends an existing active session instead of answering CONFLICT.
	TakeOver bool
	// Client names the agent client (shown to administrators).
	Client string
}

// Started is a new session and its token; the token is shown only here.
type Started struct {
	Session *ent.AgentSession
	Token   string
}

// The same answer for an unknown username and a wrong password, so the
// error reveals nothing about which usernames exist.
func errBadCredentials() *errs.Error {
	return errs.New(errs.UnauthenticatedC, "", "the username or password is wrong")
}

// Start signs an agent in. A second sign-in while a session is active
// answers CONFLICT unless in.TakeOver; the partial unique index over active
// sessions decides races between concurrent sign-ins.
func (s *Service) Start(ctx context.Context, in StartInput) (*Started, error) {
	sys := viewer.SystemContext(ctx)
	a, err := s.identify(sys, in)
	if err != nil {
		return nil, err
	}
	if !a.Enabled {
		return nil, errs.New(errs.ForbiddenCode, "", "this agent is disabled")
	}
	if acc, err := s.client(ctx).Account.Get(sys, a.AccountID); err != nil {
		return nil, err
	} else if acc.Archived {
		return nil, errs.New(errs.ForbiddenCode, "", "the agent's account is archived")
	}
	var out Started
	err = s.inTx(ctx, func(ctx context.Context, c *ent.Client) error {
		now := s.now()
		cur, err := c.AgentSession.Query().
			Where(agentsession.AgentIDEQ(a.ID), agentsession.EndedAtIsNil()).First(ctx)
		switch {
		case ent.IsNotFound(err):
		case err != nil:
			return err
		case !in.TakeOver:
			return errSignedInElsewhere()
		default:
			if err := c.AgentSession.UpdateOne(cur).SetEndedAt(now).SetEndReason(ReasonTakenOver).Exec(ctx); err != nil {
				return err
			}
		}
		plain, hash := password.NewToken(TokenPrefix)
		create := c.AgentSession.Create().
			SetAccountID(a.AccountID).SetAgentID(a.ID).SetTokenHash(hash).
			SetStartedAt(now).SetStateChangedAt(now).SetLastSeenAt(now).
			SetClient(truncate(in.Client, 200))
		if st, err := initialState(ctx, c, a.AccountID); err != nil {
			return err
		} else if st != nil {
			create.SetStateID(st.ID)
		}
		sess, err := create.Save(ctx)
		if ent.IsConstraintError(err) {
			// Another sign-in of the same agent won the race.
			return errSignedInElsewhere()
		}
		if err != nil {
			return err
		}
		if err := c.Agent.UpdateOneID(a.ID).SetLastSignedInAt(now).Exec(ctx); err != nil {
			return err
		}
		out.Token = plain
		out.Session, err = withEdges(c.AgentSession.Query().Where(agentsession.IDEQ(sess.ID))).Only(ctx)
		return err
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}

func errSignedInElsewhere() *errs.Error {
	return errs.Conflict("takeOver", "the agent is signed in elsewhere; sign in with takeOver to end that session")
}

// identify finds the agent the credentials belong to.
func (s *Service) identify(ctx context.Context, in StartInput) (*ent.Agent, error) {
	c := s.client(ctx)
	switch {
	case in.Username != "" && in.RingExToken != "":
		return nil, errs.Invalid("ringExToken", "sign in with a username and password or with a RingEX token, not both")
	case in.Username != "":
		a, err := c.Agent.Query().Where(agent.UsernameEQ(strings.ToLower(strings.TrimSpace(in.Username)))).Only(ctx)
		if ent.IsNotFound(err) {
			password.DummyVerify(in.Password) // same time as a wrong password
			return nil, errBadCredentials()
		}
		if err != nil {
			return nil, err
		}
		if a.PasswordHash == "" {
			password.DummyVerify(in.Password)
			return nil, errBadCredentials()
		}
		ok, err := password.Verify(in.Password, a.PasswordHash)
		if err != nil || !ok {
			return nil, errBadCredentials()
		}
		return a, nil
	case in.RingExToken != "":
		if in.AccountID == 0 {
			return nil, errs.Invalid("accountId", "a RingEX sign-in needs the account")
		}
		if s.RingEx == nil {
			return nil, errs.New(errs.RingExUnavailable, "", "RingEX sign-in is not available")
		}
		ringexID, err := s.RingEx.VerifyUserToken(ctx, in.AccountID, in.RingExToken)
		if err != nil {
			switch errs.CodeOf(err) {
			case errs.RingExAuthFailed, errs.UnauthenticatedC, errs.NotFoundCode, errs.RingExNotLinked:
				return nil, errs.New(errs.UnauthenticatedC, "ringExToken", "RingEX did not accept this token for the account")
			}
			return nil, err
		}
		a, err := c.Agent.Query().
			Where(agent.AccountIDEQ(in.AccountID), agent.RingexExtensionIDEQ(ringexID)).Only(ctx)
		if ent.IsNotFound(err) {
			return nil, errs.New(errs.UnauthenticatedC, "ringExToken", "no agent of this account is linked to this RingEX user")
		}
		return a, err
	default:
		return nil, errs.Invalid("username", "sign in with a username and password or with a RingEX token")
	}
}

// initialState is the account's first active, selectable AVAILABLE state,
// nil when the account has none.
func initialState(ctx context.Context, c *ent.Client, accountID int) (*ent.AgentState, error) {
	st, err := c.AgentState.Query().
		Where(agentstate.AccountIDEQ(accountID), agentstate.Active(true), agentstate.Selectable(true),
			agentstate.BaseStateEQ(agentstate.BaseStateAVAILABLE)).
		Order(ent.Asc(agentstate.FieldRank), ent.Asc(agentstate.FieldID)).First(ctx)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	return st, err
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n])
	}
	return s
}
