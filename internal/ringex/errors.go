package ringex

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// Kind classifies an error by what the caller should do about it.
type Kind int

const (
	KindUnknown      Kind = iota
	KindAuthFailed        // credentials or token rejected: re-link the account
	KindTokenExpired      // OAU-128; the client refreshes once by itself
	KindForbidden         // CMN-401/402/408: the app or user lacks a permission
	KindRateLimited       // still 429 after the retries
	KindNotFound          // 404
	KindUnavailable       // 5xx or network failure after the retries, or a per-call timeout
	KindMalformed         // the answer was not the JSON we expect
	KindBadRequest        // another 4xx: a bug on our side, or bad input
)

var kindNames = [...]string{"unknown", "auth_failed", "token_expired", "forbidden", "rate_limited", "not_found", "unavailable", "malformed", "bad_request"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", int(k))
}

// ErrorDetail is one entry of RingEX's errors[].
type ErrorDetail struct {
	ErrorCode     string `json:"errorCode"`
	Message       string `json:"message"`
	ParameterName string `json:"parameterName,omitempty"`
}

// Error is every failure the client reports, except context cancellation
// (returned as ctx.Err(), wrapped). Act on Kind or Code, never on Message.
type Error struct {
	Kind    Kind
	Code    string // RingEX errorCode, e.g. OAU-140, CMN-301; empty for network errors
	Message string
	Status  int // HTTP status; 0 when no answer arrived
	Op      string
	Details []ErrorDetail
	Err     error // underlying cause (network error, JSON error), if any
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("ringex")
	if e.Op != "" {
		b.WriteString(": " + e.Op)
	}
	b.WriteString(": " + e.Kind.String())
	if e.Code != "" {
		b.WriteString(" " + e.Code)
	}
	if e.Status != 0 {
		fmt.Fprintf(&b, " (HTTP %d)", e.Status)
	}
	if e.Message != "" {
		b.WriteString(": " + e.Message)
	}
	if e.Err != nil {
		b.WriteString(": " + e.Err.Error())
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// KindOf returns the Kind of a client error, KindUnknown for anything else.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return KindUnknown
}

func IsAuthFailed(err error) bool   { return KindOf(err) == KindAuthFailed }
func IsTokenExpired(err error) bool { return KindOf(err) == KindTokenExpired }
func IsForbidden(err error) bool    { return KindOf(err) == KindForbidden }
func IsRateLimited(err error) bool  { return KindOf(err) == KindRateLimited }
func IsNotFound(err error) bool     { return KindOf(err) == KindNotFound }
func IsUnavailable(err error) bool  { return KindOf(err) == KindUnavailable }
func IsMalformed(err error) bool    { return KindOf(err) == KindMalformed }

// errorBody reads both RingEX's API shape and its OAuth shape, which puts the
// errorCode only inside errors[].
type errorBody struct {
	ErrorCode        string        `json:"errorCode"`
	Message          string        `json:"message"`
	Errors           []ErrorDetail `json:"errors"`
	OAuthError       string        `json:"error"`
	ErrorDescription string        `json:"error_description"`
}

// parseError turns a non-2xx answer into an *Error. token says the answer
// came from the token endpoint, where any 400/401 means bad credentials.
func parseError(op string, status int, body []byte, token bool) *Error {
	var eb errorBody
	_ = json.Unmarshal(body, &eb) // an unreadable body still has a status to act on
	e := &Error{Op: op, Status: status, Code: eb.ErrorCode, Message: eb.Message, Details: eb.Errors}
	if e.Code == "" && len(eb.Errors) > 0 {
		e.Code = eb.Errors[0].ErrorCode
	}
	if e.Message == "" {
		e.Message = eb.ErrorDescription
		if e.Message == "" && len(eb.Errors) > 0 {
			e.Message = eb.Errors[0].Message
		}
	}
	switch {
	case token && (status == http.StatusBadRequest || status == http.StatusUnauthorized):
		e.Kind = KindAuthFailed
	case e.Code == "OAU-128":
		e.Kind = KindTokenExpired
	case status == http.StatusUnauthorized || strings.HasPrefix(e.Code, "OAU-"):
		e.Kind = KindAuthFailed
	case e.Code == "CMN-401" || e.Code == "CMN-402" || e.Code == "CMN-408" || status == http.StatusForbidden:
		e.Kind = KindForbidden
	case status == http.StatusTooManyRequests || e.Code == "CMN-301":
		e.Kind = KindRateLimited
	case status == http.StatusNotFound:
		e.Kind = KindNotFound
	case status >= 500:
		e.Kind = KindUnavailable
	default:
		e.Kind = KindBadRequest
	}
	return e
}
