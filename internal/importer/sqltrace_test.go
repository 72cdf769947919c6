package importer_test

import (
	"context"
	stdsql "database/sql"
	"fmt"
	"os"
	"regexp"
	"sort"
	"sync"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/internal/audit"
)

// sqlStats sums statement time by statement shape (SB_BENCH_SQL=1): which
// statements the import spends its database time in.
type sqlStats struct {
	mu sync.Mutex
	by map[string]*stat
}

type stat struct {
	n int
	d time.Duration
}

var digits = regexp.MustCompile(`\$\d+(, \$\d+)*|\(\$\d+.*`)

func (s *sqlStats) add(q string, d time.Duration) {
	k := digits.ReplaceAllString(q, "…")
	if len(k) > 140 {
		k = k[:140]
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.by[k]
	if st == nil {
		st = &stat{}
		s.by[k] = st
	}
	st.n++
	st.d += d
}

func (s *sqlStats) print() {
	var ks []string
	for k := range s.by {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return s.by[ks[i]].d > s.by[ks[j]].d })
	for _, k := range ks {
		fmt.Fprintf(os.Stderr, "%8.0fms %6d  %s\n", float64(s.by[k].d)/1e6, s.by[k].n, k)
	}
}

type traceDrv struct {
	dialect.Driver
	s *sqlStats
}

func (t traceDrv) Exec(ctx context.Context, q string, a, v any) error {
	st := time.Now()
	defer func() { t.s.add(q, time.Since(st)) }()
	return t.Driver.Exec(ctx, q, a, v)
}

func (t traceDrv) Query(ctx context.Context, q string, a, v any) error {
	st := time.Now()
	defer func() { t.s.add(q, time.Since(st)) }()
	return t.Driver.Query(ctx, q, a, v)
}

func (t traceDrv) Tx(ctx context.Context) (dialect.Tx, error) {
	tx, err := t.Driver.Tx(ctx)
	if err != nil {
		return nil, err
	}
	return traceTx{tx, t.s}, nil
}

type traceTx struct {
	dialect.Tx
	s *sqlStats
}

func (t traceTx) Exec(ctx context.Context, q string, a, v any) error {
	st := time.Now()
	defer func() { t.s.add(q, time.Since(st)) }()
	return t.Tx.Exec(ctx, q, a, v)
}

func (t traceTx) Query(ctx context.Context, q string, a, v any) error {
	st := time.Now()
	defer func() { t.s.add(q, time.Since(st)) }()
	return t.Tx.Query(ctx, q, a, v)
}

func (t traceTx) Commit() error {
	st := time.Now()
	defer func() { t.s.add("COMMIT", time.Since(st)) }()
	return t.Tx.Commit()
}

// traced returns a client over f's database that records statement times,
// with the audit hook registered like the fixture's.
func (f *fixture) traced() (*ent.Client, *sqlStats) {
	s := &sqlStats{by: map[string]*stat{}}
	drv := entsql.OpenDB(dialect.Postgres, f.db.SQL)
	c := ent.NewClient(ent.Driver(traceDrv{drv, s}))
	audit.Register(c)
	return c, s
}

func (t traceTx) ExecContext(ctx context.Context, q string, args ...any) (stdsql.Result, error) {
	st := time.Now()
	defer func() { t.s.add(q, time.Since(st)) }()
	return t.Tx.(interface {
		ExecContext(context.Context, string, ...any) (stdsql.Result, error)
	}).ExecContext(ctx, q, args...)
}

// explain prints PostgreSQL's plan of the batch statements the import
// spends most in, run on the imported rows inside a rolled-back transaction.
func (f *fixture) explain(qs ...string) {
	tx, err := f.db.SQL.Begin()
	if err != nil {
		f.t.Fatal(err)
	}
	defer tx.Rollback()
	for _, q := range qs {
		rows, err := tx.Query("EXPLAIN (ANALYZE, BUFFERS) " + q)
		if err != nil {
			f.t.Fatal(err)
		}
		for rows.Next() {
			var line string
			_ = rows.Scan(&line)
			fmt.Fprintln(os.Stderr, line)
		}
		rows.Close()
	}
}

func (t traceTx) QueryContext(ctx context.Context, q string, args ...any) (*stdsql.Rows, error) {
	st := time.Now()
	defer func() { t.s.add(q, time.Since(st)) }()
	return t.Tx.(interface {
		QueryContext(context.Context, string, ...any) (*stdsql.Rows, error)
	}).QueryContext(ctx, q, args...)
}

func (t traceDrv) QueryContext(ctx context.Context, q string, args ...any) (*stdsql.Rows, error) {
	return t.Driver.(interface {
		QueryContext(context.Context, string, ...any) (*stdsql.Rows, error)
	}).QueryContext(ctx, q, args...)
}
