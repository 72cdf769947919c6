package sandbox

import (
	"math"
	"net/http"
	"strconv"
	"sync"
	"time"
)

const (
	groupLight  = "Light"
	groupMedium = "Medium"
	groupHeavy  = "Heavy"
	groupAuth   = "Auth"
	windowSecs  = 60
	penaltySecs = 60
)

// RingEX's published limits per user per app per 60 s window.
var groupLimits = map[string]int{groupLight: 50, groupMedium: 40, groupHeavy: 10, groupAuth: 5}

// limiter models RingEX's fixed windows: a window opens with the first
// request, N requests fit in it, the next one earns a penalty, and any request
// during the penalty restarts it.
type limiter struct {
	scale   float64
	window  time.Duration
	penalty time.Duration
	now     func() time.Time

	mu      sync.Mutex
	buckets map[string]*bucket
}

type bucket struct {
	start        time.Time
	count        int
	penaltyUntil time.Time
}

func newLimiter(scale float64) *limiter {
	return &limiter{
		scale:   scale,
		window:  time.Duration(float64(windowSecs*time.Second) * scale),
		penalty: time.Duration(float64(penaltySecs*time.Second) * scale),
		now:     time.Now,
		buckets: map[string]*bucket{},
	}
}

// admit counts a request and writes the rate-limit headers; false means the
// caller must answer 429 (Retry-After is already set).
func (l *limiter) admit(w http.ResponseWriter, key, group string) bool {
	if l.scale <= 0 {
		return true
	}
	limit := groupLimits[group]
	now := l.now()
	l.mu.Lock()
	b := l.buckets[key+"|"+group]
	if b == nil {
		b = &bucket{}
		l.buckets[key+"|"+group] = b
	}
	ok := true
	switch {
	case now.Before(b.penaltyUntil):
		b.penaltyUntil = now.Add(l.penalty)
		ok = false
	default:
		if now.Sub(b.start) >= l.window {
			b.start, b.count = now, 0
		}
		b.count++
		if b.count > limit {
			b.penaltyUntil = now.Add(l.penalty)
			ok = false
		}
	}
	remaining := max(limit-b.count, 0)
	if !ok {
		remaining = 0
	}
	wait := b.penaltyUntil.Sub(now)
	l.mu.Unlock()

	h := w.Header()
	h.Set("X-Rate-Limit-Group", group)
	h.Set("X-Rate-Limit-Limit", strconv.Itoa(limit))
	h.Set("X-Rate-Limit-Remaining", strconv.Itoa(remaining))
	h.Set("X-Rate-Limit-Window", strconv.Itoa(windowSecs))
	if !ok {
		// Back in real seconds: the client scales its waits like we scale ours.
		h.Set("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()/l.scale))))
	}
	return ok
}
