package importer_test

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/agent"
	"github.com/switchboard/switchboard/ent/auditevent"
	"github.com/switchboard/switchboard/internal/importer"
	"github.com/switchboard/switchboard/internal/testdb"
)

// PostgreSQL writes imports with set-based statements, SQLite through ent
// (and its audit hook). The same import on both must leave the same
// agents, team and category links, regional settings, results and agent.create
// audit events, field by field (ids, which differ, compared by what they
// point to).
func TestSetBasedWritesWhatEntWrites(t *testing.T) {
	if !slices.Contains(testdb.Dialects(), testdb.Postgres) {
		t.Skip("needs TEST_DATABASE_URL")
	}
	var got [2]importState
	for i, d := range []testdb.Dialect{testdb.SQLite, testdb.Postgres} {
		f := newFixture(t, d, fixtureOpts{users: 80})
		// The first users include every status: some import, some fail.
		job := must[*ent.ImportJob](t)(f.svc.Start(f.importer(), f.input(importer.Selection{IDs: ids(f.users()[:60])})))
		// Worked under a console user's context, so that the actor is not
		// just "system".
		if err := f.svc.Run(f.importer(), job.ID); err != nil {
			t.Fatal(err)
		}
		got[i] = f.state(job.ID)
	}
	if len(got[0].agents) == 0 || len(got[0].events) != len(got[0].agents) {
		t.Fatalf("ent path: %d agents, %d agent.create events", len(got[0].agents), len(got[0].events))
	}
	for _, part := range []struct {
		name     string
		ent, set map[int64]string
	}{
		{"agents", got[0].agents, got[1].agents},
		{"results", got[0].results, got[1].results},
		{"regional settings", got[0].regionals, got[1].regionals},
		{"audit events", got[0].events, got[1].events},
	} {
		if len(part.ent) != len(part.set) {
			t.Errorf("%s: ent path %d, set-based %d", part.name, len(part.ent), len(part.set))
		}
		for rx, want := range part.ent {
			if part.set[rx] != want {
				t.Errorf("%s of RingEX user %d:\nent       %s\nset-based %s", part.name, rx, want, part.set[rx])
			}
		}
	}
}

// importState is what an import left, by RingEX id, as comparable JSON.
type importState struct {
	agents, results, regionals, events map[int64]string
}

func (f *fixture) state(jobID int) importState {
	f.t.Helper()
	st := importState{agents: map[int64]string{}, results: map[int64]string{}, regionals: map[int64]string{}, events: map[int64]string{}}
	// name replaces an id by what it points to.
	name := map[int]string{f.acc.ID: "account", f.role.ID: "role"}
	for i, id := range f.teams {
		name[id] = "team" + strconv.Itoa(i)
	}
	for i, id := range f.cats {
		name[id] = "category" + strconv.Itoa(i)
	}
	agents := must[[]*ent.Agent](f.t)(f.db.Client.Agent.Query().Where(agent.AccountID(f.acc.ID)).
		WithTeams().WithCategories().All(f.sys))
	ringexOf := map[int]int64{}
	for _, a := range agents {
		ringexOf[a.ID] = *a.RingexExtensionID
		var teams, cats []string
		for _, t := range a.Edges.Teams {
			teams = append(teams, name[t.ID])
		}
		for _, c := range a.Edges.Categories {
			cats = append(cats, name[c.ID])
		}
		slices.Sort(teams)
		slices.Sort(cats)
		st.agents[*a.RingexExtensionID] = jsonString(f.t, []any{name[a.AccountID], name[a.RoleID], a.FirstName, a.LastName,
			a.Email, a.Username, a.PasswordHash, a.Timezone, a.Language, a.Enabled, a.Source, a.RingexStatus,
			a.LastSignedInAt, a.CreatedAt.IsZero(), a.UpdatedAt.IsZero(), teams, cats})
	}
	agentName := func(id *int) string {
		if id == nil {
			return "none"
		}
		return "agent of " + strconv.FormatInt(ringexOf[*id], 10)
	}
	for rx, r := range f.results(jobID) {
		st.results[rx] = jsonString(f.t, []any{name[r.AccountID], r.Outcome, agentName(r.AgentID), r.Name, r.Email, r.Username,
			r.Code, r.Message, r.Timezone, r.TimezoneMatch, r.Language, r.LanguageMatch})
	}
	for _, g := range must[[]*ent.RingExRegional](f.t)(f.db.Client.RingExRegional.Query().All(f.sys)) {
		st.regionals[g.RingexID] = jsonString(f.t, []any{name[g.AccountID], g.TimezoneName, g.TimezoneBias, g.LocaleCode, g.SyncedAt.IsZero()})
	}
	events := must[[]*ent.AuditEvent](f.t)(f.db.Client.AuditEvent.Query().
		Where(auditevent.Action("agent.create"), auditevent.AccountID(f.acc.ID)).All(f.sys))
	for _, e := range events {
		id, _ := strconv.Atoi(e.TargetID)
		ch := e.Changes
		for _, field := range []string{"account_id", "role_id"} {
			if v, ok := ch[field].(map[string]any); ok {
				v["after"] = name[num(v["after"])]
			}
		}
		for _, edge := range []string{"teams", "categories"} {
			if v, ok := ch[edge].(map[string]any); ok {
				var names []string
				for _, id := range v["added"].([]any) {
					names = append(names, name[num(id)])
				}
				slices.Sort(names)
				v["added"] = names
			}
		}
		st.events[ringexOf[id]] = jsonString(f.t, []any{e.Actor, e.ActorUserID, e.ActorTokenID, name[*e.AccountID],
			e.TargetType, agentName(&id), e.CreatedAt.IsZero(), ch})
	}
	return st
}

func jsonString(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A user whose agent the database refuses (here a trigger raising a unique
// violation, as a race with another writer would) fails alone: the batch is
// retried, then written one user at a time, on both write paths.
func TestRefusedUserFailsAlone(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		f := newFixture(t, d, fixtureOpts{})
		users := f.users(enabled)[:30]
		refused := usernameOf(users[7].Email)
		trigger := map[testdb.Dialect][]string{
			testdb.SQLite: {`CREATE TRIGGER refuse BEFORE INSERT ON agents WHEN NEW.username = '` + refused + `'
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: agents.username'); END`},
			testdb.Postgres: {`CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.username = '` + refused + `' THEN
    RAISE unique_violation USING MESSAGE = 'duplicate key value violates unique constraint "agents_username_key"';
  END IF;
  RETURN NEW;
END $$`, `CREATE TRIGGER refuse BEFORE INSERT ON agents FOR EACH ROW EXECUTE FUNCTION refuse()`},
		}
		for _, q := range trigger[d] {
			if _, err := f.db.SQL.Exec(q); err != nil {
				t.Fatal(err)
			}
		}
		job := f.importNow(f.input(importer.Selection{IDs: ids(users)}))
		f.checkJobConsistent(job)
		res := f.results(job.ID)
		if r := res[users[7].RingexID]; r.Outcome != "FAILED" || r.Code != importer.CodeCreateFailed || r.AgentID != nil {
			t.Fatalf("refused user: %+v", r)
		}
		if job.ImportedCount != 29 || job.FailedCount != 1 || f.agentCount() != 29 {
			t.Fatalf("imported %d, failed %d, %d agents", job.ImportedCount, job.FailedCount, f.agentCount())
		}
		if n := must[int](t)(f.db.Client.AuditEvent.Query().Where(auditevent.Action("agent.create"),
			auditevent.AccountID(f.acc.ID)).Count(f.sys)); n != 29 {
			t.Fatalf("%d agent.create events for 29 agents", n)
		}
	})
}

func usernameOf(email string) string { return strings.ToLower(strings.TrimSpace(email)) }
