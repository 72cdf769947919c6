package importer_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/agent"
	"github.com/switchboard/switchboard/ent/importresult"
	"github.com/switchboard/switchboard/ent/ringexuser"
	"github.com/switchboard/switchboard/internal/audit"
	"github.com/switchboard/switchboard/internal/db"
	"github.com/switchboard/switchboard/internal/directory"
	"github.com/switchboard/switchboard/internal/importer"
	"github.com/switchboard/switchboard/internal/perm"
	"github.com/switchboard/switchboard/internal/ringex"
	"github.com/switchboard/switchboard/internal/ringex/ringextest"
	"github.com/switchboard/switchboard/internal/ringex/sandbox"
	"github.com/switchboard/switchboard/internal/testdb"
	"github.com/switchboard/switchboard/internal/viewer"
)

var accountSeq atomic.Int64

// fixture is a database with one account linked to a sandbox over real
// HTTP, its directory mirrored, and an importer wired to both.
type fixture struct {
	t    testing.TB
	db   *db.DB
	sb   *sandbox.Sandbox
	svc  *importer.Service
	acc  *ent.Account
	role *ent.Role
	// teams and categories of acc
	teams, cats []int
	sys         context.Context
}

type fixtureOpts struct {
	users int
	// waitScale overrides ringextest.WaitScale (to pair with the
	// sandbox's RateLimitScale).
	waitScale float64
	sbOpts    sandbox.Options
	conn      *db.DB
}

func newFixture(t testing.TB, d testdb.Dialect, o fixtureOpts) *fixture {
	t.Helper()
	if o.users == 0 {
		o.users = 200
	}
	conn := o.conn
	if conn == nil {
		conn = testdb.New(t, d)
		// As the app does: every agent created writes its audit event.
		audit.Register(conn.Client)
	}
	o.sbOpts.Users, o.sbOpts.Seed = o.users, 7
	sb, url := ringextest.Serve(t, o.sbOpts)
	cfg := ringextest.Config(sb, url)
	if o.waitScale > 0 {
		cfg.WaitScale = o.waitScale
	}
	cfg.Timeout = 5 * time.Second
	rx := ringex.New(cfg)
	f := &fixture{t: t, db: conn, sb: sb, sys: viewer.SystemContext(context.Background())}
	f.svc = &importer.Service{
		Client:       conn.Client,
		RingEx:       func(context.Context, int) (*ringex.Client, error) { return rx, nil },
		PollInterval: 20 * time.Millisecond,
		Postgres:     d == testdb.Postgres,
	}
	f.acc = f.account("Acme")
	f.link(f.acc, url)
	f.mirror(f.acc, rx)
	f.role = must[*ent.Role](t)(conn.Client.Role.Create().SetAccountID(f.acc.ID).SetName("Agent").Save(f.sys))
	for _, n := range []string{"Sales", "Support"} {
		f.teams = append(f.teams, must[*ent.Team](t)(conn.Client.Team.Create().SetAccountID(f.acc.ID).SetName(n).Save(f.sys)).ID)
	}
	f.cats = append(f.cats, must[*ent.Category](t)(conn.Client.Category.Create().SetAccountID(f.acc.ID).SetName("French").Save(f.sys)).ID)
	return f
}

func must[T any](t testing.TB) func(v T, err error) T {
	return func(v T, err error) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

func (f *fixture) account(name string) *ent.Account {
	f.t.Helper()
	return must[*ent.Account](f.t)(f.db.Client.Account.Create().
		SetName(fmt.Sprintf("%s %d", name, accountSeq.Add(1))).
		SetDefaultTimezone("Europe/Berlin").SetDefaultLanguage("de-DE").Save(f.sys))
}

func (f *fixture) link(acc *ent.Account, url string) {
	f.t.Helper()
	must[*ent.RingExLink](f.t)(f.db.Client.RingExLink.Create().SetAccountID(acc.ID).SetServerURL(url).
		SetClientID(f.sb.ClientID()).SetClientSecretEnc("sealed").SetJwtEnc("sealed").Save(f.sys))
}

// mirror copies the sandbox directory into the account's mirror, as the
// directory sync does (without regional settings: the list has none).
func (f *fixture) mirror(acc *ent.Account, rx *ringex.Client) {
	f.t.Helper()
	c := f.db.Client
	_, err := rx.ListUsers(f.sys, func(page []ringex.Extension) error {
		bulk := make([]*ent.RingExUserCreate, len(page))
		for i, e := range page {
			login := ""
			if e.Contact.EmailAsLoginName {
				login = e.Contact.Email
			}
			bulk[i] = c.RingExUser.Create().SetAccountID(acc.ID).SetRingexID(e.ID).SetExtensionNumber(e.ExtensionNumber).
				SetFirstName(e.Contact.FirstName).SetLastName(e.Contact.LastName).SetEmail(e.Contact.Email).
				SetLogin(login).SetStatus(ringexuser.Status(e.Status)).SetHidden(e.Hidden).
				// The directory's own search text, so searches here match the picker's.
				SetSearchText(directory.SearchText(e.Contact.FirstName, e.Contact.LastName, e.Contact.Email, e.ExtensionNumber, login))
		}
		return c.RingExUser.CreateBulk(bulk...).Exec(f.sys)
	})
	if err != nil {
		f.t.Fatal(err)
	}
}

// importer is a console user holding IMPORT_AGENTS in the account.
func (f *fixture) importer() context.Context {
	return viewer.NewContext(context.Background(), &viewer.Viewer{UserID: 42, Email: "lead@acme.test",
		Accounts: map[int]perm.Set{f.acc.ID: perm.NewSet(perm.ImportAgents, perm.ReadAgents)}})
}

// users returns the account's mirror rows, by RingEX id.
func (f *fixture) users(where ...func(*ent.RingExUser) bool) []*ent.RingExUser {
	f.t.Helper()
	all := must[[]*ent.RingExUser](f.t)(f.db.Client.RingExUser.Query().Where(ringexuser.AccountID(f.acc.ID)).
		Order(ent.Asc(ringexuser.FieldRingexID)).All(f.sys))
	var out []*ent.RingExUser
	for _, u := range all {
		keep := true
		for _, w := range where {
			keep = keep && w(u)
		}
		if keep {
			out = append(out, u)
		}
	}
	return out
}

func ids(us []*ent.RingExUser) []int {
	out := make([]int, len(us))
	for i, u := range us {
		out[i] = u.ID
	}
	return out
}

func (f *fixture) input(sel importer.Selection) importer.Input {
	return importer.Input{AccountID: f.acc.ID, Selection: sel, RoleID: f.role.ID, TeamIDs: f.teams, CategoryIDs: f.cats}
}

// importNow starts an import and works it to the end.
func (f *fixture) importNow(in importer.Input) *ent.ImportJob {
	f.t.Helper()
	job := must[*ent.ImportJob](f.t)(f.svc.Start(f.importer(), in))
	if err := f.svc.Run(context.Background(), job.ID); err != nil {
		f.t.Fatalf("run: %v", err)
	}
	return f.job(job.ID)
}

func (f *fixture) job(id int) *ent.ImportJob {
	f.t.Helper()
	return must[*ent.ImportJob](f.t)(f.db.Client.ImportJob.Get(f.sys, id))
}

func (f *fixture) results(jobID int) map[int64]*ent.ImportResult {
	f.t.Helper()
	rs := must[[]*ent.ImportResult](f.t)(f.db.Client.ImportResult.Query().Where(importresult.JobID(jobID)).All(f.sys))
	out := map[int64]*ent.ImportResult{}
	for _, r := range rs {
		out[r.RingexID] = r
	}
	return out
}

// checkNoDuplicates asserts the account has exactly one agent per imported
// RingEX user and every result's agent exists.
func (f *fixture) agentCount() int {
	f.t.Helper()
	return must[int](f.t)(f.db.Client.Agent.Query().Where(agent.AccountID(f.acc.ID)).Count(f.sys))
}

// checkJobConsistent asserts the counters agree with the result rows.
func (f *fixture) checkJobConsistent(job *ent.ImportJob) {
	f.t.Helper()
	byOutcome := map[importresult.Outcome]int{}
	results := f.results(job.ID)
	for _, r := range results {
		byOutcome[r.Outcome]++
	}
	if job.ImportedCount != byOutcome[importresult.OutcomeIMPORTED] ||
		job.AlreadyImportedCount != byOutcome[importresult.OutcomeALREADY_IMPORTED] ||
		job.FailedCount != byOutcome[importresult.OutcomeFAILED] ||
		job.Processed != len(results) || job.Processed > job.Total {
		f.t.Fatalf("job counters %d/%d imported %d already %d failed %d; results %v",
			job.Processed, job.Total, job.ImportedCount, job.AlreadyImportedCount, job.FailedCount, byOutcome)
	}
}
