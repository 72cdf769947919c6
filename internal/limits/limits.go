// Package limits refuses abusive GraphQL operations before they run and
// reports what each one costs. It is a gqlgen handler extension:
//
//   - depth, cost, aliases and operations per document are bounded;
//   - first/last on any connection are bounded (MaxPageSize);
//   - every response carries extensions.cost;
//   - errors nobody classified lose their internals on the way out.
//
// Body size and time per request are bounded by internal/server.
package limits

import (
	"context"
	"log/slog"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Config sets the limits; zero values mean the defaults.
type Config struct {
	MaxDepth   int // default 12
	MaxCost    int // default 50,000
	MaxAliases int // default 30
	// MaxOperations bounds the operation definitions in one document (only
	// one of them runs per request). Default 10.
	MaxOperations int
	// MaxPageSize bounds first/last on every connection. Default 100.
	MaxPageSize int
	// DefaultPageSize is what a connection without first/last is charged;
	// the server does not cap such a connection, so default MaxPageSize.
	DefaultPageSize int
	// ListSize is the assumed length of lists that are not connections.
	// Default 10.
	ListSize int
	Logger   *slog.Logger
}

// Defaults are the limits unless configured.
var Defaults = Config{MaxDepth: 12, MaxCost: 50_000, MaxAliases: 30, MaxOperations: 10, MaxPageSize: 100, ListSize: 10}

func (c Config) withDefaults() Config {
	set := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	set(&c.MaxDepth, Defaults.MaxDepth)
	set(&c.MaxCost, Defaults.MaxCost)
	set(&c.MaxAliases, Defaults.MaxAliases)
	set(&c.MaxOperations, Defaults.MaxOperations)
	set(&c.MaxPageSize, Defaults.MaxPageSize)
	set(&c.DefaultPageSize, c.MaxPageSize)
	set(&c.ListSize, Defaults.ListSize)
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	return c
}

// CodeTooComplex is the extensions.code of an operation over a limit.
const CodeTooComplex = "QUERY_TOO_COMPLEX"

// Extension is the gqlgen handler extension.
type Extension struct{ cfg Config }

// New returns the extension with cfg's limits.
func New(cfg Config) *Extension { return &Extension{cfg: cfg.withDefaults()} }

// Limits returns the effective limits (defaults filled in).
func (e *Extension) Limits() Config { return e.cfg }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
	graphql.OperationInterceptor
	graphql.ResponseInterceptor
} = (*Extension)(nil)

const statsKey = "SwitchboardLimits"

func (*Extension) ExtensionName() string                   { return statsKey }
func (*Extension) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext measures the operation after validation and
// refuses it before any resolver (or transaction) starts.
func (e *Extension) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if n := len(oc.Doc.Operations); n > e.cfg.MaxOperations {
		return tooComplex("the document has %d operations; at most %d are allowed", n, e.cfg.MaxOperations)
	}
	if oc.DisableIntrospection && introspects(oc.Doc, oc.Operation.SelectionSet) {
		// Otherwise gqlgen's own refusal arrives as an unclassified error
		// and is answered "internal error".
		err := gqlerror.Errorf("introspection is turned off on this server")
		err.Extensions = map[string]any{"code": "FORBIDDEN"}
		return err
	}
	m, page := measure(e.cfg, oc.Doc, oc.Operation, oc.Variables)
	oc.Stats.SetExtension(statsKey, &m)
	switch {
	case page != nil:
		err := gqlerror.Errorf("%s: at most %d items per page (asked for %d on %s)", page.arg, e.cfg.MaxPageSize, page.asked, page.fieldPath)
		err.Extensions = map[string]any{"code": "BAD_USER_INPUT", "field": page.arg, "limit": e.cfg.MaxPageSize, "actual": page.asked}
		return err
	case m.Depth > e.cfg.MaxDepth:
		return tooComplex("the query is %d levels deep; at most %d are allowed", m.Depth, e.cfg.MaxDepth)
	case m.Aliases > e.cfg.MaxAliases:
		return tooComplex("the query uses %d aliases; at most %d are allowed", m.Aliases, e.cfg.MaxAliases)
	case m.Cost > e.cfg.MaxCost:
		return tooComplex("the query costs %d; at most %d is allowed (ask for smaller pages or fewer nested connections)", m.Cost, e.cfg.MaxCost)
	}
	return nil
}

func tooComplex(format string, actual, limit int) *gqlerror.Error {
	err := gqlerror.Errorf(format, actual, limit)
	err.Extensions = map[string]any{"code": CodeTooComplex, "limit": limit, "actual": actual}
	return err
}

// introspects reports whether a root selection asks for __schema or __type.
func introspects(doc *ast.QueryDocument, set ast.SelectionSet) bool {
	for _, s := range set {
		switch s := s.(type) {
		case *ast.Field:
			if s.Name == "__schema" || s.Name == "__type" {
				return true
			}
		case *ast.InlineFragment:
			if introspects(doc, s.SelectionSet) {
				return true
			}
		case *ast.FragmentSpread:
			if f := doc.Fragments.ForName(s.Name); f != nil && introspects(doc, f.SelectionSet) {
				return true
			}
		}
	}
	return false
}

// StatsOf returns the measure of the request's operation, nil before it
// was measured (parse or validation errors).
func StatsOf(ctx context.Context) *Measure {
	if !graphql.HasOperationContext(ctx) {
		return nil
	}
	m, _ := graphql.GetOperationContext(ctx).Stats.GetExtension(statsKey).(*Measure)
	return m
}

// InterceptOperation wraps the whole operation, outside every response
// interceptor (the mutation transaction rebuilds failed responses and
// drops their extensions), so the final response gets the cost and loses
// unclassified error messages.
func (e *Extension) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	h := next(ctx)
	return func(ctx context.Context) *graphql.Response {
		return e.finish(ctx, h(ctx))
	}
}

// InterceptResponse covers responses of operations refused before
// execution, which never reach InterceptOperation.
func (e *Extension) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	return e.finish(ctx, next(ctx))
}

func (e *Extension) finish(ctx context.Context, r *graphql.Response) *graphql.Response {
	if r == nil {
		return nil
	}
	if m := StatsOf(ctx); m != nil {
		if r.Extensions == nil {
			r.Extensions = map[string]any{}
		}
		r.Extensions["cost"] = m.Cost
	}
	for _, gerr := range r.Errors {
		if gerr == nil || (gerr.Extensions != nil && gerr.Extensions["code"] != nil) {
			continue
		}
		// The error presenter classifies every resolver error; what arrives
		// here without a code was built around it (for example the
		// transaction extension's "cannot commit transaction: <driver error>").
		e.cfg.Logger.ErrorContext(ctx, "unclassified GraphQL error", "message", gerr.Message)
		gerr.Message = "internal error"
		gerr.Extensions = map[string]any{"code": "INTERNAL"}
	}
	return r
}
