package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/switchboard/switchboard/internal/perm"
)

// AgentSession is an agent signed in to the agent interface. An agent has at
// most one active session (ended_at IS NULL), enforced by a partial unique
// index, so an agent is never signed in to two accounts at once.
type AgentSession struct{ ent.Schema }

// Fields of the AgentSession.
func (AgentSession) Fields() []ent.Field {
	return []ent.Field{
		accountField(),
		field.Int("agent_id").Immutable(),
		field.Int("state_id").Optional().Nillable(),
		field.String("token_hash").Unique().Sensitive().Immutable().Annotations(entgql.Skip()),
		field.Time("started_at").Immutable().Default(time.Now),
		field.Time("state_changed_at").Default(time.Now),
		field.Time("last_seen_at").Default(time.Now),
		field.Time("ended_at").Optional().Nillable(),
		field.String("end_reason").Optional(),
		field.String("client").Optional().MaxLen(200),
	}
}

// Edges of the AgentSession.
func (AgentSession) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("account", Account.Type).Ref("agent_sessions").Field("account_id").Unique().Required().Immutable(),
		edge.From("agent", Agent.Type).Ref("sessions").Field("agent_id").Unique().Required().Immutable(),
		edge.To("state", AgentState.Type).Field("state_id").Unique().Annotations(entsql.OnDelete(entsql.SetNull)),
	}
}

// Indexes of the AgentSession.
func (AgentSession) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("agent_id").Unique().Annotations(entsql.IndexWhere("ended_at IS NULL")),
		index.Fields("account_id", "ended_at"),
	}
}

// Annotations of the AgentSession.
func (AgentSession) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipWhereInput, entgql.SkipOrderField)}
}

// Policy of the AgentSession: readers of agents see presence; signing an
// agent out needs SIGN_OUT_AGENTS. Agents' own clients act through the
// system context after the agent package authenticated them.
func (AgentSession) Policy() ent.Policy { return accountPolicy(perm.ReadAgents, perm.SignOutAgents) }
