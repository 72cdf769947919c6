package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/switchboard/switchboard/internal/perm"
)

// Team groups agents, some of whom lead it.
type Team struct{ ent.Schema }

// Mixin of the Team.
func (Team) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

// Fields of the Team.
func (Team) Fields() []ent.Field {
	return []ent.Field{
		accountField(),
		field.String("name").NotEmpty().MaxLen(80).Annotations(entgql.OrderField("NAME")),
	}
}

// Edges of the Team.
func (Team) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("account", Account.Type).Ref("teams").Field("account_id").Unique().Required().Immutable(),
		edge.To("members", Agent.Type).Annotations(entgql.RelayConnection()),
		edge.To("leaders", Agent.Type).Annotations(entgql.RelayConnection()),
	}
}

// Indexes of the Team.
func (Team) Indexes() []ent.Index {
	return []ent.Index{index.Fields("account_id", "name").Unique()}
}

// Annotations of the Team.
func (Team) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate())}
}

// Policy of the Team.
func (Team) Policy() ent.Policy { return accountPolicy("", perm.ManageTeams) }
