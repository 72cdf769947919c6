package importer

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/riverqueue/river"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/category"
	"github.com/switchboard/switchboard/ent/importjob"
	"github.com/switchboard/switchboard/ent/importresult"
	"github.com/switchboard/switchboard/ent/importusers"
	"github.com/switchboard/switchboard/ent/ringexuser"
	"github.com/switchboard/switchboard/ent/role"
	"github.com/switchboard/switchboard/ent/team"
	"github.com/switchboard/switchboard/internal/audit"
	"github.com/switchboard/switchboard/internal/ringex"
	"github.com/switchboard/switchboard/internal/viewer"
)

// Worker works import jobs for River.
type Worker struct {
	river.WorkerDefaults[Args]
	Service *Service
}

// Work runs the job; an error makes River retry it, and the retry resumes
// with the users that have no result yet.
func (w *Worker) Work(ctx context.Context, job *river.Job[Args]) error {
	return w.Service.Run(ctx, job.Args.ImportJobID)
}

// Timeout: none. Under RingEX's per-user limit (50 reads a minute) a large
// import legitimately runs for hours; progress is committed batch by batch.
func (w *Worker) Timeout(*river.Job[Args]) time.Duration { return -1 }

// run is one execution of a job.
type run struct {
	s       *Service
	job     *ent.ImportJob
	acc     *ent.Account
	rx      *ringex.Client
	teamIDs []int
	catIDs  []int
}

// Run works an import job to its end: RUNNING, then batch by batch until
// every user has a result (SUCCEEDED), the job is cancelled (CANCELLED) or RingEX
// fails past its retries (FAILED). Running it again is always safe: a
// finished job is left alone, an interrupted one resumes, and the database's
// unique indexes keep any agent from being created twice.
func (s *Service) Run(ctx context.Context, jobID int) error {
	ctx = viewer.SystemContext(ctx)
	job, err := s.Client.ImportJob.Get(ctx, jobID)
	if ent.IsNotFound(err) {
		return nil // the starting transaction rolled back: nothing to do
	}
	if err != nil {
		return err
	}
	if finished(job.Status) {
		return nil
	}
	if job.Status == importjob.StatusQUEUED {
		if job, err = s.Client.ImportJob.UpdateOneID(jobID).SetStatus(importjob.StatusRUNNING).
			SetStartedAt(time.Now()).Save(ctx); err != nil {
			return err
		}
	}
	r := &run{s: s, job: job}
	if r.acc, err = s.Client.Account.Get(ctx, job.AccountID); err != nil {
		return err
	}
	if code, msg, err := r.prepare(ctx); err != nil {
		return err
	} else if code != "" {
		return r.stop(ctx, importjob.StatusFAILED, code, msg)
	}
	return r.loop(ctx)
}

// prepare checks what the job refers to still exists and gets a RingEX
// client. A non-empty code fails the job.
func (r *run) prepare(ctx context.Context) (code, msg string, err error) {
	c := r.s.Client
	ok, err := c.Role.Query().Where(role.ID(r.job.RoleID)).Exist(ctx)
	if err != nil {
		return "", "", err
	}
	if !ok {
		return CodeRoleDeleted, "the role chosen for the import was deleted", nil
	}
	// Teams or categories deleted since the import started are left out.
	if len(r.job.TeamIds) > 0 {
		if r.teamIDs, err = c.Team.Query().Where(team.IDIn(r.job.TeamIds...)).IDs(ctx); err != nil {
			return "", "", err
		}
	}
	if len(r.job.CategoryIds) > 0 {
		if r.catIDs, err = c.Category.Query().Where(category.IDIn(r.job.CategoryIds...)).IDs(ctx); err != nil {
			return "", "", err
		}
	}
	if r.s.RingEx == nil {
		return CodeNotLinked, "RingEX is not configured", nil
	}
	if r.rx, err = r.s.RingEx(ctx, r.job.AccountID); err != nil {
		if ctx.Err() != nil {
			return "", "", ctx.Err()
		}
		return CodeNotLinked, "the account's RingEX link is not usable: " + err.Error(), nil
	}
	return "", "", nil
}

var errCancelRequested = errors.New("import cancelled")

// batch is one slice of users without a result, read from RingEX and ready
// to write.
type batch struct {
	items     []*item
	abort     error // why reading stopped early (see fetch)
	cancelled bool  // a cancel request was seen before the batch was read
	err       error // the database failed
}

// loop works the job as a pipeline: while batches are written (on
// PostgreSQL by up to two transactions at once, each over its own users),
// the next one is loaded and read from RingEX, so neither the database nor
// RingEX waits on the other. Batches follow the result ids (keyset), so
// the reader never picks up users a writer has not settled yet.
func (r *run) loop(ctx context.Context) error {
	rctx, stopReading := context.WithCancel(ctx)
	batches := make(chan batch, 1)
	go r.read(rctx, batches)
	// Stop the reader before the job's outcome is written: it reads ahead,
	// and neither its RingEX budget nor its queries are wanted any more.
	stopReader := func() {
		stopReading()
		for range batches {
		}
	}
	defer stopReader()

	w := newWriters(r.s.writers(ctx))
	var last batch
	for b := range batches {
		if b.err != nil || b.cancelled || b.items == nil {
			last = b
			break
		}
		if !w.start(func() error { return r.writeLogged(ctx, b.items) }) {
			break // a write failed
		}
		if b.abort != nil {
			last = b
			break
		}
	}
	stopReader()
	if err := w.wait(); err != nil {
		return err
	}
	switch abort := last.abort; {
	case last.err != nil:
		return last.err
	case last.cancelled || errors.Is(abort, errCancelRequested):
		return r.stop(ctx, importjob.StatusCANCELLED, CodeCancelled, "the import was cancelled")
	case last.items == nil && abort == nil:
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return r.finish(ctx)
	case ctx.Err() != nil:
		return ctx.Err() // shutting down: River retries and the job resumes
	case ringex.IsAuthFailed(abort) || ringex.IsForbidden(abort) || ringex.IsTokenExpired(abort):
		return r.stop(ctx, importjob.StatusFAILED, CodeAuthFailed, "RingEX refused the account's credentials: "+abort.Error())
	default:
		return r.stop(ctx, importjob.StatusFAILED, CodeUnavailable, "RingEX did not answer after retries: "+abort.Error())
	}
}

func (r *run) writeLogged(ctx context.Context, items []*item) error {
	t0 := time.Now()
	err := r.write(ctx, items)
	r.s.logger().Debug("import batch written", "job", r.job.ID, "users", len(items), "write", time.Since(t0), "err", err)
	return err
}

// writers runs up to n batch writes at once and keeps the first error.
type writers struct {
	sem  chan struct{}
	wg   sync.WaitGroup
	mu   sync.Mutex
	err  error
	done chan struct{} // closed on the first error
}

func newWriters(n int) *writers {
	return &writers{sem: make(chan struct{}, n), done: make(chan struct{})}
}

// start runs fn once a slot is free; false once a write has failed.
func (w *writers) start(fn func() error) bool {
	select {
	case w.sem <- struct{}{}:
	case <-w.done:
		return false
	}
	w.wg.Add(1)
	go func() {
		defer w.wg.Done()
		defer func() { <-w.sem }()
		if err := fn(); err != nil {
			w.mu.Lock()
			if w.err == nil {
				w.err = err
				close(w.done)
			}
			w.mu.Unlock()
		}
	}()
	return true
}

func (w *writers) wait() error {
	w.wg.Wait()
	return w.err
}

const (
	firstBatch = 100
	minBatch   = 25
)

// maxLinkParams bounds the bind parameters of one batch's team and category
// link INSERT (two per row) under SQLite's limit (32766; PostgreSQL 65535).
const maxLinkParams = 30000

// maxBatch is the configured batch size, lowered when each agent gets so
// many teams and categories that the link rows would pass maxLinkParams.
func (r *run) maxBatch() int {
	links := len(r.teamIDs) + len(r.catIDs)
	return max(1, min(r.s.batchSize(), maxLinkParams/(2*max(links, 1))))
}

// nextBatchSize grows batches while RingEX answers fast (fewer, larger
// transactions) and shrinks them when reads are paced by its rate limit, so
// that progress and results keep being committed every few seconds.
func nextBatchSize(size, limit int, took time.Duration) int {
	switch {
	case took < time.Second:
		return min(size*2, limit)
	case took > 5*time.Second:
		return max(size/2, min(minBatch, limit))
	}
	return min(size, limit)
}

// read produces batches until the users without a result run out (a batch
// with no items), reading stops early, or ctx ends. It closes out.
func (r *run) read(ctx context.Context, out chan<- batch) {
	defer close(out)
	send := func(b batch) bool {
		select {
		case out <- b:
			return true
		case <-ctx.Done():
			return false
		}
	}
	todo, err := r.remaining(ctx, r.s.Client)
	if err != nil {
		send(batch{err: err})
		return
	}
	limit := r.maxBatch()
	size := min(limit, firstBatch)
	for {
		var b batch
		b.cancelled, b.err = r.cancelRequested(ctx)
		if b.err != nil || b.cancelled || len(todo) == 0 {
			send(b)
			return
		}
		ids := todo[:min(size, len(todo))]
		todo = todo[len(ids):]
		t0 := time.Now()
		if b.items, b.err = r.gather(ctx, ids); b.err != nil {
			send(b)
			return
		}
		t1 := time.Now()
		b.abort = r.fetch(ctx, b.items)
		took := time.Since(t1)
		r.s.logger().Debug("import batch read", "job", r.job.ID, "users", len(b.items),
			"gather", t1.Sub(t0), "fetch", took)
		size = nextBatchSize(size, limit, took)
		if !send(b) || b.abort != nil {
			return
		}
	}
}

// remaining lists the job's users without a result, in the job's order.
// A batch in flight is either committed with all its results or not at
// all, so a resumed run picks up exactly the users no batch settled.
func (r *run) remaining(ctx context.Context, c *ent.Client) ([]int64, error) {
	sel, err := c.ImportUsers.Query().Where(importusers.JobID(r.job.ID)).Only(ctx)
	if err != nil {
		return nil, err
	}
	var settled []struct {
		RingexID int64 `json:"ringex_id"`
	}
	if err := c.ImportResult.Query().Where(importresult.JobID(r.job.ID)).
		Select(importresult.FieldRingexID).Scan(ctx, &settled); err != nil {
		return nil, err
	}
	done := make(map[int64]bool, len(settled))
	for _, x := range settled {
		done[x.RingexID] = true
	}
	todo := make([]int64, 0, len(sel.RingexIds)-len(settled))
	for _, id := range sel.RingexIds {
		if !done[id] {
			todo = append(todo, id)
		}
	}
	return todo, nil
}

// stop fails every user without a result with code and ends the job in
// status.
func (r *run) stop(ctx context.Context, status importjob.Status, code, msg string) error {
	return r.s.withTx(ctx, func(ctx context.Context, tx *ent.Tx) error {
		c := tx.Client()
		todo, err := r.remaining(ctx, c)
		if err != nil {
			return err
		}
		for _, ids := range chunks(todo, resultChunk) {
			mirror, err := c.RingExUser.Query().
				Where(ringexuser.AccountID(r.job.AccountID), ringexuser.RingexIDIn(ids...)).All(ctx)
			if err != nil {
				return err
			}
			byID := make(map[int64]*ent.RingExUser, len(mirror))
			for _, u := range mirror {
				byID[u.RingexID] = u
			}
			rows := make([]resultRow, len(ids))
			for i, id := range ids {
				name, email, username := mirrorNames(byID[id])
				rows[i] = resultRow{ringexID: id, outcome: importresult.OutcomeFAILED,
					name: name, email: email, username: username, code: code, message: msg}
			}
			if err := r.record(ctx, c, rows); err != nil {
				return err
			}
		}
		n := len(todo)
		upd := tx.ImportJob.UpdateOneID(r.job.ID).SetStatus(status).SetFinishedAt(time.Now()).
			AddProcessed(n).AddFailedCount(n)
		if status == importjob.StatusFAILED {
			upd.SetError(msg)
		}
		job, err := upd.Save(ctx)
		if err != nil {
			return err
		}
		return r.recordFinish(ctx, tx.Client(), job)
	})
}

func (r *run) finish(ctx context.Context) error {
	return r.s.withTx(ctx, func(ctx context.Context, tx *ent.Tx) error {
		job, err := tx.ImportJob.UpdateOneID(r.job.ID).SetStatus(importjob.StatusSUCCEEDED).
			SetFinishedAt(time.Now()).Save(ctx)
		if err != nil {
			return err
		}
		return r.recordFinish(ctx, tx.Client(), job)
	})
}

// recordFinish writes the import's closing audit event in the transaction
// that ends the job, so a job is finished exactly when its event exists.
// The actor is the system (the worker); who started it is in the event.
func (r *run) recordFinish(ctx context.Context, c *ent.Client, job *ent.ImportJob) error {
	ch := map[string]any{"status": string(job.Status), "total": job.Total, "processed": job.Processed,
		"imported": job.ImportedCount, "alreadyImported": job.AlreadyImportedCount, "failed": job.FailedCount,
		"startedBy": job.CreatedBy}
	if job.Error != "" {
		ch["error"] = job.Error
	}
	return audit.Record(ctx, c, audit.Event{AccountID: job.AccountID, Action: ActionFinish,
		TargetType: "ImportJob", TargetID: job.ID, Changes: ch})
}

// withTx runs fn in a transaction of its own. Cancelling ctx stops fn's
// statements, never the COMMIT: a COMMIT abandoned by the client can still
// land on the server after the run has returned, and a restarted run would
// then write the same batch a second time (results overwritten, counters
// added twice). So the transaction itself is begun without cancellation.
func (s *Service) withTx(ctx context.Context, fn func(ctx context.Context, tx *ent.Tx) error) error {
	tx, err := s.Client.Tx(context.WithoutCancel(ctx))
	if err != nil {
		return err
	}
	if err := fn(ctx, tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// AddWorkers registers the importer's worker; call before jobs.New.
func (s *Service) AddWorkers(workers *river.Workers) {
	river.AddWorker(workers, &Worker{Service: s})
}

// cancelRequested reads only the flag: the job row also carries the
// selection, which can hold thousands of ids.
func (r *run) cancelRequested(ctx context.Context) (bool, error) {
	return r.s.Client.ImportJob.Query().Where(importjob.ID(r.job.ID)).
		Select(importjob.FieldCancelRequested).Bool(ctx)
}
