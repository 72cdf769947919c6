package directory

import (
	"context"

	"entgo.io/ent/dialect/sql"

	"github.com/switchboard/switchboard/ent/agent"
	"github.com/switchboard/switchboard/ent/predicate"
	"github.com/switchboard/switchboard/ent/ringexuser"
	"github.com/switchboard/switchboard/internal/perm"
	"github.com/switchboard/switchboard/internal/viewer"
)

// ImportedAgents maps the RingEX id of each of the account's users ringexIDs
// that is imported to its agent's id, for a page of the mirror at a time.
// It needs IMPORT_AGENTS, as the mirror itself.
func (s *Service) ImportedAgents(ctx context.Context, accountID int, ringexIDs []int64) (map[int64]int, error) {
	m := map[int64]int{}
	if err := require(ctx, accountID, perm.ImportAgents); err != nil || len(ringexIDs) == 0 {
		return m, err
	}
	// Whether a user is imported is a fact about the user, shown to whoever
	// may import (also without READ_AGENTS); the agent itself is read under
	// the viewer by whoever resolves it.
	agents, err := s.Client.Agent.Query().
		Where(agent.AccountID(accountID), agent.RingexExtensionIDIn(ringexIDs...)).
		Select(agent.FieldID, agent.FieldRingexExtensionID).All(viewer.SystemContext(ctx))
	for _, a := range agents {
		m[*a.RingexExtensionID] = a.ID
	}
	return m, err
}

// ImportedPredicate keeps the mirrored users that are (imported) or are not
// imported as agents of their account. The agent's ringex_extension_id is
// the link, unique per account in the database; the mirror keeps no copy of
// it, so importing writes no mirror row. The subquery reads agents whatever
// the viewer may see of them: being imported is a fact about the user.
func ImportedPredicate(imported bool) predicate.RingExUser {
	return func(s *sql.Selector) {
		a := sql.Table(agent.Table)
		sub := sql.Select(a.C(agent.FieldID)).From(a).Where(sql.And(
			sql.ColumnsEQ(a.C(agent.FieldAccountID), s.C(ringexuser.FieldAccountID)),
			sql.ColumnsEQ(a.C(agent.FieldRingexExtensionID), s.C(ringexuser.FieldRingexID)),
		))
		if imported {
			s.Where(sql.Exists(sub))
		} else {
			s.Where(sql.NotExists(sub))
		}
	}
}
