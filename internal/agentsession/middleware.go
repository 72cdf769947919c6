package agentsession

import (
	"net/http"
	"strings"
)

// TokenFromHeader returns the agent-session token of an Authorization
// header: "Agent <token>", or "Bearer <token>" when the token carries
// TokenPrefix. Any other header (console API tokens, none) returns "".
func TokenFromHeader(h string) string {
	scheme, token, ok := strings.Cut(strings.TrimSpace(h), " ")
	if !ok {
		return ""
	}
	token = strings.TrimSpace(token)
	switch {
	case strings.EqualFold(scheme, "Agent"):
		return token
	case strings.EqualFold(scheme, "Bearer") && strings.HasPrefix(token, TokenPrefix):
		return token
	}
	return ""
}

// Middleware authenticates agent clients and hands every other request to
// console, the console authentication (nil: none). Agent-client requests
// skip console authentication altogether: they carry no cookie session or
// API token to check, and a console layer must not refuse a token it does
// not know. A stale or unknown agent token leaves the request anonymous, so
// startAgentSession still works and everything else answers UNAUTHENTICATED.
func (s *Service) Middleware(console func(http.Handler) http.Handler) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		other := next
		if console != nil {
			other = console(next)
		}
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			token := TokenFromHeader(r.Header.Get("Authorization"))
			if token == "" {
				other.ServeHTTP(w, r)
				return
			}
			sess, err := s.Authenticate(r.Context(), token)
			if err != nil {
				if !isUnauthenticated(err) {
					s.logger().ErrorContext(r.Context(), "authenticating agent session", "err", err)
					w.Header().Set("Content-Type", "application/json")
					w.WriteHeader(http.StatusServiceUnavailable)
					_, _ = w.Write([]byte(`{"errors":[{"message":"internal error","extensions":{"code":"INTERNAL"}}]}`))
					return
				}
				next.ServeHTTP(w, r)
				return
			}
			next.ServeHTTP(w, r.WithContext(NewContext(r.Context(), sess)))
		})
	}
}
