package db

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"

	"ariga.io/atlas/sql/migrate"
	atpostgres "ariga.io/atlas/sql/postgres"
	atsqlite "ariga.io/atlas/sql/sqlite"
	"entgo.io/ent/dialect"
)

// migrationFiles holds the versioned migrations, one folder per dialect,
// generated from ent/schema by scripts/migrations.sh (Atlas format).
//
//go:embed migrations
var migrationFiles embed.FS

// migrationLockKey serializes PostgreSQL migrations when several instances
// start at once (an arbitrary constant: "sbmigr" in hex).
const migrationLockKey = 0x73626d69677200

// dialectFolder names the migrations folder of an ent dialect.
func dialectFolder(d string) (string, error) {
	switch d {
	case dialect.SQLite:
		return "sqlite", nil
	case dialect.Postgres:
		return "postgres", nil
	}
	return "", fmt.Errorf("no migrations for dialect %q", d)
}

// migrationDir loads the embedded migrations of a dialect into an Atlas
// directory (with its atlas.sum, so a hand-edited file is refused).
func migrationDir(d string) (*migrate.MemDir, error) {
	folder, err := dialectFolder(d)
	if err != nil {
		return nil, err
	}
	root := path.Join("migrations", folder)
	entries, err := fs.ReadDir(migrationFiles, root)
	if err != nil {
		return nil, err
	}
	dir := &migrate.MemDir{}
	for _, e := range entries {
		b, err := fs.ReadFile(migrationFiles, path.Join(root, e.Name()))
		if err != nil {
			return nil, err
		}
		if err := dir.WriteFile(e.Name(), b); err != nil {
			return nil, err
		}
	}
	if err := migrate.Validate(dir); err != nil {
		return nil, fmt.Errorf("migrations of %s: %w", folder, err)
	}
	return dir, nil
}

// Migrate applies the pending versioned migrations. Only files not yet
// recorded in schema_revisions run, so an existing database keeps its data.
// On PostgreSQL all pending files run in one transaction under an advisory
// lock: either the database moves to the new version or it stays as it was.
// SQLite runs them on one dedicated connection without an outer transaction,
// because table rebuilds there switch foreign keys off, which SQLite ignores
// inside a transaction; a failure resumes at the failed statement next time.
func Migrate(ctx context.Context, d *DB) error {
	_, err := migrateUp(ctx, d)
	return err
}

// migrateUp applies pending migrations and returns the versions it applied.
func migrateUp(ctx context.Context, d *DB) ([]string, error) {
	var applied []string
	err := withMigrator(ctx, d, func(ctx context.Context, ex *migrate.Executor) error {
		pending, err := ex.Pending(ctx)
		if errors.Is(err, migrate.ErrNoPendingFiles) {
			return nil
		}
		if err != nil {
			return err
		}
		for _, f := range pending {
			if err := ex.Execute(ctx, f); err != nil {
				return err
			}
			applied = append(applied, f.Version())
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("migrating: %w", err)
	}
	return applied, nil
}

// withMigrator runs fn with an Atlas executor over one connection (and, on
// PostgreSQL, one locked transaction committed when fn succeeds).
func withMigrator(ctx context.Context, d *DB, fn func(context.Context, *migrate.Executor) error) (err error) {
	dir, err := migrationDir(d.Dialect)
	if err != nil {
		return err
	}
	conn, err := d.SQL.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	var eq execQuerier = conn
	if d.Dialect == dialect.Postgres {
		tx, err := conn.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		defer func() {
			if err != nil {
				_ = tx.Rollback()
			}
		}()
		if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock($1)", migrationLockKey); err != nil {
			return err
		}
		eq = tx
		defer func() {
			if err == nil {
				err = tx.Commit()
			}
		}()
	}
	store := &revisionStore{db: eq, dialect: d.Dialect}
	if err := store.init(ctx); err != nil {
		return err
	}
	var drv migrate.Driver
	if d.Dialect == dialect.Postgres {
		drv, err = atpostgres.Open(eq)
	} else {
		drv, err = atsqlite.Open(eq)
	}
	if err != nil {
		return err
	}
	opts, err := firstRunOptions(ctx, store, dir)
	if err != nil {
		return err
	}
	ex, err := migrate.NewExecutor(drv, dir, store, opts...)
	if err != nil {
		return err
	}
	return fn(ctx, ex)
}

// firstRunOptions decides how to start on a database without revisions: a
// database created before versioned migrations existed (it already has the
// product's tables) is baselined at the first file instead of re-created;
// any other database (empty, or holding only other tools' tables such as
// River's) gets every file.
func firstRunOptions(ctx context.Context, store *revisionStore, dir migrate.Dir) ([]migrate.ExecutorOption, error) {
	revs, err := store.ReadRevisions(ctx)
	if err != nil || len(revs) > 0 {
		return nil, err
	}
	exists, err := store.tableExists(ctx, "accounts")
	if err != nil {
		return nil, err
	}
	if !exists {
		return []migrate.ExecutorOption{migrate.WithAllowDirty(true)}, nil
	}
	files, err := dir.Files()
	if err != nil || len(files) == 0 {
		return nil, err
	}
	return []migrate.ExecutorOption{migrate.WithBaselineVersion(files[0].Version())}, nil
}

// execQuerier is what both *sql.Conn and *sql.Tx offer.
type execQuerier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}
