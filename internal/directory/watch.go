package directory

import (
	"context"
	"time"

	"github.com/switchboard/switchboard/ent/ringexlink"
	"github.com/switchboard/switchboard/internal/errs"
	"github.com/switchboard/switchboard/internal/viewer"
)

const (
	defaultWatchInterval = 250 * time.Millisecond
	// defaultWatchGrace covers a sync that was requested but not picked up
	// yet (River polls every second): the link still shows the last result.
	defaultWatchGrace = 3 * time.Second
)

// WatchOptions tune Watch (Service.Progress; tests shorten them; zero
// means the default).
type WatchOptions struct {
	// Interval between reads of the link row (default 250 ms).
	Interval time.Duration
	// Grace is how long a watch that starts while no sync runs waits for
	// one to start before it ends (default 3 s).
	Grace time.Duration
}

// Watch is ringExSyncProgress: it sends the account's link status, then
// again each time it changes, and closes the channel once the sync is no
// longer RUNNING (or ctx ends). It polls the link row, so it follows a sync
// worked by any server instance sharing the database. A watch started just
// after syncRingExDirectory, before a worker took the job, waits up to
// Grace for the sync to start instead of ending on the previous result.
func (s *Service) Watch(ctx context.Context, accountID int) (<-chan *Status, error) {
	o := s.Progress
	v := viewer.FromContext(ctx)
	if v == nil {
		return nil, errs.Unauthenticated()
	}
	if !v.System && !v.Member(accountID) {
		return nil, errs.NotFound("account", "accountId")
	}
	if o.Interval <= 0 {
		o.Interval = defaultWatchInterval
	}
	if o.Grace <= 0 {
		o.Grace = defaultWatchGrace
	}
	st, err := s.Status(ctx, accountID)
	if err != nil {
		return nil, err
	}
	ch := make(chan *Status, 1)
	go func() {
		defer close(ch)
		t := time.NewTicker(o.Interval)
		defer t.Stop()
		deadline := time.Now().Add(o.Grace)
		var last *Status
		for {
			if last == nil || !sameStatus(last, st) {
				select {
				case ch <- st:
				case <-ctx.Done():
					return
				}
				// A change after the first send means a sync moved on
				// (started, finished or was recorded): no grace needed.
				if last != nil {
					deadline = time.Time{}
				}
				last = st
			}
			running := st.LastSyncStatus == ringexlink.LastSyncStatusRUNNING
			if !running && (!st.Linked || !time.Now().Before(deadline)) {
				return
			}
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			next, err := s.Status(ctx, accountID)
			if err != nil {
				if ctx.Err() == nil {
					s.logger().Warn("RingEX sync progress: reading link", "account", accountID, "err", err)
				}
				continue
			}
			st = next
		}
	}()
	return ch, nil
}

// sameStatus compares two statuses by value (LastSyncAt is a pointer).
func sameStatus(a, b *Status) bool {
	x, y := *a, *b
	x.LastSyncAt, y.LastSyncAt = nil, nil
	x.LinkedAt, y.LinkedAt = time.Time{}, time.Time{}
	return x == y && a.LinkedAt.Equal(b.LinkedAt) && timeEqual(a.LastSyncAt, b.LastSyncAt)
}

func timeEqual(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Equal(*b)
}
