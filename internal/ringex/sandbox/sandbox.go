// Package sandbox is an in-process RingEX (RingCentral) server speaking the
// subset Switchboard uses, with the same JSON shapes, status codes, paging
// envelope, rate-limit headers and error bodies. It backs the client's tests,
// benchmarks, local development and demos; cmd/ringex-sandbox runs it alone.
package sandbox

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Options configures a sandbox. The zero value is usable.
type Options struct {
	Users        int   // directory size; 0 means 2500
	Seed         int64 // same seed, same directory
	ClientID     string
	ClientSecret string
	// RateLimitScale compresses RingEX's rate-limit clock: 1 is real time
	// (Light 50, Medium 40, Heavy 10, Auth 5 requests per 60 s, 60 s
	// penalty), 0.01 makes a window and a penalty last 600 ms, 0 turns limits
	// and their headers off. Headers and Retry-After still speak real seconds,
	// so a client whose waits are scaled by the same factor behaves exactly
	// as it would against RingEX.
	RateLimitScale float64
	TokenTTL       time.Duration // access token lifetime; 0 means 1 h
	RefreshTTL     time.Duration // refresh token lifetime; 0 means 7 days
	Faults         Faults
}

// Faults injects trouble into the RingEX API endpoints (not the token
// endpoint, so fault tests are not masked by failed sign-ins; Latency applies
// to every endpoint).
type Faults struct {
	Latency        time.Duration `json:"latency"`
	Share5xx       float64       `json:"share5xx"`       // 0..1 of API requests answer 503
	Burst5xx       int           `json:"burst5xx"`       // the next N API requests answer 503
	Burst429       int           `json:"burst429"`       // then the next N API requests answer 429
	RetryAfter     int           `json:"retryAfter"`     // Retry-After seconds on those 429s; 0 means 60
	NoRetryAfter   bool          `json:"noRetryAfter"`   // those 429s carry no Retry-After
	MalformedShare float64       `json:"malformedShare"` // 0..1 of API answers are cut-off JSON
}

// Endpoint names used by Counters.
const (
	EndpointToken     = "token"
	EndpointList      = "listExtensions"
	EndpointGet       = "getExtension"
	EndpointCurrent   = "currentExtension"
	EndpointSearch    = "searchDirectory"
	accountID         = "400131010"
	defaultClientID   = "sandbox-client-id"
	defaultSecret     = "sandbox-client-secret"
	defaultUsers      = 2500
	defaultTokenTTL   = time.Hour
	defaultRefreshTTL = 7 * 24 * time.Hour
)

// Counters are request counts for tests and benchmarks.
type Counters struct {
	Requests    map[string]int64 `json:"requests"` // by Endpoint*
	RateLimited int64            `json:"rateLimited"`
	Injected5xx int64            `json:"injected5xx"`
	Malformed   int64            `json:"malformed"`
}

// Sandbox is one simulated RingEX account. Safe for concurrent use.
type Sandbox struct {
	opts   Options
	dir    *directory
	auth   *authority
	limits *limiter

	mu       sync.Mutex
	faults   Faults
	rng      *rand.Rand
	requests map[string]*atomic.Int64
	limited  atomic.Int64
	inj5xx   atomic.Int64
	malform  atomic.Int64
}

// New builds a sandbox and generates its directory.
func New(opts Options) *Sandbox {
	if opts.Users == 0 {
		opts.Users = defaultUsers
	}
	if opts.ClientID == "" {
		opts.ClientID = defaultClientID
	}
	if opts.ClientSecret == "" {
		opts.ClientSecret = defaultSecret
	}
	if opts.TokenTTL == 0 {
		opts.TokenTTL = defaultTokenTTL
	}
	if opts.RefreshTTL == 0 {
		opts.RefreshTTL = defaultRefreshTTL
	}
	s := &Sandbox{
		opts:     opts,
		dir:      generate(max(opts.Users, 0), opts.Seed),
		faults:   opts.Faults,
		rng:      rand.New(rand.NewPCG(uint64(opts.Seed), 0xfa17)),
		requests: map[string]*atomic.Int64{},
		limits:   newLimiter(opts.RateLimitScale),
	}
	for _, e := range []string{EndpointToken, EndpointList, EndpointGet, EndpointCurrent, EndpointSearch} {
		s.requests[e] = new(atomic.Int64)
	}
	// The signing key derives from the options, so a restarted sandbox with
	// the same flags still accepts the JWT printed last time.
	key := sha256.Sum256([]byte(opts.ClientID + "\x00" + opts.ClientSecret + "\x00" + strconv.FormatInt(opts.Seed, 10)))
	s.auth = newAuthority(key[:], opts)
	return s
}

// ClientID and ClientSecret are the app credentials the token endpoint accepts.
func (s *Sandbox) ClientID() string     { return s.opts.ClientID }
func (s *Sandbox) ClientSecret() string { return s.opts.ClientSecret }

// OwnerID is the extension the app JWT authenticates as (an admin user).
func (s *Sandbox) OwnerID() int64 { return firstID }

// SetFaults replaces the fault injection settings at runtime.
func (s *Sandbox) SetFaults(f Faults) {
	s.mu.Lock()
	s.faults = f
	s.mu.Unlock()
}

// Faults returns the current fault injection settings.
func (s *Sandbox) Faults() Faults {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.faults
}

// Counters returns request counts since start or the last ResetCounters.
func (s *Sandbox) Counters() Counters {
	c := Counters{Requests: map[string]int64{}, RateLimited: s.limited.Load(), Injected5xx: s.inj5xx.Load(), Malformed: s.malform.Load()}
	for k, v := range s.requests {
		c.Requests[k] = v.Load()
	}
	return c
}

// ResetCounters zeroes every counter.
func (s *Sandbox) ResetCounters() {
	for _, v := range s.requests {
		v.Store(0)
	}
	s.limited.Store(0)
	s.inj5xx.Store(0)
	s.malform.Store(0)
}

// Handler serves the RingEX subset and /sandbox/admin/...; use it with
// httptest.NewServer or any http.Server.
func (s *Sandbox) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("POST /restapi/oauth/token", s.endpoint(EndpointToken, groupAuth, s.handleToken))
	mux.Handle("GET /restapi/v1.0/account/{account}/extension", s.endpoint(EndpointList, groupMedium, s.api(s.handleList)))
	get := s.endpoint(EndpointGet, groupLight, s.api(s.handleGet))
	current := s.endpoint(EndpointCurrent, groupLight, s.api(s.handleGet))
	mux.HandleFunc("GET /restapi/v1.0/account/{account}/extension/{id}", func(w http.ResponseWriter, r *http.Request) {
		if r.PathValue("id") == "~" {
			current.ServeHTTP(w, r)
			return
		}
		get.ServeHTTP(w, r)
	})
	mux.Handle("POST /restapi/v1.0/account/{account}/directory/entries/search", s.endpoint(EndpointSearch, groupHeavy, s.api(s.handleSearch)))
	s.adminRoutes(mux)
	return mux
}

// Start listens on addr (":0" picks a free port) and serves until shutdown is
// called. It returns the base URL to give the client as ServerURL.
func (s *Sandbox) Start(addr string) (url string, shutdown func(context.Context) error, err error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second}
	// Serve returns ErrServerClosed after shutdown; nothing else is worth reporting.
	go func() { _ = srv.Serve(ln) }()
	return "http://" + ln.Addr().String(), srv.Shutdown, nil
}

// endpoint wraps a handler with what every RingEX endpoint shares: counting,
// latency and per-group rate limiting.
func (s *Sandbox) endpoint(name, group string, h http.HandlerFunc) http.Handler {
	counter := s.requests[name]
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		counter.Add(1)
		if lat := s.Faults().Latency; lat > 0 {
			select {
			case <-time.After(lat):
			case <-r.Context().Done():
				return
			}
		}
		key := s.opts.ClientID
		if name != EndpointToken {
			key += "|" + strconv.FormatInt(s.auth.ownerOf(bearer(r)), 10) // RingEX limits per user per app
		}
		if !s.limits.admit(w, key, group) {
			s.limited.Add(1)
			writeError(w, http.StatusTooManyRequests, "CMN-301", "Request rate exceeded", "")
			return
		}
		h(w, r)
	})
}

// api adds authentication and the injected faults of the API endpoints.
func (s *Sandbox) api(h func(w http.ResponseWriter, r *http.Request, owner int64)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if acc := r.PathValue("account"); acc != "~" && acc != accountID {
			writeError(w, http.StatusNotFound, "CMN-102", "Resource for parameter [accountId] is not found", "accountId")
			return
		}
		owner, ok := s.auth.check(w, bearer(r), s.dir)
		if !ok {
			return
		}
		s.mu.Lock()
		f := &s.faults
		fail := f.Burst5xx > 0
		burst := !fail && f.Burst429 > 0
		switch {
		case fail:
			f.Burst5xx--
		case burst:
			f.Burst429--
		default:
			fail = f.Share5xx > 0 && s.rng.Float64() < f.Share5xx
		}
		malformed := !burst && !fail && f.MalformedShare > 0 && s.rng.Float64() < f.MalformedShare
		noRetryAfter, retryAfter := f.NoRetryAfter, f.RetryAfter
		s.mu.Unlock()
		if retryAfter <= 0 {
			retryAfter = penaltySecs
		}
		switch {
		case burst:
			s.limited.Add(1)
			if !noRetryAfter {
				w.Header().Set("Retry-After", strconv.Itoa(retryAfter))
			}
			writeError(w, http.StatusTooManyRequests, "CMN-301", "Request rate exceeded", "")
		case fail:
			s.inj5xx.Add(1)
			writeError(w, http.StatusServiceUnavailable, "CMN-211", "Service Temporary Unavailable", "")
		case malformed:
			s.malform.Add(1)
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusOK)
			_, _ = w.Write([]byte(`{"uri":"` + baseURL(r) + `","records":[{"id":`))
		default:
			h(w, r, owner)
		}
	}
}

func bearer(r *http.Request) string {
	a := r.Header.Get("Authorization")
	if len(a) > 7 && strings.EqualFold(a[:7], "bearer ") {
		return a[7:]
	}
	return ""
}

func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

type errorDetail struct {
	ErrorCode     string `json:"errorCode"`
	Message       string `json:"message"`
	ParameterName string `json:"parameterName,omitempty"`
}

type errorBody struct {
	ErrorCode string        `json:"errorCode"`
	Message   string        `json:"message"`
	Errors    []errorDetail `json:"errors"`
}

// writeError answers in RingEX's documented error shape.
func writeError(w http.ResponseWriter, status int, code, msg, param string) {
	writeJSON(w, status, errorBody{code, msg, []errorDetail{{code, msg, param}}})
}
