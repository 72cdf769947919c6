package importer

import (
	"context"
	"errors"
	"time"

	"github.com/riverqueue/river"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/category"
	"github.com/switchboard/switchboard/ent/importjob"
	"github.com/switchboard/switchboard/ent/importresult"
	"github.com/switchboard/switchboard/ent/role"
	"github.com/switchboard/switchboard/ent/team"
	"github.com/switchboard/switchboard/internal/ringex"
	"github.com/switchboard/switchboard/internal/viewer"
)

// Worker works import jobs for River.
type Worker struct {
	river.WorkerDefaults[Args]
	Service *Service
}

// Work runs the job; an error makes River retry it, and the retry resumes
// from the results still PENDING.
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

// Run works an import job to its end: RUNNING, then batch by batch until no
// result is PENDING (SUCCEEDED), the job is cancelled (CANCELLED) or RingEX
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

func (r *run) loop(ctx context.Context) error {
	for {
		cancelled, err := r.cancelRequested(ctx)
		if err != nil {
			return err
		}
		if cancelled {
			return r.stop(ctx, importjob.StatusCANCELLED, CodeCancelled, "the import was cancelled")
		}
		pending, err := r.s.Client.ImportResult.Query().
			Where(importresult.JobID(r.job.ID), importresult.OutcomeEQ(importresult.OutcomePENDING)).
			Order(ent.Asc(importresult.FieldID)).Limit(r.s.batchSize()).All(ctx)
		if err != nil {
			return err
		}
		if len(pending) == 0 {
			return r.finish(ctx)
		}
		t0 := time.Now()
		items, err := r.gather(ctx, pending)
		if err != nil {
			return err
		}
		t1 := time.Now()
		abort := r.fetch(ctx, items)
		t2 := time.Now()
		if err := r.write(ctx, items); err != nil {
			return err
		}
		r.s.logger().Debug("import batch", "job", r.job.ID, "users", len(items),
			"gather", t1.Sub(t0), "fetch", t2.Sub(t1), "write", time.Since(t2))
		switch {
		case abort == nil:
		case errors.Is(abort, errCancelRequested):
			return r.stop(ctx, importjob.StatusCANCELLED, CodeCancelled, "the import was cancelled")
		case ctx.Err() != nil:
			return ctx.Err() // shutting down: River retries and the job resumes
		case ringex.IsAuthFailed(abort) || ringex.IsForbidden(abort) || ringex.IsTokenExpired(abort):
			return r.stop(ctx, importjob.StatusFAILED, CodeAuthFailed, "RingEX refused the account's credentials: "+abort.Error())
		default:
			return r.stop(ctx, importjob.StatusFAILED, CodeUnavailable, "RingEX did not answer after retries: "+abort.Error())
		}
	}
}

// stop fails every user still PENDING with code and ends the job in status.
func (r *run) stop(ctx context.Context, status importjob.Status, code, msg string) error {
	return r.s.withTx(ctx, func(ctx context.Context, tx *ent.Tx) error {
		n, err := tx.ImportResult.Update().
			Where(importresult.JobID(r.job.ID), importresult.OutcomeEQ(importresult.OutcomePENDING)).
			SetOutcome(importresult.OutcomeFAILED).SetCode(code).SetMessage(msg).Save(ctx)
		if err != nil {
			return err
		}
		upd := tx.ImportJob.UpdateOneID(r.job.ID).SetStatus(status).SetFinishedAt(time.Now()).
			AddProcessed(n).AddFailedCount(n)
		if status == importjob.StatusFAILED {
			upd.SetError(msg)
		}
		// TODO(audit): record "agents.import.finished" (job, status, counts).
		return upd.Exec(ctx)
	})
}

func (r *run) finish(ctx context.Context) error {
	// TODO(audit): record "agents.import.finished" (job, status, counts).
	return r.s.Client.ImportJob.UpdateOneID(r.job.ID).SetStatus(importjob.StatusSUCCEEDED).
		SetFinishedAt(time.Now()).Exec(ctx)
}

// withTx runs fn in a transaction of its own.
func (s *Service) withTx(ctx context.Context, fn func(ctx context.Context, tx *ent.Tx) error) error {
	tx, err := s.Client.Tx(ctx)
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
