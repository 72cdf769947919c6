package schema

import (
	"context"
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/entql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"github.com/switchboard/switchboard/ent/privacy"

	"github.com/switchboard/switchboard/internal/perm"
	"github.com/switchboard/switchboard/internal/viewer"
)

// APIToken lets a partner dashboard or script call the API as a user in one
// account. Only a hash of the secret is stored.
type APIToken struct{ ent.Schema }

// Fields of the APIToken.
func (APIToken) Fields() []ent.Field {
	return []ent.Field{
		accountField(),
		field.Int("user_id").Immutable(),
		field.String("name").NotEmpty().MaxLen(80),
		field.String("token_hash").Unique().Sensitive().Immutable().Annotations(entgql.Skip()),
		// prefix is the first characters of the secret, so people can tell tokens apart.
		field.String("prefix").Immutable(),
		field.Enum("scope").Values("READ_ONLY", "FULL").Immutable(),
		field.Time("created_at").Immutable().Default(time.Now).Annotations(entgql.OrderField("CREATED_AT")),
		field.Time("expires_at").Optional().Nillable().Immutable(),
		field.Time("revoked_at").Optional().Nillable(),
		field.Time("last_used_at").Optional().Nillable(),
	}
}

// Edges of the APIToken.
func (APIToken) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("account", Account.Type).Ref("api_tokens").Field("account_id").Unique().Required().Immutable(),
		edge.From("user", ConsoleUser.Type).Ref("api_tokens").Field("user_id").Unique().Required().Immutable(),
	}
}

// Annotations of the APIToken.
func (APIToken) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput, entgql.SkipWhereInput)}
}

// Policy of the APIToken: one's own tokens, or every token of accounts where
// one manages tokens.
func (APIToken) Policy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{allowSystem(), privacy.FilterFunc(func(ctx context.Context, f privacy.Filter) error {
			v := viewer.FromContext(ctx)
			if v.PlatformAdmin {
				return privacy.Allow
			}
			f.Where(entql.Or(
				entql.FieldEQ("user_id", v.UserID),
				inIDs("account_id", v.AccountIDs(perm.ManageAPITokens)),
			))
			return privacy.Allow
		})},
		Mutation: privacy.MutationPolicy{allowSystem(), accountWriteRule("account_id", perm.ManageAPITokens)},
	}
}
