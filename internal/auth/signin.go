package auth

import (
	"context"
	"strings"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/consoleuser"
	"github.com/switchboard/switchboard/ent/session"
	"github.com/switchboard/switchboard/ent/signinthrottle"
	"github.com/switchboard/switchboard/internal/errs"
	"github.com/switchboard/switchboard/internal/password"
	"github.com/switchboard/switchboard/internal/viewer"
)

// sessionTokenPrefix marks session tokens so they are never mistaken for
// API tokens ("sbt_").
const sessionTokenPrefix = "sbs_"

// errBadCredentials is the one answer for an unknown email, a wrong
// password and a disabled user, so the answer reveals nothing.
func errBadCredentials() *errs.Error {
	return &errs.Error{Code: errs.UnauthenticatedC, Message: "the email or password is not correct"}
}

// SignedIn is the outcome of a successful SignIn.
type SignedIn struct {
	User   *ent.ConsoleUser
	Viewer *viewer.Viewer
	// Token is the session token (the cookie's value).
	Token string
}

// SignIn checks email and password and opens a session. When ctx comes
// from Middleware the session cookie is set on the response.
func (s *Service) SignIn(ctx context.Context, email, pw string) (*SignedIn, error) {
	req := requestFrom(ctx)
	email = normalizeEmail(email)
	keys := s.throttleKeys(email, req.IP)
	c := s.client(ctx)
	if err := s.checkThrottle(ctx, c, keys); err != nil {
		return nil, err
	}
	u, err := c.ConsoleUser.Query().Where(consoleuser.Email(email)).Only(system(ctx))
	if err != nil && !ent.IsNotFound(err) {
		return nil, err
	}
	ok := false
	if u == nil {
		password.DummyVerify(pw) // the same work as for a real user
	} else if ok, err = password.Verify(pw, u.PasswordHash); err != nil {
		s.logger().ErrorContext(ctx, "auth: unreadable password hash", "user", u.ID, "err", err)
		ok = false
	}
	if !ok || u.Disabled {
		s.afterRollback(ctx, func(ctx context.Context) error { return s.recordFailure(ctx, keys) })
		return nil, errBadCredentials()
	}
	if err := s.resetThrottle(ctx, c, keys[0].key); err != nil {
		return nil, err
	}
	now := s.now()
	upd := c.ConsoleUser.UpdateOne(u).SetLastSignInAt(now)
	if password.NeedsRehash(u.PasswordHash) {
		if h, err := password.Hash(pw); err == nil {
			upd.SetPasswordHash(h)
		}
	}
	if u, err = upd.Save(system(ctx)); err != nil {
		return nil, err
	}
	token, err := s.createSession(ctx, c, u.ID, req)
	if err != nil {
		return nil, err
	}
	v, err := s.userViewer(ctx, u)
	if err != nil {
		return nil, err
	}
	if req.w != nil {
		s.setCookie(req.w, token, now.Add(s.sessionMax()))
	}
	return &SignedIn{User: u, Viewer: v, Token: token}, nil
}

func (s *Service) createSession(ctx context.Context, c *ent.Client, userID int, req *Request) (string, error) {
	token, hash := password.NewToken(sessionTokenPrefix)
	now := s.now()
	err := c.Session.Create().
		SetTokenHash(hash).SetUserID(userID).
		SetCreatedAt(now).SetLastSeenAt(now).
		SetExpiresAt(now.Add(min(s.sessionIdle(), s.sessionMax()))).
		SetIP(truncate(req.IP, 64)).SetUserAgent(truncate(req.UserAgent, 300)).
		Exec(system(ctx))
	return token, err
}

// SignOut ends the session of the request (if any) and clears the cookie.
func (s *Service) SignOut(ctx context.Context) error {
	req := requestFrom(ctx)
	if req.sessionHash != "" {
		_, err := s.client(ctx).Session.Delete().Where(session.TokenHash(req.sessionHash)).Exec(system(ctx))
		if err != nil {
			return err
		}
	}
	if req.w != nil {
		s.clearCookie(req.w)
	}
	return nil
}

// sessionUser resolves a session token: the user when the session is alive,
// nil otherwise. It slides the idle expiry at most once a minute.
func (s *Service) sessionUser(ctx context.Context, token string) (*ent.ConsoleUser, string, error) {
	hash := password.HashToken(token)
	ctx = system(ctx)
	sess, err := s.Client.Session.Query().Where(session.TokenHash(hash)).WithUser().Only(ctx)
	if ent.IsNotFound(err) {
		return nil, "", nil
	}
	if err != nil {
		return nil, "", err
	}
	now := s.now()
	absolute := sess.CreatedAt.Add(s.sessionMax())
	if !now.Before(sess.ExpiresAt) || !now.Before(absolute) || sess.Edges.User.Disabled {
		_, err := s.Client.Session.Delete().Where(session.ID(sess.ID)).Exec(ctx)
		return nil, "", err
	}
	if now.Sub(sess.LastSeenAt) >= touchEvery {
		expires := now.Add(s.sessionIdle())
		if expires.After(absolute) {
			expires = absolute
		}
		err := s.Client.Session.UpdateOneID(sess.ID).SetLastSeenAt(now).SetExpiresAt(expires).Exec(ctx)
		if err != nil {
			return nil, "", err
		}
	}
	return sess.Edges.User, hash, nil
}

// Cleanup deletes expired sessions and throttling rows that no longer
// count (not locked, last failure outside every window). Run it now and
// then, e.g. from a periodic job; correctness never depends on it.
func (s *Service) Cleanup(ctx context.Context) error {
	ctx = system(ctx)
	now := s.now()
	_, err := s.Client.Session.Delete().Where(session.Or(
		session.ExpiresAtLTE(now),
		session.CreatedAtLTE(now.Add(-s.sessionMax())),
	)).Exec(ctx)
	if err != nil {
		return err
	}
	window := DefaultEmailThrottle.Window
	for _, p := range []*ThrottlePolicy{s.EmailThrottle, s.IPThrottle, &DefaultIPThrottle} {
		if p != nil {
			window = max(window, p.Window)
		}
	}
	_, err = s.Client.SignInThrottle.Delete().Where(
		signinthrottle.LastFailureAtLT(now.Add(-window)),
		signinthrottle.Or(signinthrottle.LockedUntilIsNil(), signinthrottle.LockedUntilLT(now)),
	).Exec(ctx)
	return err
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	// Cut on a byte limit without leaving half a character (PostgreSQL
	// refuses invalid UTF-8).
	return strings.ToValidUTF8(s[:n], "")
}
