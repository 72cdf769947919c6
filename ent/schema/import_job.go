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

// ImportJob is one run of importing RingEX users as agents.
type ImportJob struct{ ent.Schema }

// Fields of the ImportJob.
func (ImportJob) Fields() []ent.Field {
	return []ent.Field{
		accountField(),
		field.Int("created_by_id").Optional().Nillable().Immutable().Annotations(entgql.Skip()),
		field.String("created_by").Default("").Immutable(),
		field.Enum("status").Values("QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED").Default("QUEUED"),
		field.JSON("selection", map[string]any{}).Immutable().Annotations(entgql.Type("Map")),
		field.Int("role_id").Immutable().Annotations(entgql.Skip()),
		field.Ints("team_ids").Optional().Immutable().Annotations(entgql.Skip()),
		field.Ints("category_ids").Optional().Immutable().Annotations(entgql.Skip()),
		field.Int("total").Default(0),
		field.Int("processed").Default(0),
		field.Int("imported_count").Default(0),
		field.Int("already_imported_count").Default(0),
		field.Int("failed_count").Default(0),
		field.String("error").Default(""),
		field.Bool("cancel_requested").Default(false),
		field.Time("created_at").Immutable().Default(time.Now).Annotations(entgql.OrderField("CREATED_AT")),
		field.Time("started_at").Optional().Nillable(),
		field.Time("finished_at").Optional().Nillable(),
	}
}

// Edges of the ImportJob.
func (ImportJob) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("account", Account.Type).Ref("import_jobs").Field("account_id").Unique().Required().Immutable(),
		edge.To("results", ImportResult.Type).Annotations(entgql.RelayConnection(), entsql.OnDelete(entsql.Cascade)),
		edge.To("users", ImportUsers.Type).Unique().Annotations(entgql.Skip(), entsql.OnDelete(entsql.Cascade)),
	}
}

// Indexes of the ImportJob.
func (ImportJob) Indexes() []ent.Index {
	return []ent.Index{index.Fields("account_id", "created_at")}
}

// Annotations of the ImportJob.
func (ImportJob) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)}
}

// Policy of the ImportJob: importers see and start imports; the job runner
// updates it under the system context.
func (ImportJob) Policy() ent.Policy { return accountPolicy(perm.ImportAgents, perm.ImportAgents) }

// ImportUsers is the users an import's selection resolved to when it
// started, in the order they are worked: what a resumed job still has to do
// is these minus the users with a result. One row per job, read only by the
// worker: the selection is fixed at the start ("all matching" included), and
// keeping it out of import_results lets each result be written once instead
// of inserted as pending and rewritten.
type ImportUsers struct{ ent.Schema }

// Fields of the ImportUsers.
func (ImportUsers) Fields() []ent.Field {
	return []ent.Field{
		field.Int("job_id").Unique().Immutable(),
		field.JSON("ringex_ids", []int64{}).Immutable(),
	}
}

// Edges of the ImportUsers.
func (ImportUsers) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("job", ImportJob.Type).Ref("users").Field("job_id").Unique().Required().Immutable(),
	}
}

// Annotations of the ImportUsers.
func (ImportUsers) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(), entsql.Table("import_users")}
}

// Policy of the ImportUsers: the importer's own bookkeeping.
func (ImportUsers) Policy() ent.Policy { return systemOnlyPolicy() }

// ImportResult is what happened to one selected RingEX user in one import.
type ImportResult struct{ ent.Schema }

// Fields of the ImportResult.
func (ImportResult) Fields() []ent.Field {
	return []ent.Field{
		accountField(),
		field.Int("job_id").Immutable(),
		field.Int64("ringex_id").Immutable().Annotations(entgql.Type("ID"), entgql.OrderField("RINGEX_ID")),
		field.String("name").Default(""),
		field.String("email").Default(""),
		field.String("username").Default(""),
		// A result is written once, when its user is settled; users not yet
		// reached have none (ImportUsers lists every selected user).
		field.Enum("outcome").Values("IMPORTED", "ALREADY_IMPORTED", "FAILED"),
		field.Int("agent_id").Optional().Nillable().Annotations(entgql.Skip(entgql.SkipWhereInput)),
		field.String("code").Default(""),
		field.String("message").Default(""),
		field.String("timezone").Default(""),
		field.String("timezone_match").Default(""),
		field.String("language").Default(""),
		field.String("language_match").Default(""),
		field.Time("updated_at").Default(time.Now).UpdateDefault(time.Now),
	}
}

// Edges of the ImportResult.
func (ImportResult) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("job", ImportJob.Type).Ref("results").Field("job_id").Unique().Required().Immutable(),
		edge.To("agent", Agent.Type).Field("agent_id").Unique().Annotations(entsql.OnDelete(entsql.SetNull)),
	}
}

// Indexes of the ImportResult.
func (ImportResult) Indexes() []ent.Index {
	return []ent.Index{index.Fields("job_id", "ringex_id").Unique(), index.Fields("job_id", "outcome")}
}

// Annotations of the ImportResult.
func (ImportResult) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)}
}

// Policy of the ImportResult.
func (ImportResult) Policy() ent.Policy { return systemWritePolicy(perm.ImportAgents) }
