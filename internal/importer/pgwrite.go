package importer

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/agent"
	"github.com/switchboard/switchboard/internal/audit"
)

// PostgreSQL writes each batch with set-based statements over arrays
// (unnest): one statement per table whatever the batch size, instead of
// ent's multi-row VALUES with thousands of bind parameters that PostgreSQL
// parses and plans for every batch. They run in ent's transaction and write
// the rows ent would write, column for column; SQLite keeps ent's path.

// Audit event of an agent creation, as the audit hook names it.
const (
	actionAgentCreate = "agent.create"
	targetAgent       = "Agent"
)

// createAgentsPG inserts the planned agents, their team and category links
// and their agent.create audit events, and returns the agents' ids by
// RingEX id.
func (r *run) createAgentsPG(ctx context.Context, c *ent.Client, plans []Plan) (map[int64]int, error) {
	agentOf := make(map[int64]int, len(plans))
	if len(plans) == 0 {
		return agentOf, nil
	}
	if err := validAgents(plans); err != nil {
		return nil, err
	}
	ids, err := r.insertAgents(ctx, c, plans, agentOf)
	if err != nil {
		return nil, err
	}
	if err := linkAgents(ctx, c, "team_members", "team_id", r.teamIDs, ids); err != nil {
		return nil, err
	}
	if err := linkAgents(ctx, c, "category_agents", "category_id", r.catIDs, ids); err != nil {
		return nil, err
	}
	return agentOf, r.auditAgents(ctx, c, plans, agentOf)
}

// errInvalidAgent is a row ent's builder would refuse with a validation
// error (see rejected).
var errInvalidAgent = errors.New("invalid agent")

// validAgents runs the field validators ent's builder runs before saving.
func validAgents(plans []Plan) error {
	for _, p := range plans {
		for _, f := range []struct {
			name, value string
			valid       func(string) error
		}{
			{agent.FieldFirstName, p.FirstName, agent.FirstNameValidator},
			{agent.FieldLastName, p.LastName, agent.LastNameValidator},
			{agent.FieldEmail, p.Email, agent.EmailValidator},
			{agent.FieldUsername, p.Username, agent.UsernameValidator},
		} {
			if err := f.valid(f.value); err != nil {
				return fmt.Errorf("%w of RingEX user %d: field %q: %w", errInvalidAgent, p.RingExID, f.name, err)
			}
		}
	}
	return nil
}

// insertAgents inserts the agents, fills agentOf and returns the new ids.
func (r *run) insertAgents(ctx context.Context, c *ent.Client, plans []Plan, agentOf map[int64]int) ([]int64, error) {
	n := len(plans)
	first, last, email, username, tz, lang := make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	ringex := make([]int64, n)
	for i, p := range plans {
		first[i], last[i], email[i], username[i], tz[i], lang[i], ringex[i] = p.FirstName, p.LastName, p.Email, p.Username, p.Timezone, p.Language, p.RingExID
	}
	// created_at and updated_at take one instant (ent calls time.Now for
	// each); password_hash and last_signed_in_at stay NULL as ent leaves them.
	rows, err := c.QueryContext(ctx, `INSERT INTO agents (created_at, updated_at, account_id, role_id, enabled, source, ringex_status,
	first_name, last_name, email, username, timezone, language, ringex_extension_id)
SELECT $1, $1, $2, $3, $4, $5, $6, u.* FROM unnest($7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::bigint[]) AS u
RETURNING id, ringex_extension_id`,
		time.Now(), r.job.AccountID, r.job.RoleID, agent.DefaultEnabled, agent.SourceRINGEX.String(), agent.RingexStatusACTIVE.String(),
		first, last, email, username, tz, lang, ringex)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	ids := make([]int64, 0, n)
	for rows.Next() {
		var id, rx int64
		if err := rows.Scan(&id, &rx); err != nil {
			return nil, err
		}
		ids = append(ids, id)
		agentOf[rx] = int(id)
	}
	return ids, rows.Err()
}

// linkAgents adds every agent to every one of targets (teams or
// categories) through the join table, target by target: the order of its
// primary key.
func linkAgents(ctx context.Context, c *ent.Client, table, column string, targets []int, agents []int64) error {
	if len(targets) == 0 {
		return nil
	}
	_, err := c.ExecContext(ctx, `INSERT INTO `+table+` (`+column+`, agent_id)
SELECT t, a FROM unnest($1::bigint[]) AS t CROSS JOIN unnest($2::bigint[]) AS a`, int64s(targets), agents)
	return err
}

// auditAgents writes the agent.create event of every new agent, as the
// audit hook would for ent's creates. The first goes through audit.Record,
// so the actor is labelled by the audit package itself; the others copy its
// actor, action and account in one INSERT.
func (r *run) auditAgents(ctx context.Context, c *ent.Client, plans []Plan, agentOf map[int64]int) error {
	changes := make([]string, len(plans))
	targets := make([]string, len(plans))
	for i, p := range plans {
		b, err := json.Marshal(r.agentCreated(p))
		if err != nil {
			return err
		}
		changes[i], targets[i] = string(b), strconv.Itoa(agentOf[p.RingExID])
	}
	first, err := changesOf(changes[0])
	if err != nil {
		return err
	}
	if err := audit.Record(ctx, c, audit.Event{AccountID: r.job.AccountID, Action: actionAgentCreate,
		TargetType: targetAgent, TargetID: agentOf[plans[0].RingExID], Changes: first}); err != nil {
		return err
	}
	if len(plans) == 1 {
		return nil
	}
	// currval: the id the session's last insert into audit_events drew,
	// audit.Record's own, whatever other sessions insert meanwhile. In a
	// subquery it is read once, and the row found by its primary key (a
	// volatile function compared per row would scan the table).
	_, err = c.ExecContext(ctx, `INSERT INTO audit_events (actor, actor_user_id, actor_token_id, action, target_type, target_id, changes, created_at, account_id)
SELECT e.actor, e.actor_user_id, e.actor_token_id, e.action, e.target_type, u.target, u.changes, $1, e.account_id
FROM audit_events AS e, unnest($2::text[], $3::jsonb[]) AS u (target, changes)
WHERE e.id = (SELECT currval(pg_get_serial_sequence('audit_events', 'id')))`, time.Now(), targets[1:], changes[1:])
	return err
}

// agentCreated is the change the audit hook records when ent creates an
// agent as createAgents does: every field set, as {"after": value}
// (timestamps are bookkeeping and left out), and the team and category ids
// added. A struct, not the hook's map: encoding thousands of maps per batch
// cost the writer more than the INSERT.
type agentCreated struct {
	AccountID         after[int]                `json:"account_id"`
	RoleID            after[int]                `json:"role_id"`
	FirstName         after[string]             `json:"first_name"`
	LastName          after[string]             `json:"last_name"`
	Email             after[string]             `json:"email"`
	Username          after[string]             `json:"username"`
	Timezone          after[string]             `json:"timezone"`
	Language          after[string]             `json:"language"`
	Enabled           after[bool]               `json:"enabled"`
	Source            after[agent.Source]       `json:"source"`
	RingexExtensionID after[int64]              `json:"ringex_extension_id"`
	RingexStatus      after[agent.RingexStatus] `json:"ringex_status"`
	Teams             added                     `json:"teams"`
	Categories        added                     `json:"categories"`
}

type after[T any] struct {
	After T `json:"after"`
}

// added lists the ids added to an edge; ent reports none as an empty list.
type added struct {
	Added []int `json:"added"`
}

func (r *run) agentCreated(p Plan) agentCreated {
	return agentCreated{
		AccountID: after[int]{r.job.AccountID}, RoleID: after[int]{r.job.RoleID},
		FirstName: after[string]{p.FirstName}, LastName: after[string]{p.LastName},
		Email: after[string]{p.Email}, Username: after[string]{p.Username},
		Timezone: after[string]{p.Timezone}, Language: after[string]{p.Language},
		Enabled: after[bool]{agent.DefaultEnabled}, Source: after[agent.Source]{agent.SourceRINGEX},
		RingexExtensionID: after[int64]{p.RingExID}, RingexStatus: after[agent.RingexStatus]{agent.RingexStatusACTIVE},
		Teams: added{nonNil(r.teamIDs)}, Categories: added{nonNil(r.catIDs)},
	}
}

// changesOf decodes encoded changes for audit.Record, numbers kept as
// written.
func changesOf(s string) (map[string]any, error) {
	d := json.NewDecoder(strings.NewReader(s))
	d.UseNumber()
	var ch map[string]any
	return ch, d.Decode(&ch)
}

// storeRegionalsPG is storeRegionals over arrays.
func (r *run) storeRegionalsPG(ctx context.Context, c *ent.Client, rs []learned) error {
	if len(rs) == 0 {
		return nil
	}
	n := len(rs)
	ringex, tz, bias, loc := make([]int64, n), make([]string, n), make([]string, n), make([]string, n)
	for i, x := range rs {
		ringex[i], tz[i], bias[i], loc[i] = x.ringexID, x.regional.TimezoneName, x.regional.TimezoneBias, x.regional.LocaleCode
	}
	_, err := c.ExecContext(ctx, `INSERT INTO ring_ex_regionals AS g (account_id, synced_at, ringex_id, timezone_name, timezone_bias, locale_code)
SELECT $1, $2, u.* FROM unnest($3::bigint[], $4::text[], $5::text[], $6::text[]) AS u
ON CONFLICT (account_id, ringex_id) DO UPDATE SET timezone_name = EXCLUDED.timezone_name,
	timezone_bias = EXCLUDED.timezone_bias, locale_code = EXCLUDED.locale_code, synced_at = EXCLUDED.synced_at`,
		r.job.AccountID, time.Now(), ringex, tz, bias, loc)
	return err
}

// recordResultsPG inserts the batch's results over arrays, with the
// defaults ent's create would set.
func (r *run) recordResultsPG(ctx context.Context, c *ent.Client, rows []resultRow) error {
	n := len(rows)
	ringex, agents := make([]int64, n), make([]*int64, n)
	outcome, name, email, username := make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	tz, tzm, lang, langm, code, msg := make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	for i, row := range rows {
		ringex[i], outcome[i], name[i], email[i], username[i] = row.ringexID, row.outcome.String(), row.name, row.email, row.username
		tz[i], tzm[i], lang[i], langm[i], code[i], msg[i] = row.timezone, row.timezoneMatch, row.language, row.languageMatch, row.code, row.message
		if row.agentID != nil {
			id := int64(*row.agentID)
			agents[i] = &id
		}
	}
	_, err := c.ExecContext(ctx, `INSERT INTO import_results (account_id, job_id, updated_at,
	ringex_id, outcome, agent_id, name, email, username, timezone, timezone_match, language, language_match, code, message)
SELECT $1, $2, $3, u.* FROM unnest($4::bigint[], $5::text[], $6::bigint[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[])
	AS u (ringex_id, outcome, agent_id, name, email, username, tz, tzm, lang, langm, code, msg)`,
		r.job.AccountID, r.job.ID, time.Now(), ringex, outcome, agents, name, email, username, tz, tzm, lang, langm, code, msg)
	return err
}

func int64s(ids []int) []int64 {
	out := make([]int64, len(ids))
	for i, id := range ids {
		out[i] = int64(id)
	}
	return out
}

func nonNil(ids []int) []int {
	if ids == nil {
		return []int{}
	}
	return ids
}
