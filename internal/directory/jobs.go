package directory

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/switchboard/switchboard/ent/ringexlink"
	"github.com/switchboard/switchboard/internal/errs"
	"github.com/switchboard/switchboard/internal/jobs"
	"github.com/switchboard/switchboard/internal/perm"
	"github.com/switchboard/switchboard/internal/viewer"
)

// SyncArgs is the River job syncing one account's directory. Unique by
// account while waiting or running: one sync per account at a time.
type SyncArgs struct {
	AccountID int `json:"account_id"`
	// Again marks the follow-up queued while a sync runs: River's unique
	// states include running, so without it a request arriving while a sync
	// finishes would be swallowed by that (already listed) sync.
	Again bool `json:"again,omitempty"`
	// LinkedAt is the link a linkRingEx queued this sync for. The mutation
	// commits after queuing, so the sync may start while the old link (or
	// none) is still what it reads: it waits until it sees this one, or it
	// would judge the new directory by the old link's last good size.
	LinkedAt time.Time `json:"linked_at,omitzero"`
}

// Kind names the job.
func (SyncArgs) Kind() string { return "ringex_sync" }

// InsertOpts makes syncs unique per account; a failed sync is retried a few
// times with River's back-off (the next periodic sync follows anyway).
func (SyncArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: 5, UniqueOpts: jobs.OnePerArgs}
}

// SyncWorker works SyncArgs.
type SyncWorker struct {
	river.WorkerDefaults[SyncArgs]
	Service *Service
}

// linkWait is how long a sync waits for the link row it was queued for: a
// sync queued by linkRingEx may start before the mutation commits.
const linkWait = 30 * time.Second

// Work syncs the account.
func (w *SyncWorker) Work(ctx context.Context, job *river.Job[SyncArgs]) error {
	unlock := w.Service.lockAccount(job.Args.AccountID) // a follow-up waits for the running sync
	defer unlock()
	ctx = viewer.SystemContext(ctx)
	ready, err := w.Service.linkReady(ctx, job.Args)
	if err == nil && ready {
		_, err = w.Service.Sync(ctx, job.Args.AccountID)
	}
	if (err == nil && !ready) || errors.Is(err, errNoLink) {
		if time.Since(job.CreatedAt) < linkWait {
			return river.JobSnooze(200 * time.Millisecond)
		}
		return nil // unlinked or linked again meanwhile: that link's sync follows
	}
	return err
}

// linkReady reports whether the link a sync was queued for is visible.
func (s *Service) linkReady(ctx context.Context, a SyncArgs) (bool, error) {
	if a.LinkedAt.IsZero() {
		return true, nil
	}
	l, err := s.link(ctx, a.AccountID)
	if err != nil || l == nil {
		return false, err
	}
	return !l.LinkedAt.Before(a.LinkedAt), nil
}

// Timeout leaves room for a large directory on a slow RingEX.
func (w *SyncWorker) Timeout(*river.Job[SyncArgs]) time.Duration { return 30 * time.Minute }

// SyncAllArgs is the periodic job that queues a sync of every linked account.
type SyncAllArgs struct{}

// Kind names the job.
func (SyncAllArgs) Kind() string { return "ringex_sync_all" }

// SyncAllWorker works SyncAllArgs.
type SyncAllWorker struct {
	river.WorkerDefaults[SyncAllArgs]
	Service *Service
}

// Work queues one sync per linked account.
func (w *SyncAllWorker) Work(ctx context.Context, _ *river.Job[SyncAllArgs]) error {
	ctx = viewer.SystemContext(ctx)
	ids, err := w.Service.Client.RingExLink.Query().Select(ringexlink.FieldAccountID).Ints(ctx)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if _, err := w.Service.StartSync(ctx, SyncArgs{AccountID: id}); err != nil {
			return err
		}
	}
	return nil
}

// AddWorkers registers the directory's workers; call before jobs.New.
func (s *Service) AddWorkers(workers *river.Workers) {
	river.AddWorker(workers, &SyncWorker{Service: s})
	river.AddWorker(workers, &SyncAllWorker{Service: s})
}

// PeriodicJobs re-syncs every linked account each interval (none when 0).
func PeriodicJobs(interval time.Duration) []*river.PeriodicJob {
	if interval <= 0 {
		return nil
	}
	return []*river.PeriodicJob{river.NewPeriodicJob(
		river.PeriodicInterval(interval),
		func() (river.JobArgs, *river.InsertOpts) {
			return SyncAllArgs{}, &river.InsertOpts{UniqueOpts: jobs.OnePerArgs}
		},
		&river.PeriodicJobOpts{ID: "ringex_sync_all"},
	)}
}

// StartSync queues a sync of the account and returns its job id (the
// running or waiting one if there is one). 0 without a job runner.
func (s *Service) StartSync(ctx context.Context, args SyncArgs) (int64, error) {
	if s.Jobs == nil {
		return 0, nil
	}
	id, err := s.Jobs.Insert(ctx, args, nil)
	if err != nil {
		return 0, err
	}
	if row, err := s.Jobs.Job(ctx, id); err == nil && row.State == rivertype.JobStateRunning {
		// The running sync may have listed RingEX already: queue one more.
		args.Again = true
		return s.Jobs.Insert(ctx, args, nil)
	}
	return id, nil
}

// lockAccount serializes the syncs of one account in this process (the
// follow-up of a running sync); the apply transaction serializes writers
// across processes.
func (s *Service) lockAccount(accountID int) func() {
	s.mu.Lock()
	if s.syncing == nil {
		s.syncing = map[int]*sync.Mutex{}
	}
	m, ok := s.syncing[accountID]
	if !ok {
		m = &sync.Mutex{}
		s.syncing[accountID] = m
	}
	s.mu.Unlock()
	m.Lock()
	return m.Unlock
}

// SyncJob is a queued or running sync.
type SyncJob struct {
	ID    int64
	State string
}

// RequestSync is syncRingExDirectory: for integration managers and
// importers (the picker's "refresh"). RINGEX_NOT_LINKED without a link.
func (s *Service) RequestSync(ctx context.Context, accountID int) (*SyncJob, error) {
	if err := require(ctx, accountID, perm.ImportAgents); err != nil {
		if e, ok := errs.As(err); !ok || e.Code != errs.ForbiddenCode ||
			require(ctx, accountID, perm.ManageIntegrations) != nil {
			return nil, err
		}
	}
	l, err := s.link(ctx, accountID)
	if err != nil {
		return nil, err
	}
	if l == nil {
		return nil, notLinked()
	}
	return s.jobOf(ctx, SyncArgs{AccountID: accountID})
}

func (s *Service) jobOf(ctx context.Context, args SyncArgs) (*SyncJob, error) {
	id, err := s.StartSync(ctx, args)
	if err != nil || id == 0 {
		return nil, err
	}
	row, err := s.Jobs.Job(ctx, id)
	if err != nil {
		return nil, err
	}
	return &SyncJob{ID: id, State: string(row.State)}, nil
}
