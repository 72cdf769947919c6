// Package importer turns RingEX users into agents: it previews an import,
// records it as an ImportJob with one ImportResult per selected user, and
// works the job in the background (River), batch by batch, so that it can be
// cancelled, resumed after a restart and run beside other imports without
// ever creating an agent twice.
package importer

import (
	"context"
	"log/slog"
	"time"

	"github.com/riverqueue/river"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/ringexlink"
	"github.com/switchboard/switchboard/internal/errs"
	"github.com/switchboard/switchboard/internal/perm"
	"github.com/switchboard/switchboard/internal/ringex"
	"github.com/switchboard/switchboard/internal/viewer"
)

// Jobs is what the importer needs from the job runner (internal/jobs.Runner).
type Jobs interface {
	// InsertAfterCommit enqueues once the ent transaction in ctx commits.
	InsertAfterCommit(ctx context.Context, args river.JobArgs, opts *river.InsertOpts) error
}

// Service is the import capability.
type Service struct {
	Client *ent.Client
	// RingEx returns a ready client for a linked account
	// (directory.Service.ClientFor).
	RingEx func(ctx context.Context, accountID int) (*ringex.Client, error)
	// Jobs runs import jobs; nil leaves jobs queued (tests call Run).
	Jobs   Jobs
	Logger *slog.Logger

	// BatchSize bounds the users created per transaction (default 1000).
	// Batches start smaller and grow while RingEX answers fast; under its
	// real rate limits they shrink so that progress keeps being committed.
	BatchSize int
	// Concurrency bounds parallel RingEX user reads (default 16); the
	// client's pacer keeps them under the Light rate limit.
	Concurrency int
	// Writers bounds the batch transactions written at once on PostgreSQL
	// (default 2); SQLite has one writer, so there it is always 1.
	Writers int
	// PollInterval is how often progress watchers and the cancel watcher
	// read the job row (default 200 ms).
	PollInterval time.Duration
	// Postgres: Client is on PostgreSQL, where batches are written with
	// set-based statements over arrays (pgwrite.go).
	Postgres bool
}

func (s *Service) batchSize() int {
	if s.BatchSize > 0 {
		return s.BatchSize
	}
	return 1000
}

func (s *Service) concurrency() int {
	if s.Concurrency > 0 {
		return s.Concurrency
	}
	return 16
}

// writers is how many batch transactions may run at once. Only PostgreSQL
// writes concurrently; anything that is not recognisably PostgreSQL gets one.
func (s *Service) writers(ctx context.Context) int {
	n := s.Writers
	if n <= 0 {
		n = 2
	}
	if n == 1 || !s.Postgres {
		return 1
	}
	return n
}

func (s *Service) pollInterval() time.Duration {
	if s.PollInterval > 0 {
		return s.PollInterval
	}
	return 200 * time.Millisecond
}

func (s *Service) logger() *slog.Logger {
	if s.Logger != nil {
		return s.Logger
	}
	return slog.Default()
}

// client returns the transactional client of a mutation when there is one.
func (s *Service) client(ctx context.Context) *ent.Client {
	if c := ent.FromContext(ctx); c != nil {
		return c
	}
	return s.Client
}

// authorize checks that the viewer may import into the account and that the
// account is linked to RingEX, and returns the account. A foreign account answers NOT_FOUND like a
// missing one.
func (s *Service) authorize(ctx context.Context, accountID int) (*ent.Account, error) {
	v := viewer.FromContext(ctx)
	if v == nil {
		return nil, errs.Unauthenticated()
	}
	if !v.Member(accountID) {
		return nil, errs.NotFound("account", "accountId")
	}
	if !v.Can(accountID, perm.ImportAgents) {
		return nil, errs.Forbidden(perm.ImportAgents)
	}
	sys := viewer.SystemContext(ctx)
	acc, err := s.client(ctx).Account.Get(sys, accountID)
	if ent.IsNotFound(err) {
		return nil, errs.NotFound("account", "accountId")
	}
	if err != nil {
		return nil, err
	}
	linked, err := s.client(ctx).RingExLink.Query().Where(ringexlink.AccountID(accountID)).Exist(sys)
	if err != nil {
		return nil, err
	}
	if !linked {
		return nil, errs.New(errs.RingExNotLinked, "accountId", "the account is not linked to RingEX: link it first")
	}
	return acc, nil
}
