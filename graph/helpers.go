package graph

import (
	"context"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/agentsession"
	"github.com/switchboard/switchboard/internal/agents"
)

// client returns the transactional client of a mutation, or the plain
// client for queries and subscriptions.
func (r *Resolver) client(ctx context.Context) *ent.Client {
	if c := ent.FromContext(ctx); c != nil {
		return c
	}
	return r.Client
}

func bulkPayload(results []agents.Result) *BulkPayload {
	out := &BulkPayload{Results: make([]*ItemResult, 0, len(results))}
	for _, res := range results {
		item := &ItemResult{ID: res.ID, Ok: res.OK}
		if !res.OK {
			code, msg := string(res.Code), res.Message
			item.Code, item.Message = &code, &msg
			out.Failed++
		} else {
			out.Succeeded++
		}
		out.Results = append(out.Results, item)
	}
	return out
}

// Loaders keeps per-request batches so that fields resolved per row (such
// as Agent.signedIn) cost one query per request, not one per row.
type Loaders struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationInterceptor
	graphql.OperationContextMutator
} = Loaders{}

// MutateOperationContext drops variables sent as explicit null. A null
// variable and an absent one mean the same to every resolver here, but ent's
// field collection of a nested connection fails on an explicit null `where`
// or `orderBy`; dropping them in one place keeps that out of every resolver.
func (Loaders) MutateOperationContext(_ context.Context, rc *graphql.OperationContext) *gqlerror.Error {
	for k, v := range rc.Variables {
		if v == nil {
			delete(rc.Variables, k)
		}
	}
	return nil
}

// ExtensionName implements graphql.HandlerExtension.
func (Loaders) ExtensionName() string { return "Loaders" }

// Validate implements graphql.HandlerExtension.
func (Loaders) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptOperation gives every operation its own loaders.
func (Loaders) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	return next(context.WithValue(ctx, loadersKey{}, &requestLoaders{}))
}

type loadersKey struct{}

type requestLoaders struct {
	mu       sync.Mutex
	sessions map[int]map[int]*ent.AgentSession // account → agent → active session
}

// activeSession returns the agent's active session, loading every active
// session of the agent's account once per request.
func (r *Resolver) activeSession(ctx context.Context, a *ent.Agent) (*ent.AgentSession, error) {
	l, _ := ctx.Value(loadersKey{}).(*requestLoaders)
	if l == nil {
		s, err := r.client(ctx).AgentSession.Query().
			Where(agentsession.AgentID(a.ID), agentsession.EndedAtIsNil()).Only(ctx)
		if ent.IsNotFound(err) {
			return nil, nil
		}
		return s, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.sessions == nil {
		l.sessions = map[int]map[int]*ent.AgentSession{}
	}
	byAgent, ok := l.sessions[a.AccountID]
	if !ok {
		list, err := r.client(ctx).AgentSession.Query().
			Where(agentsession.AccountID(a.AccountID), agentsession.EndedAtIsNil()).All(ctx)
		if err != nil {
			return nil, err
		}
		byAgent = make(map[int]*ent.AgentSession, len(list))
		for _, s := range list {
			byAgent[s.AgentID] = s
		}
		l.sessions[a.AccountID] = byAgent
	}
	return byAgent[a.ID], nil
}
