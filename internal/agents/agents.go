// Package agents manages agents: people handling work in one account. Their
// usernames are logins, unique across the whole platform; imported agents'
// names and email belong to RingEX.
package agents

import (
	"context"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/agent"
	"github.com/switchboard/switchboard/ent/category"
	"github.com/switchboard/switchboard/ent/role"
	"github.com/switchboard/switchboard/ent/team"
	"github.com/switchboard/switchboard/internal/agentsession"
	"github.com/switchboard/switchboard/internal/errs"
	"github.com/switchboard/switchboard/internal/password"
	"github.com/switchboard/switchboard/internal/validate"
	"github.com/switchboard/switchboard/internal/viewer"
)

// Create adds an agent by hand, optionally with an agent-client password.
func Create(ctx context.Context, c *ent.Client, in ent.CreateAgentInput, pw *string) (*ent.Agent, error) {
	var err error
	if in.FirstName, err = validate.Name("firstName", in.FirstName, 100); err != nil {
		return nil, err
	}
	if in.LastName, err = validate.Name("lastName", in.LastName, 100); err != nil {
		return nil, err
	}
	if in.Email, err = validate.Email("email", in.Email, false); err != nil {
		return nil, err
	}
	if in.Username, err = validate.Username("username", in.Username); err != nil {
		return nil, err
	}
	if in.Timezone, err = validate.Timezone("timezone", in.Timezone); err != nil {
		return nil, err
	}
	if in.Language, err = validate.Language("language", in.Language); err != nil {
		return nil, err
	}
	if _, err := c.Account.Get(ctx, in.AccountID); err != nil {
		return nil, errs.NotFound("account", "accountID")
	}
	if err := refs(ctx, c, in.AccountID, &in.RoleID, in.TeamIDs, in.CategoryIDs); err != nil {
		return nil, err
	}
	if err := usernameFree(ctx, c, in.Username, 0); err != nil {
		return nil, err
	}
	create := c.Agent.Create().SetInput(in)
	if pw != nil {
		h, err := hash(*pw)
		if err != nil {
			return nil, err
		}
		create.SetPasswordHash(h)
	}
	return create.Save(ctx)
}

// Update changes an agent. RingEX owns an imported agent's names and email.
func Update(ctx context.Context, c *ent.Client, id int, in ent.UpdateAgentInput) (*ent.Agent, error) {
	cur, err := c.Agent.Get(ctx, id)
	if err != nil {
		return nil, errs.NotFound("agent", "id")
	}
	if cur.Source == agent.SourceRINGEX {
		for field, changed := range map[string]bool{
			"firstName": in.FirstName != nil && *in.FirstName != cur.FirstName,
			"lastName":  in.LastName != nil && *in.LastName != cur.LastName,
			"email":     in.Email != nil && *in.Email != cur.Email,
			"username":  in.Username != nil && *in.Username != cur.Username,
		} {
			if changed {
				return nil, errs.New(errs.RingExOwned, field, "%s of an agent imported from RingEX follows RingEX; change it there", field)
			}
		}
		in.FirstName, in.LastName, in.Email, in.Username = nil, nil, nil, nil
	}
	if err := normalizeUpdate(&in); err != nil {
		return nil, err
	}
	if in.Username != nil && *in.Username != cur.Username {
		if err := usernameFree(ctx, c, *in.Username, id); err != nil {
			return nil, err
		}
	}
	if err := refs(ctx, c, cur.AccountID, in.RoleID, in.AddTeamIDs, in.AddCategoryIDs); err != nil {
		return nil, err
	}
	a, err := c.Agent.UpdateOneID(id).SetInput(in).Save(ctx)
	if err != nil {
		return nil, err
	}
	if in.Enabled != nil && !*in.Enabled && cur.Enabled {
		if err := EndSessions(ctx, c, []int{id}, "agent disabled"); err != nil {
			return nil, err
		}
	}
	return a, nil
}

// SetPassword sets the agent-client password of an agent created by hand.
func SetPassword(ctx context.Context, c *ent.Client, id int, pw string) (*ent.Agent, error) {
	cur, err := c.Agent.Get(ctx, id)
	if err != nil {
		return nil, errs.NotFound("agent", "id")
	}
	if cur.Source == agent.SourceRINGEX {
		return nil, errs.New(errs.RingExOwned, "password", "agents imported from RingEX sign in with their RingEX credentials")
	}
	h, err := hash(pw)
	if err != nil {
		return nil, err
	}
	return c.Agent.UpdateOneID(id).SetPasswordHash(h).Save(ctx)
}

// EndSessions signs agents out (disabling an agent signs them out). It acts
// under the system context: the caller already holds the agents' write
// permission, and ending a session is its consequence, not a separate act.
func EndSessions(ctx context.Context, c *ent.Client, agentIDs []int, reason string) error {
	return agentsession.EndAll(ctx, c, agentIDs, reason)
}

func hash(pw string) (string, error) {
	if err := password.Validate(pw); err != nil {
		return "", errs.Invalid("password", "%v", err)
	}
	return password.Hash(pw)
}

func normalizeUpdate(in *ent.UpdateAgentInput) error {
	type rule struct {
		field string
		p     **string
		fn    func(string, string) (string, error)
	}
	for _, r := range []rule{
		{"firstName", &in.FirstName, func(f, s string) (string, error) { return validate.Name(f, s, 100) }},
		{"lastName", &in.LastName, func(f, s string) (string, error) { return validate.Name(f, s, 100) }},
		{"email", &in.Email, func(f, s string) (string, error) { return validate.Email(f, s, false) }},
		{"username", &in.Username, validate.Username},
		{"timezone", &in.Timezone, validate.Timezone},
		{"language", &in.Language, validate.Language},
	} {
		if *r.p == nil {
			continue
		}
		v, err := r.fn(r.field, **r.p)
		if err != nil {
			return err
		}
		*r.p = &v
	}
	return nil
}

// refs checks the role, teams and categories belong to the account.
func refs(ctx context.Context, c *ent.Client, accountID int, roleID *int, teamIDs, categoryIDs []int) error {
	if roleID != nil {
		ok, err := c.Role.Query().Where(role.ID(*roleID), role.AccountID(accountID)).Exist(ctx)
		if err != nil {
			return err
		}
		if !ok {
			return errs.NotFound("role", "roleID")
		}
	}
	if len(teamIDs) > 0 {
		n, err := c.Team.Query().Where(team.IDIn(teamIDs...), team.AccountID(accountID)).Count(ctx)
		if err != nil {
			return err
		}
		if n != distinct(teamIDs) {
			return errs.NotFound("team", "teamIDs")
		}
	}
	if len(categoryIDs) > 0 {
		n, err := c.Category.Query().Where(category.IDIn(categoryIDs...), category.AccountID(accountID)).Count(ctx)
		if err != nil {
			return err
		}
		if n != distinct(categoryIDs) {
			return errs.NotFound("category", "categoryIDs")
		}
	}
	return nil
}

// usernameFree checks no agent of any account has the login. The check must
// see every account, so it runs under the system context; the answer names
// no account.
func usernameFree(ctx context.Context, c *ent.Client, username string, except int) error {
	taken, err := c.Agent.Query().Where(agent.Username(username), agent.IDNEQ(except)).Exist(viewer.SystemContext(ctx))
	if err != nil {
		return err
	}
	if taken {
		return errs.New(errs.UsernameTaken, "username", "the username %q is already taken", username)
	}
	return nil
}

func distinct(ids []int) int {
	m := make(map[int]struct{}, len(ids))
	for _, id := range ids {
		m[id] = struct{}{}
	}
	return len(m)
}
