package db_test

import (
	"bytes"
	"context"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/switchboard/switchboard/internal/db"
	"github.com/switchboard/switchboard/internal/testdb"
	"github.com/switchboard/switchboard/internal/viewer"
)

// TestMigrationsMatchSchema fails when ent/schema changed without a
// migration: after applying every migration, ent finds nothing to change.
// Fix it with scripts/migrations.sh.
func TestMigrationsMatchSchema(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		conn := testdb.New(t, d) // applies the migrations
		drift, err := db.Drift(context.Background(), conn)
		if err != nil {
			t.Fatal(err)
		}
		if drift != "" {
			t.Fatalf("the migrations of %s do not match ent/schema; run scripts/migrations.sh. Missing:\n%s", d, drift)
		}
		if d == testdb.Postgres {
			var n int
			err := conn.SQL.QueryRow(`SELECT count(*) FROM pg_indexes WHERE tablename = 'ring_ex_users' AND indexdef LIKE '%gin_trgm_ops%'`).Scan(&n)
			if err != nil || n != 1 {
				t.Errorf("trigram search index: %d (%v)", n, err)
			}
		}
	})
}

// TestDriftSeesMissingMigration proves the guard above works: a column the
// migrations lack shows up as drift.
func TestDriftSeesMissingMigration(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		ctx := context.Background()
		conn := testdb.New(t, d)
		if _, err := conn.SQL.ExecContext(ctx, "ALTER TABLE accounts DROP COLUMN archived"); err != nil {
			t.Fatal(err)
		}
		drift, err := db.Drift(ctx, conn)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(drift, "archived") {
			t.Fatalf("drift does not mention the missing column:\n%s", drift)
		}
	})
}

// TestMigrateKeepsData: starting again on a migrated database applies
// nothing and keeps every row.
func TestMigrateKeepsData(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		ctx := viewer.SystemContext(context.Background())
		conn := testdb.New(t, d)
		acc, err := conn.Client.Account.Create().SetName("Acme").Save(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if err := db.MigrateCommand(ctx, conn, []string{"up"}, &out); err != nil {
			t.Fatal(err)
		}
		if got := strings.TrimSpace(out.String()); got != "database is up to date" {
			t.Errorf("second migrate up said %q", got)
		}
		if _, err := conn.Client.Account.Get(ctx, acc.ID); err != nil {
			t.Fatalf("account lost after migrating again: %v", err)
		}
		out.Reset()
		if err := db.MigrateCommand(ctx, conn, []string{"status"}, &out); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), "0001_init.sql") || !strings.Contains(out.String(), "0 pending") {
			t.Errorf("status:\n%s", out.String())
		}
	})
}

// TestGlobalIDRanges: each table starts at its own range from
// ent/internal/globalid.go, which node(id:) relies on.
func TestGlobalIDRanges(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		ctx := viewer.SystemContext(context.Background())
		conn := testdb.New(t, d)
		acc, err := conn.Client.Account.Create().SetName("Acme").Save(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if acc.ID>>32 != 1 {
			t.Errorf("first account id %d is outside the accounts range", acc.ID)
		}
		st, err := conn.Client.AgentState.Create().SetAccountID(acc.ID).SetLabel("Available").
			SetBaseState("AVAILABLE").Save(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.ID>>32 != 4 {
			t.Errorf("agent state id %d is outside the agent_states range", st.ID)
		}
	})
}

// TestMigrateBaselinesPreviousDatabase: a database created before
// versioned migrations (by ent's Schema.Create, the schema 0001_init
// records) is adopted, not re-created, and the later files are applied.
func TestMigrateBaselinesPreviousDatabase(t *testing.T) {
	ctx := viewer.SystemContext(context.Background())
	conn, err := db.Open(ctx, t.TempDir()+"/old.db")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	init, err := os.ReadFile("migrations/sqlite/0001_init.sql")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.SQL.ExecContext(ctx, string(init)); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.SQL.ExecContext(ctx, `INSERT INTO accounts (id, created_at, updated_at, name, max_break_minutes) VALUES (4294967296, datetime(), datetime(), 'Old', 60)`); err != nil {
		t.Fatal(err)
	}
	// A mirrored user whose regional settings an import read (0006 moves
	// them to ring_ex_regionals), and one never read.
	if _, err := conn.SQL.ExecContext(ctx, `INSERT INTO ring_ex_users (ringex_id, status, synced_at, account_id, timezone_name, timezone_bias, locale_code, regional_synced_at)
VALUES (7, 'Enabled', datetime(), 4294967296, 'US/Pacific', '-480', 'fr-CA', datetime()), (8, 'Enabled', datetime(), 4294967296, NULL, NULL, NULL, NULL)`); err != nil {
		t.Fatal(err)
	}
	// A running import with two users left (PENDING results) and one done,
	// and a finished one: 0007 keeps the running job's users and drops the
	// PENDING rows.
	if _, err := conn.SQL.ExecContext(ctx, `INSERT INTO import_jobs (id, status, selection, role_id, total, processed, created_at, account_id)
VALUES (34359738368, 'RUNNING', '{}', 1, 3, 1, datetime(), 4294967296), (34359738369, 'SUCCEEDED', '{}', 1, 1, 1, datetime(), 4294967296)`); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.SQL.ExecContext(ctx, `INSERT INTO import_results (job_id, account_id, ringex_id, outcome, updated_at)
VALUES (34359738368, 4294967296, 9, 'IMPORTED', datetime()), (34359738368, 4294967296, 7, 'PENDING', datetime()),
	(34359738368, 4294967296, 8, 'PENDING', datetime()), (34359738369, 4294967296, 7, 'FAILED', datetime())`); err != nil {
		t.Fatal(err)
	}
	if err := db.Migrate(ctx, conn); err != nil {
		t.Fatalf("migrating a pre-migrations database: %v", err)
	}
	if n := conn.Client.Account.Query().CountX(ctx); n != 1 {
		t.Fatalf("accounts after migrating: %d, want 1", n)
	}
	if n := conn.Client.RingExUser.Query().CountX(ctx); n != 2 {
		t.Fatalf("mirrored users after migrating: %d, want 2", n)
	}
	if users, err := conn.Client.ImportUsers.Query().Only(ctx); err != nil || users.JobID != 34359738368 || !slices.Equal(users.RingexIds, []int64{9, 7, 8}) {
		t.Fatalf("users of the running import after migrating: %+v, %v", users, err)
	}
	if n := conn.Client.ImportResult.Query().CountX(ctx); n != 2 {
		t.Fatalf("results after migrating: %d, want the 2 settled ones", n)
	}
	if rg, err := conn.Client.RingExRegional.Query().Only(ctx); err != nil || rg.RingexID != 7 ||
		rg.TimezoneName != "US/Pacific" || rg.TimezoneBias != "-480" || rg.LocaleCode != "fr-CA" {
		t.Fatalf("regional settings after migrating: %+v, %v", rg, err)
	}
	var out bytes.Buffer
	if err := db.MigrateCommand(ctx, conn, []string{"status"}, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "baseline") {
		t.Errorf("status:\n%s", out.String())
	}
}

// TestMigrateIsFast keeps every test's fresh database cheap.
func TestMigrateIsFast(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		start := time.Now()
		testdb.New(t, d)
		if el := time.Since(start); el > 2*time.Second {
			t.Errorf("a fresh %s database took %v", d, el)
		}
		t.Logf("fresh migrated %s database in %v", d, time.Since(start))
	})
}
