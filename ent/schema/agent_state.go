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

// AgentState is one state offered in the agent interface, in rank order.
type AgentState struct{ ent.Schema }

// Mixin of the AgentState.
func (AgentState) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

// Fields of the AgentState.
func (AgentState) Fields() []ent.Field {
	return []ent.Field{
		accountField(),
		field.String("label").NotEmpty().MaxLen(60).Annotations(entgql.OrderField("LABEL")),
		field.Enum("base_state").Values("AVAILABLE", "ON_BREAK", "LUNCH", "TRAINING", "AWAY", "WORKING"),
		field.Bool("selectable").Default(true),
		field.Bool("active").Default(true),
		field.Int("rank").Default(0).Annotations(entgql.OrderField("RANK"), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
	}
}

// Edges of the AgentState.
func (AgentState) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("account", Account.Type).Ref("agent_states").Field("account_id").Unique().Required().Immutable(),
	}
}

// Indexes of the AgentState.
func (AgentState) Indexes() []ent.Index {
	return []ent.Index{index.Fields("account_id", "label").Unique(), index.Fields("account_id", "rank")}
}

// Annotations of the AgentState.
func (AgentState) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate())}
}

// Policy of the AgentState.
func (AgentState) Policy() ent.Policy { return accountPolicy("", perm.ManageAgentStates) }
