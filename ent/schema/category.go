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

// MaxCategoryDepth is how deep the category tree may grow (a root is depth 1).
const MaxCategoryDepth = 6

// Category is a node of the account's category tree (skills, routing).
type Category struct{ ent.Schema }

// Mixin of the Category.
func (Category) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

// Fields of the Category.
func (Category) Fields() []ent.Field {
	return []ent.Field{
		accountField(),
		field.String("name").NotEmpty().MaxLen(80).Annotations(entgql.OrderField("NAME")),
		field.Enum("color").Values("GRAY", "RED", "PINK", "GRAPE", "VIOLET", "INDIGO", "BLUE", "CYAN", "TEAL", "GREEN", "LIME", "YELLOW", "ORANGE").Default("BLUE"),
		field.Int("parent_id").Optional().Nillable(),
		// Depth is kept on the row so the database itself refuses a seventh level.
		field.Int("depth").Default(1).Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput, entgql.SkipWhereInput)),
	}
}

// Edges of the Category.
func (Category) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("account", Account.Type).Ref("categories").Field("account_id").Unique().Required().Immutable(),
		edge.To("children", Category.Type).
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)).
			From("parent").Unique().Field("parent_id"),
		edge.To("agents", Agent.Type).Annotations(entgql.RelayConnection(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
	}
}

// Indexes of the Category.
func (Category) Indexes() []ent.Index {
	return []ent.Index{index.Fields("account_id", "name").Unique(), index.Fields("parent_id")}
}

// Annotations of the Category.
func (Category) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate()),
		entsql.Checks(map[string]string{"category_depth": "depth >= 1 AND depth <= 6"}),
	}
}

// Policy of the Category.
func (Category) Policy() ent.Policy { return accountPolicy("", perm.ManageCategories) }
