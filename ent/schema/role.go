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

// Role is a named set of permissions in one account.
type Role struct{ ent.Schema }

// Mixin of the Role.
func (Role) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

// Fields of the Role.
func (Role) Fields() []ent.Field {
	return []ent.Field{
		accountField(),
		field.String("name").NotEmpty().MaxLen(60).Annotations(entgql.OrderField("NAME")),
		field.String("description").Default("").MaxLen(500),
		field.Bool("predefined").Default(false).Immutable().
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput)),
		field.JSON("permissions", []perm.Permission{}).Default([]perm.Permission{}).
			Annotations(entgql.Type("[Permission!]")),
	}
}

// Edges of the Role.
func (Role) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("account", Account.Type).Ref("roles").Field("account_id").Unique().Required().Immutable(),
		edge.To("agents", Agent.Type).Annotations(entgql.RelayConnection(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.To("memberships", Membership.Type).Annotations(entgql.Skip()),
	}
}

// Indexes of the Role.
func (Role) Indexes() []ent.Index {
	return []ent.Index{index.Fields("account_id", "name").Unique()}
}

// Annotations of the Role.
func (Role) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate())}
}

// Policy of the Role.
func (Role) Policy() ent.Policy { return accountPolicy("", perm.ManageRoles) }
