// Package errs defines the errors every layer returns to people and programs:
// a machine-readable code, the input field at fault when there is one, and a
// message a person can act on. The GraphQL layer turns them into
// extensions.code and extensions.field.
package errs

import (
	"errors"
	"fmt"
	"strings"

	"github.com/switchboard/switchboard/internal/perm"
)

// Code is the value of extensions.code.
type Code string

const (
	BadUserInput      Code = "BAD_USER_INPUT"
	NotFoundCode      Code = "NOT_FOUND"
	ConflictCode      Code = "CONFLICT"
	ForbiddenCode     Code = "FORBIDDEN"
	UnauthenticatedC  Code = "UNAUTHENTICATED"
	RingExNotLinked   Code = "RINGEX_NOT_LINKED"
	RingExAuthFailed  Code = "RINGEX_AUTH_FAILED"
	RingExUnavailable Code = "RINGEX_UNAVAILABLE"
	RingExOwned       Code = "RINGEX_OWNED"
	UsernameTaken     Code = "USERNAME_TAKEN"
	TooManyAttempts   Code = "TOO_MANY_ATTEMPTS"
	Internal          Code = "INTERNAL"
)

// Error is a coded error.
type Error struct {
	Code    Code
	Field   string
	Message string
	// Missing lists the permissions a FORBIDDEN error lacked.
	Missing []perm.Permission
	Err     error
}

func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: %s", e.Field, e.Message)
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// As returns the coded error inside err, if any.
func As(err error) (*Error, bool) {
	var e *Error
	if errors.As(err, &e) {
		return e, true
	}
	return nil, false
}

// CodeOf returns the code of err, Internal when it carries none.
func CodeOf(err error) Code {
	if e, ok := As(err); ok {
		return e.Code
	}
	return Internal
}

// Invalid reports bad input in one field.
func Invalid(field, format string, args ...any) *Error {
	return &Error{Code: BadUserInput, Field: field, Message: fmt.Sprintf(format, args...)}
}

// NotFound reports an object that does not exist or that the viewer may not
// see: both answer the same so that IDs of other accounts reveal nothing.
func NotFound(what, field string) *Error {
	return &Error{Code: NotFoundCode, Field: field, Message: what + " not found"}
}

// Conflict reports a uniqueness or state conflict.
func Conflict(field, format string, args ...any) *Error {
	return &Error{Code: ConflictCode, Field: field, Message: fmt.Sprintf(format, args...)}
}

// Forbidden reports a permission the viewer's role lacks.
func Forbidden(missing ...perm.Permission) *Error {
	names := make([]string, len(missing))
	for i, p := range missing {
		names[i] = string(p)
	}
	return &Error{Code: ForbiddenCode, Missing: missing,
		Message: "your role lacks the permission " + strings.Join(names, ", ")}
}

// ReadOnlyToken refuses a mutation made with a read-only API token.
func ReadOnlyToken() *Error {
	return &Error{Code: ForbiddenCode, Message: "read-only API tokens cannot change anything"}
}

// PlatformAdminOnly refuses what only platform administrators may do.
func PlatformAdminOnly() *Error {
	return &Error{Code: ForbiddenCode, Message: "only platform administrators can do this"}
}

// Unauthenticated refuses a request without a valid session or token.
func Unauthenticated() *Error {
	return &Error{Code: UnauthenticatedC, Message: "sign in first"}
}

// New builds a coded error.
func New(code Code, field, format string, args ...any) *Error {
	return &Error{Code: code, Field: field, Message: fmt.Sprintf(format, args...)}
}

// Wrap builds a coded error around a cause.
func Wrap(code Code, err error, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...), Err: err}
}
