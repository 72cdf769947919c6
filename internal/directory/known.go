package directory

import (
	"context"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/agent"
	"github.com/switchboard/switchboard/ent/ringexregional"
	"github.com/switchboard/switchboard/internal/perm"
	"github.com/switchboard/switchboard/internal/viewer"
)

// What the directory knows about mirrored users beyond their rows, for a
// page of them at a time: which are imported and as which agent, and their
// regional settings where an import read them. Both need IMPORT_AGENTS, as
// the mirror itself.

// ImportedAgents maps the RingEX id of each of the account's users ringexIDs
// that is imported to its agent's id.
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

// Regionals maps RingEX ids of the account's users ringexIDs to the
// regional settings read for them.
func (s *Service) Regionals(ctx context.Context, accountID int, ringexIDs []int64) (map[int64]*ent.RingExRegional, error) {
	m := map[int64]*ent.RingExRegional{}
	if err := require(ctx, accountID, perm.ImportAgents); err != nil || len(ringexIDs) == 0 {
		return m, err
	}
	list, err := s.client(ctx).RingExRegional.Query().
		Where(ringexregional.AccountID(accountID), ringexregional.RingexIDIn(ringexIDs...)).All(ctx)
	for _, g := range list {
		m[g.RingexID] = g
	}
	return m, err
}
