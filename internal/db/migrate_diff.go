package db

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"ariga.io/atlas/sql/migrate"
	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql/schema"
)

// InitMigration is the single generated migration while the product is
// unreleased; regenerating rewrites it instead of adding files.
const InitMigration = "init"

// GenerateMigration writes the migration that brings the files in dirPath up
// to the ent schema, computed by replaying them on an empty dev database of
// the dialect (devURL: a SQLite DSN, or the PostgreSQL server on which a
// temporary database is created and dropped). name InitMigration rewrites
// 0001_init and keeps every other file (hand-written ones such as the
// PostgreSQL search index); any other name adds the next numbered file. It
// returns the file written, or "" when the schema already matches.
func GenerateMigration(ctx context.Context, dial, devURL, dirPath, name string) (string, error) {
	if dial == dialect.Postgres {
		dbURL, drop, err := tempPostgresDatabase(ctx, devURL)
		if err != nil {
			return "", err
		}
		defer drop()
		devURL = dbURL
	}
	dev, err := Open(ctx, devURL)
	if err != nil {
		return "", err
	}
	defer dev.Close()

	if err := os.MkdirAll(dirPath, 0o755); err != nil {
		return "", err
	}
	rewrite := name == InitMigration
	var kept map[string][]byte
	if rewrite {
		// Generate 0001_init from nothing, then put the other files back.
		if kept, err = takeFiles(dirPath); err != nil {
			return "", err
		}
	}
	ld, err := migrate.NewLocalDir(dirPath)
	if err != nil {
		return "", err
	}
	before, err := fileNames(ld)
	if err != nil {
		return "", err
	}
	err = dev.Client.Schema.NamedDiff(ctx, name,
		schema.WithDir(ld),
		schema.WithMigrationMode(schema.ModeReplay),
		schema.WithDialect(dial),
		schema.WithFormatter(migrate.DefaultFormatter),
		schema.WithErrNoPlan(true),
	)
	written := ""
	switch {
	case errors.Is(err, migrate.ErrNoPlan):
	case err != nil:
		return "", fmt.Errorf("diffing %s: %w", dial, err)
	default:
		if written, err = renumber(ld, before, name, rewrite); err != nil {
			return "", err
		}
	}
	for n, b := range kept {
		if err := os.WriteFile(filepath.Join(dirPath, n), b, 0o644); err != nil {
			return "", err
		}
	}
	sum, err := ld.Checksum()
	if err != nil {
		return "", err
	}
	return written, migrate.WriteSumFile(ld, sum)
}

// takeFiles removes every file but 0001_init.sql from dir and returns them.
func takeFiles(dir string) (map[string][]byte, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	kept := map[string][]byte{}
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		if e.Name() != "atlas.sum" && e.Name() != "0001_"+InitMigration+".sql" {
			b, err := os.ReadFile(p)
			if err != nil {
				return nil, err
			}
			kept[e.Name()] = b
		}
		if err := os.Remove(p); err != nil {
			return nil, err
		}
	}
	return kept, nil
}

func fileNames(d migrate.Dir) (map[string]bool, error) {
	files, err := d.Files()
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, f := range files {
		out[f.Name()] = true
	}
	return out, nil
}

// renumber gives the file Atlas just wrote (named by timestamp) the next
// sequential version, so versions read 0001, 0002, ... in review.
func renumber(ld *migrate.LocalDir, before map[string]bool, name string, rewrite bool) (string, error) {
	files, err := ld.Files()
	if err != nil {
		return "", err
	}
	var created string
	versions := []int{0}
	for _, f := range files {
		if before[f.Name()] {
			if v, err := strconv.Atoi(f.Version()); err == nil {
				versions = append(versions, v)
			}
			continue
		}
		created = f.Name()
	}
	if created == "" {
		return "", errors.New("atlas wrote no migration file")
	}
	sort.Ints(versions)
	next := versions[len(versions)-1] + 1
	if rewrite {
		next = 1
	}
	target := fmt.Sprintf("%04d_%s.sql", next, name)
	if err := os.Rename(filepath.Join(ld.Path(), created), filepath.Join(ld.Path(), target)); err != nil {
		return "", err
	}
	return target, nil
}

// tempPostgresDatabase creates an empty database on the server of serverURL
// and returns its URL and a function dropping it.
func tempPostgresDatabase(ctx context.Context, serverURL string) (string, func(), error) {
	if serverURL == "" {
		return "", nil, errors.New("PostgreSQL migrations need a dev server: set DEV_DATABASE_URL or TEST_DATABASE_URL")
	}
	admin, err := sql.Open("pgx", serverURL)
	if err != nil {
		return "", nil, err
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	name := "sbdev_" + hex.EncodeToString(b)
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		admin.Close()
		return "", nil, fmt.Errorf("creating dev database: %w", err)
	}
	drop := func() {
		_, _ = admin.ExecContext(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
		admin.Close()
	}
	u, err := url.Parse(serverURL)
	if err != nil {
		drop()
		return "", nil, err
	}
	u.Path = "/" + name
	return u.String(), drop, nil
}

// devServerURL is the PostgreSQL server developers generate migrations on.
func devServerURL() string {
	if u := os.Getenv("DEV_DATABASE_URL"); u != "" {
		return u
	}
	return os.Getenv("TEST_DATABASE_URL")
}

// devSQLiteURL is an empty in-memory SQLite database.
const devSQLiteURL = "file:dev?mode=memory&cache=shared&_pragma=foreign_keys(1)"

// MigrationsFolder is where the migrations live, relative to the repository.
const MigrationsFolder = "internal/db/migrations"

// RehashAll rewrites both dialects' atlas.sum, for hand-written files (SQL
// that ent cannot express, such as PostgreSQL triggers and trigram indexes).
func RehashAll(root string) error {
	for _, folder := range []string{"sqlite", "postgres"} {
		ld, err := migrate.NewLocalDir(filepath.Join(root, folder))
		if err != nil {
			return err
		}
		sum, err := ld.Checksum()
		if err != nil {
			return err
		}
		if err := migrate.WriteSumFile(ld, sum); err != nil {
			return fmt.Errorf("%s: %w", folder, err)
		}
	}
	return nil
}

// GenerateAll runs GenerateMigration for both dialects into root (the
// repository's MigrationsFolder) and reports what it wrote to out.
func GenerateAll(ctx context.Context, root, name string, report func(string)) error {
	if strings.ContainsAny(name, " /\\.") || name == "" {
		return fmt.Errorf("migration name %q: use letters, digits and underscores", name)
	}
	for _, d := range []struct{ dial, folder, url string }{
		{dialect.SQLite, "sqlite", devSQLiteURL},
		{dialect.Postgres, "postgres", devServerURL()},
	} {
		f, err := GenerateMigration(ctx, d.dial, d.url, filepath.Join(root, d.folder), name)
		if err != nil {
			return fmt.Errorf("%s: %w", d.folder, err)
		}
		if f == "" {
			report(d.folder + ": schema unchanged, no file written")
		} else {
			report(d.folder + ": wrote " + f)
		}
	}
	return nil
}
