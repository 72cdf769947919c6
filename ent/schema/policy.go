package schema

import (
	"context"

	"entgo.io/ent"
	"entgo.io/ent/entql"
	"github.com/switchboard/switchboard/ent/privacy"

	"github.com/switchboard/switchboard/internal/errs"
	"github.com/switchboard/switchboard/internal/perm"
	"github.com/switchboard/switchboard/internal/viewer"
)

// These rules are the one place where tenant isolation is enforced: every
// query and mutation of an account-owned type passes through them, whichever
// resolver, job or edge started it.

// inIDs matches rows whose column is one of ids; an empty list matches
// nothing (IDs are positive).
func inIDs(column string, ids []int) entql.P {
	if len(ids) == 0 {
		return entql.FieldEQ(column, -1)
	}
	return entql.FieldIn(column, anys(ids)...)
}

// allowSystem lets background jobs and bootstrap through, and refuses
// anonymous requests.
func allowSystem() privacy.QueryMutationRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		v := viewer.FromContext(ctx)
		if v == nil {
			return errs.Unauthenticated()
		}
		if v.System {
			return privacy.Allow
		}
		return privacy.Skip
	})
}

// filterColumn restricts rows to those whose column is among the viewer's
// accounts holding read (any membership when read is empty). Platform
// administrators see everything.
func filterColumn(column string, read perm.Permission) privacy.QueryRule {
	return privacy.FilterFunc(func(ctx context.Context, f privacy.Filter) error {
		v := viewer.FromContext(ctx)
		if v.PlatformAdmin {
			return privacy.Allow
		}
		f.Where(inIDs(column, v.AccountIDs(read)))
		return privacy.Allow
	})
}

// accountWriteRule checks write permission on account-owned rows: creates by
// the account_id they carry, updates and deletes by narrowing the statement
// to accounts where the viewer holds the permission, so a foreign ID matches
// nothing and answers NOT_FOUND.
func accountWriteRule(column string, write perm.Permission) privacy.MutationRule {
	return privacy.MutationRuleFunc(func(ctx context.Context, m ent.Mutation) error {
		v := viewer.FromContext(ctx)
		if v.ReadOnly {
			return errs.ReadOnlyToken()
		}
		if v.PlatformAdmin {
			return privacy.Allow
		}
		if m.Op().Is(ent.OpCreate) {
			raw, ok := m.Field(column)
			id, _ := raw.(int)
			if !ok || !v.Member(id) {
				return errs.NotFound("account", "accountId")
			}
			if !v.Can(id, write) {
				return errs.Forbidden(write)
			}
			return privacy.Allow
		}
		ids := v.AccountIDs(write)
		if len(ids) == 0 {
			return errs.Forbidden(write)
		}
		return narrow(ctx, m, column, ids)
	})
}

// accountPolicy is the policy of a type owned by one account.
func accountPolicy(read, write perm.Permission) ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{allowSystem(), filterColumn("account_id", read)},
		Mutation: privacy.MutationPolicy{allowSystem(), accountWriteRule("account_id", write)},
	}
}

// systemWritePolicy is for rows only the system writes (mirrors, audit, job
// results) but viewers with read may see.
func systemWritePolicy(read perm.Permission) ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{allowSystem(), filterColumn("account_id", read)},
		Mutation: privacy.MutationPolicy{allowSystem(), denyUnlessPlatformAdmin()},
	}
}

// systemOnlyPolicy hides a type from every viewer: sessions and throttling
// state are touched only by the auth package under a system context.
func systemOnlyPolicy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{allowSystem(), privacy.AlwaysDenyRule()},
		Mutation: privacy.MutationPolicy{allowSystem(), privacy.AlwaysDenyRule()},
	}
}

func denyUnlessPlatformAdmin() privacy.MutationRule {
	return privacy.MutationRuleFunc(func(ctx context.Context, _ ent.Mutation) error {
		v := viewer.FromContext(ctx)
		if v.ReadOnly {
			return errs.ReadOnlyToken()
		}
		if v.PlatformAdmin {
			return privacy.Allow
		}
		return errs.PlatformAdminOnly()
	})
}

func anys(ids []int) []any {
	out := make([]any, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}

func privacyErrReadOnly() error                   { return errs.ReadOnlyToken() }
func privacyErrPlatformAdmin() error              { return errs.PlatformAdminOnly() }
func privacyErrForbidden(p perm.Permission) error { return errs.Forbidden(p) }

// narrow restricts an update or delete to rows whose column is in ids.
func narrow(ctx context.Context, m ent.Mutation, column string, ids []int) error {
	return privacy.FilterFunc(func(_ context.Context, f privacy.Filter) error {
		f.Where(inIDs(column, ids))
		return privacy.Allow
	}).EvalMutation(ctx, m)
}
