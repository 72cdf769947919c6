package importer

import (
	"context"
	"fmt"

	"entgo.io/contrib/entgql"
	"github.com/riverqueue/river"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/importjob"
	"github.com/switchboard/switchboard/internal/audit"
	"github.com/switchboard/switchboard/internal/errs"
	"github.com/switchboard/switchboard/internal/jobs"
	"github.com/switchboard/switchboard/internal/perm"
	"github.com/switchboard/switchboard/internal/viewer"
)

// Audit actions of an import: one event when it starts (who, selection,
// role, teams, categories, total), one when it ends (status, counts).
const (
	ActionStart  = "import.start"
	ActionFinish = "import.finish"
)

// Args is the River job that works one ImportJob.
type Args struct {
	ImportJobID int `json:"import_job_id"`
}

// Kind names the job for River.
func (Args) Kind() string { return "import_agents" }

// Start records an import as a QUEUED job with the users its selection
// resolves to now (ImportUsers), in the caller's transaction (the
// mutation's), and enqueues the worker once it commits. It returns the job
// at once.
func (s *Service) Start(ctx context.Context, in Input) (*ent.ImportJob, error) {
	if _, err := s.authorize(ctx, in.AccountID); err != nil {
		return nil, err
	}
	var job *ent.ImportJob
	err := s.inTx(ctx, func(ctx context.Context, c *ent.Client) error {
		if err := s.validate(ctx, c, in); err != nil {
			return err
		}
		users, err := s.resolve(ctx, c, in.AccountID, in.Selection)
		if err != nil {
			return err
		}
		v := viewer.FromContext(ctx)
		create := c.ImportJob.Create().
			SetAccountID(in.AccountID).
			SetSelection(in.Selection.record()).
			SetRoleID(in.RoleID).
			SetTeamIds(uniq(in.TeamIDs)).
			SetCategoryIds(uniq(in.CategoryIDs)).
			SetTotal(len(users)).
			SetCreatedBy(v.Email)
		if v.UserID != 0 {
			create.SetCreatedByID(v.UserID)
		}
		if job, err = create.Save(ctx); err != nil {
			return err
		}
		ids := make([]int64, len(users))
		for i, u := range users {
			ids[i] = u.RingexID
		}
		// The worker's own bookkeeping: written under the system context.
		if err := c.ImportUsers.Create().SetJobID(job.ID).SetRingexIds(ids).Exec(viewer.SystemContext(ctx)); err != nil {
			return err
		}
		// In the same transaction: the event exists exactly when the job does.
		// The finish (counts, status) is recorded by the worker (see finish).
		if err := audit.Record(ctx, c, audit.Event{AccountID: in.AccountID, Action: ActionStart,
			TargetType: "ImportJob", TargetID: job.ID, Changes: map[string]any{
				"selection": in.Selection.record(), "roleId": in.RoleID, "teamIds": job.TeamIds,
				"categoryIds": job.CategoryIds, "total": job.Total,
			}}); err != nil {
			return err
		}
		return s.enqueue(ctx, job.ID)
	})
	if err != nil {
		return nil, err
	}
	return job, nil
}

func (s *Service) enqueue(ctx context.Context, jobID int) error {
	if s.Jobs == nil {
		return nil
	}
	return s.Jobs.InsertAfterCommit(ctx, Args{ImportJobID: jobID}, &river.InsertOpts{UniqueOpts: jobs.OnePerArgs})
}

// inTx runs fn in the mutation's transaction, or in one of its own.
func (s *Service) inTx(ctx context.Context, fn func(ctx context.Context, c *ent.Client) error) error {
	if tx := ent.TxFromContext(ctx); tx != nil {
		return fn(ctx, tx.Client())
	}
	tx, err := s.Client.Tx(ctx)
	if err != nil {
		return err
	}
	txCtx := ent.NewContext(ent.NewTxContext(ctx, tx), tx.Client())
	if err := fn(txCtx, tx.Client()); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// Cancel asks a running or queued job to stop; the worker stops at its next
// step and fails the users it did not reach with CANCELLED. Cancelling a
// finished job changes nothing.
func (s *Service) Cancel(ctx context.Context, jobID int) (*ent.ImportJob, error) {
	c := s.client(ctx)
	job, err := c.ImportJob.Get(ctx, jobID)
	if ent.IsNotFound(err) {
		return nil, errs.NotFound("import job", "id")
	}
	if err != nil {
		return nil, err
	}
	if !viewer.FromContext(ctx).Can(job.AccountID, perm.ImportAgents) {
		return nil, errs.Forbidden(perm.ImportAgents)
	}
	if finished(job.Status) {
		return job, nil
	}
	// The update goes through the viewer's privacy rules (IMPORT_AGENTS).
	return c.ImportJob.UpdateOneID(jobID).SetCancelRequested(true).Save(ctx)
}

func finished(st importjob.Status) bool {
	return st == importjob.StatusSUCCEEDED || st == importjob.StatusFAILED || st == importjob.StatusCANCELLED
}

// Job returns one job the viewer may see.
func (s *Service) Job(ctx context.Context, id int) (*ent.ImportJob, error) {
	job, err := s.client(ctx).ImportJob.Get(ctx, id)
	if ent.IsNotFound(err) {
		return nil, errs.NotFound("import job", "id")
	}
	return job, err
}

// History pages the account's import jobs, newest first.
func (s *Service) History(ctx context.Context, accountID int, after *entgql.Cursor[int], first *int, before *entgql.Cursor[int], last *int) (*ent.ImportJobConnection, error) {
	v := viewer.FromContext(ctx)
	if !v.Member(accountID) {
		return nil, errs.NotFound("account", "accountId")
	}
	if !v.Can(accountID, perm.ImportAgents) {
		return nil, errs.Forbidden(perm.ImportAgents)
	}
	return s.client(ctx).ImportJob.Query().Where(importjob.AccountID(accountID)).
		Paginate(ctx, after, first, before, last, ent.WithImportJobOrder(&ent.ImportJobOrder{
			Direction: entgql.OrderDirectionDesc, Field: ent.ImportJobOrderFieldCreatedAt,
		}))
}

func displayName(first, last string) string {
	switch {
	case first == "":
		return last
	case last == "":
		return first
	}
	return fmt.Sprintf("%s %s", first, last)
}
