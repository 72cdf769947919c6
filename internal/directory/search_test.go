package directory_test

import (
	"context"
	"strings"
	"testing"

	"github.com/switchboard/switchboard/internal/directory"
	"github.com/switchboard/switchboard/internal/testdb"
)

// On PostgreSQL, search is served by the trigram index, not a sequential scan.
func TestEnsureSearchIndex(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		conn := testdb.New(t, d)
		ctx := context.Background()
		for range 2 { // idempotent
			if err := directory.EnsureSearchIndex(ctx, conn); err != nil {
				t.Fatal(err)
			}
		}
		if d != testdb.Postgres {
			return
		}
		c, err := conn.SQL.Conn(ctx) // one session for SET and EXPLAIN
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		// An empty table would be scanned whatever the indexes.
		if _, err := c.ExecContext(ctx, `SET enable_seqscan = off`); err != nil {
			t.Fatal(err)
		}
		rows, err := c.QueryContext(ctx, `EXPLAIN SELECT id FROM ring_ex_users WHERE search_text LIKE '%mar%'`)
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
		if !strings.Contains(plan.String(), "ringexuser_search_text_trgm") {
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
