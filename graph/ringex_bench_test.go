package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/agent"
	"github.com/switchboard/switchboard/internal/app"
	"github.com/switchboard/switchboard/internal/directory"
	"github.com/switchboard/switchboard/internal/ringex/sandbox"
	"github.com/switchboard/switchboard/internal/testdb"
	"github.com/switchboard/switchboard/internal/viewer"
)

// Benchmarks of issue #4 (run by hand, never by make test):
//
//	TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test?sslmode=disable \
//	  go test ./graph -run '^$' -bench 'RingExUsersSearch|Sync50k' -benchtime 200x
//	(Sync50k: -benchtime 1x or 3x)

// benchApp starts the product for a benchmark, signed-in admin client included.
func benchApp(b *testing.B, d testdb.Dialect) (*app.App, func(query string, vars map[string]any) []byte) {
	b.Helper()
	conn := testdb.New(b, d)
	ctx := context.Background()
	a, err := app.New(ctx, app.Config{DatabaseURL: conn.URL, DataDir: b.TempDir(), SkipJobs: true,
		AdminEmail: adminEmail, AdminPassword: adminPassword, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(a.Handler)
	b.Cleanup(func() { srv.Close(); a.Close(context.Background()) })
	jar, _ := cookiejar.New(nil)
	hc := &http.Client{Jar: jar}
	post := func(query string, vars map[string]any) []byte {
		body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
		req, _ := http.NewRequest(http.MethodPost, srv.URL+"/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Switchboard-CSRF", "1")
		res, err := hc.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		defer res.Body.Close()
		raw, _ := io.ReadAll(res.Body)
		if res.StatusCode != 200 || bytes.Contains(raw, []byte(`"errors"`)) {
			b.Fatalf("graphql %d: %s", res.StatusCode, raw)
		}
		return raw
	}
	post(`mutation($e:String!,$p:String!){ signIn(email:$e,password:$p){ viewer { user { id } } } }`,
		map[string]any{"e": adminEmail, "p": adminPassword})
	return a, post
}

// benchLink links a new account to sb and returns its id.
func benchLink(b *testing.B, a *app.App, sb *sandbox.Sandbox, url string) int {
	b.Helper()
	ctx := viewer.SystemContext(context.Background())
	acct, err := a.DB.Client.Account.Create().SetName(fmt.Sprintf("bench %d", time.Now().UnixNano())).Save(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := a.Directory.Link(ctx, acct.ID, directory.LinkInput{ServerURL: url,
		ClientID: sb.ClientID(), ClientSecret: sb.ClientSecret(), JWT: sb.AppJWT()}); err != nil {
		b.Fatal(err)
	}
	return acct.ID
}

func percentiles(d []time.Duration) (p50, p95 float64) {
	slices.Sort(d)
	ms := func(x time.Duration) float64 { return float64(x) / float64(time.Millisecond) }
	return ms(d[len(d)/2]), ms(d[len(d)*95/100])
}

// PostgreSQL, 100,000 mirrored users of which 10,000 imported:
// ringExUsers(search: "mar", first: 50) with imported and totalCount.
func BenchmarkRingExUsersSearch(b *testing.B) {
	if testing.Short() || os.Getenv("TEST_DATABASE_URL") == "" {
		b.Skip("needs TEST_DATABASE_URL; not in -short")
	}
	a, post := benchApp(b, testdb.Postgres)
	sb := sandbox.New(sandbox.Options{Users: 100_000, Seed: 1})
	srv := httptest.NewServer(sb.Handler())
	defer srv.Close()
	acct := benchLink(b, a, sb, srv.URL)
	ctx := viewer.SystemContext(context.Background())
	if _, err := a.Directory.Sync(ctx, acct); err != nil {
		b.Fatal(err)
	}
	role, err := a.DB.Client.Role.Create().SetAccountID(acct).SetName("Bench agents").Save(ctx)
	if err != nil {
		b.Fatal(err)
	}
	users := directoryUsers(sb)[:10_000]
	for i := 0; i < len(users); i += 1000 {
		var bulk []*ent.AgentCreate
		for _, u := range users[i:min(i+1000, len(users))] {
			bulk = append(bulk, a.DB.Client.Agent.Create().SetAccountID(acct).SetRoleID(role.ID).
				SetFirstName(nonEmpty(u.FirstName)).SetLastName(nonEmpty(u.LastName)).SetEmail(u.Email).
				SetUsername("bench"+strconv.FormatInt(u.ID, 10)).SetTimezone("UTC").SetLanguage("en-US").
				SetSource(agent.SourceRINGEX).SetRingexExtensionID(u.ID))
		}
		if err := a.DB.Client.Agent.CreateBulk(bulk...).Exec(ctx); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := a.DB.SQL.ExecContext(ctx, `UPDATE ring_ex_users u SET agent_id = a.id FROM agents a
		WHERE a.account_id = u.account_id AND a.ringex_extension_id = u.ringex_id`); err != nil {
		b.Fatal(err)
	}
	if _, err := a.DB.SQL.ExecContext(ctx, `ANALYZE ring_ex_users`); err != nil {
		b.Fatal(err)
	}
	q := `query($a:ID!){ ringExUsers(accountId:$a, search:"mar", first:50){ totalCount
		edges { node { id ringexID firstName lastName email extensionNumber status imported } } } }`
	vars := map[string]any{"a": strconv.Itoa(acct)}

	b.Run("http", func(b *testing.B) {
		var lat []time.Duration
		for b.Loop() {
			t0 := time.Now()
			post(q, vars)
			lat = append(lat, time.Since(t0))
		}
		p50, p95 := percentiles(lat)
		b.ReportMetric(p50, "p50-ms")
		b.ReportMetric(p95, "p95-ms")
	})
	b.Run("sql", func(b *testing.B) {
		const where = `account_id = $1 AND search_text LIKE '%mar%' AND removed = false`
		var lat []time.Duration
		for b.Loop() {
			t0 := time.Now()
			var n int
			if err := a.DB.SQL.QueryRowContext(ctx, `SELECT count(*) FROM ring_ex_users WHERE `+where, acct).Scan(&n); err != nil {
				b.Fatal(err)
			}
			rows, err := a.DB.SQL.QueryContext(ctx, `SELECT id, ringex_id, first_name, last_name, email, extension_number,
				status, agent_id FROM ring_ex_users WHERE `+where+` ORDER BY last_name, first_name, id LIMIT 51`, acct)
			if err != nil {
				b.Fatal(err)
			}
			for rows.Next() {
			}
			rows.Close()
			lat = append(lat, time.Since(t0))
		}
		p50, p95 := percentiles(lat)
		b.ReportMetric(p50, "p50-ms")
		b.ReportMetric(p95, "p95-ms")
	})
}

func nonEmpty(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// Sync of 50,000 users with rate limits off: wall time, and exactly
// ceil(N/1000) list requests. Each iteration syncs a new account from empty.
func BenchmarkSync50k(b *testing.B) {
	if testing.Short() {
		b.Skip("not in -short")
	}
	for _, d := range testdb.Dialects() {
		b.Run(string(d), func(b *testing.B) {
			a, _ := benchApp(b, d)
			sb := sandbox.New(sandbox.Options{Users: 50_000, Seed: 1})
			srv := httptest.NewServer(sb.Handler())
			defer srv.Close()
			n := len(directoryUsers(sb))
			wantPages := int64((n + 999) / 1000)
			ctx := viewer.SystemContext(context.Background())
			for b.Loop() {
				b.StopTimer()
				acct := benchLink(b, a, sb, srv.URL)
				sb.ResetCounters()
				b.StartTimer()
				res, err := a.Directory.Sync(ctx, acct)
				if err != nil {
					b.Fatal(err)
				}
				if got := sb.Counters().Requests[sandbox.EndpointList]; got != wantPages || res.Users != n {
					b.Fatalf("list requests %d (want %d), users %d (want %d)", got, wantPages, res.Users, n)
				}
			}
			b.ReportMetric(float64(wantPages), "list-requests")
		})
	}
}
