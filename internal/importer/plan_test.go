package importer

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/internal/locale"
)

func TestPlan(t *testing.T) {
	ext := func(id int64) *int64 { return &id }
	pl := newPlanner(&ent.Account{ID: 1, DefaultTimezone: "Europe/Berlin", DefaultLanguage: "de-DE"})
	pl.byRingEx[100] = &ent.Agent{ID: 9, AccountID: 1, RingexExtensionID: ext(100)}
	pl.byUsername["taken@x.test"] = &ent.Agent{ID: 10, AccountID: 2}
	pl.byUsername["manual@x.test"] = &ent.Agent{ID: 11, AccountID: 1}
	// Read committed race: the username lookup saw the agent another import
	// just created for this very user.
	pl.byUsername["race@x.test"] = &ent.Agent{ID: 12, AccountID: 1, RingexExtensionID: ext(107)}
	pacific := &regional{"US/Pacific", "-480", "fr-CA"}
	enabled := func(id int64, email string) person {
		return person{RingExID: id, FirstName: "Ana", LastName: "Lopez", Email: email, Status: "Enabled", Regional: pacific}
	}
	cases := []struct {
		name    string
		p       person
		outcome Outcome
		code    string
	}{
		{"imports", enabled(101, " Ana.Lopez@X.test "), OutcomeImport, ""},
		{"already imported wins over everything", person{RingExID: 100, Status: "Disabled", Removed: true}, OutcomeAlreadyImported, ""},
		{"removed", person{RingExID: 102, Status: "Enabled", Email: "a@x.test", Removed: true}, OutcomeFail, CodeRemoved},
		{"disabled", person{RingExID: 103, Status: "Frozen", Email: "a@x.test"}, OutcomeFail, CodeDisabled},
		{"no email", enabled(104, ""), OutcomeFail, CodeNoEmail},
		{"taken in another account", enabled(105, "TAKEN@x.test"), OutcomeFail, CodeUsernameTaken},
		{"taken by a manual agent here", enabled(106, "manual@x.test"), OutcomeFail, CodeUsernameTaken},
		{"race seen through the username", enabled(107, "race@x.test"), OutcomeAlreadyImported, ""},
		{"same login selected twice", enabled(108, "ana.lopez@x.test"), OutcomeFail, CodeUsernameTaken},
		{"missing last name", person{RingExID: 109, FirstName: "Cher", Email: "cher@x.test", Status: "Enabled"}, OutcomeFail, CodeMissingName},
	}
	for _, tc := range cases {
		got := pl.plan(tc.p)
		if got.Outcome != tc.outcome || got.Code != tc.code {
			t.Errorf("%s: %s %s (%s), want %s %s", tc.name, got.Outcome, got.Code, got.Reason, tc.outcome, tc.code)
		}
	}
	first := pl.plan(enabled(101, " Ana.Lopez@X.test "))
	if first.Username != "ana.lopez@x.test" || first.Timezone != "America/Los_Angeles" || first.TimezoneMatch != locale.MatchExact ||
		first.Language != "fr-CA" {
		t.Errorf("mapping: %+v", first)
	}
	// Names are limited in bytes: a long non-Latin name is cut to fit, on
	// a character boundary, rather than failing the whole batch.
	long := pl.plan(person{RingExID: 111, FirstName: strings.Repeat("ж", 80), LastName: "B", Email: "long@x.test", Status: "Enabled"})
	if long.Outcome != OutcomeImport || len(long.FirstName) != 100 || !utf8.ValidString(long.FirstName) {
		t.Errorf("long name: %d bytes, %s", len(long.FirstName), long.Outcome)
	}
	unknown := pl.plan(person{RingExID: 110, FirstName: "A", LastName: "B", Email: "ab@x.test", Status: "Enabled"})
	if unknown.TimezoneMatch != MatchAtImport || unknown.Timezone != "" {
		t.Errorf("unknown regional settings: %+v", unknown)
	}
}
