package graph_test

import (
	"strings"
	"testing"
	"time"

	"github.com/switchboard/switchboard/internal/testdb"
)

const previewQuery = `query($in:ImportAgentsInput!){ previewAgentImport(input:$in, limit:1000){
	total toImport alreadyImported failing
	items { user { id } username timezoneMatch outcome code existingAgent { id } } } }`

const importMutation = `mutation($in:ImportAgentsInput!){ importAgents(input:$in){ job { id status total } } }`

const jobQuery = `query($id:ID!){ importJob(id:$id){ id status total processed importedCount alreadyImportedCount failedCount
	role { name } teams { name } categories { name } resultsCsv
	imported: results(first:1, where:{outcome: IMPORTED}) { totalCount }
	failed: results(first:100, where:{outcome: FAILED}) { edges { node { code } } } } }`

type gqlPreview struct {
	Total, ToImport, AlreadyImported, Failing int
	Items                                     []struct {
		User          struct{ ID string }
		Username      string
		TimezoneMatch string
		Outcome, Code string
	}
}

type gqlJob struct {
	ID, Status                                                         string
	Total, Processed, ImportedCount, AlreadyImportedCount, FailedCount int
	Role                                                               struct{ Name string }
	Teams, Categories                                                  []struct{ Name string }
	ResultsCsv                                                         string
	Imported                                                           struct{ TotalCount int }
}

// importAndWait imports through the API and polls the job until it ends.
func (r *ringExEnv) importAndWait(t *testing.T, c *gqlClient, in map[string]any) gqlJob {
	t.Helper()
	var started struct{ ImportAgents struct{ Job gqlJob } }
	c.mustDo(t, importMutation, map[string]any{"in": in}, &started)
	deadline := time.Now().Add(20 * time.Second)
	for {
		var out struct{ ImportJob gqlJob }
		c.mustDo(t, jobQuery, map[string]any{"id": started.ImportAgents.Job.ID}, &out)
		switch out.ImportJob.Status {
		case "SUCCEEDED", "FAILED", "CANCELLED":
			return out.ImportJob
		}
		if time.Now().After(deadline) {
			t.Fatalf("import did not finish: %+v", out.ImportJob)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestImportAgentsEndToEnd(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		r := newRingExEnv(t, d, 200)
		r.link(t)
		admin := r.admin(t)
		var team struct {
			CreateTeam struct{ Team struct{ ID string } }
		}
		admin.mustDo(t, `mutation($a:ID!){ createTeam(input:{name:"Sales", accountID:$a}){ team { id } } }`,
			map[string]any{"a": r.accountID}, &team)
		var cat struct {
			CreateCategory struct{ Category struct{ ID string } }
		}
		admin.mustDo(t, `mutation($a:ID!){ createCategory(input:{name:"French", accountID:$a}){ category { id } } }`,
			map[string]any{"a": r.accountID}, &cat)
		manager := r.createUser(t, "manager@acme.test", r.accountID, "Manager")

		var page struct {
			RingExUsers struct {
				Edges []struct{ Node struct{ ID string } }
			}
		}
		manager.mustDo(t, `query($a:ID!){ ringExUsers(accountId:$a, search:"mar", first:100){ edges { node { id } } } }`,
			map[string]any{"a": r.accountID}, &page)
		var users []struct{ ID string }
		for _, e := range page.RingExUsers.Edges {
			users = append(users, e.Node)
		}
		if len(users) < 4 {
			t.Fatalf("%d users match mar", len(users))
		}
		in := map[string]any{
			"accountId": r.accountID,
			"selection": map[string]any{"allMatching": map[string]any{"search": "mar"}, "excludeIds": []string{users[0].ID}},
			"roleId":    r.roleID(t, r.accountID, "Agent"),
			"teamIds":   []string{team.CreateTeam.Team.ID}, "categoryIds": []string{cat.CreateCategory.Category.ID},
		}
		var pv struct{ PreviewAgentImport gqlPreview }
		manager.mustDo(t, previewQuery, map[string]any{"in": in}, &pv)
		p := pv.PreviewAgentImport
		if p.Total != len(users)-1 || p.ToImport == 0 {
			t.Fatalf("preview %+v for %d matching users", p, len(users))
		}

		job := r.importAndWait(t, manager, in)
		if job.Status != "SUCCEEDED" || job.Total != p.Total || job.ImportedCount != p.ToImport ||
			job.FailedCount != p.Failing || job.Imported.TotalCount != job.ImportedCount {
			t.Fatalf("job %+v, preview %+v", job, p)
		}
		if job.Role.Name != "Agent" || len(job.Teams) != 1 || len(job.Categories) != 1 {
			t.Fatalf("job role/teams/categories: %+v %+v %+v", job.Role, job.Teams, job.Categories)
		}
		if lines := strings.Split(strings.TrimSpace(job.ResultsCsv), "\n"); len(lines) != job.Total+1 {
			t.Fatalf("csv has %d lines for %d results", len(lines), job.Total)
		}

		// The same import again creates nothing.
		again := r.importAndWait(t, manager, in)
		if again.ImportedCount != 0 || again.AlreadyImportedCount != job.ImportedCount {
			t.Fatalf("re-import %+v", again)
		}
		var hist struct {
			ImportJobs struct {
				Edges []struct{ Node struct{ ID string } }
			}
		}
		manager.mustDo(t, `query($a:ID!){ importJobs(accountId:$a, first:10){ edges { node { id } } } }`,
			map[string]any{"a": r.accountID}, &hist)
		if e := hist.ImportJobs.Edges; len(e) != 2 || e[0].Node.ID != again.ID || e[1].Node.ID != job.ID {
			t.Fatalf("history %+v", e)
		}
	})
}

func TestImportAgentsBadInput(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		r := newRingExEnv(t, d, 20)
		other := r.createAccount(t, r.unique("Other"))
		admin := r.admin(t)
		role := r.roleID(t, r.accountID, "Agent")
		in := func(sel map[string]any, roleID string) map[string]any {
			return map[string]any{"in": map[string]any{"accountId": r.accountID, "selection": sel, "roleId": roleID}}
		}
		all := map[string]any{"allMatching": map[string]any{"search": ""}}
		admin.expectError(t, "RINGEX_NOT_LINKED", "accountId", importMutation, in(all, role))
		r.link(t)
		admin.expectError(t, "NOT_FOUND", "roleId", importMutation, in(all, r.roleID(t, other, "Agent")))
		admin.expectError(t, "BAD_USER_INPUT", "selection", importMutation, in(map[string]any{}, role))
		admin.expectError(t, "NOT_FOUND", "selection.ids", previewQuery, in(map[string]any{"ids": []string{role}}, role))
		qa := r.createUser(t, "qa@acme.test", r.accountID, "Quality analyst")
		qa.expectError(t, "FORBIDDEN", "", importMutation, in(all, role))
	})
}
