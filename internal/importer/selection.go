package importer

import (
	"cmp"
	"context"
	"slices"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/category"
	"github.com/switchboard/switchboard/ent/predicate"
	"github.com/switchboard/switchboard/ent/ringexuser"
	"github.com/switchboard/switchboard/ent/role"
	"github.com/switchboard/switchboard/ent/team"
	"github.com/switchboard/switchboard/internal/errs"
	"github.com/switchboard/switchboard/internal/viewer"
)

// Input is one import (or its preview): whom, and with which role, teams and
// categories.
type Input struct {
	AccountID   int
	Selection   Selection
	RoleID      int
	TeamIDs     []int
	CategoryIDs []int
}

// Selection is how the console picks users: explicit RingExUser IDs, or
// every mirrored user matching a search and filter minus exclusions. It is
// resolved when the import starts, so users that appeared on pages the
// admin never opened are included.
type Selection struct {
	IDs         []int
	AllMatching *Matching
	ExcludeIDs  []int
}

// Matching is "every user matching": Where is the directory's predicate for
// the search and filter (directory.Service.MatchPredicate); Search and
// Filter are what the admin typed, kept on the job for history and audit.
type Matching struct {
	Search string
	Filter map[string]any
	Where  predicate.RingExUser
}

// record is the selection as stored on the job.
func (s Selection) record() map[string]any {
	out := map[string]any{}
	if s.AllMatching != nil {
		m := map[string]any{"search": s.AllMatching.Search}
		if s.AllMatching.Filter != nil {
			m["filter"] = s.AllMatching.Filter
		}
		out["allMatching"] = m
	} else {
		out["ids"] = s.IDs
	}
	if len(s.ExcludeIDs) > 0 {
		out["excludeIds"] = s.ExcludeIDs
	}
	return out
}

// chunk bounds IN lists below every database's parameter limit.
const chunk = 5000

func chunks[T any](s []T, n int) [][]T {
	var out [][]T
	for len(s) > n {
		out = append(out, s[:n])
		s = s[n:]
	}
	if len(s) > 0 {
		out = append(out, s)
	}
	return out
}

// validate checks role, teams and categories belong to the account. It runs
// under the system context: a foreign ID answers NOT_FOUND like a missing one.
func (s *Service) validate(ctx context.Context, c *ent.Client, in Input) error {
	sys := viewer.SystemContext(ctx)
	if in.RoleID == 0 {
		return errs.Invalid("roleId", "choose a role for the imported agents")
	}
	ok, err := c.Role.Query().Where(role.ID(in.RoleID), role.AccountID(in.AccountID)).Exist(sys)
	if err != nil {
		return err
	}
	if !ok {
		return errs.NotFound("role", "roleId")
	}
	teams := uniq(in.TeamIDs)
	if n, err := c.Team.Query().Where(team.IDIn(teams...), team.AccountID(in.AccountID)).Count(sys); err != nil {
		return err
	} else if n != len(teams) {
		return errs.NotFound("team", "teamIds")
	}
	cats := uniq(in.CategoryIDs)
	if n, err := c.Category.Query().Where(category.IDIn(cats...), category.AccountID(in.AccountID)).Count(sys); err != nil {
		return err
	} else if n != len(cats) {
		return errs.NotFound("category", "categoryIds")
	}
	return nil
}

// resolve returns the selected mirror users, ordered by name.
func (s *Service) resolve(ctx context.Context, c *ent.Client, accountID int, sel Selection) ([]*ent.RingExUser, error) {
	sys := viewer.SystemContext(ctx)
	exclude := map[int]bool{}
	for _, id := range sel.ExcludeIDs {
		exclude[id] = true
	}
	var users []*ent.RingExUser
	switch {
	case sel.AllMatching != nil && len(sel.IDs) > 0:
		return nil, errs.Invalid("selection", "give either ids or allMatching, not both")
	case sel.AllMatching != nil:
		q := c.RingExUser.Query().Where(ringexuser.AccountID(accountID))
		if sel.AllMatching.Where != nil {
			q.Where(sel.AllMatching.Where)
		}
		all, err := q.All(sys)
		if err != nil {
			return nil, err
		}
		for _, u := range all {
			if !exclude[u.ID] {
				users = append(users, u)
			}
		}
	case len(sel.IDs) > 0:
		ids := uniq(sel.IDs)
		for _, part := range chunks(ids, chunk) {
			found, err := c.RingExUser.Query().Where(ringexuser.IDIn(part...), ringexuser.AccountID(accountID)).All(sys)
			if err != nil {
				return nil, err
			}
			users = append(users, found...)
		}
		if len(users) != len(ids) {
			return nil, errs.NotFound("RingEX user", "selection.ids")
		}
		users = slices.DeleteFunc(users, func(u *ent.RingExUser) bool { return exclude[u.ID] })
	}
	if len(users) == 0 {
		return nil, errs.Invalid("selection", "select at least one RingEX user")
	}
	slices.SortFunc(users, func(a, b *ent.RingExUser) int {
		if a.LastName != b.LastName {
			return cmp.Compare(a.LastName, b.LastName)
		}
		if a.FirstName != b.FirstName {
			return cmp.Compare(a.FirstName, b.FirstName)
		}
		return a.ID - b.ID
	})
	return users, nil
}

func uniq(ids []int) []int {
	out := slices.Clone(ids)
	slices.Sort(out)
	return slices.Compact(out)
}
