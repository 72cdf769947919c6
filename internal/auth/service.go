// Package auth signs console users and API tokens in, keeps sessions and
// throttling state in the database, and resolves the viewer of a request.
//
// Everything lives in the database (sessions, tokens, throttling counters),
// so several instances behind a load balancer sharing one PostgreSQL behave
// as one.
package auth

import (
	"context"
	"log/slog"
	"time"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/internal/viewer"
)

// Service is the sign-in capability. Only Client is required; zero values
// of the other fields mean the documented defaults.
type Service struct {
	Client *ent.Client
	Logger *slog.Logger
	// SecureCookies marks the session cookie Secure (set it outside
	// development: browsers then send it over HTTPS only).
	SecureCookies bool
	// TrustProxy takes the client address from X-Forwarded-For (the
	// left-most entry) instead of the connection; set it only behind a
	// proxy that overwrites that header.
	TrustProxy bool
	// SessionIdle ends a session nobody used for that long (default 12 h);
	// SessionMax ends every session that long after sign-in (default 7 days).
	SessionIdle time.Duration
	SessionMax  time.Duration
	// EmailThrottle and IPThrottle bound failed sign-ins per email and per
	// client address (defaults: DefaultEmailThrottle, DefaultIPThrottle).
	EmailThrottle *ThrottlePolicy
	IPThrottle    *ThrottlePolicy
	// Now is the clock (tests move it); nil means time.Now.
	Now func() time.Time
}

const (
	defaultSessionIdle = 12 * time.Hour
	defaultSessionMax  = 7 * 24 * time.Hour
	// touchEvery bounds writes for last_seen_at / last_used_at: at most one
	// per session or token per minute, however busy the client is.
	touchEvery = time.Minute
)

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Service) logger() *slog.Logger {
	if s.Logger != nil {
		return s.Logger
	}
	return slog.Default()
}

func (s *Service) sessionIdle() time.Duration {
	if s.SessionIdle > 0 {
		return s.SessionIdle
	}
	return defaultSessionIdle
}

func (s *Service) sessionMax() time.Duration {
	if s.SessionMax > 0 {
		return s.SessionMax
	}
	return defaultSessionMax
}

// client returns the transactional client of a GraphQL mutation when ctx
// carries one, so the auth writes commit or roll back with the rest of the
// mutation; otherwise the service's client.
func (s *Service) client(ctx context.Context) *ent.Client {
	if c := ent.FromContext(ctx); c != nil {
		return c
	}
	return s.Client
}

// system returns ctx marked as the system actor: sessions, tokens and
// throttling rows are hidden from every viewer by the privacy rules, and the
// rules of this package have been checked before it is used.
func system(ctx context.Context) context.Context { return viewer.SystemContext(ctx) }
