package directory

import (
	"context"
	"testing"
	"time"

	"github.com/switchboard/switchboard/internal/testdb"
	"github.com/switchboard/switchboard/internal/viewer"
)

// A sync queued by linkRingEx can start before the mutation commits; it
// must not run against the link it replaces (whose last good size would
// hold back a smaller new directory) nor give up on a new link.
func TestLinkReady(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		conn := testdb.New(t, d)
		ctx := viewer.SystemContext(context.Background())
		s := &Service{Client: conn.Client}
		acct, err := conn.Client.Account.Create().SetName("Link").Save(ctx)
		if err != nil {
			t.Fatal(err)
		}
		old := time.Now().Add(-time.Hour).Truncate(time.Microsecond)
		next := old.Add(time.Hour)
		check := func(step string, args SyncArgs, want bool) {
			t.Helper()
			got, err := s.linkReady(ctx, args)
			if err != nil || got != want {
				t.Fatalf("%s: ready %v (err %v), want %v", step, got, err, want)
			}
		}
		check("first link not committed", SyncArgs{AccountID: acct.ID, LinkedAt: next}, false)
		check("periodic sync, no link", SyncArgs{AccountID: acct.ID}, true) // Sync itself reports no link
		if err := conn.Client.RingExLink.Create().SetAccountID(acct.ID).SetServerURL("http://x").SetClientID("c").
			SetClientSecretEnc("s").SetJwtEnc("j").SetLinkedAt(old).Exec(ctx); err != nil {
			t.Fatal(err)
		}
		check("re-link not committed", SyncArgs{AccountID: acct.ID, LinkedAt: next}, false)
		check("the link it was queued for", SyncArgs{AccountID: acct.ID, LinkedAt: old}, true)
		if err := conn.Client.RingExLink.Update().SetLinkedAt(next.Add(time.Minute)).Exec(ctx); err != nil {
			t.Fatal(err)
		}
		check("linked again since", SyncArgs{AccountID: acct.ID, LinkedAt: next}, true)
	})
}
