package limits

import (
	"context"
	"io"
	"log/slog"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Errors built around the error presenter (without a code) lose their text;
// coded ones pass untouched.
func TestFinishHidesUnclassifiedErrors(t *testing.T) {
	e := New(Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	coded := &gqlerror.Error{Message: "agent not found", Extensions: map[string]any{"code": "NOT_FOUND"}}
	r := e.finish(context.Background(), &graphql.Response{Errors: gqlerror.List{
		{Message: "cannot commit transaction: pq: could not serialize access"}, coded,
	}})
	if r.Errors[0].Message != "internal error" || r.Errors[0].Extensions["code"] != "INTERNAL" {
		t.Errorf("unclassified error kept: %+v", r.Errors[0])
	}
	if r.Errors[1].Message != "agent not found" {
		t.Errorf("classified error changed: %+v", r.Errors[1])
	}
}
