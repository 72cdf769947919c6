package ringex

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/url"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"
)

const (
	grantJWT     = "urn:ietf:params:oauth:grant-type:jwt-bearer"
	tokenPath    = "/restapi/oauth/token"
	maxRefreshAt = 5 * time.Minute // refresh at most this long before expiry
)

// Token is RingEX's token answer. Its String and LogValue hide the secrets,
// so a Token can be logged or printed safely.
type Token struct {
	AccessToken           string `json:"access_token"`
	TokenType             string `json:"token_type"`
	ExpiresIn             int    `json:"expires_in"`
	RefreshToken          string `json:"refresh_token"`
	RefreshTokenExpiresIn int    `json:"refresh_token_expires_in"`
	Scope                 string `json:"scope"`
	OwnerID               string `json:"owner_id"`

	ExpiresAt        time.Time `json:"-"` // from the moment the request was sent, so it errs early
	RefreshExpiresAt time.Time `json:"-"`
}

func (t Token) String() string {
	return "ringex.Token{owner=" + t.OwnerID + " scope=" + t.Scope + " expires=" + t.ExpiresAt.Format(time.RFC3339) + "}"
}

// LogValue keeps tokens out of logs.
func (t Token) LogValue() slog.Value {
	return slog.GroupValue(slog.String("owner", t.OwnerID), slog.String("scope", t.Scope), slog.Time("expires", t.ExpiresAt))
}

// tokenSource holds the app token shared by all goroutines. Renewal runs in
// one flight at a time because RingEX refresh tokens are single use: two
// concurrent refreshes would burn the token and fail one of them.
type tokenSource struct {
	c      *Client
	flight singleflight.Group

	mu        sync.Mutex
	tok       Token
	refreshAt time.Time
}

// Authenticate exchanges the JWT for a token, replacing any held one. It
// always contacts RingEX, so it doubles as a credentials check when an
// account is linked.
func (c *Client) Authenticate(ctx context.Context) (Token, error) {
	return c.tokens.grant(ctx, url.Values{"grant_type": {grantJWT}, "assertion": {c.cfg.JWT}}, "authenticate")
}

// access returns a usable access token, renewing it when due.
func (s *tokenSource) access(ctx context.Context) (string, error) {
	s.mu.Lock()
	tok, due := s.tok, s.refreshAt
	s.mu.Unlock()
	if tok.AccessToken != "" && time.Now().Before(due) {
		return tok.AccessToken, nil
	}
	// The flight must outlive a caller that gives up, or the next caller would
	// find a refresh token spent with no answer stored.
	ch := s.flight.DoChan("renew", func() (any, error) {
		fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 4*s.c.cfg.Timeout)
		defer cancel()
		return s.renew(fctx)
	})
	select {
	case <-ctx.Done():
		return "", ctx.Err()
	case r := <-ch:
		if r.Err != nil {
			return "", r.Err
		}
		return r.Val.(string), nil
	}
}

func (s *tokenSource) renew(ctx context.Context) (string, error) {
	s.mu.Lock()
	old, due := s.tok, s.refreshAt
	s.mu.Unlock()
	now := time.Now()
	if old.AccessToken != "" && now.Before(due) {
		return old.AccessToken, nil // renewed by the flight just before ours
	}
	if old.RefreshToken != "" && now.Before(old.RefreshExpiresAt) {
		s.mu.Lock()
		s.tok.RefreshToken = "" // spent whatever happens next
		s.mu.Unlock()
		t, err := s.grant(ctx, url.Values{"grant_type": {"refresh_token"}, "refresh_token": {old.RefreshToken}}, "refresh token")
		if err == nil {
			return t.AccessToken, nil
		}
		s.c.log.LogAttrs(ctx, slog.LevelWarn, "ringex: refresh failed, signing in with the JWT again", slog.String("error", err.Error()))
	}
	t, err := s.grant(ctx, url.Values{"grant_type": {grantJWT}, "assertion": {s.c.cfg.JWT}}, "authenticate")
	if err != nil {
		if old.AccessToken != "" && now.Before(old.ExpiresAt) {
			return old.AccessToken, nil // renewal was early; try again on the next call
		}
		return "", err
	}
	return t.AccessToken, nil
}

// grant calls the token endpoint and stores the answer.
func (s *tokenSource) grant(ctx context.Context, form url.Values, op string) (Token, error) {
	sent := time.Now()
	rq := request{op: op, method: "POST", path: tokenPath, body: []byte(form.Encode()),
		ctype: "application/x-www-form-urlencoded", group: GroupAuth, token: true}
	// A refresh token is spent once the server has seen it, so an attempt that
	// failed in transit must not be repeated with the same token.
	rq.noRetry = form.Get("grant_type") == "refresh_token"
	status, body, err := s.c.exchange(ctx, rq, nil)
	if err != nil {
		return Token{}, err
	}
	if status >= 300 {
		return Token{}, parseError(op, status, body, true)
	}
	var t Token
	if err := json.Unmarshal(body, &t); err != nil || t.AccessToken == "" {
		return Token{}, &Error{Op: op, Kind: KindMalformed, Status: status, Message: "token answer is not the expected JSON", Err: err}
	}
	life := time.Duration(t.ExpiresIn) * time.Second
	t.ExpiresAt = sent.Add(life)
	t.RefreshExpiresAt = sent.Add(time.Duration(t.RefreshTokenExpiresIn) * time.Second)
	s.mu.Lock()
	s.tok = t
	s.refreshAt = t.ExpiresAt.Add(-min(life/10, maxRefreshAt))
	s.mu.Unlock()
	s.c.log.LogAttrs(ctx, slog.LevelDebug, "ringex: token issued", slog.Any("token", t))
	return t, nil
}

// invalidate drops an access token RingEX called expired, unless another
// goroutine has already replaced it; the refresh token stays usable.
func (s *tokenSource) invalidate(access string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.tok.AccessToken == access {
		s.tok.AccessToken = ""
		s.refreshAt = time.Time{}
	}
}
