package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/switchboard/switchboard/internal/perm"
)

// RingExLink is an account's link to its RingEX company account. Secrets are
// stored encrypted and never leave the server.
type RingExLink struct{ ent.Schema }

// Fields of the RingExLink.
func (RingExLink) Fields() []ent.Field {
	return []ent.Field{
		field.Int("account_id").Unique().Immutable().Annotations(entgql.Skip(entgql.SkipType)),
		field.String("server_url"),
		field.String("client_id"),
		field.String("client_secret_enc").Sensitive().Annotations(entgql.Skip()),
		field.String("jwt_enc").Sensitive().Annotations(entgql.Skip()),
		field.String("company_id").Default(""),
		field.Time("linked_at").Default(time.Now),
		field.Time("last_sync_at").Optional().Nillable(),
		field.Enum("last_sync_status").Values("NEVER", "RUNNING", "SUCCEEDED", "FAILED").Default("NEVER"),
		field.String("last_sync_error").Default(""),
		field.Int("user_count").Default(0),
		field.Int("last_good_user_count").Default(0).Annotations(entgql.Skip()),
	}
}

// Edges of the RingExLink.
func (RingExLink) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("account", Account.Type).Ref("ringex_link").Field("account_id").Unique().Required().Immutable(),
	}
}

// Annotations of the RingExLink.
func (RingExLink) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput, entgql.SkipWhereInput)}
}

// Policy of the RingExLink.
func (RingExLink) Policy() ent.Policy { return accountPolicy("", perm.ManageIntegrations) }

// RingExUser is one user of the linked RingEX directory, mirrored locally so
// that search and "already imported" need no RingEX call.
type RingExUser struct{ ent.Schema }

// Fields of the RingExUser.
func (RingExUser) Fields() []ent.Field {
	return []ent.Field{
		accountField(),
		field.Int64("ringex_id").Immutable().Annotations(entgql.Type("ID"), entgql.OrderField("RINGEX_ID")),
		field.String("extension_number").Default("").Annotations(entgql.OrderField("EXTENSION_NUMBER")),
		field.String("first_name").Default("").Annotations(entgql.OrderField("FIRST_NAME")),
		field.String("last_name").Default("").Annotations(entgql.OrderField("LAST_NAME")),
		field.String("email").Default("").Annotations(entgql.OrderField("EMAIL")),
		field.String("login").Default(""),
		field.Enum("status").Values("Enabled", "Disabled", "Frozen", "NotActivated", "Unassigned").Annotations(entgql.Type("RingExUserStatus")),
		field.Bool("hidden").Default(false),
		field.Bool("removed").Default(false),
		field.Time("removed_at").Optional().Nillable(),
		// search_text is the lower-cased text search runs over.
		field.String("search_text").Default("").Annotations(entgql.Skip()),
		field.Time("synced_at").Default(time.Now),
	}
}

// Edges of the RingExUser.
func (RingExUser) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("account", Account.Type).Ref("ringex_users").Field("account_id").Unique().Required().Immutable(),
	}
}

// Indexes of the RingExUser.
func (RingExUser) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("account_id", "ringex_id").Unique(),
		index.Fields("account_id", "last_name", "first_name"),
	}
}

// Annotations of the RingExUser.
func (RingExUser) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.MultiOrder(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)}
}

// Policy of the RingExUser: the directory is for importers; only syncs write it.
func (RingExUser) Policy() ent.Policy { return systemWritePolicy(perm.ImportAgents) }

// RingExRegional is a RingEX user's regional settings (timezone, language),
// which only the per-user call returns: imports read them, and previews map
// them where already known. They live beside the mirror, not in it: writing
// them into ring_ex_users rewrote each imported user's row and every index
// of it, trigram index included, which cost an import more than creating
// its agents. Keyed like the mirror, by account and RingEX id.
type RingExRegional struct{ ent.Schema }

// Fields of the RingExRegional.
func (RingExRegional) Fields() []ent.Field {
	return []ent.Field{
		accountField(),
		field.Int64("ringex_id").Immutable(),
		// As RingEX sends them; empty when RingEX left them out.
		field.String("timezone_name").Default(""),
		field.String("timezone_bias").Default(""),
		field.String("locale_code").Default(""),
		field.Time("synced_at").Default(time.Now),
	}
}

// Edges of the RingExRegional.
func (RingExRegional) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("account", Account.Type).Ref("ringex_regionals").Field("account_id").Unique().Required().Immutable(),
	}
}

// Indexes of the RingExRegional.
func (RingExRegional) Indexes() []ent.Index {
	return []ent.Index{index.Fields("account_id", "ringex_id").Unique()}
}

// Annotations of the RingExRegional: read through RingExUser's fields.
func (RingExRegional) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip()}
}

// Policy of the RingExRegional: as the mirror's.
func (RingExRegional) Policy() ent.Policy { return systemWritePolicy(perm.ImportAgents) }
