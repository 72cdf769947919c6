package auth

import (
	"context"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/account"
	"github.com/switchboard/switchboard/ent/membership"
	"github.com/switchboard/switchboard/ent/role"
	"github.com/switchboard/switchboard/internal/errs"
	"github.com/switchboard/switchboard/internal/perm"
	"github.com/switchboard/switchboard/internal/viewer"
)

// AssignMembership adds the user to the account with the role, or changes
// their role there. Platform administrators and holders of MANAGE_USERS in
// the account may; nobody grants (or takes away) a role with permissions
// they do not hold, and nobody removes their own MANAGE_USERS. The
// account's configuration is never touched.
func (s *Service) AssignMembership(ctx context.Context, userID, accountID, roleID int) (*ent.Membership, error) {
	v, c, err := s.manageUsers(ctx, accountID)
	if err != nil {
		return nil, err
	}
	r, err := c.Role.Query().Where(role.ID(roleID), role.AccountID(accountID)).Only(system(ctx))
	if ent.IsNotFound(err) {
		return nil, errs.NotFound("role", "roleId")
	}
	if err != nil {
		return nil, err
	}
	granted := perm.NewSet(r.Permissions...)
	if missing := v.Permissions(accountID).Missing(granted); len(missing) > 0 {
		return nil, errs.Forbidden(missing...)
	}
	if userID == v.UserID && !v.PlatformAdmin && !granted.Has(perm.ManageUsers) {
		return nil, errs.Conflict("roleId", "This role would take away your own permission to manage users of the account.")
	}
	if _, err := c.ConsoleUser.Get(system(ctx), userID); ent.IsNotFound(err) {
		return nil, errs.NotFound("console user", "userId")
	} else if err != nil {
		return nil, err
	}
	existing, err := s.outranks(ctx, c, v, userID, accountID)
	if err != nil {
		return nil, err
	}
	// The rules above are the membership rules; the writes run as the system.
	if existing != nil {
		return c.Membership.UpdateOne(existing).SetRoleID(roleID).Save(system(ctx))
	}
	m, err := c.Membership.Create().SetUserID(userID).SetAccountID(accountID).SetRoleID(roleID).Save(system(ctx))
	if ent.IsConstraintError(err) {
		return nil, errs.Conflict("userId", "The user was added to the account at the same time; try again.")
	}
	return m, err
}

// UnassignMembership removes the user from the account (same rules as
// AssignMembership). Removing oneself is refused unless one is a platform
// administrator.
func (s *Service) UnassignMembership(ctx context.Context, userID, accountID int) error {
	v, c, err := s.manageUsers(ctx, accountID)
	if err != nil {
		return err
	}
	if userID == v.UserID && !v.PlatformAdmin {
		return errs.Conflict("userId", "You cannot remove yourself from the account you manage.")
	}
	m, err := s.outranks(ctx, c, v, userID, accountID)
	if err != nil {
		return err
	}
	if m == nil {
		return errs.NotFound("membership", "userId")
	}
	return c.Membership.DeleteOne(m).Exec(system(ctx))
}

// manageUsers checks that the actor may manage the account's users: a
// foreign or missing account answers NOT_FOUND, a visible one without the
// permission FORBIDDEN.
func (s *Service) manageUsers(ctx context.Context, accountID int) (*viewer.Viewer, *ent.Client, error) {
	v, err := actor(ctx)
	if err != nil {
		return nil, nil, err
	}
	c := s.client(ctx)
	if err := accountVisible(ctx, c, v, accountID); err != nil {
		return nil, nil, err
	}
	if !v.Can(accountID, perm.ManageUsers) {
		return nil, nil, errs.Forbidden(perm.ManageUsers)
	}
	return v, c, nil
}

// outranks returns the user's current membership in the account (nil when
// none), refusing when its role holds permissions the actor lacks: nobody
// demotes or removes someone more powerful than themself.
func (s *Service) outranks(ctx context.Context, c *ent.Client, v *viewer.Viewer, userID, accountID int) (*ent.Membership, error) {
	m, err := c.Membership.Query().Where(membership.UserID(userID), membership.AccountID(accountID)).WithRole().Only(system(ctx))
	if ent.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if missing := v.Permissions(accountID).Missing(perm.NewSet(m.Edges.Role.Permissions...)); len(missing) > 0 {
		return nil, errs.Forbidden(missing...)
	}
	return m, nil
}

// accountVisible answers NOT_FOUND for an account that does not exist or
// that the viewer does not belong to, alike.
func accountVisible(ctx context.Context, c *ent.Client, v *viewer.Viewer, accountID int) error {
	if !v.Member(accountID) {
		return errs.NotFound("account", "accountId")
	}
	ok, err := c.Account.Query().Where(account.ID(accountID)).Exist(system(ctx))
	if err == nil && !ok {
		err = errs.NotFound("account", "accountId")
	}
	return err
}
