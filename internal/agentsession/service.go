// Package agentsession signs agents in to the agent interface: one active
// session per agent (enforced by a partial unique index), a current agent
// state, and the session token the agent client sends on every request.
//
// Agents are not console users: an agent-client request carries no account
// membership, so after this package authenticated the agent it works under
// the system context, scoped by hand to the agent's own session and account.
package agentsession

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/internal/viewer"
)

// TokenPrefix starts every agent-session token. Console API tokens start
// with "sbt_", so the HTTP layer tells the two apart without a lookup.
const TokenPrefix = "sba_"

// RingExVerifier checks a RingEX user access token and says which RingEX
// user (extension id) it belongs to. The directory service implements it.
type RingExVerifier interface {
	VerifyUserToken(ctx context.Context, accountID int, token string) (ringexID int64, err error)
}

// Service is the agent-session capability. Only Client is required.
type Service struct {
	Client *ent.Client
	// RingEx verifies RingEX sign-ins; nil refuses them.
	RingEx RingExVerifier
	Logger *slog.Logger
	// Now is the clock (tests move it); nil means time.Now.
	Now func() time.Time
}

// End reasons stored in agent_sessions.end_reason.
const (
	ReasonSignedOut = "SIGNED_OUT"
	ReasonTakenOver = "TAKEN_OVER"
	ReasonByAdmin   = "SIGNED_OUT_BY_ADMINISTRATOR"
	ReasonDisabled  = "AGENT_DISABLED"
)

// touchEvery bounds writes of last_seen_at to one per session per minute.
const touchEvery = time.Minute

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Service) logger() *slog.Logger {
	if s.Logger != nil {
		return s.Logger
	}
	return slog.Default()
}

// inTx runs fn on the transaction of a GraphQL mutation when ctx carries
// one (so the session change commits with the rest of the mutation), or on
// a transaction of its own. ctx passed to fn is the system context.
func (s *Service) inTx(ctx context.Context, fn func(ctx context.Context, c *ent.Client) error) error {
	ctx = viewer.SystemContext(ctx)
	if tx := ent.TxFromContext(ctx); tx != nil {
		return fn(ctx, tx.Client())
	}
	tx, err := s.Client.Tx(ctx)
	if err != nil {
		return fmt.Errorf("agent session: opening transaction: %w", err)
	}
	if err := fn(ent.NewTxContext(ent.NewContext(ctx, tx.Client()), tx), tx.Client()); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("agent session: committing: %w", err)
	}
	return nil
}

// client is the transactional client of ctx when there is one.
func (s *Service) client(ctx context.Context) *ent.Client {
	if c := ent.FromContext(ctx); c != nil {
		return c
	}
	return s.Client
}

// withEdges loads what the agent client shows (agent, account, state) under
// the system context: an agent viewer belongs to no account, so the privacy
// rules would hide these edges from it.
func withEdges(q *ent.AgentSessionQuery) *ent.AgentSessionQuery {
	return q.WithAgent().WithAccount().WithState()
}

// timeNow is the clock of the package-level helpers.
var timeNow = time.Now
