// Package ringex is Switchboard's RingEX (RingCentral) REST client; nothing
// else in the project speaks RingEX HTTP. It authenticates with a JWT
// credential, shares and refreshes one token between goroutines, paces itself
// under RingEX's per-group rate limits, retries what is worth retrying and
// reports failures as *Error with a Kind a program can act on.
package ringex

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Config configures a Client. Zero fields take the defaults noted.
type Config struct {
	ServerURL    string // default https://platform.ringcentral.com
	ClientID     string
	ClientSecret string
	JWT          string       // the app's JWT credential
	HTTPClient   *http.Client // default: a pooled client; per-call timeouts come from Timeout
	Timeout      time.Duration
	MaxRetries   int // retries after the first attempt (5xx, network, 429); default 3, negative means none
	Logger       *slog.Logger
	// WaitScale multiplies every wait the client decides on: Retry-After,
	// back-off, rate-limit windows. 0 means 1 (real time). Tests set it to the
	// sandbox's RateLimitScale so the real behaviour runs on a faster clock.
	WaitScale float64
}

const (
	DefaultServerURL  = "https://platform.ringcentral.com"
	defaultTimeout    = 30 * time.Second
	defaultMaxRetries = 3
	defaultRetryAfter = 30 * time.Second // RingEX's advice when Retry-After is absent
	backoffBase       = 500 * time.Millisecond
	backoffCap        = 20 * time.Second
	maxBody           = 64 << 20
)

// Client talks to one RingEX account as one app. Safe for concurrent use.
type Client struct {
	base       *url.URL
	cfg        Config
	hc         *http.Client
	log        *slog.Logger
	maxRetries int
	pacer      *pacer
	tokens     *tokenSource
	sleep      func(ctx context.Context, d time.Duration) error
}

// New builds a client; it does not contact RingEX (see Authenticate).
func New(cfg Config) *Client {
	if cfg.ServerURL == "" {
		cfg.ServerURL = DefaultServerURL
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = defaultTimeout
	}
	if cfg.WaitScale <= 0 {
		cfg.WaitScale = 1
	}
	c := &Client{cfg: cfg, hc: cfg.HTTPClient, log: cfg.Logger, maxRetries: cfg.MaxRetries, sleep: sleepCtx}
	if c.hc == nil {
		// Imports read users with several requests in flight; Go's default
		// keeps two idle connections per host, so the rest would pay a new
		// (TLS) connection each time.
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.MaxIdleConnsPerHost = 32
		c.hc = &http.Client{Transport: t}
	}
	if c.log == nil {
		c.log = slog.New(slog.DiscardHandler)
	}
	switch {
	case cfg.MaxRetries == 0:
		c.maxRetries = defaultMaxRetries
	case cfg.MaxRetries < 0:
		c.maxRetries = 0
	}
	base, err := url.Parse(strings.TrimRight(cfg.ServerURL, "/"))
	if err != nil || base.Host == "" {
		base = &url.URL{Scheme: "invalid", Host: "invalid"} // every call then fails as unavailable
	}
	c.base = base
	c.pacer = newPacer(cfg.WaitScale)
	c.tokens = &tokenSource{c: c}
	return c
}

// RateLimits returns the last known state of each rate-limit group, so a
// long import can report why it is slow.
func (c *Client) RateLimits() map[string]RateLimit { return c.pacer.snapshot() }

func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (c *Client) scaled(d time.Duration) time.Duration {
	return time.Duration(float64(d) * c.cfg.WaitScale)
}

// backoff is exponential with jitter over its upper half, so retries of many
// goroutines do not arrive together.
func (c *Client) backoff(attempt int) time.Duration {
	d := min(backoffBase<<min(attempt, 10), backoffCap)
	return c.scaled(d/2 + rand.N(d/2+1))
}

// request is one RingEX call, re-sendable on retry.
type request struct {
	op      string
	method  string
	path    string // path and query, relative to the server URL
	body    []byte
	ctype   string
	group   string
	token   bool // token endpoint: Basic auth, different error semantics
	auth    string
	noRetry bool
}

// exchange sends a request with pacing, per-attempt timeout and retries; it
// returns the final answer (any status other than 429/5xx) or an *Error.
func (c *Client) exchange(ctx context.Context, rq request, st *Stats) (int, []byte, error) {
	for attempt := 0; ; attempt++ {
		pace, gen := c.pacer.reserve(rq.group)
		if err := c.sleep(ctx, pace); err != nil {
			c.pacer.release(rq.group)
			return 0, nil, fmt.Errorf("ringex: %s: %w", rq.op, err)
		}
		status, hdr, body, err := c.once(ctx, rq)
		if st != nil {
			st.Requests++
		}
		var wait, retryAfter time.Duration
		var failure *Error
		switch {
		case err != nil:
			c.pacer.release(rq.group)
			if ctx.Err() != nil {
				return 0, nil, fmt.Errorf("ringex: %s: %w", rq.op, ctx.Err())
			}
			failure = &Error{Op: rq.op, Kind: KindUnavailable, Err: err}
			wait = c.backoff(attempt)
		case status == http.StatusTooManyRequests:
			retryAfter = defaultRetryAfter
			if s, perr := strconv.Atoi(hdr.Get("Retry-After")); perr == nil && s >= 0 {
				retryAfter = time.Duration(s) * time.Second
			}
			retryAfter = max(c.scaled(retryAfter), time.Millisecond)
			wait = retryAfter
			failure = parseError(rq.op, status, body, rq.token)
			failure.Kind = KindRateLimited
			if st != nil {
				st.RateLimited++
			}
		case status >= 500:
			wait = c.backoff(attempt)
			failure = parseError(rq.op, status, body, rq.token)
			failure.Kind = KindUnavailable
		}
		if err == nil {
			c.pacer.observe(rq.group, gen, hdr, retryAfter)
		}
		if failure == nil {
			return status, body, nil
		}
		if attempt >= c.maxRetries || rq.noRetry {
			return 0, nil, failure
		}
		if st != nil {
			st.Retries++
		}
		c.log.LogAttrs(ctx, slog.LevelWarn, "ringex: retrying", slog.String("op", rq.op),
			slog.String("kind", failure.Kind.String()), slog.Int("status", failure.Status),
			slog.Int("attempt", attempt+1), slog.Duration("wait", wait))
		if err := c.sleep(ctx, wait); err != nil {
			return 0, nil, fmt.Errorf("ringex: %s: %w", rq.op, err)
		}
	}
}

// once sends one attempt under its own timeout and reads the whole answer.
func (c *Client) once(ctx context.Context, rq request) (int, http.Header, []byte, error) {
	ctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	var body io.Reader
	if rq.body != nil {
		body = bytes.NewReader(rq.body)
	}
	req, err := http.NewRequestWithContext(ctx, rq.method, c.base.String()+rq.path, body)
	if err != nil {
		return 0, nil, nil, err
	}
	req.Header.Set("Accept", "application/json")
	if rq.ctype != "" {
		req.Header.Set("Content-Type", rq.ctype)
	}
	if rq.token {
		req.SetBasicAuth(c.cfg.ClientID, c.cfg.ClientSecret)
	} else if rq.auth != "" {
		req.Header.Set("Authorization", "Bearer "+rq.auth)
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return 0, nil, nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return 0, nil, nil, err
	}
	return resp.StatusCode, resp.Header, data, nil
}

// call is an authenticated API call decoding a 2xx JSON answer into out. With
// userToken empty it uses the app's token and, on OAU-128, refreshes it once.
func (c *Client) call(ctx context.Context, rq request, userToken string, out any, st *Stats) error {
	for try := 0; ; try++ {
		tok := userToken
		if tok == "" {
			var err error
			if tok, err = c.tokens.access(ctx); err != nil {
				return err
			}
		}
		rq.auth = tok
		status, body, err := c.exchange(ctx, rq, st)
		if err != nil {
			return err
		}
		if status >= 300 {
			e := parseError(rq.op, status, body, false)
			if e.Kind == KindTokenExpired && userToken == "" && try == 0 {
				c.tokens.invalidate(tok)
				continue
			}
			return e
		}
		if err := json.Unmarshal(body, out); err != nil {
			return &Error{Op: rq.op, Kind: KindMalformed, Status: status, Message: "answer is not the expected JSON", Err: err}
		}
		return nil
	}
}
