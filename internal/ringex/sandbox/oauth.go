package sandbox

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

const (
	jwtIssuer    = "ringex-sandbox"
	jwtBearer    = "urn:ietf:params:oauth:grant-type:jwt-bearer"
	tokenScope   = "ReadAccounts ReadPresence"
	pruneAtCount = 50_000
)

// authority is the sandbox's OAuth server: it signs JWT credentials, issues
// expiring access tokens and single-use refresh tokens.
type authority struct {
	key    []byte
	opts   Options
	now    func() time.Time
	appJWT string

	mu      sync.Mutex
	access  map[string]grant
	refresh map[string]grant
}

type grant struct {
	owner   int64
	expires time.Time
}

func newAuthority(key []byte, opts Options) *authority {
	a := &authority{key: key, opts: opts, now: time.Now, access: map[string]grant{}, refresh: map[string]grant{}}
	a.appJWT = a.sign(firstID)
	return a
}

// sign makes a JWT credential like the ones RingEX's developer console
// issues for a user of an app: it names the user (sub) and the app (aud).
func (a *authority) sign(ext int64) string {
	now := a.now()
	t := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.RegisteredClaims{
		Issuer:    jwtIssuer,
		Subject:   strconv.FormatInt(ext, 10),
		Audience:  jwt.ClaimStrings{a.opts.ClientID},
		IssuedAt:  jwt.NewNumericDate(now),
		ExpiresAt: jwt.NewNumericDate(now.Add(365 * 24 * time.Hour)),
	})
	s, err := t.SignedString(a.key)
	if err != nil {
		panic(err) // HS256 with a byte key cannot fail
	}
	return s
}

// AppJWT is the JWT credential to configure the client with; it signs in as
// the account's admin (OwnerID).
func (s *Sandbox) AppJWT() string { return s.auth.appJWT }

// UserJWT is a JWT credential for one directory user, exchangeable at the
// token endpoint like the app's.
func (s *Sandbox) UserJWT(extID int64) (string, error) {
	if _, ok := s.dir.get(extID); !ok {
		return "", ErrNotFound
	}
	return s.auth.sign(extID), nil
}

// UserToken issues an access token for a directory user, as if the user had
// signed in to RingEX; GET /restapi/v1.0/account/~/extension/~ with it answers
// that user. Any status is accepted: deciding who may sign in is Switchboard's.
func (s *Sandbox) UserToken(extID int64) (string, error) {
	if _, ok := s.dir.get(extID); !ok {
		return "", ErrNotFound
	}
	tok, _ := s.auth.issue(extID)
	return tok, nil
}

func randomToken(prefix string) string {
	b := make([]byte, 24)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on supported platforms
	return prefix + hex.EncodeToString(b)
}

func (a *authority) issue(owner int64) (accessTok, refreshTok string) {
	now := a.now()
	accessTok, refreshTok = randomToken("SBXA"), randomToken("SBXR")
	a.mu.Lock()
	defer a.mu.Unlock()
	if len(a.access) > pruneAtCount {
		for k, g := range a.access {
			if now.After(g.expires.Add(time.Hour)) {
				delete(a.access, k)
			}
		}
	}
	a.access[accessTok] = grant{owner, now.Add(a.opts.TokenTTL)}
	a.refresh[refreshTok] = grant{owner, now.Add(a.opts.RefreshTTL)}
	return accessTok, refreshTok
}

func (a *authority) ownerOf(tok string) int64 {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.access[tok].owner
}

// check authenticates an API request and answers 401 itself when it fails.
func (a *authority) check(w http.ResponseWriter, tok string, d *directory) (int64, bool) {
	if tok == "" {
		writeError(w, http.StatusUnauthorized, "OAU-123", "Authorization header is not specified", "")
		return 0, false
	}
	a.mu.Lock()
	g, ok := a.access[tok]
	a.mu.Unlock()
	if _, exists := d.get(g.owner); !ok || !exists {
		writeError(w, http.StatusUnauthorized, "OAU-129", "Access token corrupted", "")
		return 0, false
	}
	if !a.now().Before(g.expires) {
		writeError(w, http.StatusUnauthorized, "OAU-128", "Access token expired", "")
		return 0, false
	}
	return g.owner, true
}

type tokenResponse struct {
	AccessToken           string `json:"access_token"`
	TokenType             string `json:"token_type"`
	ExpiresIn             int    `json:"expires_in"`
	RefreshToken          string `json:"refresh_token"`
	RefreshTokenExpiresIn int    `json:"refresh_token_expires_in"`
	Scope                 string `json:"scope"`
	OwnerID               string `json:"owner_id"`
	EndpointID            string `json:"endpoint_id"`
}

// oauthError answers like RingEX's token endpoint: the OAuth 2 fields plus
// RingEX's errors[] with the errorCode a program acts on.
func oauthError(w http.ResponseWriter, status int, oauthCode, code, msg string) {
	writeJSON(w, status, map[string]any{
		"error": oauthCode, "error_description": msg,
		"errors": []errorDetail{{ErrorCode: code, Message: msg}},
	})
}

func (s *Sandbox) handleToken(w http.ResponseWriter, r *http.Request) {
	a := s.auth
	id, secret, ok := r.BasicAuth()
	if !ok || subtle.ConstantTimeCompare([]byte(id), []byte(s.opts.ClientID)) != 1 ||
		subtle.ConstantTimeCompare([]byte(secret), []byte(s.opts.ClientSecret)) != 1 {
		oauthError(w, http.StatusUnauthorized, "invalid_client", "OAU-153", "Invalid client: "+id)
		return
	}
	var owner int64
	switch r.PostFormValue("grant_type") {
	case jwtBearer:
		owner, ok = a.verifyJWT(r.PostFormValue("assertion"), s.dir)
		if !ok {
			oauthError(w, http.StatusBadRequest, "invalid_grant", "OAU-140", "Invalid resource owner credentials")
			return
		}
	case "refresh_token":
		tok := r.PostFormValue("refresh_token")
		a.mu.Lock()
		g, found := a.refresh[tok]
		delete(a.refresh, tok) // single use, like RingEX
		a.mu.Unlock()
		if _, exists := s.dir.get(g.owner); !found || !exists || !a.now().Before(g.expires) {
			oauthError(w, http.StatusBadRequest, "invalid_grant", "OAU-211", "Token is revoked or has expired")
			return
		}
		owner = g.owner
	default:
		oauthError(w, http.StatusBadRequest, "unsupported_grant_type", "OAU-250", "Unsupported grant type")
		return
	}
	at, rt := a.issue(owner)
	writeJSON(w, http.StatusOK, tokenResponse{
		AccessToken: at, TokenType: "bearer", RefreshToken: rt,
		ExpiresIn:             max(int(s.opts.TokenTTL/time.Second), 1),
		RefreshTokenExpiresIn: max(int(s.opts.RefreshTTL/time.Second), 1),
		Scope:                 tokenScope, OwnerID: strconv.FormatInt(owner, 10), EndpointID: "sandbox",
	})
}

func (a *authority) verifyJWT(assertion string, d *directory) (int64, bool) {
	var claims jwt.RegisteredClaims
	_, err := jwt.ParseWithClaims(assertion, &claims, func(*jwt.Token) (any, error) { return a.key, nil },
		jwt.WithValidMethods([]string{"HS256"}), jwt.WithIssuer(jwtIssuer),
		jwt.WithAudience(a.opts.ClientID), jwt.WithExpirationRequired(), jwt.WithTimeFunc(a.now))
	if err != nil {
		return 0, false
	}
	ext, err := strconv.ParseInt(claims.Subject, 10, 64)
	if err != nil {
		return 0, false
	}
	if _, ok := d.get(ext); !ok {
		return 0, false
	}
	return ext, true
}

// ExpireTokens makes every access token issued so far expired (401 OAU-128),
// to exercise a client's refresh path without waiting.
func (s *Sandbox) ExpireTokens() {
	a := s.auth
	a.mu.Lock()
	defer a.mu.Unlock()
	past := a.now().Add(-time.Second)
	for k, g := range a.access {
		g.expires = past
		a.access[k] = g
	}
}

// RevokeRefreshTokens drops every refresh token, so the next refresh fails
// and a client has to sign in with its JWT again.
func (s *Sandbox) RevokeRefreshTokens() {
	a := s.auth
	a.mu.Lock()
	defer a.mu.Unlock()
	clear(a.refresh)
}
