package db

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"ariga.io/atlas/sql/migrate"
	"entgo.io/ent/dialect/sql/schema"
)

// MigrateCommand runs `switchboard migrate <subcommand>`:
//
//	status       list the migrations and whether each is applied
//	up           apply the pending migrations (start-up does this too)
//	diff <name>  developers: generate migrations for ent/schema changes
//	             (see scripts/migrations.sh; run from the repository root)
func MigrateCommand(ctx context.Context, conn *DB, args []string, out io.Writer) error {
	if len(args) == 0 {
		return errors.New("usage: migrate status | up | diff <name>")
	}
	switch args[0] {
	case "status":
		return migrateStatus(ctx, conn, out)
	case "up":
		applied, err := migrateUp(ctx, conn)
		if err != nil {
			return err
		}
		if len(applied) == 0 {
			fmt.Fprintln(out, "database is up to date")
		}
		for _, v := range applied {
			fmt.Fprintln(out, "applied", v)
		}
		return nil
	case "diff":
		if len(args) != 2 {
			return errors.New("usage: migrate diff <name> (" + InitMigration + " rewrites 0001_init)")
		}
		return GenerateAll(ctx, MigrationsFolder, args[1], func(s string) { fmt.Fprintln(out, s) })
	}
	return fmt.Errorf("unknown migrate subcommand %q (status, up, diff)", args[0])
}

func migrateStatus(ctx context.Context, d *DB, out io.Writer) error {
	dir, err := migrationDir(d.Dialect)
	if err != nil {
		return err
	}
	files, err := dir.Files()
	if err != nil {
		return err
	}
	conn, err := d.SQL.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	store := &revisionStore{db: conn, dialect: d.Dialect}
	if err := store.init(ctx); err != nil {
		return err
	}
	revs, err := store.ReadRevisions(ctx)
	if err != nil {
		return err
	}
	byVersion := map[string]*migrate.Revision{}
	for _, r := range revs {
		byVersion[r.Version] = r
	}
	pending := 0
	for _, f := range files {
		state := "pending"
		if r, ok := byVersion[f.Version()]; ok {
			switch {
			case r.Type == migrate.RevisionTypeBaseline:
				state = "baseline"
			case r.Error != "":
				state = fmt.Sprintf("failed at statement %d/%d: %s", r.Applied+1, r.Total, r.Error)
			case r.Applied < r.Total:
				state = fmt.Sprintf("partly applied (%d/%d)", r.Applied, r.Total)
			default:
				state = "applied " + r.ExecutedAt.Format("2006-01-02 15:04:05Z07:00")
			}
		}
		if strings.HasPrefix(state, "pending") {
			pending++
		}
		fmt.Fprintf(out, "%-40s %s\n", f.Name(), state)
	}
	fmt.Fprintf(out, "%s: %d migration(s), %d pending\n", d.Dialect, len(files), pending)
	return nil
}

// Drift returns the statements that would bring the database to the ent
// schema; empty when they match. Tests use it to prove the migrations are
// complete (drops are not considered: ent never drops columns or indexes
// unless asked, and hand-written indexes are not in the ent schema).
func Drift(ctx context.Context, d *DB) (string, error) {
	dir := &migrate.MemDir{}
	err := d.Client.Schema.NamedDiff(ctx, "drift",
		schema.WithDir(dir),
		schema.WithMigrationMode(schema.ModeInspect),
		schema.WithDialect(d.Dialect),
		schema.WithFormatter(migrate.DefaultFormatter),
		schema.WithErrNoPlan(true),
	)
	if errors.Is(err, migrate.ErrNoPlan) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	files, err := dir.Files()
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, f := range files {
		b.Write(f.Bytes())
	}
	return b.String(), nil
}
