package ringex_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/switchboard/switchboard/internal/ringex"
	"github.com/switchboard/switchboard/internal/ringex/sandbox"
)

// listOnce runs ListUsers over a small directory (one page).
func listOnce(c *ringex.Client) (ringex.Stats, error) {
	return c.ListUsers(context.Background(), func([]ringex.Extension) error { return nil })
}

func TestRetryAfterIsHonoured(t *testing.T) {
	for _, tc := range []struct {
		name   string
		faults sandbox.Faults
		min    time.Duration // two waits, scaled by ringextest.WaitScale
	}{
		{"with header", sandbox.Faults{Burst429: 2, RetryAfter: 10}, 2 * 10 * time.Millisecond},
		{"without header", sandbox.Faults{Burst429: 2, NoRetryAfter: true}, 2 * 30 * time.Millisecond},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, c := newEnv(t, sandbox.Options{Faults: tc.faults}, nil)
			start := time.Now()
			st, err := listOnce(c)
			if err != nil {
				t.Fatal(err)
			}
			if el := time.Since(start); el < tc.min {
				t.Fatalf("waited %v, want at least %v", el, tc.min)
			}
			if st.RateLimited != 2 || st.Retries != 2 || st.Requests != 3 {
				t.Fatalf("stats %+v", st)
			}
		})
	}
}

func TestRateLimitedAfterRetries(t *testing.T) {
	_, c := newEnv(t, sandbox.Options{Faults: sandbox.Faults{Burst429: 10, RetryAfter: 1}}, func(c *ringex.Config) { c.MaxRetries = 2 })
	st, err := listOnce(c)
	if e := wantKind(t, err, ringex.KindRateLimited); e.Code != "CMN-301" || e.Status != 429 {
		t.Fatalf("%+v", e)
	}
	if st.Requests != 3 {
		t.Fatalf("stats %+v", st)
	}
}

func TestServerErrorsAreRetried(t *testing.T) {
	sb, c := newEnv(t, sandbox.Options{Faults: sandbox.Faults{Burst5xx: 2}}, nil)
	st, err := listOnce(c)
	if err != nil || st.Retries != 2 || sb.Counters().Injected5xx != 2 {
		t.Fatalf("err %v stats %+v", err, st)
	}
}

func TestServerErrorsExhausted(t *testing.T) {
	_, c := newEnv(t, sandbox.Options{Faults: sandbox.Faults{Share5xx: 1}}, func(c *ringex.Config) { c.MaxRetries = 3 })
	st, err := listOnce(c)
	if e := wantKind(t, err, ringex.KindUnavailable); e.Status != 503 || e.Code != "CMN-211" {
		t.Fatalf("%+v", e)
	}
	if st.Requests != 4 {
		t.Fatalf("stats %+v", st)
	}
}

func TestPerCallTimeout(t *testing.T) {
	sb, c := newEnv(t, sandbox.Options{}, func(c *ringex.Config) {
		c.Timeout = 50 * time.Millisecond
		c.MaxRetries = 1
	})
	if _, err := c.Authenticate(context.Background()); err != nil {
		t.Fatal(err)
	}
	sb.SetFaults(sandbox.Faults{Latency: 300 * time.Millisecond})
	start := time.Now()
	_, err := c.GetUser(context.Background(), sb.OwnerID())
	wantKind(t, err, ringex.KindUnavailable)
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 250*time.Millisecond {
		t.Fatalf("err %v after %v", err, time.Since(start))
	}
}

func TestMalformedAnswer(t *testing.T) {
	_, c := newEnv(t, sandbox.Options{Faults: sandbox.Faults{MalformedShare: 1}}, nil)
	_, err := listOnce(c)
	wantKind(t, err, ringex.KindMalformed)
}

func TestContextCancellation(t *testing.T) {
	t.Run("in flight", func(t *testing.T) {
		sb, c := newEnv(t, sandbox.Options{}, nil)
		if _, err := c.Authenticate(context.Background()); err != nil {
			t.Fatal(err)
		}
		sb.SetFaults(sandbox.Faults{Latency: 2 * time.Second})
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		defer cancel()
		start := time.Now()
		_, err := c.GetUser(ctx, sb.OwnerID())
		if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > time.Second {
			t.Fatalf("err %v after %v", err, time.Since(start))
		}
	})
	t.Run("waiting out a 429", func(t *testing.T) {
		_, c := newEnv(t, sandbox.Options{Faults: sandbox.Faults{Burst429: 1}}, func(c *ringex.Config) { c.WaitScale = 1 })
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(100*time.Millisecond, cancel)
		start := time.Now()
		_, err := c.ListUsers(ctx, func([]ringex.Extension) error { return nil })
		if !errors.Is(err, context.Canceled) || time.Since(start) > time.Second {
			t.Fatalf("err %v after %v", err, time.Since(start))
		}
	})
}

// With the sandbox enforcing RingEX's limits on a compressed clock, the
// client paces itself: more requests than a window allows, and not one 429.
func TestPacingAvoids429(t *testing.T) {
	const scale = 0.01 // a 60 s window lasts 600 ms
	sb, c := newEnv(t, sandbox.Options{RateLimitScale: scale}, func(c *ringex.Config) { c.WaitScale = scale })
	ids := sb.Users()
	var wg sync.WaitGroup
	start := time.Now()
	for w := range 4 {
		wg.Go(func() {
			for i := range 20 { // 80 Light requests against a limit of 50
				if _, err := c.GetUser(context.Background(), ids[w*20+i].ID); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	cn := sb.Counters()
	if cn.RateLimited != 0 || cn.Requests[sandbox.EndpointGet] != 80 {
		t.Fatalf("counters %+v", cn)
	}
	if el := time.Since(start); el < 600*time.Millisecond {
		t.Fatalf("80 requests in %v: the window was not respected", el)
	}
	if rl := c.RateLimits()[ringex.GroupLight]; rl.Limit != 50 || rl.Window != time.Minute {
		t.Fatalf("rate limits %+v", c.RateLimits())
	}
}
