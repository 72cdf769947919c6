package auth

import (
	"context"
	"strings"
	"time"

	"entgo.io/contrib/entgql"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/apitoken"
	"github.com/switchboard/switchboard/internal/errs"
	"github.com/switchboard/switchboard/internal/password"
	"github.com/switchboard/switchboard/internal/perm"
	"github.com/switchboard/switchboard/internal/viewer"
)

// NewAPIToken describes a token to create.
type NewAPIToken struct {
	AccountID int
	Name      string
	Scope     apitoken.Scope
	// ExpiresAt is optional and must be in the future.
	ExpiresAt *time.Time
}

// prefixLen characters of the secret are kept to tell tokens apart:
// "sbt_" and 8 random characters (48 bits, useless for guessing the rest).
const prefixLen = len(APITokenPrefix) + 8

// CreateAPIToken creates a token for the signed-in user in the account
// (MANAGE_API_TOKENS there) and returns it with its secret, which is not
// stored and cannot be shown again.
func (s *Service) CreateAPIToken(ctx context.Context, in NewAPIToken) (*ent.APIToken, string, error) {
	v, err := sessionActor(ctx)
	if err != nil {
		return nil, "", err
	}
	c := s.client(ctx)
	if err := accountVisible(ctx, c, v, in.AccountID); err != nil {
		return nil, "", err
	}
	if !v.Can(in.AccountID, perm.ManageAPITokens) {
		return nil, "", errs.Forbidden(perm.ManageAPITokens)
	}
	name := strings.TrimSpace(in.Name)
	if name == "" || len([]rune(name)) > 80 {
		return nil, "", errs.Invalid("name", "Enter a name of at most 80 characters.")
	}
	if apitoken.ScopeValidator(in.Scope) != nil {
		return nil, "", errs.Invalid("scope", "The scope is READ_ONLY or FULL.")
	}
	if in.ExpiresAt != nil && !in.ExpiresAt.After(s.now()) {
		return nil, "", errs.Invalid("expiresAt", "The expiry must be in the future.")
	}
	secret, hash := password.NewToken(APITokenPrefix)
	t, err := c.APIToken.Create().
		SetAccountID(in.AccountID).SetUserID(v.UserID).SetName(name).SetScope(in.Scope).
		SetTokenHash(hash).SetPrefix(secret[:prefixLen]).SetCreatedAt(s.now()).
		SetNillableExpiresAt(in.ExpiresAt).
		Save(ctx)
	if err != nil {
		return nil, "", err
	}
	return t, secret, nil
}

// RevokeAPIToken revokes one's own token, or any token of an account where
// one holds MANAGE_API_TOKENS. Revoking twice keeps the first time.
func (s *Service) RevokeAPIToken(ctx context.Context, id int) (*ent.APIToken, error) {
	v, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	c := s.client(ctx)
	t, err := c.APIToken.Get(system(ctx), id)
	if ent.IsNotFound(err) {
		return nil, errs.NotFound("API token", "id")
	}
	if err != nil {
		return nil, err
	}
	// Tokens the viewer may not revoke answer like missing ones. A token
	// viewer reaches its own account only.
	own := t.UserID == v.UserID && (v.TokenID == 0 || v.Member(t.AccountID))
	if !own && !v.Can(t.AccountID, perm.ManageAPITokens) {
		return nil, errs.NotFound("API token", "id")
	}
	if t.RevokedAt != nil {
		return t, nil
	}
	// As the system: revoking one's own token needs no MANAGE_API_TOKENS.
	return c.APIToken.UpdateOne(t).SetRevokedAt(s.now()).Save(system(ctx))
}

// APITokens pages through the account's tokens the viewer may see: all of
// them with MANAGE_API_TOKENS there, else their own. The rule is spelled out
// here (and the query runs as the system) so the list never depends on more
// than this function.
func (s *Service) APITokens(ctx context.Context, accountID int, after *entgql.Cursor[int], first *int, before *entgql.Cursor[int], last *int) (*ent.APITokenConnection, error) {
	v := viewer.FromContext(ctx)
	if v == nil || v.UserID == 0 {
		return nil, errs.Unauthenticated()
	}
	q := s.Client.APIToken.Query().Where(apitoken.AccountID(accountID))
	switch {
	case v.Can(accountID, perm.ManageAPITokens):
	case v.Member(accountID):
		q.Where(apitoken.UserID(v.UserID))
	default:
		q.Where(apitoken.IDIn()) // nothing: a foreign account looks empty
	}
	return q.Paginate(system(ctx), after, first, before, last)
}
