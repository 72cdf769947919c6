// Package jobs runs Switchboard's background work on River, on whichever
// database the product runs on: riverpgxv5 on PostgreSQL (River's tables in
// the same database, through a pgx pool of its own), riversqlite on SQLite.
//
// Usage: each service registers its workers before the runner is built, then
// inserts jobs through the runner, which hides River's two generic client types:
//
//	workers := river.NewWorkers()
//	river.AddWorker(workers, &directory.SyncWorker{...})
//	runner, err := jobs.New(ctx, conn, workers, jobs.Options{PollInterval: time.Second})
//	...
//	err = runner.Start(ctx)       // starts working jobs (no-op without workers)
//	id, err := runner.Insert(ctx, SyncArgs{AccountID: 7}, &river.InsertOpts{UniqueOpts: jobs.OnePerArgs})
//	defer runner.Stop(ctx)        // waits for running jobs, closes River's pool
//
// SQLite: River's tables live in a sibling file ("x.db" → "x.jobs.db") with a
// single-connection pool, as River's SQLite driver recommends. River polls and
// writes (locking jobs, heartbeats, completions) several times a second; in the
// same file those writes would compete with ent's writers for SQLite's one write
// lock and surface as SQLITE_BUSY or busy-timeout stalls in GraphQL mutations.
// A separate file gives River its own write lock. The price is that a job
// cannot be inserted in the same transaction as ent's writes: insert after the
// commit (see InsertAfterCommit) and let workers tolerate missing rows.
//
// River runs poll-only on both dialects (riversqlite has no LISTEN, and
// riverpgxv5's listener has been unreliable here); Options.PollInterval sets
// how quickly a new job starts (tests use ~50 ms).
package jobs

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"
	"github.com/riverqueue/river/rivertype"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/internal/db"
)

// OnePerArgs makes a job unique by its arguments while it is waiting or
// running: a second insert with equal args returns the first job (e.g. one
// sync per account at a time). Tag fields with `river:"unique"` to compare
// only those.
var OnePerArgs = river.UniqueOpts{
	ByArgs: true,
	ByState: []rivertype.JobState{
		rivertype.JobStateAvailable, rivertype.JobStatePending,
		rivertype.JobStateRunning, rivertype.JobStateScheduled,
		rivertype.JobStateRetryable,
	},
}

// Options tune the runner.
type Options struct {
	// PollInterval is how often idle workers look for new jobs (default 1 s).
	PollInterval time.Duration
	// MaxWorkers is the number of jobs worked at once (default 10).
	MaxWorkers int
	// JobTimeout bounds one job (default 30 min: a large sync or import).
	JobTimeout time.Duration
	// MaxAttempts is how often a failing job is tried (default River's, 25).
	MaxAttempts int
	// PeriodicJobs are inserted on their schedule by the leader.
	PeriodicJobs []*river.PeriodicJob
	Logger       *slog.Logger
}

// client is what the runner needs from River's generic clients.
type client interface {
	Start(ctx context.Context) error
	Stop(ctx context.Context) error
	Insert(ctx context.Context, args river.JobArgs, opts *river.InsertOpts) (*rivertype.JobInsertResult, error)
	JobGet(ctx context.Context, id int64) (*rivertype.JobRow, error)
	JobCancel(ctx context.Context, id int64) (*rivertype.JobRow, error)
}

// Runner inserts and works background jobs.
type Runner struct {
	client   client
	working  bool
	closeDB  func()
	mu       sync.Mutex
	started  bool
	stopped  bool
	periodic *river.PeriodicJobBundle
	logger   *slog.Logger
}

// New opens River's connection for conn, runs River's migrations and builds
// the client. workers may be nil for an insert-only runner.
func New(ctx context.Context, conn *db.DB, workers *river.Workers, opts Options) (*Runner, error) {
	cfg := config(workers, opts)
	r := &Runner{working: workers != nil, logger: cfg.Logger}
	if db.IsPostgres(conn.URL) {
		pool, err := pgxpool.New(ctx, conn.URL)
		if err != nil {
			return nil, fmt.Errorf("jobs: opening pool: %w", err)
		}
		r.closeDB = pool.Close
		drv := riverpgxv5.New(pool)
		if err := migrate(ctx, drv); err != nil {
			pool.Close()
			return nil, err
		}
		c, err := river.NewClient[pgx.Tx](drv, cfg)
		if err != nil {
			pool.Close()
			return nil, fmt.Errorf("jobs: %w", err)
		}
		r.client = c
		if r.working {
			r.periodic = c.PeriodicJobs()
		}
		return r, nil
	}
	sqlDB, err := sql.Open("sqlite3", db.SQLiteDSN(JobsPath(conn.URL)))
	if err != nil {
		return nil, fmt.Errorf("jobs: opening database: %w", err)
	}
	// One connection: River's SQLite driver serializes on it instead of
	// answering SQLITE_BUSY to itself.
	sqlDB.SetMaxOpenConns(1)
	r.closeDB = func() { sqlDB.Close() }
	drv := riversqlite.New(sqlDB)
	if err := migrate(ctx, drv); err != nil {
		sqlDB.Close()
		return nil, err
	}
	c, err := river.NewClient[*sql.Tx](drv, cfg)
	if err != nil {
		sqlDB.Close()
		return nil, fmt.Errorf("jobs: %w", err)
	}
	r.client = c
	if r.working {
		r.periodic = c.PeriodicJobs()
	}
	return r, nil
}

func config(workers *river.Workers, opts Options) *river.Config {
	if opts.PollInterval <= 0 {
		opts.PollInterval = time.Second
	}
	if opts.MaxWorkers <= 0 {
		opts.MaxWorkers = 10
	}
	if opts.JobTimeout <= 0 {
		opts.JobTimeout = 30 * time.Minute
	}
	if opts.Logger == nil {
		// River narrates every start, stop and poll-mode choice at INFO.
		opts.Logger = slog.New(warnOnly{slog.Default().Handler()})
	}
	cfg := &river.Config{
		PollOnly:          true,
		FetchPollInterval: opts.PollInterval,
		FetchCooldown:     min(opts.PollInterval, river.FetchCooldownDefault),
		JobTimeout:        opts.JobTimeout,
		MaxAttempts:       opts.MaxAttempts,
		Logger:            opts.Logger,
		PeriodicJobs:      opts.PeriodicJobs,
	}
	if workers != nil {
		cfg.Workers = workers
		cfg.Queues = map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: opts.MaxWorkers}}
	}
	return cfg
}

func migrate[TTx any](ctx context.Context, drv riverdriver.Driver[TTx]) error {
	m, err := rivermigrate.New[TTx](drv, nil)
	if err != nil {
		return fmt.Errorf("jobs: migrator: %w", err)
	}
	if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("jobs: migrating River: %w", err)
	}
	return nil
}

// JobsPath is where River's SQLite file lives for the database at url
// (a path or a "file:" DSN): "data/x.db" → "data/x.jobs.db".
func JobsPath(url string) string {
	if url == "" {
		url = db.DefaultSQLitePath
	}
	path := strings.TrimPrefix(url, "file:")
	if i := strings.IndexByte(path, '?'); i >= 0 {
		path = path[:i]
	}
	return strings.TrimSuffix(path, ".db") + ".jobs.db"
}

// Start begins working jobs and scheduling periodic ones. Without workers it
// does nothing (an insert-only runner).
func (r *Runner) Start(ctx context.Context) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.working || r.started || r.stopped {
		return nil
	}
	if err := r.client.Start(ctx); err != nil {
		return fmt.Errorf("jobs: starting: %w", err)
	}
	r.started = true
	return nil
}

// Stop waits for running jobs to finish (or ctx to end) and releases River's
// connection. Safe to call more than once, and without Start.
func (r *Runner) Stop(ctx context.Context) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.stopped {
		return nil
	}
	r.stopped = true
	var err error
	if r.started {
		err = r.client.Stop(ctx)
	}
	r.closeDB()
	return err
}

// Insert enqueues a job and returns its id. For a unique job that is already
// waiting or running, it returns that job's id.
func (r *Runner) Insert(ctx context.Context, args river.JobArgs, opts *river.InsertOpts) (int64, error) {
	res, err := r.client.Insert(ctx, args, opts)
	if err != nil {
		return 0, fmt.Errorf("jobs: inserting %s: %w", args.Kind(), err)
	}
	return res.Job.ID, nil
}

// InsertAfterCommit enqueues a job once the ent transaction in ctx commits
// (at once without one), so a worker never looks for rows that are not
// committed yet; a rolled back transaction inserts nothing. Insert errors
// after the commit are logged: the commit cannot be undone.
func (r *Runner) InsertAfterCommit(ctx context.Context, args river.JobArgs, opts *river.InsertOpts) error {
	tx := ent.TxFromContext(ctx)
	if tx == nil {
		_, err := r.Insert(ctx, args, opts)
		return err
	}
	tx.OnCommit(func(next ent.Committer) ent.Committer {
		return ent.CommitFunc(func(ctx context.Context, tx *ent.Tx) error {
			if err := next.Commit(ctx, tx); err != nil {
				return err
			}
			if _, err := r.Insert(context.WithoutCancel(ctx), args, opts); err != nil {
				r.logger.Error("inserting job after commit", "kind", args.Kind(), "err", err)
			}
			return nil
		})
	})
	return nil
}

// Job reads a job's row (state, attempts, errors). A missing job answers
// river.ErrNotFound.
func (r *Runner) Job(ctx context.Context, id int64) (*rivertype.JobRow, error) {
	return r.client.JobGet(ctx, id)
}

// Cancel cancels a job; a running job sees its context cancelled.
func (r *Runner) Cancel(ctx context.Context, id int64) (*rivertype.JobRow, error) {
	return r.client.JobCancel(ctx, id)
}

// AddPeriodic adds a periodic job after New (e.g. from a service built later).
// An insert-only runner ignores it.
func (r *Runner) AddPeriodic(job *river.PeriodicJob) {
	if r.periodic != nil {
		r.periodic.Add(job)
	}
}

// ErrNotFound is River's error for a job that does not exist.
var ErrNotFound = river.ErrNotFound

// IsNotFound reports whether err is River's not-found error.
func IsNotFound(err error) bool { return errors.Is(err, river.ErrNotFound) }

// warnOnly drops River's INFO chatter and keeps its warnings and errors.
type warnOnly struct{ slog.Handler }

func (h warnOnly) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= slog.LevelWarn && h.Handler.Enabled(ctx, l)
}
func (h warnOnly) WithAttrs(a []slog.Attr) slog.Handler { return warnOnly{h.Handler.WithAttrs(a)} }
func (h warnOnly) WithGroup(n string) slog.Handler      { return warnOnly{h.Handler.WithGroup(n)} }
