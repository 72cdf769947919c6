package audit_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/agent"
	"github.com/switchboard/switchboard/ent/auditevent"
	"github.com/switchboard/switchboard/internal/audit"
	"github.com/switchboard/switchboard/internal/perm"
	"github.com/switchboard/switchboard/internal/testdb"
	"github.com/switchboard/switchboard/internal/viewer"
)

type fixture struct {
	client  *ent.Client
	sys     context.Context
	user    context.Context // a signed-in platform administrator
	account int
	agent   *ent.Agent
}

func setup(t *testing.T, d testdb.Dialect) *fixture {
	t.Helper()
	conn := testdb.New(t, d)
	audit.Register(conn.Client)
	f := &fixture{client: conn.Client, sys: viewer.SystemContext(context.Background())}
	acc := conn.Client.Account.Create().SetName("Acme").SaveX(f.sys)
	role := conn.Client.Role.Create().SetAccountID(acc.ID).SetName("Agent").SaveX(f.sys)
	f.agent = conn.Client.Agent.Create().SetAccountID(acc.ID).SetRoleID(role.ID).
		SetFirstName("Ada").SetLastName("Lovelace").SetEmail("ada@acme.test").SetUsername("ada").
		SetPasswordHash("$argon2id$SECRET-AGENT-HASH").SetTimezone("UTC").SetLanguage("en-US").SaveX(f.sys)
	f.account = acc.ID
	f.user = viewer.NewContext(context.Background(), &viewer.Viewer{UserID: 7, Email: "manager@acme.test", PlatformAdmin: true})
	return f
}

func (f *fixture) events(t *testing.T, action string) []*ent.AuditEvent {
	t.Helper()
	evs, err := f.client.AuditEvent.Query().Where(auditevent.Action(action)).All(f.sys)
	if err != nil {
		t.Fatal(err)
	}
	return evs
}

// TestUpdateRecordsBeforeAfter: an agent update in a transaction writes one
// event with actor, account, target and only the changed fields.
func TestUpdateRecordsBeforeAfter(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		f := setup(t, d)
		tx, err := f.client.Tx(f.user)
		if err != nil {
			t.Fatal(err)
		}
		if err := tx.Agent.UpdateOneID(f.agent.ID).SetFirstName("Augusta").SetLastName("Lovelace").Exec(f.user); err != nil {
			t.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		evs := f.events(t, "agent.update")
		if len(evs) != 1 {
			t.Fatalf("got %d agent.update events, want 1", len(evs))
		}
		e := evs[0]
		if e.Actor != "manager@acme.test" || e.ActorUserID == nil || *e.ActorUserID != 7 {
			t.Errorf("actor = %q / %v", e.Actor, e.ActorUserID)
		}
		if e.AccountID == nil || *e.AccountID != f.account || e.TargetType != "Agent" || e.TargetID != itoa(f.agent.ID) {
			t.Errorf("account %v, target %s %s", e.AccountID, e.TargetType, e.TargetID)
		}
		want := map[string]any{"first_name": map[string]any{"before": "Ada", "after": "Augusta"}}
		if got := jsonOf(t, e.Changes); got != jsonOf(t, want) {
			t.Errorf("changes = %s, want %s (unchanged last_name and updated_at left out)", got, jsonOf(t, want))
		}
	})
}

// TestFailedTransactionLeavesNoEvent: the event is in the change's
// transaction, so a mutation that fails later in it leaves no trace.
func TestFailedTransactionLeavesNoEvent(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		f := setup(t, d)
		tx, err := f.client.Tx(f.user)
		if err != nil {
			t.Fatal(err)
		}
		if err := tx.Agent.UpdateOneID(f.agent.ID).SetFirstName("Augusta").Exec(f.user); err != nil {
			t.Fatal(err)
		}
		// Empty first names are refused: the request fails and rolls back.
		if err := tx.Agent.UpdateOneID(f.agent.ID).SetFirstName("").Exec(f.user); err == nil {
			t.Fatal("empty first name accepted")
		}
		if err := tx.Rollback(); err != nil {
			t.Fatal(err)
		}
		if evs := f.events(t, "agent.update"); len(evs) != 0 {
			t.Fatalf("%d events survived the rollback", len(evs))
		}
		// A mutation refused outright records nothing either.
		readOnly := viewer.NewContext(context.Background(), &viewer.Viewer{UserID: 8, Email: "ro@acme.test",
			TokenID: 99, ReadOnly: true, Accounts: map[int]perm.Set{f.account: perm.NewSet(perm.ReadAgents)}})
		if err := f.client.Agent.UpdateOneID(f.agent.ID).SetFirstName("X").Exec(readOnly); err == nil {
			t.Fatal("update with a read-only token accepted")
		}
		if evs := f.events(t, "agent.update"); len(evs) != 0 {
			t.Fatalf("refused update recorded %d events", len(evs))
		}
	})
}

// TestSecretsNeverRecorded: password hashes, token hashes and RingEX
// secrets never reach the log, whatever the operation.
func TestSecretsNeverRecorded(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		f := setup(t, d)
		user := f.client.ConsoleUser.Create().SetEmail("u@acme.test").SetName("U").
			SetPasswordHash("SECRET-USER-HASH").SaveX(f.user)
		f.client.ConsoleUser.UpdateOne(user).SetPasswordHash("SECRET-USER-HASH-2").ExecX(f.user)
		f.client.Agent.UpdateOneID(f.agent.ID).SetPasswordHash("SECRET-AGENT-HASH-2").ExecX(f.user)
		tok := f.client.APIToken.Create().SetAccountID(f.account).SetUserID(user.ID).SetName("ci").
			SetTokenHash("SECRET-TOKEN-HASH").SetPrefix("sb_abc").SetScope("FULL").SaveX(f.sys)
		link := f.client.RingExLink.Create().SetAccountID(f.account).SetServerURL("https://ringex.test").
			SetClientID("cid").SetClientSecretEnc("SECRET-CLIENT").SetJwtEnc("SECRET-JWT").SaveX(f.sys)
		f.client.RingExLink.UpdateOne(link).SetJwtEnc("SECRET-JWT-2").ExecX(f.sys)
		f.client.RingExLink.DeleteOne(link).ExecX(f.sys)
		f.client.APIToken.DeleteOne(tok).ExecX(f.sys)
		f.client.Agent.DeleteOneID(f.agent.ID).ExecX(f.sys)

		evs := f.client.AuditEvent.Query().AllX(f.sys)
		all := jsonOf(t, evs)
		if strings.Contains(all, "SECRET") {
			t.Fatalf("a secret reached the audit log: %s", all)
		}
		for _, action := range []string{"consoleUser.update", "agent.update", "ringExLink.update"} {
			evs := f.events(t, action)
			if len(evs) != 1 {
				t.Errorf("%s: %d events, want 1 (a secret change is still recorded, without value)", action, len(evs))
			}
		}
		if evs := f.events(t, "agent.delete"); len(evs) != 1 || jsonOf(t, evs[0].Changes) == "null" ||
			!strings.Contains(jsonOf(t, evs[0].Changes), `"before":"Lovelace"`) {
			t.Errorf("agent.delete events: %s", jsonOf(t, evs))
		}
	})
}

// TestQuietWrites: bookkeeping (sign-in times), the RingEX mirror and the
// log itself are not audited row by row; system writes are labelled.
func TestQuietWrites(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		f := setup(t, d)
		before := f.client.AuditEvent.Query().CountX(f.sys)
		f.client.Agent.UpdateOneID(f.agent.ID).SetLastSignedInAt(f.agent.CreatedAt).ExecX(f.sys)
		f.client.RingExUser.Create().SetAccountID(f.account).SetRingexID(1).SetStatus("Enabled").ExecX(f.sys)
		if n := f.client.AuditEvent.Query().CountX(f.sys); n != before {
			t.Errorf("bookkeeping and mirror writes recorded %d events", n-before)
		}
		created := f.events(t, "account.create")
		if len(created) != 1 || created[0].Actor != "system" || created[0].AccountID == nil || *created[0].AccountID != f.account {
			t.Errorf("account.create events: %s", jsonOf(t, created))
		}
	})
}

// TestRecordSummaryByToken: Record writes a hand-made summary (the
// importer's) labelled with the API token that asked for it.
func TestRecordSummaryByToken(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		f := setup(t, d)
		user := f.client.ConsoleUser.Create().SetEmail("u@acme.test").SetName("U").SetPasswordHash("x").SaveX(f.sys)
		tok := f.client.APIToken.Create().SetAccountID(f.account).SetUserID(user.ID).SetName("nightly import").
			SetTokenHash("h").SetPrefix("sb_abc").SetScope("FULL").SaveX(f.sys)
		ctx := viewer.NewContext(context.Background(), &viewer.Viewer{UserID: user.ID, Email: "u@acme.test", TokenID: tok.ID,
			Accounts: map[int]perm.Set{f.account: perm.NewSet(perm.ImportAgents)}})
		err := audit.Record(ctx, f.client, audit.Event{AccountID: f.account, Action: "import.finish", TargetType: "ImportJob",
			TargetID: 42, Changes: map[string]any{"created": 3, "failed": 1}})
		if err != nil {
			t.Fatal(err)
		}
		evs := f.events(t, "import.finish")
		if len(evs) != 1 {
			t.Fatalf("%d events", len(evs))
		}
		e := evs[0]
		if e.Actor != "token nightly import (u@acme.test)" || e.ActorTokenID == nil || *e.ActorTokenID != tok.ID || e.TargetID != "42" {
			t.Errorf("event: %s", jsonOf(t, e))
		}
	})
}

// TestEventsAreReadOnly: nobody edits the log, not even through ent.
func TestEventsAreReadOnly(t *testing.T) {
	f := setup(t, testdb.SQLite)
	e := f.client.AuditEvent.Query().FirstX(f.sys)
	member := viewer.NewContext(context.Background(), &viewer.Viewer{UserID: 8, Email: "m@acme.test",
		Accounts: map[int]perm.Set{f.account: perm.All()}})
	err := f.client.AuditEvent.DeleteOne(e).Exec(member)
	if err == nil || errors.Is(err, context.Canceled) {
		t.Fatalf("a user deleted an audit event: %v", err)
	}
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

// TestBulkUpdateReadsRowsOnce: a bulk update of several agents records each
// agent's before and after, reading the old rows in one query, not one per
// row.
func TestBulkUpdateReadsRowsOnce(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		conn := testdb.New(t, d)
		var counting atomic.Bool
		var agentReads atomic.Int64
		drv := dialect.DebugWithContext(entsql.OpenDB(conn.Dialect, conn.SQL), func(_ context.Context, args ...any) {
			if s := fmt.Sprint(args...); counting.Load() && strings.Contains(s, "SELECT") && strings.Contains(s, "agents") {
				agentReads.Add(1)
			}
		})
		client := ent.NewClient(ent.Driver(drv))
		audit.Register(client)
		sys := viewer.SystemContext(context.Background())
		acc := client.Account.Create().SetName("Acme").SaveX(sys)
		role := client.Role.Create().SetAccountID(acc.ID).SetName("Agent").SaveX(sys)
		for i := range 5 {
			client.Agent.Create().SetAccountID(acc.ID).SetRoleID(role.ID).SetFirstName("A").SetLastName(fmt.Sprint(i)).
				SetEmail(fmt.Sprintf("a%d@acme.test", i)).SetUsername(fmt.Sprintf("a%d", i)).SetTimezone("UTC").SetLanguage("en-US").ExecX(sys)
		}
		user := viewer.NewContext(context.Background(), &viewer.Viewer{UserID: 7, Email: "manager@acme.test", PlatformAdmin: true})
		counting.Store(true)
		n, err := client.Agent.Update().Where(agent.AccountID(acc.ID)).SetFirstName("B").Save(user)
		counting.Store(false)
		if err != nil || n != 5 {
			t.Fatalf("bulk update: %d rows, %v", n, err)
		}
		evs := client.AuditEvent.Query().Where(auditevent.Action("agent.update")).AllX(sys)
		if len(evs) != 5 {
			t.Fatalf("%d agent.update events, want 5", len(evs))
		}
		for _, e := range evs {
			ch, _ := e.Changes["first_name"].(map[string]any)
			if ch["before"] != "A" || ch["after"] != "B" {
				t.Errorf("event for agent %v: first_name %v, want A -> B", e.TargetID, e.Changes["first_name"])
			}
		}
		// The ids to update, then the old rows: two reads of agents.
		if got := agentReads.Load(); got != 2 {
			t.Errorf("%d reads of agents for a bulk update of 5, want 2 (ids, then the rows at once)", got)
		}
	})
}
