package ringex

import (
	"net/http"
	"strconv"
	"sync"
	"time"
)

// Rate-limit groups, as RingEX names them in X-Rate-Limit-Group.
const (
	GroupLight  = "Light"
	GroupMedium = "Medium"
	GroupHeavy  = "Heavy"
	GroupAuth   = "Auth"
)

// RateLimit is the last known state of one group, from response headers.
type RateLimit struct {
	Group     string
	Limit     int
	Remaining int
	Window    time.Duration // as RingEX states it (unscaled)
}

// pacer keeps requests under RingEX's per-group limits so normal operation
// never meets a 429 (whose 60 s penalty restarts on every request made during
// it). It mirrors the server's fixed window: the window opens with the first
// request, and once few requests remain they are spread over the rest of it.
type pacer struct {
	scale float64
	now   func() time.Time

	mu     sync.Mutex
	groups map[string]*groupState
}

type groupState struct {
	RateLimit
	window       time.Duration // scaled
	start        time.Time     // estimated window start, never earlier than the server's
	remaining    int           // budget we predict is left in the window
	inflight     int           // reserved but not yet answered
	next         time.Time     // earliest slot while spreading
	blockedUntil time.Time     // end of a 429 penalty
	fresh        bool          // a window opened by our estimate; the next answer pins its start
	// gen numbers our window estimates. An answer to a request reserved in
	// an earlier one says nothing about the current window: the server
	// counted it in the window before.
	gen uint64
}

// newWindow starts our estimate of a window at start with the full budget.
func (g *groupState) newWindow(start time.Time) {
	g.start, g.remaining, g.next, g.fresh = start, g.Limit, time.Time{}, true
	g.gen++
}

// lowWater: requests are spread once remaining <= limit/lowWater.
const lowWater = 4

func newPacer(scale float64) *pacer {
	return &pacer{scale: scale, now: time.Now, groups: map[string]*groupState{}}
}

func (p *pacer) group(name string) *groupState {
	g := p.groups[name]
	if g == nil {
		g = &groupState{}
		p.groups[name] = g
	}
	return g
}

// reserve claims a request slot in a group and says how long to wait first,
// and which window estimate the slot belongs to (for observe).
func (p *pacer) reserve(group string) (time.Duration, uint64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	g := p.group(group)
	g.inflight++
	now := p.now()
	at := now
	if at.Before(g.blockedUntil) {
		at = g.blockedUntil // any request during a penalty would restart it
	}
	if g.Limit == 0 {
		return at.Sub(now), g.gen // nothing known yet: the first answer will tell
	}
	if at.Before(g.start) {
		at = g.start // the window we wait for has not opened yet
	}
	if !at.Before(g.start.Add(g.window)) {
		g.newWindow(at)
	}
	switch {
	case g.remaining <= 0:
		// Wait out the window, with a margin for the gap between our estimate
		// and the server's clock.
		at = g.start.Add(g.window + g.window/50)
		g.newWindow(at)
	case g.remaining <= g.Limit/lowWater:
		if at.Before(g.next) {
			at = g.next
		}
		g.next = at.Add(max(g.start.Add(g.window).Sub(at), 0) / time.Duration(g.remaining+1))
	}
	g.remaining--
	return at.Sub(now), g.gen
}

// release gives back a reservation that never reached the server.
func (p *pacer) release(group string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if g := p.groups[group]; g != nil && g.inflight > 0 {
		g.inflight--
	}
}

// observe updates a group from the headers of an answer to a request
// reserved in window estimate gen; retryAfter > 0 on a 429.
func (p *pacer) observe(group string, gen uint64, h http.Header, retryAfter time.Duration) {
	limit, err1 := strconv.Atoi(h.Get("X-Rate-Limit-Limit"))
	remaining, err2 := strconv.Atoi(h.Get("X-Rate-Limit-Remaining"))
	windowSecs, err3 := strconv.Atoi(h.Get("X-Rate-Limit-Window"))
	p.mu.Lock()
	defer p.mu.Unlock()
	g := p.group(group)
	if g.inflight > 0 {
		g.inflight--
	}
	now := p.now()
	if retryAfter > 0 {
		g.blockedUntil = now.Add(retryAfter)
		g.newWindow(g.blockedUntil)
	}
	if err1 != nil || err2 != nil || err3 != nil || limit <= 0 {
		return
	}
	if name := h.Get("X-Rate-Limit-Group"); name != "" {
		g.Group = name
	}
	g.Limit, g.Remaining, g.Window = limit, remaining, time.Duration(windowSecs)*time.Second
	g.window = time.Duration(float64(g.Window) * p.scale)
	left := remaining - g.inflight // our requests still in flight are not counted in this answer yet
	switch {
	case retryAfter > 0:
	case gen != g.gen && !g.start.IsZero():
		// Counted in an earlier window: pinning the current one's start
		// or budget on it would wait out a window nobody has used.
	case g.start.IsZero() || g.fresh:
		// The server opened its window when our first request arrived, a bit
		// before now: starting ours now errs late, which is the safe side.
		g.start, g.fresh, g.remaining = now, false, left
	case left < g.remaining:
		g.remaining = left // someone else shares the budget (another process, the same user)
	}
}

// snapshot returns the last known limits of every group.
func (p *pacer) snapshot() map[string]RateLimit {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make(map[string]RateLimit, len(p.groups))
	for k, g := range p.groups {
		if g.Limit > 0 {
			out[k] = g.RateLimit
		}
	}
	return out
}
