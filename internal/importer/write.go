package importer

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/agent"
	"github.com/switchboard/switchboard/ent/importjob"
	"github.com/switchboard/switchboard/ent/importresult"
	"github.com/switchboard/switchboard/internal/locale"
)

// write settles the batch's ready users in one transaction: it decides each
// outcome against the committed database, creates the agents with role,
// teams and categories in bulk, links the mirror, records the results and
// advances the job's counters. Agent and result commit together, so a user
// is never imported without its result, nor half-created.
//
// Races with another import of the same users end in a unique-index
// violation (account + RingEX id, or username); the batch is then retried
// and the second look sees the winner's agents as ALREADY_IMPORTED. A batch
// that keeps failing is written one user per transaction, so that one bad
// row fails alone.
func (r *run) write(ctx context.Context, items []*item) error {
	var ready []*item
	for _, it := range items {
		if it.ready {
			ready = append(ready, it)
		}
	}
	if len(ready) == 0 {
		return nil
	}
	// The same order in every import: two imports sharing users lock the
	// same rows in the same order and cannot deadlock.
	slices.SortFunc(ready, func(a, b *item) int { return compareInt64(a.res.RingexID, b.res.RingexID) })
	var err error
	for range 3 {
		if err = r.s.withTx(ctx, func(ctx context.Context, tx *ent.Tx) error { return r.writeTx(ctx, tx, ready) }); err == nil || !retryable(err) {
			return err
		}
	}
	r.s.logger().Warn("import batch keeps conflicting; writing one user at a time", "job", r.job.ID, "err", err)
	for _, it := range ready {
		one := []*item{it}
		for range 3 {
			if err = r.s.withTx(ctx, func(ctx context.Context, tx *ent.Tx) error { return r.writeTx(ctx, tx, one) }); err == nil || !retryable(err) {
				break
			}
		}
		switch {
		case err == nil:
		case ent.IsConstraintError(err) || ent.IsValidationError(err):
			if err := r.failOne(ctx, it, err); err != nil {
				return err
			}
		default:
			return err
		}
	}
	return nil
}

func (r *run) writeTx(ctx context.Context, tx *ent.Tx, items []*item) error {
	c := tx.Client()
	people := make([]person, len(items))
	for i, it := range items {
		people[i] = it.p
	}
	pl, err := r.s.planner(ctx, c, r.acc, people)
	if err != nil {
		return err
	}
	plans := make([]Plan, len(items))
	var creates []*ent.AgentCreate
	for i, it := range items {
		p := pl.plan(it.p)
		if p.TimezoneMatch == MatchAtImport {
			p.Timezone, p.TimezoneMatch = r.acc.DefaultTimezone, locale.MatchDefault
		}
		if p.LanguageMatch == MatchAtImport {
			p.Language, p.LanguageMatch = r.acc.DefaultLanguage, locale.MatchDefault
		}
		plans[i] = p
		if p.Outcome == OutcomeImport {
			creates = append(creates, c.Agent.Create().
				SetAccountID(r.job.AccountID).SetSource(agent.SourceRINGEX).SetRingexExtensionID(it.res.RingexID).
				SetRingexStatus(agent.RingexStatusACTIVE).
				SetFirstName(p.FirstName).SetLastName(p.LastName).SetEmail(p.Email).SetUsername(p.Username).
				SetTimezone(p.Timezone).SetLanguage(p.Language).SetRoleID(r.job.RoleID).
				AddTeamIDs(r.teamIDs...).AddCategoryIDs(r.catIDs...))
		}
	}
	created, err := c.Agent.CreateBulk(creates...).Save(ctx)
	if err != nil {
		return err
	}
	agentOf := make(map[int64]int, len(items))
	for _, a := range created {
		agentOf[*a.RingexExtensionID] = a.ID
	}
	for i, p := range plans {
		if p.Existing != nil {
			agentOf[items[i].res.RingexID] = p.Existing.ID
		}
	}
	if err := r.linkMirror(ctx, c, items, agentOf); err != nil {
		return err
	}
	now := time.Now()
	results := make([]*ent.ImportResultCreate, len(items))
	var imported, already, failed int
	for i, it := range items {
		p := plans[i]
		rc := c.ImportResult.Create().SetAccountID(r.job.AccountID).SetJobID(r.job.ID).SetRingexID(it.res.RingexID).
			SetName(orElse(p.Name(), it.res.Name)).SetEmail(orElse(p.Email, it.res.Email)).SetUsername(orElse(p.Username, it.res.Username)).
			SetTimezone(p.Timezone).SetTimezoneMatch(string(p.TimezoneMatch)).
			SetLanguage(p.Language).SetLanguageMatch(string(p.LanguageMatch)).
			SetCode(p.Code).SetMessage(p.Reason).SetUpdatedAt(now)
		switch p.Outcome {
		case OutcomeImport:
			imported++
			rc.SetOutcome(importresult.OutcomeIMPORTED).SetAgentID(agentOf[it.res.RingexID])
		case OutcomeAlreadyImported:
			already++
			rc.SetOutcome(importresult.OutcomeALREADY_IMPORTED).SetAgentID(p.Existing.ID)
		default:
			failed++
			rc.SetOutcome(importresult.OutcomeFAILED).SetTimezone("").SetTimezoneMatch("").SetLanguage("").SetLanguageMatch("")
		}
		results[i] = rc
	}
	// The result rows exist (PENDING): one upsert rewrites them all instead
	// of one UPDATE per user.
	err = c.ImportResult.CreateBulk(results...).
		OnConflictColumns(importresult.FieldJobID, importresult.FieldRingexID).UpdateNewValues().Exec(ctx)
	if err != nil {
		return err
	}
	// Update, not UpdateOne: no read-back of the job row (its selection can
	// hold thousands of ids).
	return c.ImportJob.Update().Where(importjob.ID(r.job.ID)).AddProcessed(len(items)).AddImportedCount(imported).
		AddAlreadyImportedCount(already).AddFailedCount(failed).Exec(ctx)
}

// linkMirror points the mirror rows at their agents and stores regional
// settings read from RingEX, in one UPDATE ... FROM (VALUES ...) per batch
// (PostgreSQL and SQLite both take it): only these columns are sent and
// written. A NULL in VALUES keeps the row's value.
func (r *run) linkMirror(ctx context.Context, c *ent.Client, items []*item, agentOf map[int64]int) error {
	var (
		rows []string
		args = []any{time.Now(), r.job.AccountID}
	)
	for _, it := range items {
		if it.mirror == nil {
			continue
		}
		var agentID, tz, bias, loc any
		if id, ok := agentOf[it.res.RingexID]; ok {
			agentID = id
		}
		if it.fetched && it.p.Regional != nil {
			tz, bias, loc = it.p.Regional.TimezoneName, it.p.Regional.TimezoneBias, it.p.Regional.LocaleCode
		}
		if agentID == nil && tz == nil {
			continue
		}
		n := len(args)
		if len(rows) == 0 {
			// The first row types the columns for PostgreSQL.
			rows = append(rows, fmt.Sprintf("(CAST($%d AS BIGINT), CAST($%d AS BIGINT), CAST($%d AS TEXT), CAST($%d AS TEXT), CAST($%d AS TEXT))", n+1, n+2, n+3, n+4, n+5))
		} else {
			rows = append(rows, fmt.Sprintf("($%d, $%d, $%d, $%d, $%d)", n+1, n+2, n+3, n+4, n+5))
		}
		args = append(args, it.res.RingexID, agentID, tz, bias, loc)
	}
	if len(rows) == 0 {
		return nil
	}
	q := `UPDATE ring_ex_users SET
	agent_id = COALESCE(v.column2, ring_ex_users.agent_id),
	timezone_name = COALESCE(v.column3, ring_ex_users.timezone_name),
	timezone_bias = COALESCE(v.column4, ring_ex_users.timezone_bias),
	locale_code = COALESCE(v.column5, ring_ex_users.locale_code),
	regional_synced_at = CASE WHEN v.column3 IS NULL THEN ring_ex_users.regional_synced_at ELSE $1 END
FROM (VALUES ` + strings.Join(rows, ", ") + `) AS v
WHERE ring_ex_users.account_id = $2 AND ring_ex_users.ringex_id = v.column1`
	_, err := c.ExecContext(ctx, q, args...)
	return err
}

// failOne records a user whose agent could not be created.
func (r *run) failOne(ctx context.Context, it *item, cause error) error {
	r.s.logger().Error("import: creating agent failed", "job", r.job.ID, "ringexId", it.res.RingexID, "err", cause)
	return r.s.withTx(ctx, func(ctx context.Context, tx *ent.Tx) error {
		n, err := tx.ImportResult.Update().
			Where(importresult.ID(it.res.ID), importresult.OutcomeEQ(importresult.OutcomePENDING)).
			SetOutcome(importresult.OutcomeFAILED).SetCode(CodeCreateFailed).
			SetMessage("the agent could not be created: it conflicts with existing data").Save(ctx)
		if err != nil || n == 0 {
			return err
		}
		return tx.ImportJob.UpdateOneID(r.job.ID).AddProcessed(1).AddFailedCount(1).Exec(ctx)
	})
}

// retryable: unique-index races, deadlocks and serialization failures
// (PostgreSQL), a busy database (SQLite).
func retryable(err error) bool {
	if ent.IsConstraintError(err) {
		return true
	}
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		return pg.Code == "40001" || pg.Code == "40P01" || strings.HasPrefix(pg.Code, "23")
	}
	msg := err.Error()
	return strings.Contains(msg, "database is locked") || strings.Contains(msg, "SQLITE_BUSY")
}

func orElse(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func compareInt64(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
