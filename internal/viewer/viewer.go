// Package viewer carries who is asking through the request context. Every
// privacy rule under ent and every domain package reads it from here, so
// authorization has one source of truth.
package viewer

import (
	"context"
	"sort"

	"github.com/switchboard/switchboard/internal/perm"
)

// Viewer is the signed-in principal of a request.
type Viewer struct {
	// UserID is the console user, 0 for the system viewer.
	UserID int
	// Name and email are for audit labels.
	Email string
	// PlatformAdmin holds every permission in every account.
	PlatformAdmin bool
	// Accounts maps each account the user belongs to onto the permissions of
	// the membership's role.
	Accounts map[int]perm.Set
	// TokenID is set when the request authenticated with an API token.
	TokenID int
	// ReadOnly tokens may run no mutation at all.
	ReadOnly bool
	// System is used by background jobs, migrations and bootstrap: no checks.
	System bool
	// AgentID is set for an agent-client session (agent sign-in), which can
	// only act on its own agent session.
	AgentID int
}

type ctxKey struct{}

// NewContext returns ctx carrying v.
func NewContext(ctx context.Context, v *Viewer) context.Context {
	return context.WithValue(ctx, ctxKey{}, v)
}

// FromContext returns the viewer of ctx, or nil when nobody signed in.
func FromContext(ctx context.Context) *Viewer {
	v, _ := ctx.Value(ctxKey{}).(*Viewer)
	return v
}

// SystemContext lifts the checks for work a domain package has already
// authorized (or that no person asked for: jobs, bootstrap, seeding). It
// keeps who is acting, so that the audit log still names the user or token
// on whose behalf the system writes.
func SystemContext(ctx context.Context) context.Context {
	sys := &Viewer{System: true}
	if v := FromContext(ctx); v != nil {
		sys.UserID, sys.Email, sys.TokenID, sys.AgentID = v.UserID, v.Email, v.TokenID, v.AgentID
	}
	return NewContext(ctx, sys)
}

// Unrestricted reports whether v bypasses account scoping.
func (v *Viewer) Unrestricted() bool {
	return v != nil && (v.System || v.PlatformAdmin)
}

// Member reports whether v may read the account at all.
func (v *Viewer) Member(accountID int) bool {
	if v == nil {
		return false
	}
	if v.Unrestricted() {
		return true
	}
	_, ok := v.Accounts[accountID]
	return ok
}

// Can reports whether v holds p in the account.
func (v *Viewer) Can(accountID int, p perm.Permission) bool {
	if v == nil {
		return false
	}
	if v.Unrestricted() {
		return true
	}
	return v.Accounts[accountID].Has(p)
}

// Permissions returns what v holds in the account.
func (v *Viewer) Permissions(accountID int) perm.Set {
	if v == nil {
		return perm.Set{}
	}
	if v.Unrestricted() {
		return perm.All()
	}
	if s, ok := v.Accounts[accountID]; ok {
		return s
	}
	return perm.Set{}
}

// AccountIDs returns the accounts v belongs to, sorted. When p is not empty,
// only the accounts where v holds p.
func (v *Viewer) AccountIDs(p perm.Permission) []int {
	if v == nil {
		return nil
	}
	out := make([]int, 0, len(v.Accounts))
	for id, s := range v.Accounts {
		if p == "" || s.Has(p) {
			out = append(out, id)
		}
	}
	sort.Ints(out)
	return out
}
