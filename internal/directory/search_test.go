package directory_test

import (
	"context"
	"strings"
	"testing"

	"github.com/switchboard/switchboard/internal/directory"
	"github.com/switchboard/switchboard/internal/testdb"
	"github.com/switchboard/switchboard/internal/viewer"
)

// On PostgreSQL, a selective search is served by the trigram index, not a
// sequential scan.
func TestSearchIndex(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		conn := testdb.New(t, d)
		ctx := context.Background()
		if d != testdb.Postgres {
			return
		}
		acct, err := conn.Client.Account.Create().SetName("Search").Save(viewer.SystemContext(ctx))
		if err != nil {
			t.Fatal(err)
		}
		// 5,000 users, ten of them matching "mar"; planner statistics on.
		if _, err := conn.SQL.ExecContext(ctx, `INSERT INTO ring_ex_users (account_id, ringex_id, status, synced_at, search_text)
			SELECT $1, g, 'Enabled', now(), md5(g::text) || CASE WHEN g % 500 = 0 THEN ' mary' ELSE '' END
			FROM generate_series(1, 5000) g`, acct.ID); err != nil {
			t.Fatal(err)
		}
		// As a sync does: merge the index's pending list, then statistics.
		if _, err := conn.SQL.ExecContext(ctx, `SELECT gin_clean_pending_list('ringexuser_search_text_trgm'::regclass)`); err != nil {
			t.Fatal(err)
		}
		if _, err := conn.SQL.ExecContext(ctx, `ANALYZE ring_ex_users`); err != nil {
			t.Fatal(err)
		}
		c, err := conn.SQL.Conn(ctx) // one session for SET and EXPLAIN
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		// A table this small is cheaper to scan whatever the indexes.
		if _, err := c.ExecContext(ctx, `SET enable_seqscan = off`); err != nil {
			t.Fatal(err)
		}
		rows, err := c.QueryContext(ctx, `EXPLAIN SELECT count(*) FROM ring_ex_users WHERE account_id = $1 AND search_text LIKE '%mar%' AND NOT removed`, acct.ID)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var plan strings.Builder
		for rows.Next() {
			var line string
			rows.Scan(&line)
			plan.WriteString(line + "\n")
		}
		p := plan.String()
		if !strings.Contains(p, "ringexuser_search_text_trgm") || !strings.Contains(p, "account_id =") {
			t.Fatalf("search does not use the trigram index:\n%s", plan.String())
		}
	})
}

func TestSearchText(t *testing.T) {
	got := directory.SearchText("María", "García", "maria.garcia@x.com", "1042", "maria.garcia@x.com")
	if got != "maría garcía maria.garcia@x.com 1042" {
		t.Fatalf("SearchText = %q", got)
	}
}
