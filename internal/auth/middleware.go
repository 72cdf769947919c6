package auth

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/switchboard/switchboard/internal/errs"
	"github.com/switchboard/switchboard/internal/viewer"
)

// CookieName is the console's session cookie.
const CookieName = "sb_session"

// CSRFHeader must accompany every cookie-authenticated POST. Browsers let
// other sites send cookies with a form POST but never let them add a custom
// header without a CORS preflight, which only the configured origins pass.
const CSRFHeader = "X-Switchboard-CSRF"

// Request is what the sign-in resolvers need from the HTTP request.
type Request struct {
	IP        string
	UserAgent string
	// w receives Set-Cookie; sessionHash is the request's session, if any.
	w           http.ResponseWriter
	sessionHash string
}

type requestKey struct{}

// WithRequest returns ctx carrying the HTTP request's details, as
// Middleware does; w may be nil.
func WithRequest(ctx context.Context, w http.ResponseWriter, ip, userAgent string) context.Context {
	return context.WithValue(ctx, requestKey{}, &Request{IP: ip, UserAgent: userAgent, w: w})
}

func requestFrom(ctx context.Context) *Request {
	if r, ok := ctx.Value(requestKey{}).(*Request); ok {
		return r
	}
	return &Request{}
}

// Middleware authenticates /graphql requests: an API token in
// "Authorization: Bearer", else the session cookie. The viewer it resolves
// travels in the context to every resolver and privacy rule; requests
// without credentials continue anonymous (only signIn works then). An
// invalid bearer token ends the request with UNAUTHENTICATED; a
// cookie-authenticated POST without CSRFHeader ends it with FORBIDDEN.
func (s *Service) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		req := &Request{IP: s.clientIP(r), UserAgent: r.UserAgent(), w: w}
		ctx := context.WithValue(r.Context(), requestKey{}, req)
		if token, ok := bearer(r); ok {
			v, err := s.tokenViewer(ctx, token)
			if err != nil {
				s.refuse(w, r, err)
				return
			}
			next.ServeHTTP(w, r.WithContext(viewer.NewContext(ctx, v)))
			return
		}
		if c, err := r.Cookie(CookieName); err == nil && c.Value != "" {
			u, hash, err := s.sessionUser(ctx, c.Value)
			if err != nil {
				s.refuse(w, r, err)
				return
			}
			if u == nil {
				s.clearCookie(w) // expired or signed out elsewhere
			} else {
				if r.Method == http.MethodPost && r.Header.Get(CSRFHeader) == "" {
					s.refuse(w, r, &errs.Error{Code: errs.ForbiddenCode,
						Message: "cookie-authenticated requests must send the " + CSRFHeader + " header"})
					return
				}
				v, err := s.userViewer(ctx, u)
				if err != nil {
					s.refuse(w, r, err)
					return
				}
				req.sessionHash = hash
				ctx = viewer.NewContext(ctx, v)
			}
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

func bearer(r *http.Request) (string, bool) {
	h := r.Header.Get("Authorization")
	if len(h) > 7 && strings.EqualFold(h[:7], "bearer ") {
		return strings.TrimSpace(h[7:]), true
	}
	return "", h != "" // any other scheme is refused, not ignored
}

// refuse answers a GraphQL-shaped error before execution.
func (s *Service) refuse(w http.ResponseWriter, r *http.Request, err error) {
	e, ok := errs.As(err)
	if !ok {
		s.logger().ErrorContext(r.Context(), "auth: resolving the viewer", "err", err)
		e = &errs.Error{Code: errs.Internal, Message: "internal error"}
	}
	status := http.StatusInternalServerError
	switch e.Code {
	case errs.UnauthenticatedC:
		status = http.StatusUnauthorized
	case errs.ForbiddenCode:
		status = http.StatusForbidden
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"errors": []any{map[string]any{
		"message": e.Message, "extensions": map[string]any{"code": string(e.Code)},
	}}})
}

// clientIP is the connection's address, or the left-most X-Forwarded-For
// entry behind a trusted proxy.
func (s *Service) clientIP(r *http.Request) string {
	if s.TrustProxy {
		if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
			first, _, _ := strings.Cut(xff, ",")
			if ip := net.ParseIP(strings.TrimSpace(first)); ip != nil {
				return ip.String()
			}
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

func (s *Service) setCookie(w http.ResponseWriter, token string, expires time.Time) {
	http.SetCookie(w, &http.Cookie{
		Name: CookieName, Value: token, Path: "/",
		Expires: expires, HttpOnly: true, Secure: s.SecureCookies, SameSite: http.SameSiteLaxMode,
	})
}

func (s *Service) clearCookie(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{
		Name: CookieName, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: s.SecureCookies, SameSite: http.SameSiteLaxMode,
	})
}
