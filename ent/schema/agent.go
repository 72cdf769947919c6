package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/switchboard/switchboard/internal/perm"
)

// Agent is a person handling work in exactly one account.
type Agent struct{ ent.Schema }

// Mixin of the Agent.
func (Agent) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

// Fields of the Agent.
func (Agent) Fields() []ent.Field {
	return []ent.Field{
		accountField(),
		field.String("first_name").NotEmpty().MaxLen(100).Annotations(entgql.OrderField("FIRST_NAME")),
		field.String("last_name").NotEmpty().MaxLen(100).Annotations(entgql.OrderField("LAST_NAME")),
		field.String("email").MaxLen(254).Annotations(entgql.OrderField("EMAIL")),
		// Usernames are logins: unique across the whole platform, stored
		// lower-case so that uniqueness is case-insensitive in the database.
		field.String("username").NotEmpty().MaxLen(254).Unique().Annotations(entgql.OrderField("USERNAME")),
		field.String("password_hash").Optional().Sensitive().Annotations(entgql.Skip()),
		field.String("timezone"),
		field.String("language"),
		field.Int("role_id"),
		field.Bool("enabled").Default(true),
		field.Enum("source").Values("MANUAL", "RINGEX").Default("MANUAL").Immutable().
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput)),
		field.Int64("ringex_extension_id").Optional().Nillable().Immutable().
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput), entgql.Type("ID")),
		// ringex_status follows the linked RingEX user on every sync; a
		// leaver is DISABLED or REMOVED.
		field.Enum("ringex_status").Values("ACTIVE", "DISABLED", "REMOVED").Optional().Nillable().
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		field.Time("last_signed_in_at").Optional().Nillable().
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
	}
}

// Edges of the Agent.
func (Agent) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("account", Account.Type).Ref("agents").Field("account_id").Unique().Required().Immutable(),
		edge.From("role", Role.Type).Ref("agents").Field("role_id").Unique().Required(),
		edge.From("teams", Team.Type).Ref("members"),
		edge.From("led_teams", Team.Type).Ref("leaders").Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.From("categories", Category.Type).Ref("agents"),
		edge.To("sessions", AgentSession.Type).Annotations(entgql.Skip(), entsql.OnDelete(entsql.Cascade)),
	}
}

// Indexes of the Agent.
func (Agent) Indexes() []ent.Index {
	return []ent.Index{
		// A RingEX user is never imported twice into one account. This is
		// also the only link from a mirrored RingEX user to its agent
		// (directory.ImportedPredicate).
		index.Fields("account_id", "ringex_extension_id").Unique(),
		index.Fields("account_id", "last_name", "first_name"),
		index.Fields("account_id", "created_at"),
	}
}

// Annotations of the Agent.
func (Agent) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.MultiOrder(),
		entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate()),
		entsql.Checks(map[string]string{
			"agent_username_lower": "username = lower(username)",
			"agent_source_link":    "((source = 'RINGEX') = (ringex_extension_id IS NOT NULL))",
		}),
	}
}

// Policy of the Agent.
func (Agent) Policy() ent.Policy { return accountPolicy(perm.ReadAgents, perm.WriteAgents) }
