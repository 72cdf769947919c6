package importer_test

import (
	"context"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/agent"
	"github.com/switchboard/switchboard/ent/importjob"
	"github.com/switchboard/switchboard/ent/importresult"
	"github.com/switchboard/switchboard/ent/ringexuser"
	"github.com/switchboard/switchboard/internal/directory"
	"github.com/switchboard/switchboard/internal/importer"
	"github.com/switchboard/switchboard/internal/testdb"
)

// outcomeOf maps a preview's plan onto the result the import must produce.
var outcomeOf = map[importer.Outcome]importresult.Outcome{
	importer.OutcomeImport:          importresult.OutcomeIMPORTED,
	importer.OutcomeAlreadyImported: importresult.OutcomeALREADY_IMPORTED,
	importer.OutcomeFail:            importresult.OutcomeFAILED,
}

// checkPreviewMatches asserts the import did exactly what the preview said.
func (f *fixture) checkPreviewMatches(pv *importer.Preview, job *ent.ImportJob) {
	f.t.Helper()
	res := f.results(job.ID)
	if len(res) != pv.Total || job.Total != pv.Total {
		f.t.Fatalf("preview total %d, job total %d, %d results", pv.Total, job.Total, len(res))
	}
	for _, it := range pv.Items {
		r := res[it.User.RingexID]
		if r == nil || r.Outcome != outcomeOf[it.Outcome] || r.Code != it.Code || r.Username != it.Username {
			f.t.Fatalf("user %d: preview %s %s %q, import %+v", it.User.RingexID, it.Outcome, it.Code, it.Username, r)
		}
	}
	if job.ImportedCount != pv.ToImport || job.AlreadyImportedCount != pv.AlreadyImported || job.FailedCount != pv.Failing {
		f.t.Fatalf("preview %d/%d/%d, job %d/%d/%d", pv.ToImport, pv.AlreadyImported, pv.Failing,
			job.ImportedCount, job.AlreadyImportedCount, job.FailedCount)
	}
}

func TestImportByIDs(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		f := newFixture(t, d, fixtureOpts{})
		chosen := f.users()[:60] // the first users include every status
		in := f.input(importer.Selection{IDs: ids(chosen)})

		pv, err := f.svc.Preview(f.importer(), in, 0, 1000)
		if err != nil {
			t.Fatal(err)
		}
		if pv.Total != 60 || len(pv.Items) != 60 || pv.ToImport == 0 || pv.Failing == 0 {
			t.Fatalf("preview: total %d items %d import %d failing %d", pv.Total, len(pv.Items), pv.ToImport, pv.Failing)
		}
		for _, it := range pv.Items {
			if it.TimezoneMatch != importer.MatchAtImport || it.Timezone != "" {
				t.Fatalf("mirror has no regional settings, preview says %s %s", it.Timezone, it.TimezoneMatch)
			}
			if it.Outcome == importer.OutcomeFail && it.User.Status == ringexuser.StatusEnabled {
				t.Fatalf("enabled user %d fails: %s", it.User.RingexID, it.Reason)
			}
		}
		if n := must[int](t)(f.db.Client.ImportJob.Query().Count(f.sys)); n != 0 {
			t.Fatalf("preview wrote %d jobs", n)
		}

		job := f.importNow(in)
		if job.Status != importjob.StatusSUCCEEDED || job.StartedAt == nil || job.FinishedAt == nil {
			t.Fatalf("job %s", job.Status)
		}
		f.checkPreviewMatches(pv, job)
		f.checkJobConsistent(job)

		agents := must[[]*ent.Agent](t)(f.db.Client.Agent.Query().Where(agent.AccountID(f.acc.ID)).
			WithTeams().WithCategories().All(f.sys))
		regionals := map[int64]*ent.RingExRegional{}
		for _, g := range must[[]*ent.RingExRegional](t)(f.db.Client.RingExRegional.Query().All(f.sys)) {
			regionals[g.RingexID] = g
		}
		if len(agents) != pv.ToImport {
			t.Fatalf("%d agents, want %d", len(agents), pv.ToImport)
		}
		for _, a := range agents {
			if a.Source != agent.SourceRINGEX || a.RoleID != f.role.ID || len(a.Edges.Teams) != 2 || len(a.Edges.Categories) != 1 {
				t.Fatalf("agent %+v", a)
			}
			if a.Username != strings.ToLower(a.Email) || a.Timezone == "" || a.Language == "" {
				t.Fatalf("agent %s: username %q tz %q lang %q", a.Email, a.Username, a.Timezone, a.Language)
			}
			if g := regionals[*a.RingexExtensionID]; g == nil || g.AccountID != f.acc.ID || g.TimezoneName == "" || g.LocaleCode == "" {
				t.Fatalf("agent %s: regional settings read from RingEX not kept: %+v", a.Email, g)
			}
		}

		// The legacy and Windows zone names of the pinned users are mapped.
		for _, r := range f.results(job.ID) {
			if r.Outcome == importresult.OutcomeIMPORTED && (r.TimezoneMatch == "" || r.LanguageMatch == "" || r.AgentID == nil) {
				t.Fatalf("result %+v", r)
			}
		}

		report, err := f.svc.ResultsCSV(f.importer(), job)
		if err != nil {
			t.Fatal(err)
		}
		rows := must[[][]string](t)(csv.NewReader(strings.NewReader(report)).ReadAll())
		if len(rows) != 61 || rows[0][0] != "ringex_id" || rows[0][4] != "outcome" {
			t.Fatalf("csv: %d rows, header %v", len(rows), rows[0])
		}

		// The import read the users' regional settings: once an agent is
		// deleted, previewing its user again maps what was read, no longer
		// "at import".
		gone := agents[0]
		if err := f.db.Client.Agent.DeleteOne(gone).Exec(f.sys); err != nil {
			t.Fatal(err)
		}
		var again *ent.RingExUser
		for _, u := range chosen {
			if u.RingexID == *gone.RingexExtensionID {
				again = u
			}
		}
		pv2 := must[*importer.Preview](t)(f.svc.Preview(f.importer(), f.input(importer.Selection{IDs: []int{again.ID}}), 0, 10))
		if it := pv2.Items[0]; it.Outcome != importer.OutcomeImport || it.TimezoneMatch == importer.MatchAtImport ||
			it.Timezone != gone.Timezone || it.LanguageMatch == importer.MatchAtImport || it.Language != gone.Language {
			t.Fatalf("preview after the agent's deletion: %s tz %s (%s) lang %s (%s); the agent had %s %s",
				it.Outcome, it.Timezone, it.TimezoneMatch, it.Language, it.LanguageMatch, gone.Timezone, gone.Language)
		}
	})
}

func TestImportAllMatchingMinusExcluded(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		f := newFixture(t, d, fixtureOpts{})
		matching := f.users(func(u *ent.RingExUser) bool { return strings.Contains(u.SearchText, "mar") })
		if len(matching) < 6 {
			t.Fatalf("only %d users match mar", len(matching))
		}
		excluded := []int{matching[0].ID, matching[3].ID}
		in := f.input(importer.Selection{
			AllMatching: &importer.Matching{Search: "mar", Where: ringexuser.And(directory.MatchPredicate(f.acc.ID, "mar", nil)...)},
			ExcludeIDs:  excluded,
		})
		pv := must[*importer.Preview](t)(f.svc.Preview(f.importer(), in, 0, 1000))
		job := f.importNow(in)
		if job.Total != len(matching)-2 {
			t.Fatalf("total %d, want %d", job.Total, len(matching)-2)
		}
		res := f.results(job.ID)
		for _, u := range matching {
			_, got := res[u.RingexID]
			if want := u.ID != excluded[0] && u.ID != excluded[1]; got != want {
				t.Fatalf("user %d selected %v, want %v", u.ID, got, want)
			}
		}
		f.checkPreviewMatches(pv, job)
		if sel := job.Selection["allMatching"].(map[string]any); sel["search"] != "mar" {
			t.Fatalf("selection record %v", job.Selection)
		}
	})
}

func TestReimportIsAlreadyImported(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		f := newFixture(t, d, fixtureOpts{})
		in := f.input(importer.Selection{IDs: ids(f.users()[:30])})
		first := f.importNow(in)
		agents := f.agentCount()

		pv := must[*importer.Preview](t)(f.svc.Preview(f.importer(), in, 0, 100))
		if pv.AlreadyImported != first.ImportedCount || pv.ToImport != 0 {
			t.Fatalf("preview of a re-import: %+v", pv)
		}
		second := f.importNow(in)
		f.checkPreviewMatches(pv, second)
		if second.ImportedCount != 0 || second.AlreadyImportedCount != first.ImportedCount || f.agentCount() != agents {
			t.Fatalf("re-import created agents: %d imported, %d already, %d agents (was %d)",
				second.ImportedCount, second.AlreadyImportedCount, f.agentCount(), agents)
		}
		before, after := f.results(first.ID), f.results(second.ID)
		for id, r := range after {
			if r.Outcome == importresult.OutcomeALREADY_IMPORTED && *r.AgentID != *before[id].AgentID {
				t.Fatalf("user %d: already imported as %d, first import made %d", id, *r.AgentID, *before[id].AgentID)
			}
		}
	})
}

func TestUsernameTakenInAnotherAccount(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		f := newFixture(t, d, fixtureOpts{})
		u := f.users(func(u *ent.RingExUser) bool { return u.Status == ringexuser.StatusEnabled })[0]
		other := f.account("Other")
		otherRole := must[*ent.Role](t)(f.db.Client.Role.Create().SetAccountID(other.ID).SetName("Agent").Save(f.sys))
		must[*ent.Agent](t)(f.db.Client.Agent.Create().SetAccountID(other.ID).SetFirstName("Some").SetLastName("One").
			SetEmail(u.Email).SetUsername(strings.ToLower(u.Email)).SetTimezone("UTC").SetLanguage("en-US").
			SetRoleID(otherRole.ID).Save(f.sys))

		in := f.input(importer.Selection{IDs: []int{u.ID}})
		pv := must[*importer.Preview](t)(f.svc.Preview(f.importer(), in, 0, 10))
		if it := pv.Items[0]; it.Outcome != importer.OutcomeFail || it.Code != importer.CodeUsernameTaken {
			t.Fatalf("preview %s %s", it.Outcome, it.Code)
		}
		job := f.importNow(in)
		f.checkPreviewMatches(pv, job)
		if f.agentCount() != 0 {
			t.Fatal("an agent was created despite the taken username")
		}
	})
}

func TestCSVAndHistory(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		f := newFixture(t, d, fixtureOpts{users: 20})
		j1 := f.importNow(f.input(importer.Selection{IDs: ids(f.users()[:3])}))
		j2 := f.importNow(f.input(importer.Selection{IDs: ids(f.users()[3:5])}))
		first := 10
		conn := must[*ent.ImportJobConnection](t)(f.svc.History(f.importer(), f.acc.ID, nil, &first, nil, nil))
		if conn.TotalCount != 2 || conn.Edges[0].Node.ID != j2.ID || conn.Edges[1].Node.ID != j1.ID {
			t.Fatalf("history not newest first: %+v", conn.Edges)
		}
		ch := must[<-chan *ent.ImportJob](t)(f.svc.Watch(f.importer(), j1.ID))
		var last *ent.ImportJob
		for j := range ch {
			last = j
		}
		if last == nil || last.Status != importjob.StatusSUCCEEDED {
			t.Fatalf("watch ended with %+v", last)
		}
	})
}

var _ = context.Background

// Linking mirror rows to their agents puts their trigrams in the search
// index's pending list; a finished import merges it, so the picker's next
// searches do not scan it (PostgreSQL only: SQLite has no trigram index).
func TestImportMergesSearchIndex(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		if d == testdb.Postgres {
			checkSearchIndexMerged(t)
		}
	})
}

func checkSearchIndexMerged(t *testing.T) {
	f := newFixture(t, testdb.Postgres, fixtureOpts{})
	ctx := context.Background()
	if _, err := f.db.SQL.ExecContext(ctx, `SELECT gin_clean_pending_list('ringexuser_search_text_trgm'::regclass)`); err != nil {
		t.Fatal(err)
	}
	job := f.importNow(f.input(importer.Selection{IDs: ids(f.users()[:60])}))
	if job.ImportedCount == 0 {
		t.Fatalf("nothing imported: %+v", job)
	}
	var pages int
	if err := f.db.SQL.QueryRowContext(ctx, `SELECT gin_clean_pending_list('ringexuser_search_text_trgm'::regclass)`).Scan(&pages); err != nil {
		t.Fatal(err)
	}
	if pages != 0 {
		t.Errorf("%d pending pages left in the search index after the import", pages)
	}
}
