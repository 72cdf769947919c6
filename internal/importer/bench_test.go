package importer_test

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/switchboard/switchboard/ent/auditevent"
	"github.com/switchboard/switchboard/ent/importjob"
	"github.com/switchboard/switchboard/internal/importer"
	"github.com/switchboard/switchboard/internal/ringex/sandbox"
	"github.com/switchboard/switchboard/internal/testdb"
)

// BenchmarkImport10k imports 10,000 sandbox users (rate limits off) with a
// role, 2 teams and 1 category on PostgreSQL, with the audit hook registered
// as in the app (an event per agent created), and in the same run copies
// equivalent agent and join rows with pgx CopyFrom as the floor (the
// fastest of three copies).
//
//	SB_BENCH=1 TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test?sslmode=disable \
//	  go test ./internal/importer -run '^$' -bench Import10k -benchtime 1x
//
// SB_BENCH_TRACE=1 logs each batch (read and write times) and Start's time;
// SB_BENCH_SQL=1 sums database time by statement and EXPLAINs the hot ones;
// SB_BENCH_WRITERS=n sets Service.Writers, SB_BENCH_BATCH=n
// Service.BatchSize.
func BenchmarkImport10k(b *testing.B) {
	if os.Getenv("SB_BENCH") != "1" || os.Getenv("TEST_DATABASE_URL") == "" {
		b.Skip("set SB_BENCH=1 and TEST_DATABASE_URL")
	}
	const n = 10_000
	var wall, floor, cpu, floorCPU time.Duration
	for range b.N {
		b.StopTimer()
		o := fixtureOpts{users: n * 5 / 4}
		f := newFixture(b, testdb.Postgres, o)
		in := f.input(importer.Selection{IDs: ids(f.users(enabled)[:n])})
		f.svc.PollInterval = 0 // the production default, not the tests' fast polling
		if os.Getenv("SB_BENCH_TRACE") != "" {
			f.svc.Logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
		}
		f.settle("ring_ex_users", "ring_ex_user_search")
		f.svc.Writers, _ = strconv.Atoi(os.Getenv("SB_BENCH_WRITERS"))
		f.svc.BatchSize, _ = strconv.Atoi(os.Getenv("SB_BENCH_BATCH"))
		var stats *sqlStats
		if os.Getenv("SB_BENCH_SQL") != "" {
			f.svc.Client, stats = f.traced()
		}
		b.StartTimer()
		cpu0 := machineCPU()
		start := time.Now()
		job, err := f.svc.Start(f.importer(), in)
		if os.Getenv("SB_BENCH_TRACE") != "" {
			fmt.Fprintf(os.Stderr, "start took %v\n", time.Since(start))
		}
		if err == nil {
			err = f.svc.Run(context.Background(), job.ID)
		}
		wall += time.Since(start)
		cpu += machineCPU() - cpu0
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		if got := must[int](b)(f.db.Client.AuditEvent.Query().Where(auditevent.Action("agent.create")).Count(f.sys)); got != n {
			b.Fatalf("%d agent.create audit events for %d agents", got, n)
		}
		if stats != nil {
			stats.print()
			acc := strconv.Itoa(f.acc.ID)
			f.explain(
				`SELECT id, ringex_extension_id FROM agents WHERE account_id = ` + acc + ` AND ringex_extension_id IN (SELECT ringex_id FROM ring_ex_users WHERE account_id = ` + acc + ` LIMIT 1000)`)
		}
		if j := f.job(job.ID); j.Status != importjob.StatusSUCCEEDED || j.ImportedCount != n {
			b.Fatalf("job %s imported %d", j.Status, j.ImportedCount)
		}
		// The floor is the fastest of three copies: a neighbour's burst
		// slows one copy, never all three.
		var best, bestCPU time.Duration
		for k := range 3 {
			f.settle()
			cpu0 = machineCPU()
			d := copyFloor(b, f, n, k)
			if c := machineCPU() - cpu0; k == 0 || d < best {
				best, bestCPU = d, c
			}
		}
		floor += best
		floorCPU += bestCPU
	}
	per := wall / time.Duration(b.N)
	b.ReportMetric(per.Seconds(), "s/import")
	b.ReportMetric(float64(n)/per.Seconds(), "agents/s")
	b.ReportMetric(float64(n)/(floor/time.Duration(b.N)).Seconds(), "copyfrom-agents/s")
	b.ReportMetric(float64(floor/time.Duration(b.N))/float64(per), "copyfrom-share")
	b.ReportMetric(peakRSSMB(), "peak-RSS-MB")
	b.ReportMetric((cpu / time.Duration(b.N)).Seconds(), "cpu-s/import")
	b.ReportMetric(float64(floorCPU)/float64(cpu), "copyfrom-cpu-share")
}

// machineCPU is the CPU time every process of the machine has used (user,
// system and interrupts, from /proc/stat): the import's share of it is
// steadier than its wall time on a host whose neighbours come and go.
func machineCPU() time.Duration {
	raw, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0
	}
	line, _, _ := strings.Cut(string(raw), "\n")
	f := strings.Fields(line)
	var ticks int64
	for i, v := range f[1:] {
		if i == 3 || i == 4 { // idle, iowait
			continue
		}
		n, _ := strconv.ParseInt(v, 10, 64)
		ticks += n
	}
	return time.Duration(ticks) * time.Second / 100 // USER_HZ
}

// copyFloor writes n agents with 2 teams and 1 category each with CopyFrom
// in one transaction: the fastest PostgreSQL can take the same rows.
func copyFloor(b *testing.B, f *fixture, n, run int) time.Duration {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, f.db.URL)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close(ctx)
	acc := f.account(fmt.Sprintf("Floor %d", run))
	var base int64
	if err := conn.QueryRow(ctx, "SELECT coalesce(max(id), 0) FROM agents").Scan(&base); err != nil {
		b.Fatal(err)
	}
	now := time.Now()
	agents := make([][]any, n)
	teams := make([][]any, 0, 2*n)
	cats := make([][]any, 0, n)
	for i := range n {
		id := base + int64(i) + 1
		agents[i] = []any{id, now, now, "First", "Last", fmt.Sprintf("floor%d.%d@x.test", run, i), fmt.Sprintf("floor%d.%d@x.test", run, i),
			"America/Los_Angeles", "en-US", true, "RINGEX", int64(90_000_000 + run*n + i), "ACTIVE", acc.ID, f.role.ID}
		teams = append(teams, []any{int64(f.teams[0]), id}, []any{int64(f.teams[1]), id})
		cats = append(cats, []any{int64(f.cats[0]), id})
	}
	start := time.Now()
	tx, err := conn.Begin(ctx)
	if err != nil {
		b.Fatal(err)
	}
	cols := strings.Split("id,created_at,updated_at,first_name,last_name,email,username,timezone,language,enabled,source,ringex_extension_id,ringex_status,account_id,role_id", ",")
	for _, c := range []struct {
		table string
		cols  []string
		rows  [][]any
	}{{"agents", cols, agents}, {"team_members", []string{"team_id", "agent_id"}, teams}, {"category_agents", []string{"category_id", "agent_id"}, cats}} {
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{c.table}, c.cols, pgx.CopyFromRows(c.rows)); err != nil {
			b.Fatalf("copy %s: %v", c.table, err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		b.Fatal(err)
	}
	return time.Since(start)
}

// settle vacuums and analyzes the database, so that neither the import nor
// the floor shares the two cores with an autovacuum of the rows written just
// before it: in production the mirror was synced long before an import.
func (f *fixture) settle(tables ...string) {
	if _, err := f.db.Client.ExecContext(context.Background(), "VACUUM ANALYZE "+strings.Join(tables, ", ")); err != nil {
		f.t.Fatal(err)
	}
}

// peakRSSMB is the process's peak resident set (VmHWM), in MB.
func peakRSSMB() float64 {
	raw, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			return kb / 1024
		}
	}
	return 0
}

// BenchmarkImport500Paced imports 500 users under RingEX's real per-user
// limit (Light: 50 reads a minute), on a clock compressed tenfold (sandbox
// RateLimitScale and client WaitScale 0.1), and reports the time against
// the bound that limit sets: 500/50 windows of 6 s.
//
//	SB_BENCH=1 TEST_DATABASE_URL=... go test ./internal/importer -run '^$' -bench Import500Paced -benchtime 1x
func BenchmarkImport500Paced(b *testing.B) {
	if os.Getenv("SB_BENCH") != "1" || os.Getenv("TEST_DATABASE_URL") == "" {
		b.Skip("set SB_BENCH=1 and TEST_DATABASE_URL")
	}
	const n, scale = 500, 0.1
	bound := time.Duration(float64(n) / 50 * float64(time.Minute) * scale)
	var wall time.Duration
	for range b.N {
		b.StopTimer()
		f := newFixture(b, testdb.Postgres, fixtureOpts{users: n * 5 / 4, waitScale: scale,
			sbOpts: sandbox.Options{RateLimitScale: scale}})
		f.svc.PollInterval = 0
		if os.Getenv("SB_BENCH_TRACE") != "" {
			f.svc.Logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
		}
		in := f.input(importer.Selection{IDs: ids(f.users(enabled)[:n])})
		b.StartTimer()
		start := time.Now()
		job, err := f.svc.Start(f.importer(), in)
		if err == nil {
			err = f.svc.Run(context.Background(), job.ID)
		}
		wall += time.Since(start)
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		if j := f.job(job.ID); j.Status != importjob.StatusSUCCEEDED || j.ImportedCount != n {
			b.Fatalf("job %s imported %d (%s); sandbox %+v", j.Status, j.ImportedCount, j.Error, f.sb.Counters())
		}
		if c := f.sb.Counters(); c.RateLimited != 0 {
			b.Errorf("%d requests met a 429", c.RateLimited)
		}
	}
	per := wall / time.Duration(b.N)
	b.ReportMetric(per.Seconds(), "s/import")
	b.ReportMetric(bound.Seconds(), "s-bound")
	b.ReportMetric(float64(per)/float64(bound), "x-bound")
}
