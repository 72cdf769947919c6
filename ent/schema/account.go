package schema

import (
	"context"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"github.com/switchboard/switchboard/ent/privacy"

	"github.com/switchboard/switchboard/internal/perm"
	"github.com/switchboard/switchboard/internal/viewer"
)

// Account is one business: the top of everything.
type Account struct{ ent.Schema }

// Mixin of the Account.
func (Account) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

// Fields of the Account.
func (Account) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().MaxLen(120).Unique().
			Annotations(entgql.OrderField("NAME")),
		field.String("default_timezone").Default("UTC"),
		field.String("default_language").Default("en-US"),
		field.Bool("international_enabled").Default(false),
		field.Strings("international_countries").Optional().Default([]string{}),
		field.Enum("wfm_type").Values("NONE", "GENERIC_WEBHOOK", "ASPECT", "VERINT_MONET", "PIPKINS").Default("NONE"),
		field.String("wfm_endpoint").Optional().MaxLen(2048),
		field.Bool("wfm_enabled").Default(false),
		field.Int("max_break_minutes").Default(15).Min(0).Max(240),
		field.Int("max_lunch_minutes").Default(60).Min(0).Max(240),
		// What a RingEX sync does to an agent whose RingEX user left.
		field.Enum("leaver_policy").Values("FLAG_ONLY", "DISABLE").Default("FLAG_ONLY"),
		field.Bool("archived").Default(false).Annotations(entgql.Skip(entgql.SkipMutationCreateInput)),
	}
}

// Edges of the Account.
func (Account) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("agents", Agent.Type).Annotations(entgql.RelayConnection(), noInput, entsql.OnDelete(entsql.Cascade)),
		edge.To("roles", Role.Type).Annotations(entgql.RelayConnection(), noInput, entsql.OnDelete(entsql.Cascade)),
		edge.To("teams", Team.Type).Annotations(entgql.RelayConnection(), noInput, entsql.OnDelete(entsql.Cascade)),
		edge.To("categories", Category.Type).Annotations(entgql.RelayConnection(), noInput, entsql.OnDelete(entsql.Cascade)),
		edge.To("agent_states", AgentState.Type).Annotations(entgql.RelayConnection(), noInput, entsql.OnDelete(entsql.Cascade)),
		edge.To("memberships", Membership.Type).Annotations(entgql.Skip(), entsql.OnDelete(entsql.Cascade)),
		edge.To("ringex_link", RingExLink.Type).Unique().Annotations(entgql.Skip(), entsql.OnDelete(entsql.Cascade)),
		edge.To("ringex_users", RingExUser.Type).Annotations(entgql.Skip(), entsql.OnDelete(entsql.Cascade)),
		edge.To("ringex_regionals", RingExRegional.Type).Annotations(entgql.Skip(), entsql.OnDelete(entsql.Cascade)),
		edge.To("import_jobs", ImportJob.Type).Annotations(entgql.Skip(), entsql.OnDelete(entsql.Cascade)),
		edge.To("audit_events", AuditEvent.Type).Annotations(entgql.Skip(), entsql.OnDelete(entsql.Cascade)),
		edge.To("api_tokens", APIToken.Type).Annotations(entgql.Skip(), entsql.OnDelete(entsql.Cascade)),
		edge.To("agent_sessions", AgentSession.Type).Annotations(entgql.Skip(), entsql.OnDelete(entsql.Cascade)),
	}
}

// Annotations of the Account.
func (Account) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.QueryField(),
		entgql.RelayConnection(),
		entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate()),
		entsql.Checks(map[string]string{
			"account_break_minutes": "max_break_minutes >= 0 AND max_break_minutes <= 240",
			"account_lunch_minutes": "max_lunch_minutes >= 0 AND max_lunch_minutes <= 240",
		}),
	}
}

// Policy of the Account: members read it; MANAGE_ACCOUNT changes it; only
// platform administrators create or delete accounts.
func (Account) Policy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{allowSystem(), privacy.FilterFunc(func(ctx context.Context, f privacy.Filter) error {
			v := viewer.FromContext(ctx)
			if v.PlatformAdmin {
				return privacy.Allow
			}
			f.Where(inIDs("id", v.AccountIDs("")))
			return privacy.Allow
		})},
		Mutation: privacy.MutationPolicy{allowSystem(), privacy.MutationRuleFunc(func(ctx context.Context, m ent.Mutation) error {
			v := viewer.FromContext(ctx)
			if v.ReadOnly {
				return privacyErrReadOnly()
			}
			if v.PlatformAdmin {
				return privacy.Allow
			}
			if !m.Op().Is(ent.OpUpdateOne) {
				return privacyErrPlatformAdmin()
			}
			ids := v.AccountIDs(perm.ManageAccount)
			if len(ids) == 0 {
				return privacyErrForbidden(perm.ManageAccount)
			}
			return narrow(ctx, m, "id", ids)
		})},
	}
}

// noInput keeps an edge out of the generated create and update inputs.
var noInput = entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)
