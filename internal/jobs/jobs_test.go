package jobs_test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/switchboard/switchboard/internal/jobs"
	"github.com/switchboard/switchboard/internal/testdb"
	"github.com/switchboard/switchboard/internal/viewer"
)

type pingArgs struct {
	Key   int `json:"key" river:"unique"`
	Extra int `json:"extra"`
}

func (pingArgs) Kind() string { return "test_ping" }

type pingWorker struct {
	river.WorkerDefaults[pingArgs]
	done    chan int
	release chan struct{}
	runs    atomic.Int32
}

func (w *pingWorker) Work(ctx context.Context, j *river.Job[pingArgs]) error {
	w.runs.Add(1)
	if w.release != nil {
		<-w.release
	}
	w.done <- j.Args.Key
	return nil
}

func TestRunnerWorksJobsAndDeduplicates(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		ctx := context.Background()
		conn := testdb.New(t, d)
		w := &pingWorker{done: make(chan int, 10), release: make(chan struct{})}
		workers := river.NewWorkers()
		river.AddWorker(workers, w)
		r, err := jobs.New(ctx, conn, workers, jobs.Options{PollInterval: 50 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { r.Stop(context.Background()) })
		if err := r.Start(ctx); err != nil {
			t.Fatal(err)
		}
		opts := &river.InsertOpts{UniqueOpts: jobs.OnePerArgs}
		id1, err := r.Insert(ctx, pingArgs{Key: 1}, opts)
		if err != nil {
			t.Fatal(err)
		}
		// Same unique key while the first waits or runs: the same job.
		id2, err := r.Insert(ctx, pingArgs{Key: 1, Extra: 9}, opts)
		if err != nil {
			t.Fatal(err)
		}
		if id1 != id2 {
			t.Fatalf("duplicate insert made a new job: %d vs %d", id1, id2)
		}
		close(w.release)
		select {
		case k := <-w.done:
			if k != 1 {
				t.Fatalf("worked key %d", k)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("job never ran")
		}
		waitState(t, r, id1, rivertype.JobStateCompleted)
		// Once done, the same key may run again.
		id3, err := r.Insert(ctx, pingArgs{Key: 1}, opts)
		if err != nil || id3 == id1 {
			t.Fatalf("re-insert after completion: id %d err %v", id3, err)
		}
		<-w.done
		if n := w.runs.Load(); n != 2 {
			t.Fatalf("runs = %d, want 2", n)
		}
	})
}

// Ent writes and River's polling must not trip over each other on SQLite.
func TestRunnerBesideEntWrites(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		ctx := viewer.SystemContext(context.Background())
		conn := testdb.New(t, d)
		w := &pingWorker{done: make(chan int, 100)}
		workers := river.NewWorkers()
		river.AddWorker(workers, w)
		r, err := jobs.New(ctx, conn, workers, jobs.Options{PollInterval: 10 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { r.Stop(context.Background()) })
		if err := r.Start(ctx); err != nil {
			t.Fatal(err)
		}
		for i := range 30 {
			if _, err := r.Insert(ctx, pingArgs{Key: i}, nil); err != nil {
				t.Fatal(err)
			}
			if _, err := conn.Client.Account.Create().SetName("acct " + string(rune('a'+i))).Save(ctx); err != nil {
				t.Fatalf("ent write beside River: %v", err)
			}
		}
		for range 30 {
			select {
			case <-w.done:
			case <-time.After(20 * time.Second):
				t.Fatal("jobs did not all run")
			}
		}
	})
}

func TestInsertOnlyRunner(t *testing.T) {
	ctx := context.Background()
	conn := testdb.New(t, testdb.SQLite)
	r, err := jobs.New(ctx, conn, nil, jobs.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Stop(ctx)
	if err := r.Start(ctx); err != nil {
		t.Fatal(err)
	}
	id, err := r.Insert(ctx, pingArgs{Key: 1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	row, err := r.Job(ctx, id)
	if err != nil || row.State != rivertype.JobStateAvailable {
		t.Fatalf("job %+v err %v", row, err)
	}
}

func TestJobsPath(t *testing.T) {
	for in, want := range map[string]string{
		"data/switchboard.db":           "data/switchboard.jobs.db",
		"file:/tmp/x.db?_pragma=foo(1)": "/tmp/x.jobs.db",
		"/var/lib/sb/main":              "/var/lib/sb/main.jobs.db",
		"":                              "data/switchboard.jobs.db",
	} {
		if got := jobs.JobsPath(in); got != want {
			t.Errorf("JobsPath(%q) = %q, want %q", in, got, want)
		}
	}
}

func waitState(t *testing.T, r *jobs.Runner, id int64, want rivertype.JobState) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		row, err := r.Job(context.Background(), id)
		if err == nil && row.State == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("job %d: state %v err %v, want %s", id, row, err, want)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
