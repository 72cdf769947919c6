package importer

import (
	"testing"
	"time"
)

// Batches grow while RingEX answers fast and shrink when its rate limit
// paces the reads, so progress keeps being committed every few seconds.
func TestNextBatchSize(t *testing.T) {
	for _, c := range []struct {
		size, limit int
		took        time.Duration
		want        int
	}{
		{100, 1000, 50 * time.Millisecond, 200}, // fast: grow
		{800, 1000, 50 * time.Millisecond, 1000},
		{1000, 1000, 50 * time.Millisecond, 1000}, // never past the limit
		{10, 10, 50 * time.Millisecond, 10},
		{100, 1000, 2 * time.Second, 100}, // steady
		{100, 1000, 12 * time.Second, 50}, // paced: shrink
		{30, 1000, 12 * time.Second, 25},  // down to minBatch
		{10, 10, 12 * time.Second, 10},    // a limit below minBatch stays
		{100, 50, 2 * time.Second, 50},    // a lowered limit applies at once
	} {
		if got := nextBatchSize(c.size, c.limit, c.took); got != c.want {
			t.Errorf("nextBatchSize(%d, %d, %v) = %d, want %d", c.size, c.limit, c.took, got, c.want)
		}
	}
}
