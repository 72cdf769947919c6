package graph

import (
	"context"

	"github.com/switchboard/switchboard/internal/teams"
)

func (r *Resolver) changeMembers(ctx context.Context, teamID int, agentIDs []int, kind *TeamMemberKind, add bool) (*TeamMembersPayload, error) {
	leaders := kind != nil && *kind == TeamMemberKindLeader
	t, res, err := teams.ChangeMembers(ctx, r.client(ctx), teamID, agentIDs, leaders, add)
	if err != nil {
		return nil, err
	}
	return &TeamMembersPayload{Team: t, Results: bulkPayload(res).Results}, nil
}
