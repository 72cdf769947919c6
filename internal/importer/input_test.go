package importer_test

import (
	"context"
	"testing"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/ringexuser"
	"github.com/switchboard/switchboard/internal/errs"
	"github.com/switchboard/switchboard/internal/importer"
	"github.com/switchboard/switchboard/internal/perm"
	"github.com/switchboard/switchboard/internal/testdb"
	"github.com/switchboard/switchboard/internal/viewer"
)

// Bad input changes nothing and names the field at fault, for the preview
// and the import alike.
func TestBadInput(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		f := newFixture(t, d, fixtureOpts{users: 20})
		c := f.db.Client
		other := f.account("Other")
		otherRole := must[*ent.Role](t)(c.Role.Create().SetAccountID(other.ID).SetName("Agent").Save(f.sys))
		otherTeam := must[*ent.Team](t)(c.Team.Create().SetAccountID(other.ID).SetName("Sales").Save(f.sys))
		otherCat := must[*ent.Category](t)(c.Category.Create().SetAccountID(other.ID).SetName("French").Save(f.sys))
		otherUser := must[*ent.RingExUser](t)(c.RingExUser.Create().SetAccountID(other.ID).SetRingexID(1).
			SetStatus(ringexuser.StatusEnabled).SetEmail("x@y.test").Save(f.sys))
		unlinked := f.account("Unlinked")
		some := ids(f.users()[:3])

		importerCtx := f.importer()
		reader := viewer.NewContext(context.Background(), &viewer.Viewer{UserID: 7,
			Accounts: map[int]perm.Set{f.acc.ID: perm.NewSet(perm.ReadAgents)}})
		stranger := viewer.NewContext(context.Background(), &viewer.Viewer{UserID: 8,
			Accounts: map[int]perm.Set{other.ID: perm.All()}})
		admin := viewer.NewContext(context.Background(), &viewer.Viewer{UserID: 9, PlatformAdmin: true})

		cases := []struct {
			name        string
			ctx         context.Context
			edit        func(*importer.Input)
			code, field string
		}{
			{"no role", importerCtx, func(in *importer.Input) { in.RoleID = 0 }, "BAD_USER_INPUT", "roleId"},
			{"foreign role", importerCtx, func(in *importer.Input) { in.RoleID = otherRole.ID }, "NOT_FOUND", "roleId"},
			{"foreign team", importerCtx, func(in *importer.Input) { in.TeamIDs = append(in.TeamIDs, otherTeam.ID) }, "NOT_FOUND", "teamIds"},
			{"foreign category", importerCtx, func(in *importer.Input) { in.CategoryIDs = []int{otherCat.ID} }, "NOT_FOUND", "categoryIds"},
			{"unknown ids", importerCtx, func(in *importer.Input) { in.Selection.IDs = append(in.Selection.IDs, 987654321) }, "NOT_FOUND", "selection.ids"},
			{"foreign ids", importerCtx, func(in *importer.Input) { in.Selection.IDs = []int{otherUser.ID} }, "NOT_FOUND", "selection.ids"},
			{"empty selection", importerCtx, func(in *importer.Input) { in.Selection.IDs = nil }, "BAD_USER_INPUT", "selection"},
			{"everything excluded", importerCtx, func(in *importer.Input) { in.Selection.ExcludeIDs = some }, "BAD_USER_INPUT", "selection"},
			{"nothing matches", importerCtx, func(in *importer.Input) {
				in.Selection = importer.Selection{AllMatching: &importer.Matching{Where: ringexuser.SearchTextContains("zzzzqqq")}}
			}, "BAD_USER_INPUT", "selection"},
			{"ids and allMatching", importerCtx, func(in *importer.Input) { in.Selection.AllMatching = &importer.Matching{} }, "BAD_USER_INPUT", "selection"},
			{"unlinked account", admin, func(in *importer.Input) { in.AccountID = unlinked.ID }, "RINGEX_NOT_LINKED", "accountId"},
			{"no permission", reader, nil, "FORBIDDEN", ""},
			{"other account's admin", stranger, nil, "NOT_FOUND", "accountId"},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				in := f.input(importer.Selection{IDs: some})
				if tc.edit != nil {
					tc.edit(&in)
				}
				_, perr := f.svc.Preview(tc.ctx, in, 0, 10)
				_, serr := f.svc.Start(tc.ctx, in)
				for _, err := range []error{perr, serr} {
					e, ok := errs.As(err)
					if !ok || string(e.Code) != tc.code || e.Field != tc.field {
						t.Fatalf("want %s on %q, got %v", tc.code, tc.field, err)
					}
				}
			})
		}
		if n := must[int](t)(c.ImportJob.Query().Count(f.sys)); n != 0 {
			t.Fatalf("bad input wrote %d jobs", n)
		}
		if n := must[int](t)(c.ImportResult.Query().Count(f.sys)); n != 0 {
			t.Fatalf("bad input wrote %d results", n)
		}
	})
}
