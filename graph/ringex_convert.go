package graph

import (
	"context"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/internal/directory"
)

// linkStatus converts the directory's link status; absent values stay null.
func linkStatus(st *directory.Status) *RingExLinkStatus {
	out := &RingExLinkStatus{Linked: st.Linked, UserCount: st.UserCount}
	if !st.Linked {
		return out
	}
	out.ServerURL, out.ClientID, out.CompanyID = &st.ServerURL, &st.ClientID, &st.CompanyID
	out.LinkedAt, out.LastSyncAt, out.LastSyncStatus = &st.LinkedAt, st.LastSyncAt, &st.LastSyncStatus
	out.LastSyncError = &st.LastSyncError
	return out
}

func syncJob(j *directory.SyncJob) *SyncJob {
	if j == nil {
		return nil
	}
	return &SyncJob{ID: int(j.ID), State: j.State}
}

// ringExAccount reads the account a RingEX mutation changed, in its transaction.
func (r *Resolver) ringExAccount(ctx context.Context, id int) (*ent.Account, error) {
	return r.client(ctx).Account.Get(ctx, id)
}

// ringExSyncProgress converts the directory's status stream for the
// ringExSyncProgress subscription.
func (r *Resolver) ringExSyncProgress(ctx context.Context, accountID int) (<-chan *RingExLinkStatus, error) {
	in, err := r.Directory.Watch(ctx, accountID)
	if err != nil {
		return nil, err
	}
	out := make(chan *RingExLinkStatus, 1)
	go func() {
		defer close(out)
		for st := range in {
			select {
			case out <- linkStatus(st):
			case <-ctx.Done():
				return
			}
		}
	}()
	return out, nil
}
