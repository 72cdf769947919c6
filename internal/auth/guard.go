package auth

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/switchboard/switchboard/internal/errs"
	"github.com/switchboard/switchboard/internal/viewer"
)

// ReadOnlyGuard refuses every mutation of a READ_ONLY API token before it
// runs, whichever resolver it names: the privacy rules refuse their writes
// too, but some mutations (sign-out, password changes) write as the system.
type ReadOnlyGuard struct{}

var (
	_ graphql.HandlerExtension        = ReadOnlyGuard{}
	_ graphql.OperationContextMutator = ReadOnlyGuard{}
)

// ExtensionName names the extension for gqlgen.
func (ReadOnlyGuard) ExtensionName() string { return "ReadOnlyGuard" }

// Validate accepts every schema.
func (ReadOnlyGuard) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext refuses mutations of read-only viewers.
func (ReadOnlyGuard) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil || oc.Operation.Operation != ast.Mutation {
		return nil
	}
	if v := viewer.FromContext(ctx); v != nil && v.ReadOnly {
		e := errs.ReadOnlyToken()
		return &gqlerror.Error{Message: e.Message, Extensions: map[string]any{"code": string(e.Code)}}
	}
	return nil
}

// actor is the viewer allowed to change something: signed in, and not a
// read-only token.
func actor(ctx context.Context) (*viewer.Viewer, error) {
	v := viewer.FromContext(ctx)
	switch {
	case v == nil || (v.UserID == 0 && !v.System):
		return nil, errs.Unauthenticated()
	case v.ReadOnly:
		return nil, errs.ReadOnlyToken()
	}
	return v, nil
}

// sessionActor is an actor signed in with a password: API tokens may not
// change passwords or mint tokens, so a leaked token cannot outlive its
// revocation or take the account over.
func sessionActor(ctx context.Context) (*viewer.Viewer, error) {
	v, err := actor(ctx)
	if err == nil && v.TokenID != 0 {
		err = &errs.Error{Code: errs.ForbiddenCode, Message: "sign in with a password to do this; API tokens cannot"}
	}
	return v, err
}

// platformAdmin is an actor who is a platform administrator (never a token).
func platformAdmin(ctx context.Context) (*viewer.Viewer, error) {
	v, err := actor(ctx)
	if err == nil && !v.PlatformAdmin {
		err = errs.PlatformAdminOnly()
	}
	return v, err
}
