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

// AuditEvent records one successful change: who, where, what, before/after.
// It is written in the same transaction as the change.
type AuditEvent struct{ ent.Schema }

// Fields of the AuditEvent.
func (AuditEvent) Fields() []ent.Field {
	return []ent.Field{
		field.Int("account_id").Optional().Nillable().Immutable().Annotations(entgql.Skip(entgql.SkipType)),
		field.Int("actor_user_id").Optional().Nillable().Immutable().Annotations(entgql.Type("ID")),
		field.Int("actor_token_id").Optional().Nillable().Immutable().Annotations(entgql.Type("ID")),
		field.String("actor").Immutable(),
		field.String("action").Immutable(),
		field.String("target_type").Optional().Immutable(),
		field.String("target_id").Optional().Immutable(),
		field.JSON("changes", map[string]any{}).Optional().Immutable().Annotations(entgql.Type("Map")),
		field.Time("created_at").Immutable().Default(time.Now).Annotations(entgql.OrderField("CREATED_AT")),
	}
}

// Edges of the AuditEvent.
func (AuditEvent) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("account", Account.Type).Ref("audit_events").Field("account_id").Unique().Immutable().
			Annotations(entsql.OnDelete(entsql.Cascade)),
	}
}

// Indexes of the AuditEvent.
func (AuditEvent) Indexes() []ent.Index {
	return []ent.Index{index.Fields("account_id", "created_at"), index.Fields("actor_user_id")}
}

// Annotations of the AuditEvent.
func (AuditEvent) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)}
}

// Policy of the AuditEvent.
func (AuditEvent) Policy() ent.Policy { return systemWritePolicy(perm.ReadAuditLog) }
