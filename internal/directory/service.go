// Package directory links accounts to RingEX, keeps the local mirror of the
// RingEX directory in sync and searches it.
//
// The mirror (ent RingExUser) exists so that the import picker can search
// and page 50,000 users with "already imported" flags without calling RingEX;
// RingEX stays the owner of names and emails, which a sync copies onto the
// agents imported from it.
package directory

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/ringexlink"
	"github.com/switchboard/switchboard/internal/db"
	"github.com/switchboard/switchboard/internal/errs"
	"github.com/switchboard/switchboard/internal/jobs"
	"github.com/switchboard/switchboard/internal/perm"
	"github.com/switchboard/switchboard/internal/ringex"
	"github.com/switchboard/switchboard/internal/secret"
	"github.com/switchboard/switchboard/internal/viewer"
)

// Service is the RingEX directory capability.
type Service struct {
	Client *ent.Client
	// Box seals the RingEX client secret and JWT at rest.
	Box *secret.Box
	// Jobs queues syncs; nil leaves syncs to direct Sync calls (tests).
	Jobs   *jobs.Runner
	Logger *slog.Logger
	// ShrinkShare protects against outages: a sync that sees fewer users
	// than this share of the last good sync marks nobody removed and fails
	// (default 0.5).
	ShrinkShare float64
	// RingExConfig adjusts every RingEX client built here (tests shorten
	// timeouts and waits).
	RingExConfig func(*ringex.Config)
	// BatchSize is the number of mirror rows per upsert statement (default 500).
	BatchSize int
	// Progress tunes Watch (ringExSyncProgress).
	Progress WatchOptions
	// db is set by CacheCounts (PostgreSQL only).
	db     *db.DB
	counts countCache

	mu      sync.Mutex
	clients map[int]cachedClient
	syncing map[int]*sync.Mutex
}

// cachedClient keeps one RingEX client per account so its token is reused
// (RingEX allows only 5 token requests a minute). key changes on re-link.
type cachedClient struct {
	key    string
	client *ringex.Client
}

func (s *Service) logger() *slog.Logger {
	if s.Logger != nil {
		return s.Logger
	}
	return slog.Default()
}

func (s *Service) shrinkShare() float64 {
	if s.ShrinkShare > 0 {
		return s.ShrinkShare
	}
	return 0.5
}

func (s *Service) batchSize() int {
	if s.BatchSize > 0 {
		return s.BatchSize
	}
	return 500
}

// client returns the transactional client of a mutation, or the plain one.
func (s *Service) client(ctx context.Context) *ent.Client {
	if c := ent.FromContext(ctx); c != nil {
		return c
	}
	return s.Client
}

// require checks the viewer holds p in the account; a non-member gets
// NOT_FOUND so account ids reveal nothing.
func require(ctx context.Context, accountID int, p perm.Permission) error {
	v := viewer.FromContext(ctx)
	if v == nil {
		return errs.Unauthenticated()
	}
	if !v.Member(accountID) {
		return errs.NotFound("account", "accountId")
	}
	if !v.Can(accountID, p) {
		return errs.Forbidden(p)
	}
	return nil
}

func notLinked() *errs.Error {
	return errs.New(errs.RingExNotLinked, "accountId", "the account is not linked to RingEX")
}

// link reads the account's link as the system (its secrets are needed to
// build a client whoever asks); nil when the account is not linked.
func (s *Service) link(ctx context.Context, accountID int) (*ent.RingExLink, error) {
	l, err := s.client(ctx).RingExLink.Query().
		Where(ringexlink.AccountID(accountID)).Only(viewer.SystemContext(ctx))
	if ent.IsNotFound(err) {
		return nil, nil
	}
	return l, err
}

func (s *Service) newClient(serverURL, clientID, clientSecret, jwt string) *ringex.Client {
	cfg := ringex.Config{ServerURL: serverURL, ClientID: clientID, ClientSecret: clientSecret, JWT: jwt, Logger: s.Logger}
	if s.RingExConfig != nil {
		s.RingExConfig(&cfg)
	}
	return ringex.New(cfg)
}

// ClientFor returns a ready RingEX client for a linked account, shared by
// every caller so that the app token is reused. RINGEX_NOT_LINKED when the
// account has no link.
func (s *Service) ClientFor(ctx context.Context, accountID int) (*ringex.Client, error) {
	l, err := s.link(ctx, accountID)
	if err != nil {
		return nil, err
	}
	if l == nil {
		return nil, notLinked()
	}
	return s.clientForLink(l)
}

func (s *Service) clientForLink(l *ent.RingExLink) (*ringex.Client, error) {
	key := l.ServerURL + "\x00" + l.ClientID + "\x00" + l.ClientSecretEnc + "\x00" + l.JwtEnc
	s.mu.Lock()
	defer s.mu.Unlock()
	if c, ok := s.clients[l.AccountID]; ok && c.key == key {
		return c.client, nil
	}
	if s.Box == nil {
		return nil, errors.New("directory: no secret box configured")
	}
	clientSecret, err := s.Box.Open(l.ClientSecretEnc)
	if err != nil {
		return nil, fmt.Errorf("opening RingEX client secret: %w", err)
	}
	jwt, err := s.Box.Open(l.JwtEnc)
	if err != nil {
		return nil, fmt.Errorf("opening RingEX JWT: %w", err)
	}
	c := s.newClient(l.ServerURL, l.ClientID, clientSecret, jwt)
	if s.clients == nil {
		s.clients = map[int]cachedClient{}
	}
	s.clients[l.AccountID] = cachedClient{key: key, client: c}
	return c, nil
}

func (s *Service) forget(accountID int) {
	s.mu.Lock()
	delete(s.clients, accountID)
	s.mu.Unlock()
}

// ringExError turns a RingEX client error into the API's codes. field names
// the input at fault for credential errors.
func ringExError(err error, field string) error {
	if err == nil {
		return nil
	}
	if _, ok := errs.As(err); ok {
		return err
	}
	switch ringex.KindOf(err) {
	case ringex.KindAuthFailed, ringex.KindForbidden:
		return &errs.Error{Code: errs.RingExAuthFailed, Field: field, Err: err,
			Message: "RingEX rejected the credentials: " + safeMessage(err)}
	case ringex.KindUnknown:
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return errs.Wrap(errs.RingExUnavailable, err, "RingEX did not answer in time")
		}
		return err
	default:
		return errs.Wrap(errs.RingExUnavailable, err, "RingEX is unavailable: %s", safeMessage(err))
	}
}

// safeMessage is RingEX's own message (never contains our secrets).
func safeMessage(err error) string {
	var re *ringex.Error
	if errors.As(err, &re) {
		if re.Message != "" {
			return re.Message
		}
		return re.Kind.String()
	}
	return "no answer"
}

const verifyTimeout = 20 * time.Second
