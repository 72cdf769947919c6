package graph_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"sync/atomic"
	"testing"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/internal/db"
	"github.com/switchboard/switchboard/internal/viewer"
)

// BenchmarkAgentsConnection measures the console's agents page on
// PostgreSQL with 10,000 agents (5 teams, 20 categories): first:100 with
// role, teams and categories through the HTTP endpoint, against one
// hand-written SQL statement returning the same rows as the baseline.
//
//	TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test?sslmode=disable \
//	  go test -run '^$' -bench AgentsConnection -benchmem ./graph/
func BenchmarkAgentsConnection(b *testing.B) {
	if os.Getenv("TEST_DATABASE_URL") == "" {
		b.Skip("needs TEST_DATABASE_URL (PostgreSQL)")
	}
	var statements atomic.Int64
	e := newBenchEnv(b, onStatement(func(string) { statements.Add(1) }))
	accountID := seedAgents(b, e.DB, 10000)
	admin := e.anon()
	admin.signInB(b, adminEmail, adminPassword)
	query := `query($id:ID!){ node(id:$id){ ... on Account { agents(first:100, orderBy:[{field:LAST_NAME},{field:FIRST_NAME}]){ totalCount edges { node { id firstName lastName username role { name } teams { name } categories { name } } } } } } }`
	vars := map[string]any{"id": fmt.Sprint(accountID)}

	b.Run("graphql", func(b *testing.B) {
		statements.Store(0)
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			admin.doB(b, query, vars)
		}
		b.ReportMetric(float64(statements.Load())/float64(b.N), "statements/op")
	})
	b.Run("sql-baseline", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			rawAgentsPage(b, e.DB.SQL, accountID)
		}
		b.ReportMetric(1, "statements/op")
	})
}

// rawAgentsPage fetches the same page in one statement: the agents with
// their role name and aggregated team and category names, plus the total.
func rawAgentsPage(b *testing.B, sqlDB *sql.DB, accountID int) {
	rows, err := sqlDB.Query(`
WITH page AS (
  SELECT id, first_name, last_name, username, role_id FROM agents
  WHERE account_id = $1 ORDER BY last_name, first_name, id LIMIT 100),
tm AS (
  SELECT x.agent_id, string_agg(t.name, ',') AS names FROM team_members x JOIN teams t ON t.id = x.team_id
  WHERE x.agent_id IN (SELECT id FROM page) GROUP BY x.agent_id),
cm AS (
  SELECT x.agent_id, string_agg(c.name, ',') AS names FROM category_agents x JOIN categories c ON c.id = x.category_id
  WHERE x.agent_id IN (SELECT id FROM page) GROUP BY x.agent_id)
SELECT p.id, p.first_name, p.last_name, p.username, r.name, COALESCE(tm.names, ''), COALESCE(cm.names, ''),
  (SELECT count(*) FROM agents WHERE account_id = $1)
FROM page p JOIN roles r ON r.id = p.role_id LEFT JOIN tm ON tm.agent_id = p.id LEFT JOIN cm ON cm.agent_id = p.id
ORDER BY p.last_name, p.first_name, p.id`, accountID)
	if err != nil {
		b.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var id, total int
		var f, l, u, role, teams, cats string
		if err := rows.Scan(&id, &f, &l, &u, &role, &teams, &cats, &total); err != nil {
			b.Fatal(err)
		}
		n++
	}
	if n != 100 {
		b.Fatalf("baseline returned %d rows", n)
	}
}

func seedAgents(b *testing.B, conn *db.DB, n int) int {
	c := conn.Client
	ctx := viewer.SystemContext(context.Background())
	tx, err := c.Tx(ctx)
	if err != nil {
		b.Fatal(err)
	}
	a, err := createAccountDirect(ctx, tx.Client(), "Bench")
	if err != nil {
		b.Fatal(err)
	}
	role := tx.Role.Query().FirstX(ctx)
	var teams []*ent.Team
	for i := 0; i < 5; i++ {
		teams = append(teams, tx.Team.Create().SetAccountID(a.ID).SetName(fmt.Sprintf("Team %d", i)).SaveX(ctx))
	}
	var cats []*ent.Category
	for i := 0; i < 20; i++ {
		cats = append(cats, tx.Category.Create().SetAccountID(a.ID).SetName(fmt.Sprintf("Category %d", i)).SaveX(ctx))
	}
	for start := 0; start < n; start += 1000 {
		bulk := make([]*ent.AgentCreate, 0, 1000)
		for i := start; i < start+1000 && i < n; i++ {
			u := fmt.Sprintf("agent%05d@bench.local", i)
			bulk = append(bulk, tx.Agent.Create().SetAccountID(a.ID).SetFirstName(fmt.Sprintf("First%05d", i)).
				SetLastName(fmt.Sprintf("Last%05d", n-i)).SetEmail(u).SetUsername(u).SetTimezone("UTC").
				SetLanguage("en-US").SetRoleID(role.ID).AddTeams(teams[i%5]).AddCategories(cats[i%20], cats[(i+7)%20]))
		}
		tx.Agent.CreateBulk(bulk...).SaveX(ctx)
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	// A production database has planner statistics; a freshly filled one
	// has none until autovacuum gets to it.
	if _, err := conn.SQL.ExecContext(ctx, "ANALYZE"); err != nil {
		b.Fatal(err)
	}
	return a.ID
}
