package graph

import (
	"context"
	"errors"
	"log/slog"
	"strconv"
	"strings"

	"entgo.io/ent/privacy"
	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/internal/errs"
)

// ErrorPresenter gives every error a machine-readable extensions.code (and
// extensions.field when one input field is at fault). Errors the domain did
// not classify are logged and answered INTERNAL without internals.
func ErrorPresenter(logger *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gqlErr := graphql.DefaultErrorPresenter(ctx, err)
		if gqlErr.Extensions != nil && gqlErr.Extensions["code"] != nil {
			return gqlErr // parser and validation errors already carry a code
		}
		code, field, msg, extra := classify(err)
		if code == errs.Internal {
			logger.ErrorContext(ctx, "unhandled resolver error", "err", err, "path", gqlErr.Path.String())
			msg = "internal error"
		}
		gqlErr.Message = msg
		if gqlErr.Extensions == nil {
			gqlErr.Extensions = map[string]any{}
		}
		gqlErr.Extensions["code"] = string(code)
		if field != "" {
			gqlErr.Extensions["field"] = field
		}
		for k, v := range extra {
			gqlErr.Extensions[k] = v
		}
		return gqlErr
	}
}

func classify(err error) (errs.Code, string, string, map[string]any) {
	if e, ok := errs.As(err); ok {
		var extra map[string]any
		if len(e.Missing) > 0 {
			extra = map[string]any{"missingPermissions": e.Missing}
		}
		return e.Code, e.Field, e.Error(), extra
	}
	var (
		nf *ent.NotFoundError
		ve *ent.ValidationError
		ce *ent.ConstraintError
	)
	switch {
	case errors.As(err, &nf):
		return errs.NotFoundCode, "", "not found", nil
	case errors.As(err, &ve):
		return errs.BadUserInput, ve.Name, ve.Error(), nil
	case errors.As(err, &ce):
		return errs.ConflictCode, "", "the change conflicts with existing data", nil
	case errors.Is(err, privacy.Deny):
		return errs.ForbiddenCode, "", "not allowed", nil
	case errors.Is(err, context.DeadlineExceeded):
		return errs.Internal, "", "the request took too long", nil
	}
	var num *strconv.NumError
	if errors.As(err, &num) || strings.Contains(err.Error(), "cannot decode cursor") {
		// Arguments that do not parse: malformed IDs and cursors.
		return errs.BadUserInput, lastField(err), "malformed " + lastField(err), nil
	}
	var gerr *gqlerror.Error
	if errors.As(err, &gerr) && gerr.Err == nil {
		// Argument and input coercion errors from gqlgen.
		return errs.BadUserInput, "", gerr.Message, nil
	}
	return errs.Internal, "", err.Error(), nil
}

// lastField names the argument at the end of an error's path.
func lastField(err error) string {
	var gerr *gqlerror.Error
	if errors.As(err, &gerr) && len(gerr.Path) > 0 {
		if name, ok := gerr.Path[len(gerr.Path)-1].(ast.PathName); ok {
			return string(name)
		}
	}
	return "argument"
}
