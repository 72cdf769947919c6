package importer_test

import (
	"fmt"
	"testing"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/agent"
	"github.com/switchboard/switchboard/ent/importjob"
	"github.com/switchboard/switchboard/ent/team"
	"github.com/switchboard/switchboard/internal/importer"
	"github.com/switchboard/switchboard/internal/testdb"
)

// Many teams per agent: one batch's team links would pass SQLite's bind
// parameter limit at the default batch size, so batches shrink to fit and
// every agent still gets every team.
func TestImportWithManyTeams(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		f := newFixture(t, d, fixtureOpts{users: 300})
		var teams []int
		for i := range 170 {
			teams = append(teams, must[*ent.Team](t)(f.db.Client.Team.Create().SetAccountID(f.acc.ID).
				SetName(fmt.Sprintf("Team %d", i)).Save(f.sys)).ID)
		}
		in := f.input(importer.Selection{IDs: ids(f.users(enabled))})
		in.TeamIDs = teams
		job := f.importNow(in)
		f.checkJobConsistent(job)
		if job.Status != importjob.StatusSUCCEEDED || job.ImportedCount < 150 {
			t.Fatalf("job %s imported %d of %d: %s", job.Status, job.ImportedCount, job.Total, job.Error)
		}
		for _, id := range []int{teams[0], teams[169]} {
			if n := must[int](t)(f.db.Client.Team.Query().Where(team.ID(id)).QueryMembers().
				Where(agent.AccountID(f.acc.ID)).Count(f.sys)); n != job.ImportedCount {
				t.Fatalf("team %d has %d members, %d imported", id, n, job.ImportedCount)
			}
		}
	})
}
