package agents

import (
	"context"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/agent"
	"github.com/switchboard/switchboard/internal/errs"
	"github.com/switchboard/switchboard/internal/perm"
	"github.com/switchboard/switchboard/internal/viewer"
)

// Result is the outcome for one agent of a many-agent mutation.
type Result struct {
	ID      int
	OK      bool
	Code    errs.Code
	Message string
}

// load returns the agents among ids the viewer may write, keyed by id; the
// others get a result right away (NOT_FOUND, or FORBIDDEN when the viewer
// may read but not write).
func load(ctx context.Context, c *ent.Client, ids []int) (map[int]*ent.Agent, error) {
	found, err := c.Agent.Query().Where(agent.IDIn(ids...)).All(ctx)
	if err != nil {
		return nil, err
	}
	m := make(map[int]*ent.Agent, len(found))
	for _, a := range found {
		m[a.ID] = a
	}
	return m, nil
}

func check(ctx context.Context, byID map[int]*ent.Agent, id int) (*ent.Agent, *Result) {
	a, ok := byID[id]
	if !ok {
		return nil, &Result{ID: id, Code: errs.NotFoundCode, Message: "agent not found"}
	}
	if !viewer.FromContext(ctx).Can(a.AccountID, perm.WriteAgents) {
		return nil, &Result{ID: id, Code: errs.ForbiddenCode, Message: "your role lacks the permission WRITE_AGENTS"}
	}
	return a, nil
}

// SetEnabled enables or disables agents; disabling signs them out.
func SetEnabled(ctx context.Context, c *ent.Client, ids []int, enabled bool) ([]Result, error) {
	byID, err := load(ctx, c, ids)
	if err != nil {
		return nil, err
	}
	out := make([]Result, 0, len(ids))
	var changed []int
	for _, id := range ids {
		a, res := check(ctx, byID, id)
		if res != nil {
			out = append(out, *res)
			continue
		}
		if a.Enabled != enabled {
			if err := c.Agent.UpdateOneID(id).SetEnabled(enabled).Exec(ctx); err != nil {
				return nil, err
			}
			changed = append(changed, id)
		}
		out = append(out, Result{ID: id, OK: true})
	}
	if !enabled && len(changed) > 0 {
		if err := EndSessions(ctx, c, changed, "agent disabled"); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Delete deletes agents who never signed in; the others must be disabled
// instead, so that their history stays attributable.
func Delete(ctx context.Context, c *ent.Client, ids []int) ([]Result, error) {
	byID, err := load(ctx, c, ids)
	if err != nil {
		return nil, err
	}
	out := make([]Result, 0, len(ids))
	for _, id := range ids {
		a, res := check(ctx, byID, id)
		if res != nil {
			out = append(out, *res)
			continue
		}
		if a.LastSignedInAt != nil {
			out = append(out, Result{ID: id, Code: errs.ConflictCode, Message: "the agent has signed in before: disable them instead"})
			continue
		}
		if err := c.Agent.DeleteOneID(id).Exec(ctx); err != nil {
			return nil, err
		}
		delete(byID, id)
		out = append(out, Result{ID: id, OK: true})
	}
	return out, nil
}
