package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"time"

	"ariga.io/atlas/sql/migrate"
	"entgo.io/ent/dialect"
)

// revisionTable records which migration files a database has applied.
const revisionTable = "schema_revisions"

// revisionStore is Atlas's revision history kept in a plain table, so the
// product needs no Atlas CLI: one row per applied (or partly applied) file.
type revisionStore struct {
	db      execQuerier
	dialect string
}

var _ migrate.RevisionReadWriter = (*revisionStore)(nil)

// Ident tells Atlas which table is the history, so it does not count it as
// content when checking that a database is clean.
func (s *revisionStore) Ident() *migrate.TableIdent {
	if s.dialect == dialect.Postgres {
		return &migrate.TableIdent{Name: revisionTable, Schema: "public"}
	}
	return &migrate.TableIdent{Name: revisionTable, Schema: "main"}
}

func (s *revisionStore) init(ctx context.Context) error {
	_, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS `+revisionTable+` (
	version text PRIMARY KEY,
	description text NOT NULL,
	type integer NOT NULL,
	applied integer NOT NULL,
	total integer NOT NULL,
	executed_at text NOT NULL,
	execution_time bigint NOT NULL,
	error text NOT NULL,
	error_stmt text NOT NULL,
	hash text NOT NULL,
	partial_hashes text NOT NULL,
	operator_version text NOT NULL
)`)
	return err
}

// q rewrites ? placeholders for PostgreSQL.
func (s *revisionStore) q(query string) string {
	if s.dialect != dialect.Postgres {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteString("$")
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

const revisionColumns = `version, description, type, applied, total, executed_at, execution_time, error, error_stmt, hash, partial_hashes, operator_version`

// ReadRevisions returns every revision, oldest version first.
func (s *revisionStore) ReadRevisions(ctx context.Context) ([]*migrate.Revision, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+revisionColumns+` FROM `+revisionTable+` ORDER BY version`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*migrate.Revision
	for rows.Next() {
		r, err := scanRevision(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// ReadRevision returns one revision or migrate.ErrRevisionNotExist.
func (s *revisionStore) ReadRevision(ctx context.Context, version string) (*migrate.Revision, error) {
	r, err := scanRevision(s.db.QueryRowContext(ctx, s.q(`SELECT `+revisionColumns+` FROM `+revisionTable+` WHERE version = ?`), version))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, migrate.ErrRevisionNotExist
	}
	return r, err
}

// WriteRevision inserts or updates a revision.
func (s *revisionStore) WriteRevision(ctx context.Context, r *migrate.Revision) error {
	hashes, err := json.Marshal(r.PartialHashes)
	if err != nil {
		return err
	}
	_, err = s.db.ExecContext(ctx, s.q(`INSERT INTO `+revisionTable+` (`+revisionColumns+`)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (version) DO UPDATE SET description = excluded.description, type = excluded.type,
	applied = excluded.applied, total = excluded.total, executed_at = excluded.executed_at,
	execution_time = excluded.execution_time, error = excluded.error, error_stmt = excluded.error_stmt,
	hash = excluded.hash, partial_hashes = excluded.partial_hashes, operator_version = excluded.operator_version`),
		r.Version, r.Description, int(r.Type), r.Applied, r.Total, r.ExecutedAt.UTC().Format(time.RFC3339Nano),
		int64(r.ExecutionTime), r.Error, r.ErrorStmt, r.Hash, string(hashes), r.OperatorVersion)
	return err
}

// DeleteRevision removes a revision.
func (s *revisionStore) DeleteRevision(ctx context.Context, version string) error {
	_, err := s.db.ExecContext(ctx, s.q(`DELETE FROM `+revisionTable+` WHERE version = ?`), version)
	return err
}

func (s *revisionStore) tableExists(ctx context.Context, name string) (bool, error) {
	query := `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?`
	if s.dialect == dialect.Postgres {
		query = `SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?`
	}
	var n int
	err := s.db.QueryRowContext(ctx, s.q(query), name).Scan(&n)
	return n > 0, err
}

type scanner interface{ Scan(...any) error }

func scanRevision(sc scanner) (*migrate.Revision, error) {
	var (
		r        migrate.Revision
		typ      int
		executed string
		duration int64
		hashes   string
	)
	err := sc.Scan(&r.Version, &r.Description, &typ, &r.Applied, &r.Total, &executed, &duration,
		&r.Error, &r.ErrorStmt, &r.Hash, &hashes, &r.OperatorVersion)
	if err != nil {
		return nil, err
	}
	r.Type = migrate.RevisionType(typ)
	r.ExecutionTime = time.Duration(duration)
	if r.ExecutedAt, err = time.Parse(time.RFC3339Nano, executed); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(hashes), &r.PartialHashes); err != nil {
		return nil, err
	}
	return &r, nil
}
