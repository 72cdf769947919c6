// Package db opens the database the product runs on: an embedded SQLite file
// by default, PostgreSQL when a postgres:// URL is given.
package db

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"
	"modernc.org/sqlite"

	"github.com/switchboard/switchboard/ent"
	_ "github.com/switchboard/switchboard/ent/runtime" // privacy policies and hooks
)

func init() {
	// ent names its SQLite dialect "sqlite3"; modernc registers "sqlite".
	// Registering the name once lets ent's own helpers open it too.
	sql.Register("sqlite3", &sqlite.Driver{})
}

// DB is an open database with its ent client.
type DB struct {
	Client  *ent.Client
	SQL     *sql.DB
	Dialect string
	// URL is what the database was opened from (without secrets it is what
	// River's SQLite driver needs to open its own file).
	URL string
}

// DefaultSQLitePath is where the embedded database lives unless configured.
const DefaultSQLitePath = "data/switchboard.db"

// IsPostgres reports whether url names a PostgreSQL database.
func IsPostgres(url string) bool {
	return strings.HasPrefix(url, "postgres://") || strings.HasPrefix(url, "postgresql://")
}

// SQLiteDSN builds the DSN of a SQLite file with the pragmas ent and the
// product rely on: foreign keys on (ent refuses to migrate without them),
// WAL for concurrent readers, a busy timeout instead of instant SQLITE_BUSY.
func SQLiteDSN(path string) string {
	return "file:" + path + "?_pragma=foreign_keys(1)&_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_txlock=immediate"
}

// Open opens url: a postgres:// URL, a sqlite DSN ("file:..."), or a path to
// a SQLite file. An empty url opens DefaultSQLitePath.
func Open(ctx context.Context, url string, opts ...Option) (*DB, error) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	var (
		drvName, dsn, dial string
	)
	switch {
	case IsPostgres(url):
		drvName, dsn, dial = "pgx", url, dialect.Postgres
	default:
		if url == "" {
			url = DefaultSQLitePath
		}
		dsn = url
		if !strings.HasPrefix(url, "file:") {
			if err := os.MkdirAll(filepath.Dir(url), 0o700); err != nil {
				return nil, fmt.Errorf("creating database folder: %w", err)
			}
			dsn = SQLiteDSN(url)
		}
		drvName, dial = "sqlite3", dialect.SQLite
	}
	sqlDB, err := sql.Open(drvName, dsn)
	if err != nil {
		return nil, fmt.Errorf("opening database: %w", err)
	}
	if dial == dialect.Postgres {
		sqlDB.SetMaxOpenConns(20)
		sqlDB.SetMaxIdleConns(10)
	} else {
		// One writer at a time is SQLite's model; a small pool keeps readers
		// concurrent under WAL while _txlock=immediate serializes writers.
		sqlDB.SetMaxOpenConns(8)
	}
	sqlDB.SetConnMaxIdleTime(5 * time.Minute)
	pingCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := sqlDB.PingContext(pingCtx); err != nil {
		sqlDB.Close()
		return nil, fmt.Errorf("connecting to database: %w", err)
	}
	var drv dialect.Driver = entsql.OpenDB(dial, sqlDB)
	if o.wrap != nil {
		drv = o.wrap(drv)
	}
	client := ent.NewClient(ent.Driver(drv))
	return &DB{Client: client, SQL: sqlDB, Dialect: dial, URL: url}, nil
}

// Close closes the client and the pool.
func (d *DB) Close() error { return d.Client.Close() }

// Ready checks the database answers, for /readyz.
func (d *DB) Ready(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	return d.SQL.PingContext(ctx)
}

// Option configures Open.
type Option func(*options)

type options struct {
	wrap func(dialect.Driver) dialect.Driver
}

// WithDriver wraps ent's driver, e.g. to count statements in tests.
func WithDriver(wrap func(dialect.Driver) dialect.Driver) Option {
	return func(o *options) { o.wrap = wrap }
}
