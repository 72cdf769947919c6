package graph

import (
	"context"
	"slices"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/agent"
	"github.com/switchboard/switchboard/ent/category"
	"github.com/switchboard/switchboard/ent/role"
	"github.com/switchboard/switchboard/ent/team"
	"github.com/switchboard/switchboard/internal/directory"
)

// Per-request reads for fields resolved per row of a list (Role.agentCount,
// ImportJob.role/teams/categories): one query per account and request, not
// one per row. Each reads under the viewer, so privacy rules still apply.

// agentCount counts the role's agents.
func (r *Resolver) agentCount(ctx context.Context, ro *ent.Role) (int, error) {
	counts, ok, err := perAccount(ctx, "agentCount", ro.AccountID, func() (map[int]int, error) {
		var rows []struct {
			RoleID int `json:"role_id"`
			Count  int `json:"count"`
		}
		err := r.client(ctx).Agent.Query().Where(agent.AccountID(ro.AccountID)).
			GroupBy(agent.FieldRoleID).Aggregate(ent.Count()).Scan(ctx, &rows)
		m := make(map[int]int, len(rows))
		for _, x := range rows {
			m[x.RoleID] = x.Count
		}
		return m, err
	})
	if !ok {
		return ro.QueryAgents().Count(ctx)
	}
	return counts[ro.ID], err
}

// jobRole is the import job's role, or nil when it is gone or hidden.
func (r *Resolver) jobRole(ctx context.Context, j *ent.ImportJob) (*ent.Role, error) {
	roles, ok, err := perAccount(ctx, "roles", j.AccountID, func() (map[int]*ent.Role, error) {
		list, err := r.client(ctx).Role.Query().Where(role.AccountID(j.AccountID)).All(ctx)
		return byID(list, func(x *ent.Role) int { return x.ID }), err
	})
	if ok || err != nil {
		return roles[j.RoleID], err
	}
	x, err := r.client(ctx).Role.Get(ctx, j.RoleID)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	return x, err
}

func (r *Resolver) jobTeams(ctx context.Context, j *ent.ImportJob) ([]*ent.Team, error) {
	teams, ok, err := perAccount(ctx, "teams", j.AccountID, func() (map[int]*ent.Team, error) {
		list, err := r.client(ctx).Team.Query().Where(team.AccountID(j.AccountID)).All(ctx)
		return byID(list, func(x *ent.Team) int { return x.ID }), err
	})
	if !ok {
		return r.client(ctx).Team.Query().Where(team.IDIn(j.TeamIds...)).All(ctx)
	}
	return pick(teams, j.TeamIds), err
}

func (r *Resolver) jobCategories(ctx context.Context, j *ent.ImportJob) ([]*ent.Category, error) {
	cats, ok, err := perAccount(ctx, "categories", j.AccountID, func() (map[int]*ent.Category, error) {
		list, err := r.client(ctx).Category.Query().Where(category.AccountID(j.AccountID)).All(ctx)
		return byID(list, func(x *ent.Category) int { return x.ID }), err
	})
	if !ok {
		return r.client(ctx).Category.Query().Where(category.IDIn(j.CategoryIds...)).All(ctx)
	}
	return pick(cats, j.CategoryIds), err
}

// pick returns the rows of ids that exist, in the order of ids.
func pick[T any](m map[int]T, ids []int) []T {
	out := make([]T, 0, len(ids))
	for _, id := range ids {
		if x, ok := m[id]; ok {
			out = append(out, x)
		}
	}
	return out
}

// noteAccounts remembers the accounts a list returned, so that a field read
// per account (Account.ringEx) loads all of them at once.
func noteAccounts(ctx context.Context, conn *ent.AccountConnection) {
	l, _ := ctx.Value(loadersKey{}).(*requestLoaders)
	if l == nil || conn == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, e := range conn.Edges {
		l.accounts = append(l.accounts, e.Node.ID)
	}
}

// ringExStatus is Account.ringEx: one query for every account of the
// request's account lists, else one for this account.
func (r *Resolver) ringExStatus(ctx context.Context, accountID int) (*directory.Status, error) {
	l, _ := ctx.Value(loadersKey{}).(*requestLoaders)
	var listed []int
	if l != nil {
		l.mu.Lock()
		if slices.Contains(l.accounts, accountID) {
			listed = slices.Clone(l.accounts)
		}
		l.mu.Unlock()
	}
	if listed != nil {
		m, _, err := perAccount(ctx, "ringExStatus", 0, func() (map[int]*directory.Status, error) {
			return r.Directory.Statuses(ctx, listed)
		})
		if st, ok := m[accountID]; ok || err != nil {
			return st, err
		}
	}
	return r.Directory.Status(ctx, accountID)
}

// noteRingExUsers remembers the mirror rows a ringExUsers page returned, so
// that their imported, agent and regional fields load for the whole page at
// once (ringExPage).
func noteRingExUsers(ctx context.Context, accountID int, conn *ent.RingExUserConnection) {
	l, _ := ctx.Value(loadersKey{}).(*requestLoaders)
	if l == nil || conn == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.ringExUsers == nil {
		l.ringExUsers = map[int][]int64{}
	}
	for _, e := range conn.Edges {
		l.ringExUsers[accountID] = append(l.ringExUsers[accountID], e.Node.RingexID)
	}
}

// ringExPage loads what load reads for the users ringExUsers listed on u's
// account, once per request and kind; for u alone when it was not listed
// (node(id:)).
func ringExPage[V any](ctx context.Context, kind string, u *ent.RingExUser, load func(ids []int64) (map[int64]V, error)) (map[int64]V, error) {
	l, _ := ctx.Value(loadersKey{}).(*requestLoaders)
	if l == nil {
		return load([]int64{u.RingexID})
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	ids := l.ringExUsers[u.AccountID]
	if !slices.Contains(ids, u.RingexID) {
		return load([]int64{u.RingexID})
	}
	// A later list in the same request (an alias) adds users: load again.
	v, err := l.get(loaderKey{kind, u.AccountID},
		func(v any) bool { return v.(pageLoad[V]).n != len(ids) },
		func() (any, error) {
			m, err := load(ids)
			return pageLoad[V]{m, len(ids)}, err
		})
	if err != nil {
		return nil, err
	}
	return v.(pageLoad[V]).m, nil
}

// pageLoad is what a ringExPage load read for the first n listed users.
type pageLoad[V any] struct {
	m map[int64]V
	n int
}

// ringExImported: u is imported as an agent of its account.
func (r *Resolver) ringExImported(ctx context.Context, u *ent.RingExUser) (bool, error) {
	m, err := ringExPage(ctx, "ringExImported", u, func(ids []int64) (map[int64]int, error) {
		return r.Directory.ImportedAgents(ctx, u.AccountID, ids)
	})
	_, ok := m[u.RingexID]
	return ok, err
}

// ringExRegional is u's regional settings, nil while none are known.
func (r *Resolver) ringExRegional(ctx context.Context, u *ent.RingExUser) (*ent.RingExRegional, error) {
	m, err := ringExPage(ctx, "ringExRegionals", u, func(ids []int64) (map[int64]*ent.RingExRegional, error) {
		return r.Importer.Regionals(ctx, u.AccountID, ids)
	})
	return m[u.RingexID], err
}

// regionalField is one of u's regional settings, nil while none are known.
func regionalField[T any](r *Resolver, ctx context.Context, u *ent.RingExUser, get func(*ent.RingExRegional) T) (*T, error) {
	g, err := r.ringExRegional(ctx, u)
	if g == nil {
		return nil, err
	}
	v := get(g)
	return &v, nil
}

// ringExAgent is the agent imported from u, read under the viewer: nil when
// u is not imported or the viewer may not see it.
func (r *Resolver) ringExAgent(ctx context.Context, u *ent.RingExUser) (*ent.Agent, error) {
	m, err := ringExPage(ctx, "ringExAgents", u, func(rx []int64) (map[int64]*ent.Agent, error) {
		list, err := r.client(ctx).Agent.Query().
			Where(agent.AccountID(u.AccountID), agent.RingexExtensionIDIn(rx...)).All(ctx)
		m := make(map[int64]*ent.Agent, len(list))
		for _, a := range list {
			m[*a.RingexExtensionID] = a
		}
		return m, err
	})
	return m[u.RingexID], err
}
