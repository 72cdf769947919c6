// Package teams manages teams: a name, member agents and leader agents, all
// of one account.
package teams

import (
	"context"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/agent"
	"github.com/switchboard/switchboard/ent/team"
	"github.com/switchboard/switchboard/internal/agents"
	"github.com/switchboard/switchboard/internal/errs"
	"github.com/switchboard/switchboard/internal/validate"
)

// Create adds a team.
func Create(ctx context.Context, c *ent.Client, in ent.CreateTeamInput) (*ent.Team, error) {
	name, err := validate.Name("name", in.Name, 80)
	if err != nil {
		return nil, err
	}
	in.Name = name
	if _, err := c.Account.Get(ctx, in.AccountID); err != nil {
		return nil, errs.NotFound("account", "accountID")
	}
	if err := uniqueName(ctx, c, in.AccountID, name, 0); err != nil {
		return nil, err
	}
	if err := SameAccount(ctx, c, in.AccountID, "memberIDs", in.MemberIDs); err != nil {
		return nil, err
	}
	if err := SameAccount(ctx, c, in.AccountID, "leaderIDs", in.LeaderIDs); err != nil {
		return nil, err
	}
	return c.Team.Create().SetInput(in).Save(ctx)
}

// Update renames a team or changes its members.
func Update(ctx context.Context, c *ent.Client, id int, in ent.UpdateTeamInput) (*ent.Team, error) {
	cur, err := c.Team.Get(ctx, id)
	if err != nil {
		return nil, errs.NotFound("team", "id")
	}
	if in.Name != nil {
		name, err := validate.Name("name", *in.Name, 80)
		if err != nil {
			return nil, err
		}
		if err := uniqueName(ctx, c, cur.AccountID, name, id); err != nil {
			return nil, err
		}
		in.Name = &name
	}
	for field, ids := range map[string][]int{"addMemberIDs": in.AddMemberIDs, "addLeaderIDs": in.AddLeaderIDs} {
		if err := SameAccount(ctx, c, cur.AccountID, field, ids); err != nil {
			return nil, err
		}
	}
	return c.Team.UpdateOneID(id).SetInput(in).Save(ctx)
}

// Delete removes a team; its agents stay.
func Delete(ctx context.Context, c *ent.Client, id int) error {
	if err := c.Team.DeleteOneID(id).Exec(ctx); err != nil {
		if ent.IsNotFound(err) {
			return errs.NotFound("team", "id")
		}
		return err
	}
	return nil
}

// ChangeMembers adds (add=true) or removes agents as members or leaders and
// answers per agent; agents of other accounts or unknown ids fail alone.
func ChangeMembers(ctx context.Context, c *ent.Client, teamID int, agentIDs []int, leaders, add bool) (*ent.Team, []agents.Result, error) {
	t, err := c.Team.Get(ctx, teamID)
	if ent.IsNotFound(err) {
		return nil, nil, errs.NotFound("team", "teamId")
	}
	if err != nil {
		return nil, nil, err
	}
	found, err := c.Agent.Query().Where(agent.IDIn(agentIDs...), agent.AccountID(t.AccountID)).IDs(ctx)
	if err != nil {
		return nil, nil, err
	}
	ok := map[int]bool{}
	for _, id := range found {
		ok[id] = true
	}
	results := make([]agents.Result, 0, len(agentIDs))
	var valid []int
	for _, id := range agentIDs {
		if ok[id] {
			valid = append(valid, id)
			results = append(results, agents.Result{ID: id, OK: true})
		} else {
			results = append(results, agents.Result{ID: id, Code: errs.NotFoundCode, Message: "agent not found"})
		}
	}
	if len(valid) > 0 {
		u := c.Team.UpdateOneID(teamID)
		switch {
		case leaders && add:
			u.AddLeaderIDs(valid...)
		case leaders:
			u.RemoveLeaderIDs(valid...)
		case add:
			u.AddMemberIDs(valid...)
		default:
			u.RemoveMemberIDs(valid...)
		}
		if t, err = u.Save(ctx); err != nil {
			return nil, nil, err
		}
	}
	return t, results, nil
}

// SameAccount checks every agent id exists in the account.
func SameAccount(ctx context.Context, c *ent.Client, accountID int, field string, ids []int) error {
	if len(ids) == 0 {
		return nil
	}
	n, err := c.Agent.Query().Where(agent.IDIn(ids...), agent.AccountID(accountID)).Count(ctx)
	if err != nil {
		return err
	}
	if n != len(unique(ids)) {
		return errs.NotFound("agent", field)
	}
	return nil
}

func unique(ids []int) map[int]bool {
	m := make(map[int]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}

func uniqueName(ctx context.Context, c *ent.Client, accountID int, name string, except int) error {
	exists, err := c.Team.Query().Where(team.AccountID(accountID), team.NameEqualFold(name), team.IDNEQ(except)).Exist(ctx)
	if err != nil {
		return err
	}
	if exists {
		return errs.Conflict("name", "a team named %q already exists", name)
	}
	return nil
}
