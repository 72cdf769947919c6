package directory

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/ringexlink"
	"github.com/switchboard/switchboard/ent/ringexuser"
	"github.com/switchboard/switchboard/internal/errs"
	"github.com/switchboard/switchboard/internal/ringex"
)

// errNoLink: the account has no (visible) link; the sync has nothing to do.
var errNoLink = errors.New("directory: account not linked")

// Result says what one sync did.
type Result struct {
	Users    int // RingEX users seen
	Written  int // mirror rows inserted or changed (removed users that came back included)
	Removed  int // mirror rows newly marked removed
	Agents   int // agents changed (names, email, RingEX status, disabled)
	Requests int // RingEX list requests
	// Shrunk: the directory shrank below the safety share; nobody was
	// marked removed and the sync is recorded as FAILED.
	Shrunk bool
}

// Sync mirrors the account's RingEX directory: it lists every user first,
// then applies the whole difference in one transaction, so a sync that fails
// (RingEX outage, malformed page, database error) leaves the mirror and the
// agents exactly as they were and records the error on the link. ctx must
// be a system context.
func (s *Service) Sync(ctx context.Context, accountID int) (*Result, error) {
	l, err := s.link(ctx, accountID)
	if err != nil {
		return nil, err
	}
	if l == nil {
		return nil, errNoLink
	}
	if err := s.Client.RingExLink.UpdateOne(l).SetLastSyncStatus(ringexlink.LastSyncStatusRUNNING).Exec(ctx); err != nil {
		return nil, err
	}
	res, err := s.sync(ctx, l)
	if err != nil {
		msg := "the sync failed on Switchboard's side; it is retried"
		if e, ok := errs.As(ringExError(err, "")); ok {
			msg = e.Message
		}
		s.logger().Warn("RingEX sync failed", "account", accountID, "err", err)
		if uerr := s.Client.RingExLink.UpdateOne(l).SetLastSyncStatus(ringexlink.LastSyncStatusFAILED).
			SetLastSyncError(msg).SetLastSyncAt(time.Now()).Exec(ctx); uerr != nil && !ent.IsNotFound(uerr) {
			s.logger().Error("recording RingEX sync failure", "account", accountID, "err", uerr)
		}
		return nil, err
	}
	return res, nil
}

func (s *Service) sync(ctx context.Context, l *ent.RingExLink) (*Result, error) {
	client, err := s.clientForLink(l)
	if err != nil {
		return nil, err
	}
	var users []ringex.Extension
	st, err := client.ListUsers(ctx, func(page []ringex.Extension) error {
		for _, e := range page {
			if e.Type == "" || e.Type == ringex.TypeUser {
				users = append(users, e)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	res := &Result{Users: len(users), Requests: st.Requests}
	res.Shrunk = l.LastGoodUserCount > 0 && float64(len(users)) < s.shrinkShare()*float64(l.LastGoodUserCount)
	tx, err := s.Client.Tx(ctx)
	if err != nil {
		return nil, err
	}
	if err := s.apply(ctx, tx, l, users, res); err != nil {
		_ = tx.Rollback()
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	s.flushSearchIndex(ctx)
	return res, nil
}

func (s *Service) apply(ctx context.Context, tx *ent.Tx, l *ent.RingExLink, users []ringex.Extension, res *Result) error {
	now := time.Now()
	existing, err := tx.RingExUser.Query().Where(ringexuser.AccountID(l.AccountID)).All(ctx)
	if err != nil {
		return err
	}
	byID := make(map[int64]*ent.RingExUser, len(existing))
	for _, u := range existing {
		byID[u.RingexID] = u
	}
	seen := make(map[int64]ringex.Extension, len(users))
	var writes []*ent.RingExUserCreate
	for _, e := range users {
		seen[e.ID] = e
		row := mirrorRow(e)
		if old, ok := byID[e.ID]; ok && sameRow(old, row) {
			continue
		}
		writes = append(writes, tx.RingExUser.Create().SetAccountID(l.AccountID).SetRingexID(e.ID).
			SetExtensionNumber(row.ExtensionNumber).SetFirstName(row.FirstName).SetLastName(row.LastName).
			SetEmail(row.Email).SetLogin(row.Login).SetStatus(row.Status).SetHidden(row.Hidden).
			SetRemoved(false).SetSearchText(row.SearchText).SetSyncedAt(now))
	}
	for chunk := range chunks(writes, s.batchSize()) {
		err := tx.RingExUser.CreateBulk(chunk...).
			OnConflictColumns(ringexuser.FieldAccountID, ringexuser.FieldRingexID).
			Update(func(u *ent.RingExUserUpsert) {
				u.UpdateExtensionNumber().UpdateFirstName().UpdateLastName().UpdateEmail().UpdateLogin().
					UpdateStatus().UpdateHidden().UpdateRemoved().ClearRemovedAt().UpdateSearchText().UpdateSyncedAt()
			}).Exec(ctx)
		if err != nil {
			return fmt.Errorf("writing mirror: %w", err)
		}
	}
	res.Written = len(writes)
	if !res.Shrunk {
		var gone []int
		for _, u := range existing {
			if _, ok := seen[u.RingexID]; !ok && !u.Removed {
				gone = append(gone, u.ID)
			}
		}
		for chunk := range chunks(gone, s.batchSize()) {
			if err := tx.RingExUser.Update().Where(ringexuser.IDIn(chunk...)).
				SetRemoved(true).SetRemovedAt(now).Exec(ctx); err != nil {
				return fmt.Errorf("marking removed users: %w", err)
			}
		}
		res.Removed = len(gone)
	}
	if res.Agents, err = s.followAgents(ctx, tx, l.AccountID, seen, res.Shrunk); err != nil {
		return err
	}
	count, err := tx.RingExUser.Query().Where(ringexuser.AccountID(l.AccountID), ringexuser.Removed(false)).Count(ctx)
	if err != nil {
		return err
	}
	upd := tx.RingExLink.UpdateOne(l).SetLastSyncAt(now).SetUserCount(count)
	if id := companyID(users); id != "" {
		upd.SetCompanyID(id)
	}
	if res.Shrunk {
		upd.SetLastSyncStatus(ringexlink.LastSyncStatusFAILED).SetLastSyncError(fmt.Sprintf(
			"RingEX listed %d users, fewer than %.0f%% of the %d of the last good sync, so nobody was marked removed. "+
				"If they really left, link the account again to accept the smaller directory.",
			len(users), s.shrinkShare()*100, l.LastGoodUserCount))
	} else {
		upd.SetLastSyncStatus(ringexlink.LastSyncStatusSUCCEEDED).SetLastSyncError("").SetLastGoodUserCount(len(users))
	}
	return upd.Exec(ctx)
}

// mirrorRow is the mirror's view of one RingEX extension.
func mirrorRow(e ringex.Extension) *ent.RingExUser {
	c := e.Contact
	r := &ent.RingExUser{
		ExtensionNumber: e.ExtensionNumber, FirstName: c.FirstName, LastName: c.LastName,
		Email: c.Email, Status: status(e.Status), Hidden: e.Hidden,
	}
	if c.EmailAsLoginName {
		r.Login = c.Email
	}
	r.SearchText = SearchText(r.FirstName, r.LastName, r.Email, r.ExtensionNumber, r.Login)
	return r
}

// SearchText is what search matches: lower-cased first, last, email,
// extension number and login, space separated ("first last" keeps full-name
// searches working).
func SearchText(first, last, email, ext, login string) string {
	parts := []string{first, last, email, ext}
	if login != "" && login != email {
		parts = append(parts, login)
	}
	return strings.ToLower(strings.Join(parts, " "))
}

func sameRow(old, row *ent.RingExUser) bool {
	return !old.Removed && old.ExtensionNumber == row.ExtensionNumber && old.FirstName == row.FirstName &&
		old.LastName == row.LastName && old.Email == row.Email && old.Login == row.Login &&
		old.Status == row.Status && old.Hidden == row.Hidden && old.SearchText == row.SearchText
}

// status maps RingEX's status; an unknown one counts as Disabled, which
// flags an imported agent rather than silently keeping it active.
func status(s string) ringexuser.Status {
	st := ringexuser.Status(s)
	if ringexuser.StatusValidator(st) != nil {
		return ringexuser.StatusDisabled
	}
	return st
}

// companyID reads the RingEX account id from an extension's URI
// (".../account/{id}/extension/{ext}"); the list omits the account block.
func companyID(users []ringex.Extension) string {
	for _, u := range users {
		if u.Account != nil && u.Account.ID != "" {
			return u.Account.ID
		}
		if _, rest, ok := strings.Cut(u.URI, "/account/"); ok {
			if id, _, ok := strings.Cut(rest, "/"); ok && id != "~" {
				return id
			}
		}
	}
	return ""
}

// chunks splits s into slices of at most n.
func chunks[T any](s []T, n int) func(func([]T) bool) {
	return func(yield func([]T) bool) {
		for i := 0; i < len(s); i += n {
			if !yield(s[i:min(i+n, len(s))]) {
				return
			}
		}
	}
}
