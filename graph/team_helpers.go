package graph

import (
	"context"

	"github.com/switchboard/switchboard/internal/agents"
	"github.com/switchboard/switchboard/internal/errs"
	"github.com/switchboard/switchboard/internal/teams"
)

func (r *Resolver) changeMembers(ctx context.Context, teamID int, agentIDs []int, kind *TeamMemberKind, add bool) (*TeamMembersPayload, error) {
	leaders := kind != nil && *kind == TeamMemberKindLeader
	t, res, err := teams.ChangeMembers(ctx, r.client(ctx), teamID, agentIDs, leaders, add)
	if err != nil {
		return nil, err
	}
	conv := make([]agents.Result, len(res))
	for i, x := range res {
		conv[i] = agents.Result{ID: x.ID, OK: x.OK, Code: errs.Code(x.Code), Message: x.Message}
	}
	return &TeamMembersPayload{Team: t, Results: bulkPayload(conv).Results}, nil
}
