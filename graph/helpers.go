package graph

import (
	"context"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
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

// InterceptOperation gives every query its own loaders. Mutations and
// subscriptions get none: a later mutation field or a later subscription
// event must not see rows cached before it ran.
func (Loaders) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	if op := graphql.GetOperationContext(ctx).Operation; op != nil && op.Operation == ast.Query {
		ctx = context.WithValue(ctx, loadersKey{}, &requestLoaders{})
	}
	return next(ctx)
}

type loadersKey struct{}

type loaderKey struct {
	kind    string
	account int
}

type requestLoaders struct {
	mu    sync.Mutex
	cache map[loaderKey]any
	// accounts returned by the request's account lists (noteAccounts).
	accounts []int
	// ringExUsers: RingEX ids of the mirror rows ringExUsers lists, by
	// account (noteRingExUsers).
	ringExUsers map[int][]int64
}

// perAccount returns what load reads for one account, once per request.
// ok is false outside a query operation; callers then read just the row
// they need.
func perAccount[V any](ctx context.Context, kind string, account int, load func() (map[int]V, error)) (m map[int]V, ok bool, err error) {
	l, _ := ctx.Value(loadersKey{}).(*requestLoaders)
	if l == nil {
		return nil, false, nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	v, err := l.get(loaderKey{kind, account}, nil, func() (any, error) { return load() })
	if err != nil {
		return nil, true, err
	}
	return v.(map[int]V), true, nil
}

// get returns what is cached under k, loading it when absent or stale
// (stale nil: never). The caller holds l.mu; a failed load is not kept.
func (l *requestLoaders) get(k loaderKey, stale func(any) bool, load func() (any, error)) (any, error) {
	if v, hit := l.cache[k]; hit && (stale == nil || !stale(v)) {
		return v, nil
	}
	v, err := load()
	if err != nil {
		return nil, err
	}
	if l.cache == nil {
		l.cache = map[loaderKey]any{}
	}
	l.cache[k] = v
	return v, nil
}

// activeSession returns the agent's active session, loading every active
// session of the agent's account once per request.
func (r *Resolver) activeSession(ctx context.Context, a *ent.Agent) (*ent.AgentSession, error) {
	byAgent, ok, err := perAccount(ctx, "sessions", a.AccountID, func() (map[int]*ent.AgentSession, error) {
		list, err := r.client(ctx).AgentSession.Query().
			Where(agentsession.AccountID(a.AccountID), agentsession.EndedAtIsNil()).All(ctx)
		return byID(list, func(s *ent.AgentSession) int { return s.AgentID }), err
	})
	if ok || err != nil {
		return byAgent[a.ID], err
	}
	s, err := r.client(ctx).AgentSession.Query().
		Where(agentsession.AgentID(a.ID), agentsession.EndedAtIsNil()).Only(ctx)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	return s, err
}

func byID[T any](list []T, id func(T) int) map[int]T {
	m := make(map[int]T, len(list))
	for _, x := range list {
		m[id(x)] = x
	}
	return m
}

// selects reports whether the current field's selection asks for a child
// field (e.g. a connection's totalCount).
func selects(ctx context.Context, name string) bool {
	for _, f := range graphql.CollectFieldsCtx(ctx, nil) {
		if f.Name == name {
			return true
		}
	}
	return false
}
