package account

import (
	"context"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/agentstate"
	"github.com/switchboard/switchboard/internal/errs"
	"github.com/switchboard/switchboard/internal/validate"
)

func agentstateBase(s string) agentstate.BaseState { return agentstate.BaseState(s) }

// CreateState adds an agent state at the end of the account's list.
func CreateState(ctx context.Context, c *ent.Client, in ent.CreateAgentStateInput) (*ent.AgentState, error) {
	label, err := validate.Name("label", in.Label, 60)
	if err != nil {
		return nil, err
	}
	in.Label = label
	if _, err := c.Account.Get(ctx, in.AccountID); err != nil {
		return nil, errs.NotFound("account", "accountID")
	}
	if err := uniqueLabel(ctx, c, in.AccountID, label, 0); err != nil {
		return nil, err
	}
	n, err := c.AgentState.Query().Where(agentstate.AccountID(in.AccountID)).Count(ctx)
	if err != nil {
		return nil, err
	}
	return c.AgentState.Create().SetInput(in).SetRank(n).Save(ctx)
}

// UpdateState changes a state's label, base state or flags.
func UpdateState(ctx context.Context, c *ent.Client, id int, in ent.UpdateAgentStateInput) (*ent.AgentState, error) {
	cur, err := c.AgentState.Get(ctx, id)
	if err != nil {
		return nil, errs.NotFound("agent state", "id")
	}
	if in.Label != nil {
		label, err := validate.Name("label", *in.Label, 60)
		if err != nil {
			return nil, err
		}
		if err := uniqueLabel(ctx, c, cur.AccountID, label, id); err != nil {
			return nil, err
		}
		in.Label = &label
	}
	return c.AgentState.UpdateOneID(id).SetInput(in).Save(ctx)
}

// DeleteState removes a state; sessions in it keep running without a state.
func DeleteState(ctx context.Context, c *ent.Client, id int) (int, error) {
	cur, err := c.AgentState.Get(ctx, id)
	if err != nil {
		return 0, errs.NotFound("agent state", "id")
	}
	if cur.BaseState == agentstate.BaseStateAVAILABLE {
		n, err := c.AgentState.Query().Where(agentstate.AccountID(cur.AccountID), agentstate.BaseStateEQ(agentstate.BaseStateAVAILABLE)).Count(ctx)
		if err != nil {
			return 0, err
		}
		if n <= 1 {
			return 0, errs.Conflict("id", "an account needs at least one state that means ready for work")
		}
	}
	if err := c.AgentState.DeleteOneID(id).Exec(ctx); err != nil {
		return 0, err
	}
	return id, nil
}

// Reorder sets the rank of every state of the account to its position in ids.
func Reorder(ctx context.Context, c *ent.Client, accountID int, ids []int) ([]*ent.AgentState, error) {
	states, err := c.AgentState.Query().Where(agentstate.AccountID(accountID)).All(ctx)
	if err != nil {
		return nil, err
	}
	if len(states) == 0 {
		if _, err := c.Account.Get(ctx, accountID); err != nil {
			return nil, errs.NotFound("account", "accountId")
		}
	}
	if len(ids) != len(states) {
		return nil, errs.Invalid("ids", "list every agent state of the account exactly once (%d given, %d exist)", len(ids), len(states))
	}
	byID := make(map[int]*ent.AgentState, len(states))
	for _, s := range states {
		byID[s.ID] = s
	}
	seen := map[int]bool{}
	out := make([]*ent.AgentState, 0, len(ids))
	for rank, id := range ids {
		s, ok := byID[id]
		if !ok || seen[id] {
			return nil, errs.Invalid("ids", "list every agent state of the account exactly once")
		}
		seen[id] = true
		if s.Rank != rank {
			if s, err = c.AgentState.UpdateOneID(id).SetRank(rank).Save(ctx); err != nil {
				return nil, err
			}
		}
		out = append(out, s)
	}
	return out, nil
}

func uniqueLabel(ctx context.Context, c *ent.Client, accountID int, label string, except int) error {
	exists, err := c.AgentState.Query().Where(agentstate.AccountID(accountID), agentstate.LabelEqualFold(label), agentstate.IDNEQ(except)).Exist(ctx)
	if err != nil {
		return err
	}
	if exists {
		return errs.Conflict("label", "a state labelled %q already exists", label)
	}
	return nil
}
