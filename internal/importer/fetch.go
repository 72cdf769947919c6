package importer

import (
	"context"
	"sync"
	"time"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/agent"
	"github.com/switchboard/switchboard/ent/ringexuser"
	"github.com/switchboard/switchboard/internal/ringex"
)

// item is one user without a result yet, on its way through a batch.
type item struct {
	ringexID int64
	mirror   *ent.RingExUser // nil when the mirror has no row for the user
	p        person
	// ready: p is settled (read from RingEX, or no read needed); users not
	// ready when a batch is written stay without a result.
	ready   bool
	fetched bool
}

// gather loads the mirror rows of a batch and settles the users that need
// no RingEX read: already imported ones (the read would spend the scarce
// per-user budget for nothing) and ones gone from the mirror.
func (r *run) gather(ctx context.Context, ids []int64) ([]*item, error) {
	c := r.s.Client
	mirror, err := c.RingExUser.Query().Where(ringexuser.AccountID(r.job.AccountID), ringexuser.RingexIDIn(ids...)).All(ctx)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]*ent.RingExUser, len(mirror))
	for _, u := range mirror {
		byID[u.RingexID] = u
	}
	imported, err := c.Agent.Query().Where(agent.AccountID(r.job.AccountID), agent.RingexExtensionIDIn(ids...)).
		Select(agent.FieldRingexExtensionID).All(ctx)
	if err != nil {
		return nil, err
	}
	done := make(map[int64]bool, len(imported))
	for _, a := range imported {
		done[*a.RingexExtensionID] = true
	}
	items := make([]*item, len(ids))
	for i, id := range ids {
		it := &item{ringexID: id, mirror: byID[id]}
		if it.mirror == nil {
			it.p, it.ready = person{RingExID: id, Removed: true}, true
		} else {
			it.p = personOf(it.mirror, nil) // settled here only when no read is needed
			it.ready = done[id] || it.mirror.Removed
		}
		items[i] = it
	}
	return items, nil
}

// fetch reads the regional settings (and current status, names, email) of
// the batch's unsettled users from RingEX with bounded concurrency; the
// client paces the reads under the Light limit and retries 5xx and 429s.
// It returns why it stopped early: a RingEX failure past the client's
// retries, a cancel request, or the context ending. Users read before that
// are settled and get written.
func (r *run) fetch(ctx context.Context, items []*item) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	go r.watchCancel(ctx, cancel)

	work := make(chan *item)
	var wg sync.WaitGroup
	for range r.readers() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range work {
				ext, err := r.rx.GetUser(ctx, it.ringexID)
				switch {
				case err == nil:
					it.p = personOfExtension(ext)
					it.ready, it.fetched = true, true
				case ringex.IsNotFound(err):
					it.p.Removed, it.ready = true, true
				default:
					cancel(err)
				}
			}
		}()
	}
	for _, it := range items {
		if it.ready {
			continue
		}
		select {
		case work <- it:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
	}
	close(work)
	wg.Wait()
	return context.Cause(ctx)
}

// pacedReaders bounds parallel reads once RingEX states a per-user limit:
// the pacer then spaces requests anyway, and a request in flight when the
// pacer's estimate of the window is off meets a 429 whose penalty restarts
// with every further request, so many in flight turn one miss into a burst
// of 429s that can exhaust the client's retries.
const pacedReaders = 2

// readers is the number of parallel RingEX reads for the next batch: the
// configured concurrency while RingEX reports no limit (sandbox limits
// off), few once it does.
func (r *run) readers() int {
	n := r.s.concurrency()
	if rl, ok := r.rx.RateLimits()[ringex.GroupLight]; ok && rl.Limit > 0 {
		n = min(n, pacedReaders)
	}
	return n
}

// watchCancel notices a cancel request while reads are under way: with
// RingEX's real limits one batch takes minutes.
func (r *run) watchCancel(ctx context.Context, cancel context.CancelCauseFunc) {
	t := time.NewTicker(r.s.pollInterval())
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if cancelled, err := r.cancelRequested(ctx); err == nil && cancelled {
				cancel(errCancelRequested)
				return
			}
		}
	}
}

// personOfExtension: RingEX owns names, email and status, so the fresh
// answer wins over the mirror.
func personOfExtension(e ringex.Extension) person {
	p := person{RingExID: e.ID, FirstName: e.Contact.FirstName, LastName: e.Contact.LastName,
		Email: e.Contact.Email, Status: e.Status, Regional: &regional{}}
	if rs := e.RegionalSettings; rs != nil {
		p.Regional = &regional{rs.Timezone.Name, rs.Timezone.Bias, rs.Language.LocaleCode}
	}
	return p
}
