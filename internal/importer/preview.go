package importer

import (
	"context"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/agent"
	"github.com/switchboard/switchboard/internal/viewer"
)

// Preview is what an import would do, without writing anything.
type Preview struct {
	Total           int
	ToImport        int
	AlreadyImported int
	Failing         int
	// Items is the requested page of the selection, in name order.
	Items []PreviewItem
}

// PreviewItem is one selected user and its planned outcome.
type PreviewItem struct {
	User *ent.RingExUser
	Plan
}

// Preview plans the import of in and returns totals and the page
// [offset, offset+limit) of the selection. Regional settings are those
// known (RingExRegional); where none are, the mapping says AT_IMPORT.
func (s *Service) Preview(ctx context.Context, in Input, offset, limit int) (*Preview, error) {
	acc, err := s.authorize(ctx, in.AccountID)
	if err != nil {
		return nil, err
	}
	c := s.client(ctx)
	if err := s.validate(ctx, c, in); err != nil {
		return nil, err
	}
	users, err := s.resolve(ctx, c, in.AccountID, in.Selection)
	if err != nil {
		return nil, err
	}
	offset, limit = max(offset, 0), max(limit, 0)
	// Regional settings change only the mapping, not the outcome: only the
	// page's users need theirs.
	page := users[min(offset, len(users)):min(offset+min(limit, len(users)), len(users))]
	ids := make([]int64, len(page))
	for i, u := range page {
		ids[i] = u.RingexID
	}
	known, err := regionalsOf(ctx, c, in.AccountID, ids)
	if err != nil {
		return nil, err
	}
	people := make([]person, len(users))
	for i, u := range users {
		people[i] = personOf(u, known[u.RingexID])
	}
	pl, err := s.planner(ctx, c, acc, people)
	if err != nil {
		return nil, err
	}
	out := &Preview{Total: len(users)}
	for i, u := range users {
		p := pl.plan(people[i])
		switch p.Outcome {
		case OutcomeImport:
			out.ToImport++
		case OutcomeAlreadyImported:
			out.AlreadyImported++
		default:
			out.Failing++
		}
		if i >= offset && i < offset+limit {
			out.Items = append(out.Items, PreviewItem{User: u, Plan: p})
		}
	}
	return out, nil
}

// planner loads what planning these people needs in a constant number of
// queries per few thousand users: the account's agents already linked to
// them, and every agent (of any account: logins are platform-wide) holding
// one of their planned usernames.
func (s *Service) planner(ctx context.Context, c *ent.Client, acc *ent.Account, people []person) (*planner, error) {
	sys := viewer.SystemContext(ctx)
	pl := newPlanner(acc)
	ids := make([]int64, 0, len(people))
	names := make([]string, 0, len(people))
	for _, p := range people {
		ids = append(ids, p.RingExID)
		if u := usernameOf(p.Email); u != "" {
			names = append(names, u)
		}
	}
	for _, part := range chunks(ids, chunk) {
		agents, err := c.Agent.Query().Where(agent.AccountID(acc.ID), agent.RingexExtensionIDIn(part...)).All(sys)
		if err != nil {
			return nil, err
		}
		for _, a := range agents {
			pl.byRingEx[*a.RingexExtensionID] = a
		}
	}
	for _, part := range chunks(names, chunk) {
		agents, err := c.Agent.Query().Where(agent.UsernameIn(part...)).
			Select(agent.FieldID, agent.FieldAccountID, agent.FieldUsername, agent.FieldRingexExtensionID).All(sys)
		if err != nil {
			return nil, err
		}
		for _, a := range agents {
			pl.byUsername[a.Username] = a
		}
	}
	return pl, nil
}
