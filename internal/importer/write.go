package importer

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/agent"
	"github.com/switchboard/switchboard/ent/importjob"
	"github.com/switchboard/switchboard/ent/importresult"
	"github.com/switchboard/switchboard/ent/ringexregional"
	"github.com/switchboard/switchboard/internal/locale"
)

// write settles the batch's ready users in one transaction: it decides each
// outcome against the committed database, creates the agents with role,
// teams and categories in bulk, keeps the regional settings read from
// RingEX, records the results and advances the job's counters. Agent and
// result commit together, so a user is never imported without its result,
// nor half-created.
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
	slices.SortFunc(ready, func(a, b *item) int { return cmp.Compare(a.ringexID, b.ringexID) })
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
		case rejected(err):
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
	plans, err := r.plans(ctx, c, items)
	if err != nil {
		return err
	}
	agentOf, err := r.create(ctx, c, toImport(plans))
	if err != nil {
		return err
	}
	for _, p := range plans {
		if p.Existing != nil {
			agentOf[p.RingExID] = p.Existing.ID
		}
	}
	if err := r.store(ctx, c, regionalsRead(items)); err != nil {
		return err
	}
	rows := resultRows(items, plans, agentOf)
	if err := r.record(ctx, c, rows); err != nil {
		return err
	}
	imported, already, failed := tally(rows)
	// Update, not UpdateOne: no read-back of the job row (its selection can
	// hold thousands of ids).
	return c.ImportJob.Update().Where(importjob.ID(r.job.ID)).AddProcessed(len(items)).AddImportedCount(imported).
		AddAlreadyImportedCount(already).AddFailedCount(failed).Exec(ctx)
}

// plans decides each user's outcome against the database as the
// transaction sees it; regional settings still unknown take the account's
// defaults.
func (r *run) plans(ctx context.Context, c *ent.Client, items []*item) ([]Plan, error) {
	people := make([]person, len(items))
	for i, it := range items {
		people[i] = it.p
	}
	pl, err := r.s.planner(ctx, c, r.acc, people)
	if err != nil {
		return nil, err
	}
	plans := make([]Plan, len(items))
	for i, it := range items {
		p := pl.plan(it.p)
		// The result row, the agent and the regional settings are keyed by
		// the id the job selected.
		p.RingExID = it.ringexID
		if p.TimezoneMatch == MatchAtImport {
			p.Timezone, p.TimezoneMatch = r.acc.DefaultTimezone, locale.MatchDefault
		}
		if p.LanguageMatch == MatchAtImport {
			p.Language, p.LanguageMatch = r.acc.DefaultLanguage, locale.MatchDefault
		}
		plans[i] = p
	}
	return plans, nil
}

// The batch's writes: set-based statements on PostgreSQL (pgwrite.go),
// ent's bulk creates elsewhere.

func (r *run) create(ctx context.Context, c *ent.Client, plans []Plan) (map[int64]int, error) {
	if r.s.Postgres {
		return r.createAgentsPG(ctx, c, plans)
	}
	return r.createAgents(ctx, c, plans)
}

func (r *run) store(ctx context.Context, c *ent.Client, rs []learned) error {
	if r.s.Postgres {
		return r.storeRegionalsPG(ctx, c, rs)
	}
	return r.storeRegionals(ctx, c, rs)
}

func (r *run) record(ctx context.Context, c *ent.Client, rows []resultRow) error {
	if r.s.Postgres {
		return r.recordResultsPG(ctx, c, rows)
	}
	return r.recordResults(ctx, c, rows)
}

func toImport(plans []Plan) []Plan {
	var out []Plan
	for _, p := range plans {
		if p.Outcome == OutcomeImport {
			out = append(out, p)
		}
	}
	return out
}

// tally counts the batch's results by outcome.
func tally(rows []resultRow) (imported, already, failed int) {
	for _, row := range rows {
		switch row.outcome {
		case importresult.OutcomeIMPORTED:
			imported++
		case importresult.OutcomeALREADY_IMPORTED:
			already++
		default:
			failed++
		}
	}
	return imported, already, failed
}

// createAgents creates the planned agents with role, teams and categories
// through ent (and so its hooks: the audit log's agent.create events), and
// returns their ids by RingEX id.
func (r *run) createAgents(ctx context.Context, c *ent.Client, plans []Plan) (map[int64]int, error) {
	creates := make([]*ent.AgentCreate, len(plans))
	for i, p := range plans {
		creates[i] = c.Agent.Create().
			SetAccountID(r.job.AccountID).SetSource(agent.SourceRINGEX).SetRingexExtensionID(p.RingExID).
			SetRingexStatus(agent.RingexStatusACTIVE).
			SetFirstName(p.FirstName).SetLastName(p.LastName).SetEmail(p.Email).SetUsername(p.Username).
			SetTimezone(p.Timezone).SetLanguage(p.Language).SetRoleID(r.job.RoleID).
			AddTeamIDs(r.teamIDs...).AddCategoryIDs(r.catIDs...)
	}
	created, err := c.Agent.CreateBulk(creates...).Save(ctx)
	if err != nil {
		return nil, err
	}
	agentOf := make(map[int64]int, len(plans))
	for _, a := range created {
		agentOf[*a.RingexExtensionID] = a.ID
	}
	return agentOf, nil
}

// regionalsRead lists the regional settings the batch read from RingEX,
// to be kept for previews (RingExRegional).
func regionalsRead(items []*item) []learned {
	var out []learned
	for _, it := range items {
		if it.fetched && it.p.Regional != nil {
			out = append(out, learned{ringexID: it.ringexID, regional: *it.p.Regional})
		}
	}
	return out
}

// learned is one user's regional settings as RingEX sent them.
type learned struct {
	ringexID int64
	regional regional
}

// storeRegionals upserts the regional settings read from RingEX, in one
// statement per batch.
func (r *run) storeRegionals(ctx context.Context, c *ent.Client, rs []learned) error {
	if len(rs) == 0 {
		return nil
	}
	now := time.Now()
	creates := make([]*ent.RingExRegionalCreate, len(rs))
	for i, x := range rs {
		creates[i] = c.RingExRegional.Create().SetAccountID(r.job.AccountID).SetRingexID(x.ringexID).
			SetTimezoneName(x.regional.TimezoneName).SetTimezoneBias(x.regional.TimezoneBias).
			SetLocaleCode(x.regional.LocaleCode).SetSyncedAt(now)
	}
	return c.RingExRegional.CreateBulk(creates...).
		OnConflictColumns(ringexregional.FieldAccountID, ringexregional.FieldRingexID).UpdateNewValues().Exec(ctx)
}

// resultRow is one user's settled result.
type resultRow struct {
	ringexID                int64
	outcome                 importresult.Outcome
	agentID                 *int
	name, email, username   string
	timezone, timezoneMatch string
	language, languageMatch string
	code, message           string
}

func resultRows(items []*item, plans []Plan, agentOf map[int64]int) []resultRow {
	rows := make([]resultRow, len(items))
	for i, it := range items {
		p := plans[i]
		name, email, username := mirrorNames(it.mirror)
		row := resultRow{ringexID: it.ringexID,
			name: orElse(p.Name(), name), email: orElse(p.Email, email), username: orElse(p.Username, username),
			timezone: p.Timezone, timezoneMatch: string(p.TimezoneMatch), language: p.Language, languageMatch: string(p.LanguageMatch),
			code: p.Code, message: p.Reason}
		switch p.Outcome {
		case OutcomeImport:
			row.outcome = importresult.OutcomeIMPORTED
		case OutcomeAlreadyImported:
			row.outcome = importresult.OutcomeALREADY_IMPORTED
		default:
			row.outcome = importresult.OutcomeFAILED
			row.timezone, row.timezoneMatch, row.language, row.languageMatch = "", "", "", ""
		}
		if row.outcome != importresult.OutcomeFAILED {
			id := agentOf[it.ringexID]
			row.agentID = &id
		}
		rows[i] = row
	}
	return rows
}

// mirrorNames is what a result shows of a user the plan could not name (a
// user that failed before its names were known), from its mirror row.
func mirrorNames(u *ent.RingExUser) (name, email, username string) {
	if u == nil {
		return "", "", ""
	}
	return displayName(u.FirstName, u.LastName), u.Email, usernameOf(u.Email)
}

// recordResults inserts the batch's results through ent, in one statement.
func (r *run) recordResults(ctx context.Context, c *ent.Client, rows []resultRow) error {
	for _, part := range chunks(rows, resultChunk) {
		now := time.Now()
		creates := make([]*ent.ImportResultCreate, len(part))
		for i, row := range part {
			creates[i] = c.ImportResult.Create().SetAccountID(r.job.AccountID).SetJobID(r.job.ID).SetRingexID(row.ringexID).
				SetName(row.name).SetEmail(row.email).SetUsername(row.username).
				SetTimezone(row.timezone).SetTimezoneMatch(row.timezoneMatch).
				SetLanguage(row.language).SetLanguageMatch(row.languageMatch).
				SetCode(row.code).SetMessage(row.message).SetUpdatedAt(now).
				SetOutcome(row.outcome).SetNillableAgentID(row.agentID)
		}
		if err := c.ImportResult.CreateBulk(creates...).Exec(ctx); err != nil {
			return err
		}
	}
	return nil
}

// resultChunk bounds a bulk insert of results under SQLite's bind parameter
// limit (15 columns each).
const resultChunk = 1000

// failOne records a user whose agent could not be created.
func (r *run) failOne(ctx context.Context, it *item, cause error) error {
	r.s.logger().Error("import: creating agent failed", "job", r.job.ID, "ringexId", it.ringexID, "err", cause)
	name, email, username := mirrorNames(it.mirror)
	row := resultRow{ringexID: it.ringexID, outcome: importresult.OutcomeFAILED,
		name: orElse(displayName(it.p.FirstName, it.p.LastName), name), email: orElse(it.p.Email, email), username: username,
		code: CodeCreateFailed, message: "the agent could not be created: it conflicts with existing data"}
	return r.s.withTx(ctx, func(ctx context.Context, tx *ent.Tx) error {
		if err := r.record(ctx, tx.Client(), []resultRow{row}); err != nil {
			return err
		}
		return tx.ImportJob.Update().Where(importjob.ID(r.job.ID)).AddProcessed(1).AddFailedCount(1).Exec(ctx)
	})
}

// rejected: the rows clash with the database's rules or the schema's field
// validators, as ent reports it (constraint or validation error) or as the
// set-based statements do (errInvalidAgent, a PostgreSQL integrity
// constraint violation: class 23).
func rejected(err error) bool {
	if ent.IsConstraintError(err) || ent.IsValidationError(err) || errors.Is(err, errInvalidAgent) {
		return true
	}
	var pg *pgconn.PgError
	return errors.As(err, &pg) && strings.HasPrefix(pg.Code, "23")
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
