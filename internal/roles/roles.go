// Package roles manages an account's roles. Predefined roles are fixed;
// custom roles are a named set of permissions nobody can grant beyond what
// they hold themselves.
package roles

import (
	"context"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/agent"
	"github.com/switchboard/switchboard/ent/membership"
	"github.com/switchboard/switchboard/ent/role"
	"github.com/switchboard/switchboard/internal/errs"
	"github.com/switchboard/switchboard/internal/perm"
	"github.com/switchboard/switchboard/internal/validate"
	"github.com/switchboard/switchboard/internal/viewer"
)

// Create adds a custom role; it holds only the permissions given.
func Create(ctx context.Context, c *ent.Client, in ent.CreateRoleInput) (*ent.Role, error) {
	name, err := validate.Name("name", in.Name, 60)
	if err != nil {
		return nil, err
	}
	in.Name = name
	if _, err := c.Account.Get(ctx, in.AccountID); err != nil {
		return nil, errs.NotFound("account", "accountID")
	}
	if in.Description != nil {
		if len(*in.Description) > 500 {
			return nil, errs.Invalid("description", "must be at most 500 characters")
		}
	}
	ps, err := grantable(ctx, in.AccountID, in.Permissions)
	if err != nil {
		return nil, err
	}
	in.Permissions = ps
	if err := uniqueName(ctx, c, in.AccountID, name, 0); err != nil {
		return nil, err
	}
	return c.Role.Create().SetInput(in).Save(ctx)
}

// Update renames or re-permissions a custom role.
func Update(ctx context.Context, c *ent.Client, id int, in ent.UpdateRoleInput) (*ent.Role, error) {
	cur, err := c.Role.Get(ctx, id)
	if err != nil {
		return nil, errs.NotFound("role", "id")
	}
	if cur.Predefined {
		return nil, errs.Conflict("id", "predefined roles cannot be changed")
	}
	if in.Name != nil {
		name, err := validate.Name("name", *in.Name, 60)
		if err != nil {
			return nil, err
		}
		if err := uniqueName(ctx, c, cur.AccountID, name, id); err != nil {
			return nil, err
		}
		in.Name = &name
	}
	if in.Permissions != nil || len(in.AppendPermissions) > 0 {
		next := perm.NewSet(cur.Permissions...)
		if in.Permissions != nil {
			next = perm.NewSet(in.Permissions...)
		}
		for _, p := range in.AppendPermissions {
			next[p] = struct{}{}
		}
		// Only what is added must be held by the viewer: removing a
		// permission one lacks is allowed.
		added := perm.Set{}
		for p := range next {
			if !perm.NewSet(cur.Permissions...).Has(p) {
				added[p] = struct{}{}
			}
		}
		if _, err := grantable(ctx, cur.AccountID, added.List()); err != nil {
			return nil, err
		}
		in.Permissions, in.AppendPermissions = next.List(), nil
		if err := keepOwnAdministration(ctx, c, cur, next); err != nil {
			return nil, err
		}
	}
	return c.Role.UpdateOneID(id).SetInput(in).Save(ctx)
}

// Delete removes a custom role no agent or console user holds.
func Delete(ctx context.Context, c *ent.Client, id int) error {
	cur, err := c.Role.Get(ctx, id)
	if err != nil {
		return errs.NotFound("role", "id")
	}
	if cur.Predefined {
		return errs.Conflict("id", "predefined roles cannot be deleted")
	}
	n, err := c.Agent.Query().Where(agent.RoleID(id)).Count(ctx)
	if err != nil {
		return err
	}
	if n > 0 {
		return errs.Conflict("id", "the role is assigned to %d agent(s); assign them another role first", n)
	}
	m, err := c.Membership.Query().Where(membership.RoleID(id)).Count(ctx)
	if err != nil {
		return err
	}
	if m > 0 {
		return errs.Conflict("id", "the role is assigned to %d console user(s); assign them another role first", m)
	}
	return c.Role.DeleteOneID(id).Exec(ctx)
}

// grantable checks the viewer holds every permission in ps and returns them
// de-duplicated in catalogue order.
func grantable(ctx context.Context, accountID int, ps []perm.Permission) ([]perm.Permission, error) {
	want := perm.Set{}
	for _, p := range ps {
		if !perm.Valid(p) {
			return nil, errs.Invalid("permissions", "unknown permission %q", p)
		}
		want[p] = struct{}{}
	}
	v := viewer.FromContext(ctx)
	if missing := v.Permissions(accountID).Missing(want); len(missing) > 0 {
		e := errs.Forbidden(missing...)
		e.Field = "permissions"
		e.Message = "you cannot grant permissions you do not hold"
		return nil, e
	}
	return want.List(), nil
}

// keepOwnAdministration refuses a change that would leave the viewer without
// any way to manage roles in the account (their own role losing MANAGE_ROLES).
func keepOwnAdministration(ctx context.Context, c *ent.Client, r *ent.Role, next perm.Set) error {
	v := viewer.FromContext(ctx)
	if v.Unrestricted() || next.Has(perm.ManageRoles) {
		return nil
	}
	mine, err := c.Membership.Query().Where(membership.UserID(v.UserID), membership.AccountID(r.AccountID)).Only(ctx)
	if err != nil || mine.RoleID != r.ID {
		return nil
	}
	return errs.Conflict("permissions", "this would remove your own permission to manage roles in the account")
}

func uniqueName(ctx context.Context, c *ent.Client, accountID int, name string, except int) error {
	exists, err := c.Role.Query().Where(role.AccountID(accountID), role.NameEqualFold(name), role.IDNEQ(except)).Exist(ctx)
	if err != nil {
		return err
	}
	if exists {
		return errs.Conflict("name", "a role named %q already exists", name)
	}
	return nil
}
