package directory

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/account"
	"github.com/switchboard/switchboard/ent/ringexlink"
	"github.com/switchboard/switchboard/ent/ringexuser"
	"github.com/switchboard/switchboard/internal/errs"
	"github.com/switchboard/switchboard/internal/perm"
	"github.com/switchboard/switchboard/internal/ringex"
	"github.com/switchboard/switchboard/internal/viewer"
)

// LinkInput are the credentials of a RingEX app (JWT flow).
type LinkInput struct {
	ServerURL    string
	ClientID     string
	ClientSecret string
	JWT          string
}

// Status is an account's link status. It never carries secrets.
type Status struct {
	Linked         bool
	ServerURL      string
	ClientID       string
	CompanyID      string
	LinkedAt       time.Time
	LastSyncAt     *time.Time
	LastSyncStatus ringexlink.LastSyncStatus
	LastSyncError  string
	UserCount      int
}

// Link checks the credentials by getting a token, then saves them sealed
// and starts the first sync (a sync that starts before the commit waits for
// it). It returns the sync job (nil without a job runner). Bad credentials answer RINGEX_AUTH_FAILED on
// clientSecret or jwt; an unreachable server RINGEX_UNAVAILABLE.
func (s *Service) Link(ctx context.Context, accountID int, in LinkInput) (*SyncJob, error) {
	if err := require(ctx, accountID, perm.ManageIntegrations); err != nil {
		return nil, err
	}
	in, err := validate(in)
	if err != nil {
		return nil, err
	}
	actx, cancel := context.WithTimeout(ctx, verifyTimeout)
	defer cancel()
	// A fresh client: the cached one holds the old credentials' token.
	if _, err := s.newClient(in.ServerURL, in.ClientID, in.ClientSecret, in.JWT).Authenticate(actx); err != nil {
		return nil, ringExError(err, credentialField(err))
	}
	secretEnc, err := s.Box.Seal(in.ClientSecret)
	if err != nil {
		return nil, err
	}
	jwtEnc, err := s.Box.Seal(in.JWT)
	if err != nil {
		return nil, err
	}
	c := s.client(ctx)
	// Microseconds: what both databases keep, so the queued sync can compare.
	linkedAt := time.Now().Truncate(time.Microsecond)
	existing, err := s.link(ctx, accountID)
	if err != nil {
		return nil, err
	}
	if existing == nil {
		err = c.RingExLink.Create().SetAccountID(accountID).SetServerURL(in.ServerURL).
			SetClientID(in.ClientID).SetClientSecretEnc(secretEnc).SetJwtEnc(jwtEnc).SetLinkedAt(linkedAt).Exec(ctx)
	} else {
		upd := c.RingExLink.UpdateOne(existing).SetServerURL(in.ServerURL).SetClientID(in.ClientID).
			SetClientSecretEnc(secretEnc).SetJwtEnc(jwtEnc).SetLinkedAt(linkedAt).
			// Linking again accepts the directory as it is now, even if a
			// shrink check held back removals (and a new server is another
			// directory altogether).
			SetLastGoodUserCount(0)
		if existing.ServerURL != in.ServerURL {
			upd.SetCompanyID("")
		}
		err = upd.Exec(ctx)
	}
	if err != nil {
		return nil, err
	}
	s.forget(accountID)
	return s.jobOf(ctx, SyncArgs{AccountID: accountID, LinkedAt: linkedAt})
}

func validate(in LinkInput) (LinkInput, error) {
	in.ServerURL = strings.TrimRight(strings.TrimSpace(in.ServerURL), "/")
	in.ClientID = strings.TrimSpace(in.ClientID)
	in.JWT = strings.TrimSpace(in.JWT)
	u, err := url.Parse(in.ServerURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return in, errs.Invalid("serverUrl", "enter the RingEX server address, e.g. https://platform.ringcentral.com")
	}
	switch {
	case in.ClientID == "":
		return in, errs.Invalid("clientId", "enter the app's client ID")
	case in.ClientSecret == "":
		return in, errs.Invalid("clientSecret", "enter the app's client secret")
	case in.JWT == "":
		return in, errs.Invalid("jwt", "enter the app's JWT credential")
	}
	return in, nil
}

// credentialField tells which input RingEX rejected: the token endpoint
// answers 401 invalid_client for the client pair, 400 invalid_grant for the JWT.
func credentialField(err error) string {
	var re *ringex.Error
	if errors.As(err, &re) && re.Status == http.StatusUnauthorized {
		return "clientSecret"
	}
	return "jwt"
}

// Unlink removes the link and the mirror. Agents keep their RingEX link
// (ringex_extension_id) so a later re-link finds them again.
func (s *Service) Unlink(ctx context.Context, accountID int) error {
	if err := require(ctx, accountID, perm.ManageIntegrations); err != nil {
		return err
	}
	c := s.client(ctx)
	n, err := c.RingExLink.Delete().Where(ringexlink.AccountID(accountID)).Exec(ctx)
	if err != nil {
		return err
	}
	if n == 0 {
		return notLinked()
	}
	if _, err := c.RingExUser.Delete().Where(ringexuser.AccountID(accountID)).Exec(viewer.SystemContext(ctx)); err != nil {
		return err
	}
	s.forget(accountID)
	return nil
}

// Status reads the account's link status; any member may see it.
func (s *Service) Status(ctx context.Context, accountID int) (*Status, error) {
	l, err := s.client(ctx).RingExLink.Query().Where(ringexlink.AccountID(accountID)).Only(ctx)
	if ent.IsNotFound(err) {
		return &Status{LastSyncStatus: ringexlink.LastSyncStatusNEVER}, nil
	}
	if err != nil {
		return nil, err
	}
	return statusOf(l), nil
}

func statusOf(l *ent.RingExLink) *Status {
	return &Status{
		Linked: true, ServerURL: l.ServerURL, ClientID: l.ClientID, CompanyID: l.CompanyID,
		LinkedAt: l.LinkedAt, LastSyncAt: l.LastSyncAt, LastSyncStatus: l.LastSyncStatus,
		LastSyncError: l.LastSyncError, UserCount: l.UserCount,
	}
}

// Statuses is Status for many accounts in one query (an accounts list).
func (s *Service) Statuses(ctx context.Context, accountIDs []int) (map[int]*Status, error) {
	links, err := s.client(ctx).RingExLink.Query().Where(ringexlink.AccountIDIn(accountIDs...)).All(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[int]*Status, len(accountIDs))
	for _, id := range accountIDs {
		out[id] = &Status{LastSyncStatus: ringexlink.LastSyncStatusNEVER}
	}
	for _, l := range links {
		out[l.AccountID] = statusOf(l)
	}
	return out, nil
}

// SetLeaverPolicy chooses what a sync does to agents whose RingEX user left.
func (s *Service) SetLeaverPolicy(ctx context.Context, accountID int, p account.LeaverPolicy) error {
	if err := require(ctx, accountID, perm.ManageIntegrations); err != nil {
		return err
	}
	if err := account.LeaverPolicyValidator(p); err != nil {
		return errs.Invalid("policy", "unknown leaver policy %q", p)
	}
	// The account row's own policy wants MANAGE_ACCOUNT; this setting
	// belongs to the integration, so it is written as the system.
	return s.client(ctx).Account.UpdateOneID(accountID).SetLeaverPolicy(p).Exec(viewer.SystemContext(ctx))
}
