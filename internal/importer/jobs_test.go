package importer_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/agent"
	"github.com/switchboard/switchboard/ent/importjob"
	"github.com/switchboard/switchboard/ent/importresult"
	"github.com/switchboard/switchboard/ent/ringexuser"
	"github.com/switchboard/switchboard/internal/importer"
	"github.com/switchboard/switchboard/internal/ringex/sandbox"
	"github.com/switchboard/switchboard/internal/testdb"
)

func enabled(u *ent.RingExUser) bool { return u.Status == ringexuser.StatusEnabled }

// Two imports sharing users, worked at the same time, create each agent
// exactly once; the loser of every race reports ALREADY_IMPORTED with the
// winner's agent.
func TestConcurrentOverlappingImports(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		f := newFixture(t, d, fixtureOpts{})
		f.svc.BatchSize = 15
		users := f.users(enabled)
		a := f.input(importer.Selection{IDs: ids(users[:100])})
		b := f.input(importer.Selection{IDs: ids(users[40:140])})
		ja := must[*ent.ImportJob](t)(f.svc.Start(f.importer(), a))
		jb := must[*ent.ImportJob](t)(f.svc.Start(f.importer(), b))
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for i, id := range []int{ja.ID, jb.ID} {
			wg.Go(func() { errs[i] = f.svc.Run(context.Background(), id) })
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			t.Fatal(err)
		}
		if n := f.agentCount(); n != 140 {
			t.Fatalf("%d agents for 140 distinct users", n)
		}
		ra, rb := f.results(ja.ID), f.results(jb.ID)
		for _, u := range users[40:100] {
			x, y := ra[u.RingexID], rb[u.RingexID]
			once := (x.Outcome == importresult.OutcomeIMPORTED) != (y.Outcome == importresult.OutcomeIMPORTED)
			if !once || x.AgentID == nil || y.AgentID == nil || *x.AgentID != *y.AgentID {
				t.Fatalf("shared user %d: %+v / %+v", u.RingexID, x, y)
			}
		}
		for _, j := range []*ent.ImportJob{f.job(ja.ID), f.job(jb.ID)} {
			f.checkJobConsistent(j)
			if j.Status != importjob.StatusSUCCEEDED || j.FailedCount != 0 {
				t.Fatalf("job %d: %s, %d failed", j.ID, j.Status, j.FailedCount)
			}
		}
	})
}

// slowFixture makes every RingEX read take a while, so tests can act while
// a job is under way.
func slowFixture(t *testing.T, d testdb.Dialect) *fixture {
	f := newFixture(t, d, fixtureOpts{sbOpts: sandbox.Options{Faults: sandbox.Faults{Latency: 3 * time.Millisecond}}})
	f.svc.BatchSize, f.svc.Concurrency = 10, 2
	return f
}

// waitProcessed waits until the job has processed at least n users.
func (f *fixture) waitProcessed(id, n int) {
	f.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for f.job(id).Processed < n {
		if time.Now().After(deadline) {
			f.t.Fatalf("job %d stuck at %d processed", id, f.job(id).Processed)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestCancelImport(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		f := slowFixture(t, d)
		job := must[*ent.ImportJob](t)(f.svc.Start(f.importer(), f.input(importer.Selection{IDs: ids(f.users(enabled))})))
		done := make(chan error, 1)
		go func() { done <- f.svc.Run(context.Background(), job.ID) }()
		f.waitProcessed(job.ID, 20)
		if _, err := f.svc.Cancel(f.importer(), job.ID); err != nil {
			t.Fatal(err)
		}
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		got := f.job(job.ID)
		f.checkJobConsistent(got)
		if got.Status != importjob.StatusCANCELLED || got.Processed != got.Total || got.ImportedCount == 0 || got.FailedCount == 0 {
			t.Fatalf("cancelled job: %s %d/%d imported %d failed %d", got.Status, got.Processed, got.Total, got.ImportedCount, got.FailedCount)
		}
		for _, r := range f.results(job.ID) {
			if r.Outcome == importresult.OutcomeFAILED && r.Code != importer.CodeCancelled {
				t.Fatalf("result %+v", r)
			}
		}
		if f.agentCount() != got.ImportedCount {
			t.Fatalf("%d agents, %d imported", f.agentCount(), got.ImportedCount)
		}
		// Cancelling a finished job changes nothing; a queued one never starts.
		if j, err := f.svc.Cancel(f.importer(), job.ID); err != nil || j.Status != importjob.StatusCANCELLED {
			t.Fatalf("cancel again: %v %v", j, err)
		}
		queued := must[*ent.ImportJob](t)(f.svc.Start(f.importer(), f.input(importer.Selection{IDs: ids(f.users(enabled)[:5])})))
		must[*ent.ImportJob](t)(f.svc.Cancel(f.importer(), queued.ID))
		if err := f.svc.Run(context.Background(), queued.ID); err != nil {
			t.Fatal(err)
		}
		if q := f.job(queued.ID); q.Status != importjob.StatusCANCELLED || q.FailedCount != 5 {
			t.Fatalf("queued then cancelled: %s failed %d", q.Status, q.FailedCount)
		}
	})
}

// A worker stopped mid-job (server shutdown) leaves the job RUNNING; River
// runs it again, and the second run finishes it without duplicates.
func TestResumeAfterInterruption(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		f := slowFixture(t, d)
		job := must[*ent.ImportJob](t)(f.svc.Start(f.importer(), f.input(importer.Selection{IDs: ids(f.users())})))
		ctx, stop := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- f.svc.Run(ctx, job.ID) }()
		f.waitProcessed(job.ID, 30)
		stop()
		if err := <-done; !errors.Is(err, context.Canceled) {
			t.Fatalf("interrupted run: %v", err)
		}
		mid := f.job(job.ID)
		if mid.Status != importjob.StatusRUNNING || mid.Processed >= mid.Total {
			t.Fatalf("after interruption: %s %d/%d", mid.Status, mid.Processed, mid.Total)
		}
		f.checkJobConsistent(mid)

		f.svc.BatchSize = 50 // the restarted server, at full speed
		f.sb.SetFaults(sandbox.Faults{})
		if err := f.svc.Run(context.Background(), job.ID); err != nil {
			t.Fatal(err)
		}
		end := f.job(job.ID)
		f.checkJobConsistent(end)
		if end.Status != importjob.StatusSUCCEEDED || end.Processed != end.Total {
			t.Fatalf("resumed: %s %d/%d", end.Status, end.Processed, end.Total)
		}
		if f.agentCount() != end.ImportedCount {
			t.Fatalf("%d agents, %d imported", f.agentCount(), end.ImportedCount)
		}
	})
}

func TestRingExFaults(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		t.Run("5xx and 429 bursts are retried", func(t *testing.T) {
			f := newFixture(t, d, fixtureOpts{users: 60})
			f.sb.ResetCounters()
			f.sb.SetFaults(sandbox.Faults{Burst5xx: 2, Burst429: 2, RetryAfter: 1})
			job := f.importNow(f.input(importer.Selection{IDs: ids(f.users(enabled)[:20])}))
			c := f.sb.Counters()
			if job.Status != importjob.StatusSUCCEEDED || job.ImportedCount != 20 || c.Injected5xx != 2 || c.RateLimited < 2 {
				t.Fatalf("job %s imported %d; sandbox %+v", job.Status, job.ImportedCount, c)
			}
		})
		t.Run("RingEX down fails the remaining users", func(t *testing.T) {
			f := newFixture(t, d, fixtureOpts{users: 60})
			users := f.users(enabled)[:20]
			f.importNow(f.input(importer.Selection{IDs: ids(users[:5])}))
			f.sb.SetFaults(sandbox.Faults{Share5xx: 1})
			job := f.importNow(f.input(importer.Selection{IDs: ids(users)}))
			f.checkJobConsistent(job)
			if job.Status != importjob.StatusFAILED || job.Error == "" || job.AlreadyImportedCount != 5 || job.FailedCount != 15 {
				t.Fatalf("job %s %q already %d failed %d", job.Status, job.Error, job.AlreadyImportedCount, job.FailedCount)
			}
			for _, r := range f.results(job.ID) {
				if r.Outcome == importresult.OutcomeFAILED && r.Code != importer.CodeUnavailable {
					t.Fatalf("result %+v", r)
				}
			}
			n := must[int](t)(f.db.Client.Agent.Query().Where(agent.AccountID(f.acc.ID)).Count(f.sys))
			if n != 5 {
				t.Fatalf("%d agents after the outage, want the 5 imported before", n)
			}
		})
	})
}
