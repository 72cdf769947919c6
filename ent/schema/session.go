package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Session is a console sign-in. It lives in the database so that several
// server instances sharing one PostgreSQL behave as one.
type Session struct{ ent.Schema }

// Fields of the Session.
func (Session) Fields() []ent.Field {
	return []ent.Field{
		field.String("token_hash").Unique().Sensitive().Immutable(),
		field.Int("user_id").Immutable(),
		field.Time("created_at").Immutable().Default(time.Now),
		field.Time("last_seen_at").Default(time.Now),
		field.Time("expires_at"),
		field.String("ip").Optional().MaxLen(64),
		field.String("user_agent").Optional().MaxLen(300),
	}
}

// Edges of the Session.
func (Session) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("user", ConsoleUser.Type).Ref("sessions").Field("user_id").Unique().Required().Immutable(),
	}
}

// Indexes of the Session.
func (Session) Indexes() []ent.Index { return []ent.Index{index.Fields("expires_at")} }

// Annotations of the Session.
func (Session) Annotations() []schema.Annotation { return []schema.Annotation{entgql.Skip()} }

// Policy of the Session.
func (Session) Policy() ent.Policy { return systemOnlyPolicy() }

// SignInThrottle counts failed sign-ins per email and per client address.
type SignInThrottle struct{ ent.Schema }

// Fields of the SignInThrottle.
func (SignInThrottle) Fields() []ent.Field {
	return []ent.Field{
		field.String("key").Unique().Immutable(),
		field.Int("failures").Default(0),
		field.Time("last_failure_at").Default(time.Now),
		field.Time("locked_until").Optional().Nillable(),
	}
}

// Annotations of the SignInThrottle.
func (SignInThrottle) Annotations() []schema.Annotation { return []schema.Annotation{entgql.Skip()} }

// Policy of the SignInThrottle.
func (SignInThrottle) Policy() ent.Policy { return systemOnlyPolicy() }
