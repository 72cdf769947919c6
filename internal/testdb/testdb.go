// Package testdb gives each test package a fresh, migrated database: a SQLite
// file always, and a PostgreSQL database of its own when TEST_DATABASE_URL is
// set. In CI (CI=true) a PostgreSQL that cannot be reached fails the test
// instead of skipping it.
package testdb

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/switchboard/switchboard/internal/db"
	"github.com/switchboard/switchboard/internal/password"
)

// Dialect names a database a test runs on.
type Dialect string

const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// Dialects lists the databases tests should run on: SQLite always, and
// PostgreSQL when TEST_DATABASE_URL is set.
func Dialects() []Dialect {
	if os.Getenv("TEST_DATABASE_URL") != "" {
		return []Dialect{SQLite, Postgres}
	}
	return []Dialect{SQLite}
}

// ForEach runs fn as a subtest per dialect.
func ForEach(t *testing.T, fn func(t *testing.T, d Dialect)) {
	t.Helper()
	for _, d := range Dialects() {
		t.Run(string(d), func(t *testing.T) { fn(t, d) })
	}
}

func init() {
	// Password hashing at production cost would dominate test time.
	password.SetTestParams()
}

// New opens a fresh migrated database of dialect d, closed and dropped when
// the test ends.
func New(t testing.TB, d Dialect) *db.DB {
	t.Helper()
	ctx := context.Background()
	var url string
	switch d {
	case SQLite:
		url = filepath.Join(t.TempDir(), "test.db")
	case Postgres:
		url = newPostgresDatabase(t)
	default:
		t.Fatalf("unknown dialect %q", d)
	}
	conn, err := db.Open(ctx, url)
	if err != nil {
		t.Fatalf("opening %s: %v", d, err)
	}
	t.Cleanup(func() { conn.Close() })
	if err := db.Migrate(ctx, conn); err != nil {
		t.Fatalf("migrating %s: %v", d, err)
	}
	return conn
}

// newPostgresDatabase creates a database of its own on the server of
// TEST_DATABASE_URL so that packages and tests can run in parallel.
func newPostgresDatabase(t testing.TB) string {
	t.Helper()
	base := os.Getenv("TEST_DATABASE_URL")
	if base == "" {
		t.Fatal("TEST_DATABASE_URL is not set")
	}
	admin, err := sql.Open("pgx", base)
	if err == nil {
		err = admin.Ping()
	}
	if err != nil {
		// Never skip: a PostgreSQL test that cannot connect must fail.
		t.Fatalf("connecting to TEST_DATABASE_URL: %v", err)
	}
	defer admin.Close()
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	// At most 7+30+1+12 = 50 characters, under PostgreSQL's 63.
	name := "sbtest_" + sanitize(t.Name()) + "_" + hex.EncodeToString(b)
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatalf("creating test database: %v", err)
	}
	t.Cleanup(func() {
		a, err := sql.Open("pgx", base)
		if err != nil {
			return
		}
		defer a.Close()
		_, _ = a.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("parsing TEST_DATABASE_URL: %v", err)
	}
	u.Path = "/" + name
	return u.String()
}

func sanitize(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	out := b.String()
	if len(out) > 30 {
		out = out[:30]
	}
	return out
}
