package schema

import (
	"context"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/entql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"github.com/switchboard/switchboard/ent/privacy"

	"github.com/switchboard/switchboard/internal/perm"
	"github.com/switchboard/switchboard/internal/viewer"
)

// ConsoleUser signs in to the admin console and is a member of accounts.
type ConsoleUser struct{ ent.Schema }

// Mixin of the ConsoleUser.
func (ConsoleUser) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

// Fields of the ConsoleUser.
func (ConsoleUser) Fields() []ent.Field {
	return []ent.Field{
		field.String("email").NotEmpty().MaxLen(254).Unique().Annotations(entgql.OrderField("EMAIL")),
		field.String("name").NotEmpty().MaxLen(120).Annotations(entgql.OrderField("NAME")),
		field.String("password_hash").Sensitive().Annotations(entgql.Skip()),
		field.Bool("platform_admin").Default(false),
		field.Bool("disabled").Default(false),
		field.Time("last_sign_in_at").Optional().Nillable(),
	}
}

// Edges of the ConsoleUser.
func (ConsoleUser) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("memberships", Membership.Type).Annotations(entsql.OnDelete(entsql.Cascade)),
		edge.To("sessions", Session.Type).Annotations(entgql.Skip(), entsql.OnDelete(entsql.Cascade)),
		edge.To("api_tokens", APIToken.Type).Annotations(entgql.Skip(), entsql.OnDelete(entsql.Cascade)),
	}
}

// Annotations of the ConsoleUser.
func (ConsoleUser) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput),
		entsql.Checks(map[string]string{"console_user_email_lower": "email = lower(email)"}),
	}
}

// Policy of the ConsoleUser: a user sees themself and the members of the
// accounts they manage users of; platform administrators see everyone.
// Writes happen in the auth package, which checks the rules and then acts
// under the system context.
func (ConsoleUser) Policy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{allowSystem(), privacy.FilterFunc(func(ctx context.Context, f privacy.Filter) error {
			v := viewer.FromContext(ctx)
			if v.PlatformAdmin {
				return privacy.Allow
			}
			f.Where(entql.Or(
				entql.FieldEQ("id", v.UserID),
				entql.HasEdgeWith("memberships", inIDs("account_id", v.AccountIDs(perm.ManageUsers))),
			))
			return privacy.Allow
		})},
		Mutation: privacy.MutationPolicy{allowSystem(), denyUnlessPlatformAdmin()},
	}
}
