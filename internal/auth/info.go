package auth

import (
	"context"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/membership"
	"github.com/switchboard/switchboard/internal/perm"
	"github.com/switchboard/switchboard/internal/viewer"
)

// ViewerInfo is what the `viewer` query shows: who is signed in, and what
// they may do in each account.
type ViewerInfo struct {
	User        *ent.ConsoleUser
	Memberships []MembershipInfo
	// Token is set when the request authenticated with an API token.
	Token *ent.APIToken
}

// MembershipInfo is one account of the viewer. Role is nil for a platform
// administrator's token in an account they are not a member of.
type MembershipInfo struct {
	Account     *ent.Account
	Role        *ent.Role
	Permissions []perm.Permission
}

// Info describes v (the request's viewer when v is nil); nil when nobody
// signed in.
func (s *Service) Info(ctx context.Context, v *viewer.Viewer) (*ViewerInfo, error) {
	if v == nil {
		v = viewer.FromContext(ctx)
	}
	if v == nil || v.UserID == 0 {
		return nil, nil
	}
	// The viewer's own rows: read as the system, scoped by hand below.
	ctx = system(ctx)
	c := s.client(ctx)
	u, err := c.ConsoleUser.Get(ctx, v.UserID)
	if err != nil {
		return nil, err
	}
	info := &ViewerInfo{User: u}
	q := c.Membership.Query().Where(membership.UserID(v.UserID)).WithAccount().WithRole().Order(membership.ByAccountID())
	if v.TokenID != 0 {
		if info.Token, err = c.APIToken.Get(ctx, v.TokenID); err != nil {
			return nil, err
		}
		q.Where(membership.AccountID(info.Token.AccountID))
	}
	ms, err := q.All(ctx)
	if err != nil {
		return nil, err
	}
	for _, m := range ms {
		info.Memberships = append(info.Memberships, MembershipInfo{
			Account: m.Edges.Account, Role: m.Edges.Role, Permissions: v.Permissions(m.AccountID).List(),
		})
	}
	if info.Token != nil && len(ms) == 0 {
		a, err := c.Account.Get(ctx, info.Token.AccountID)
		if err != nil {
			return nil, err
		}
		info.Memberships = append(info.Memberships, MembershipInfo{Account: a, Permissions: v.Permissions(a.ID).List()})
	}
	return info, nil
}
