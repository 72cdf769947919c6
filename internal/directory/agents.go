package directory

import (
	"context"
	"fmt"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/account"
	"github.com/switchboard/switchboard/ent/agent"
	"github.com/switchboard/switchboard/internal/ringex"
)

// followAgents makes the agents imported from RingEX follow their users:
// RingEX owns first name, last name and email; ringex_status says whether
// the user is active, disabled or gone. With the DISABLE leaver policy a
// leaver is also disabled (on every sync, so the policy holds while it is
// set). Agents are never deleted; the mirror row of a user is linked to
// its agent by ringex_extension_id alone (ImportedPredicate), so one whose
// user comes back is linked again with nothing to write. When shrunk,
// missing users are not treated as gone.
func (s *Service) followAgents(ctx context.Context, tx *ent.Tx, accountID int,
	seen map[int64]ringex.Extension, shrunk bool,
) (int, error) {
	acct, err := tx.Account.Get(ctx, accountID)
	if err != nil {
		return 0, err
	}
	agents, err := tx.Agent.Query().
		Where(agent.AccountID(accountID), agent.RingexExtensionIDNotNil()).All(ctx)
	if err != nil {
		return 0, err
	}
	changed := 0
	for _, a := range agents {
		ext := *a.RingexExtensionID
		e, present := seen[ext]
		var want agent.RingexStatus
		switch {
		case present && e.Status == ringex.StatusEnabled:
			want = agent.RingexStatusACTIVE
		case present:
			want = agent.RingexStatusDISABLED
		case shrunk:
			if a.RingexStatus == nil {
				continue
			}
			want = *a.RingexStatus
		default:
			want = agent.RingexStatusREMOVED
		}
		upd := tx.Agent.UpdateOne(a)
		dirty := false
		if a.RingexStatus == nil || *a.RingexStatus != want {
			upd.SetRingexStatus(want)
			dirty = true
		}
		if present {
			c := e.Contact
			// Agent names must not be empty: an emptied RingEX name keeps
			// the last one rather than failing the whole sync.
			if c.FirstName != "" && c.FirstName != a.FirstName && len(c.FirstName) <= 100 {
				upd.SetFirstName(c.FirstName)
				dirty = true
			}
			if c.LastName != "" && c.LastName != a.LastName && len(c.LastName) <= 100 {
				upd.SetLastName(c.LastName)
				dirty = true
			}
			if c.Email != a.Email && len(c.Email) <= 254 {
				upd.SetEmail(c.Email)
				dirty = true
			}
		}
		if want != agent.RingexStatusACTIVE && acct.LeaverPolicy == account.LeaverPolicyDISABLE && a.Enabled {
			upd.SetEnabled(false)
			dirty = true
		}
		if dirty {
			if err := upd.Exec(ctx); err != nil {
				return 0, fmt.Errorf("updating agent %d from RingEX: %w", a.ID, err)
			}
			changed++
		}
	}
	return changed, nil
}
