package ringex

import (
	"net/http"
	"strconv"
	"testing"
	"time"
)

// header is what RingEX answers with remaining requests left in the window.
func header(remaining int) http.Header {
	h := http.Header{}
	h.Set("X-Rate-Limit-Group", GroupLight)
	h.Set("X-Rate-Limit-Limit", "50")
	h.Set("X-Rate-Limit-Remaining", strconv.Itoa(remaining))
	h.Set("X-Rate-Limit-Window", "60")
	return h
}

// Two readers at a window's end: the last answer of the old window arrives
// after the other reader has reserved a slot in the next one. That answer
// must neither move the new window's start nor empty its budget (which made
// a reader sit out a whole unused window), and no slot may be used before
// the new window opens (which would meet a 429).
func TestPacerWindowTurnover(t *testing.T) {
	now := time.Unix(1000, 0)
	p := newPacer(1)
	p.now = func() time.Time { return now }

	// First request: nothing known yet, it goes at once and opens the window.
	wait, gen := p.reserve(GroupLight)
	if wait != 0 {
		t.Fatalf("first request waits %v", wait)
	}
	p.observe(GroupLight, gen, header(49), 0)
	windowStart := now
	// Use up the window: 49 more, the last ones spread over its rest.
	for i := range 48 {
		w, g := p.reserve(GroupLight)
		now = now.Add(w)
		p.observe(GroupLight, g, header(48-i), 0)
	}
	// Reader A takes the window's last slot and its answer is still on the way.
	w, gA := p.reserve(GroupLight)
	now = now.Add(w)
	if !now.Before(windowStart.Add(time.Minute)) {
		t.Fatalf("the window's last slot is at %v, after the window", now.Sub(windowStart))
	}
	// Reader B finds the budget spent: it waits for the next window.
	waitB, gB := p.reserve(GroupLight)
	next := now.Add(waitB)
	if next.Before(windowStart.Add(time.Minute)) {
		t.Fatalf("B goes %v into the window, before it ends", next.Sub(windowStart))
	}
	if next.After(windowStart.Add(time.Minute + 2*time.Second)) {
		t.Fatalf("B waits until %v after the window opened", next.Sub(windowStart))
	}
	// A's answer (the old window's last) arrives now.
	now = now.Add(100 * time.Millisecond)
	p.observe(GroupLight, gA, header(0), 0)
	// Reader A asks again at once: it must wait for the new window, not a whole window more.
	waitA, _ := p.reserve(GroupLight)
	if got := now.Add(waitA); got.Before(next) || got.After(next.Add(time.Second)) {
		t.Fatalf("A's next slot is %v after B's (want with B's, as the new window opens)", got.Sub(next))
	}
	// B's answer opens the new window with its budget.
	now = next
	p.observe(GroupLight, gB, header(49), 0)
	if wait, _ := p.reserve(GroupLight); wait != 0 {
		t.Fatalf("a fresh window's budget waits %v", wait)
	}
}
