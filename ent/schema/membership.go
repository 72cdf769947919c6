package schema

import (
	"context"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/entql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
	"github.com/switchboard/switchboard/ent/privacy"

	"github.com/switchboard/switchboard/internal/perm"
	"github.com/switchboard/switchboard/internal/viewer"
)

// Membership gives a console user a role in one account.
type Membership struct{ ent.Schema }

// Mixin of the Membership.
func (Membership) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

// Fields of the Membership.
func (Membership) Fields() []ent.Field {
	return []ent.Field{
		accountField(),
		field.Int("user_id").Immutable(),
		field.Int("role_id"),
	}
}

// Edges of the Membership.
func (Membership) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("account", Account.Type).Ref("memberships").Field("account_id").Unique().Required().Immutable(),
		edge.From("user", ConsoleUser.Type).Ref("memberships").Field("user_id").Unique().Required().Immutable(),
		edge.From("role", Role.Type).Ref("memberships").Field("role_id").Unique().Required(),
	}
}

// Indexes of the Membership.
func (Membership) Indexes() []ent.Index {
	return []ent.Index{index.Fields("user_id", "account_id").Unique(), index.Fields("account_id")}
}

// Annotations of the Membership.
func (Membership) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput, entgql.SkipWhereInput)}
}

// Policy of the Membership: one's own memberships, and those of accounts
// where one manages users.
func (Membership) Policy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{allowSystem(), privacy.FilterFunc(func(ctx context.Context, f privacy.Filter) error {
			v := viewer.FromContext(ctx)
			if v.PlatformAdmin {
				return privacy.Allow
			}
			f.Where(entql.Or(
				entql.FieldEQ("user_id", v.UserID),
				inIDs("account_id", v.AccountIDs(perm.ManageUsers)),
			))
			return privacy.Allow
		})},
		Mutation: privacy.MutationPolicy{allowSystem(), accountWriteRule("account_id", perm.ManageUsers)},
	}
}
