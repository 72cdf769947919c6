package graph

import (
	"errors"

	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/switchboard/switchboard/internal/auth"
	"github.com/switchboard/switchboard/internal/errs"
)

// viewerOf translates the auth package's description of a viewer.
func viewerOf(info *auth.ViewerInfo, err error) (*Viewer, error) {
	if err != nil || info == nil {
		return nil, err
	}
	out := &Viewer{User: info.User, Token: info.Token, Memberships: make([]*ViewerMembership, len(info.Memberships))}
	for i, m := range info.Memberships {
		out.Memberships[i] = &ViewerMembership{Account: m.Account, Role: m.Role, Permissions: m.Permissions}
	}
	return out, nil
}

// throttled adds extensions.retryAfter (seconds) to a TOO_MANY_ATTEMPTS
// answer, so clients can show when to try again.
func throttled(err error) error {
	var te *auth.ThrottledError
	if !errors.As(err, &te) {
		return err
	}
	return &gqlerror.Error{Err: err, Message: te.Error(), Extensions: map[string]any{
		"code": string(errs.TooManyAttempts), "retryAfter": te.RetryAfter,
	}}
}
