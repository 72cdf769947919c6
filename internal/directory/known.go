package directory

import (
	"context"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/agent"
	"github.com/switchboard/switchboard/ent/ringexregional"
	"github.com/switchboard/switchboard/internal/perm"
	"github.com/switchboard/switchboard/internal/viewer"
)

// Known is what the directory knows about mirrored users beyond their rows:
// which are imported and as which agent, and their regional settings where
// an import (or a preview's source) read them.
type Known struct {
	// Agents maps the RingEX id of each imported user to its agent's id.
	Agents map[int64]int
	// Regionals maps RingEX ids to the regional settings read for them.
	Regionals map[int64]*ent.RingExRegional
}

// KnownOf loads Known for some of the account's mirrored users, in one
// query per kind. It needs IMPORT_AGENTS, as the mirror itself.
func (s *Service) KnownOf(ctx context.Context, accountID int, ringexIDs []int64) (Known, error) {
	k := Known{Agents: map[int64]int{}, Regionals: map[int64]*ent.RingExRegional{}}
	if err := require(ctx, accountID, perm.ImportAgents); err != nil || len(ringexIDs) == 0 {
		return k, err
	}
	// Whether a user is imported is a fact about the user, shown to whoever
	// may import (also without READ_AGENTS); the agent itself is read under
	// the viewer by whoever resolves it.
	agents, err := s.Client.Agent.Query().
		Where(agent.AccountID(accountID), agent.RingexExtensionIDIn(ringexIDs...)).
		Select(agent.FieldID, agent.FieldRingexExtensionID).All(viewer.SystemContext(ctx))
	if err != nil {
		return k, err
	}
	for _, a := range agents {
		k.Agents[*a.RingexExtensionID] = a.ID
	}
	regionals, err := s.client(ctx).RingExRegional.Query().
		Where(ringexregional.AccountID(accountID), ringexregional.RingexIDIn(ringexIDs...)).All(ctx)
	for _, g := range regionals {
		k.Regionals[g.RingexID] = g
	}
	return k, err
}
