package importer_test

import (
	"context"
	"strconv"
	"testing"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/auditevent"
	"github.com/switchboard/switchboard/ent/importjob"
	"github.com/switchboard/switchboard/internal/importer"
	"github.com/switchboard/switchboard/internal/testdb"
)

// Every import is in the audit log: who started it with what selection,
// role, teams and categories, and how it ended (status and counts), one
// event each, for a finished and for a cancelled import.
func TestImportIsAudited(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		f := newFixture(t, d, fixtureOpts{users: 40})
		chosen := ids(f.users()[:30])
		setup := must[int](t)(f.db.Client.AuditEvent.Query().Aggregate(ent.Max(auditevent.FieldID)).Int(f.sys))
		job := f.importNow(f.input(importer.Selection{IDs: chosen}))

		start := f.auditEvent(job.ID, importer.ActionStart)
		if start.Actor != "lead@acme.test" || start.ActorUserID == nil || *start.ActorUserID != 42 ||
			start.AccountID == nil || *start.AccountID != f.acc.ID || start.TargetType != "ImportJob" {
			t.Fatalf("start event: %+v", start)
		}
		ch := start.Changes
		sel, _ := ch["selection"].(map[string]any)
		if got, _ := sel["ids"].([]any); len(got) != len(chosen) {
			t.Fatalf("start selection: %v", ch["selection"])
		}
		if num(ch["roleId"]) != f.role.ID || num(ch["total"]) != 30 || len(ch["teamIds"].([]any)) != 2 || len(ch["categoryIds"].([]any)) != 1 {
			t.Fatalf("start changes: %v", ch)
		}

		fin := f.auditEvent(job.ID, importer.ActionFinish)
		ch = fin.Changes
		if ch["status"] != string(importjob.StatusSUCCEEDED) || num(ch["imported"]) != job.ImportedCount ||
			num(ch["failed"]) != job.FailedCount || num(ch["alreadyImported"]) != job.AlreadyImportedCount ||
			num(ch["processed"]) != 30 || job.ImportedCount == 0 || ch["startedBy"] != "lead@acme.test" {
			t.Fatalf("finish changes %v, job %+v", ch, job)
		}

		// Nothing else: the importer's bookkeeping (the job's users, the
		// regional settings it read, its results) is not logged row by row.
		byAction := map[string]int{}
		for _, e := range must[[]*ent.AuditEvent](t)(f.db.Client.AuditEvent.Query().
			Where(auditevent.IDGT(setup)).All(f.sys)) {
			byAction[e.Action]++
		}
		if len(byAction) != 3 || byAction["agent.create"] != job.ImportedCount {
			t.Fatalf("audit events by action: %v (imported %d)", byAction, job.ImportedCount)
		}

		// A cancelled job ends with its own event too.
		queued := must[*ent.ImportJob](t)(f.svc.Start(f.importer(), f.input(importer.Selection{IDs: chosen[:5]})))
		must[*ent.ImportJob](t)(f.svc.Cancel(f.importer(), queued.ID))
		if err := f.svc.Run(context.Background(), queued.ID); err != nil {
			t.Fatal(err)
		}
		if ch := f.auditEvent(queued.ID, importer.ActionFinish).Changes; ch["status"] != string(importjob.StatusCANCELLED) || num(ch["failed"]) != 5 {
			t.Fatalf("cancelled finish changes: %v", ch)
		}
	})
}

// auditEvent returns the one event of action about the job.
func (f *fixture) auditEvent(jobID int, action string) *ent.AuditEvent {
	f.t.Helper()
	evs := must[[]*ent.AuditEvent](f.t)(f.db.Client.AuditEvent.Query().
		Where(auditevent.Action(action), auditevent.TargetID(strconv.Itoa(jobID))).All(f.sys))
	if len(evs) != 1 {
		f.t.Fatalf("%d %s events for job %d", len(evs), action, jobID)
	}
	return evs[0]
}

// num reads a JSON number back from an event's changes.
func num(v any) int {
	f, _ := v.(float64)
	return int(f)
}
