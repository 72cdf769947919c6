package auth

import (
	"context"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/apitoken"
	"github.com/switchboard/switchboard/ent/membership"
	"github.com/switchboard/switchboard/internal/errs"
	"github.com/switchboard/switchboard/internal/password"
	"github.com/switchboard/switchboard/internal/perm"
	"github.com/switchboard/switchboard/internal/viewer"
)

// APITokenPrefix starts every API token secret, so people and secret
// scanners recognise a leaked one.
const APITokenPrefix = "sbt_"

// userViewer is the viewer of a signed-in console user: their memberships
// with the permissions of each membership's role.
func (s *Service) userViewer(ctx context.Context, u *ent.ConsoleUser) (*viewer.Viewer, error) {
	ms, err := s.client(ctx).Membership.Query().Where(membership.UserID(u.ID)).WithRole().All(system(ctx))
	if err != nil {
		return nil, err
	}
	v := &viewer.Viewer{UserID: u.ID, Email: u.Email, PlatformAdmin: u.PlatformAdmin, Accounts: make(map[int]perm.Set, len(ms))}
	for _, m := range ms {
		v.Accounts[m.AccountID] = perm.NewSet(m.Edges.Role.Permissions...)
	}
	return v, nil
}

// tokenViewer resolves an API token. The viewer is confined to the token's
// account, with the token user's permissions there (every permission for a
// platform administrator, who nonetheless reaches no other account through
// a token), read-only for READ_ONLY tokens.
func (s *Service) tokenViewer(ctx context.Context, secret string) (*viewer.Viewer, error) {
	ctx = system(ctx)
	t, err := s.Client.APIToken.Query().Where(apitoken.TokenHash(password.HashToken(secret))).WithUser().Only(ctx)
	if ent.IsNotFound(err) {
		return nil, errInvalidToken()
	}
	if err != nil {
		return nil, err
	}
	now := s.now()
	u := t.Edges.User
	if t.RevokedAt != nil || (t.ExpiresAt != nil && !now.Before(*t.ExpiresAt)) || u.Disabled {
		return nil, errInvalidToken()
	}
	perms := perm.All()
	if !u.PlatformAdmin {
		m, err := s.Client.Membership.Query().
			Where(membership.UserID(u.ID), membership.AccountID(t.AccountID)).WithRole().Only(ctx)
		if ent.IsNotFound(err) {
			return nil, errInvalidToken() // the user left the account
		}
		if err != nil {
			return nil, err
		}
		perms = perm.NewSet(m.Edges.Role.Permissions...)
	}
	if t.LastUsedAt == nil || now.Sub(*t.LastUsedAt) >= touchEvery {
		if err := s.Client.APIToken.UpdateOneID(t.ID).SetLastUsedAt(now).Exec(ctx); err != nil {
			return nil, err
		}
	}
	return &viewer.Viewer{
		UserID: u.ID, Email: u.Email, TokenID: t.ID,
		ReadOnly: t.Scope == apitoken.ScopeREAD_ONLY,
		Accounts: map[int]perm.Set{t.AccountID: perms},
	}, nil
}

func errInvalidToken() *errs.Error {
	return &errs.Error{Code: errs.UnauthenticatedC, Message: "the API token is invalid, expired or revoked"}
}
