package auth

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/signinthrottle"
	"github.com/switchboard/switchboard/internal/errs"
)

// ThrottlePolicy bounds failed sign-ins for one key (an email or a client
// address): Free failures cost nothing, each further one locks the key for
// Backoff, doubled per failure, and LockAfter failures lock it for Lock.
// Failures older than Window are forgotten.
type ThrottlePolicy struct {
	Free      int
	LockAfter int
	Backoff   time.Duration
	Lock      time.Duration
	Window    time.Duration
}

var (
	// DefaultEmailThrottle: 5 free failures, then 1 s, 2 s, 4 s, 8 s, 16 s,
	// then a 15-minute lock.
	DefaultEmailThrottle = ThrottlePolicy{Free: 5, LockAfter: 10, Backoff: time.Second, Lock: 15 * time.Minute, Window: 15 * time.Minute}
	// DefaultIPThrottle is looser: one office may share an address.
	DefaultIPThrottle = ThrottlePolicy{Free: 20, LockAfter: 50, Backoff: time.Second, Lock: 15 * time.Minute, Window: 15 * time.Minute}
)

// lockFor is how long the key stays locked after its n-th failure.
func (p ThrottlePolicy) lockFor(n int) time.Duration {
	switch {
	case n >= p.LockAfter:
		return p.Lock
	case n < p.Free:
		return 0
	}
	d := time.Duration(float64(p.Backoff) * math.Pow(2, float64(n-p.Free)))
	return min(d, p.Lock)
}

// ThrottledError refuses a sign-in while its email or client address is
// locked. It unwraps to a TOO_MANY_ATTEMPTS *errs.Error.
type ThrottledError struct {
	// RetryAfter is in whole seconds, at least 1.
	RetryAfter int
}

func (e *ThrottledError) Error() string {
	return fmt.Sprintf("too many failed sign-ins: try again in %d seconds", e.RetryAfter)
}

// Unwrap gives errs.As and the error presenter the code.
func (e *ThrottledError) Unwrap() error {
	return &errs.Error{Code: errs.TooManyAttempts, Message: e.Error()}
}

type throttleKey struct {
	key    string
	policy ThrottlePolicy
}

func (s *Service) throttleKeys(email, ip string) []throttleKey {
	ep, ipp := DefaultEmailThrottle, DefaultIPThrottle
	if s.EmailThrottle != nil {
		ep = *s.EmailThrottle
	}
	if s.IPThrottle != nil {
		ipp = *s.IPThrottle
	}
	keys := []throttleKey{{"email:" + email, ep}}
	if ip != "" {
		keys = append(keys, throttleKey{"ip:" + ip, ipp})
	}
	return keys
}

// checkThrottle refuses when any key is locked.
func (s *Service) checkThrottle(ctx context.Context, c *ent.Client, keys []throttleKey) error {
	names := make([]string, len(keys))
	for i, k := range keys {
		names[i] = k.key
	}
	rows, err := c.SignInThrottle.Query().Where(signinthrottle.KeyIn(names...)).All(system(ctx))
	if err != nil {
		return err
	}
	now := s.now()
	var wait time.Duration
	for _, r := range rows {
		if r.LockedUntil != nil && r.LockedUntil.After(now) {
			wait = max(wait, r.LockedUntil.Sub(now))
		}
	}
	if wait > 0 {
		return &ThrottledError{RetryAfter: int(math.Ceil(wait.Seconds()))}
	}
	return nil
}

// recordFailure counts one failed sign-in against every key. It must run
// outside the mutation's transaction, which rolls back on the error.
func (s *Service) recordFailure(ctx context.Context, keys []throttleKey) error {
	ctx = system(ctx)
	now := s.now()
	for _, k := range keys {
		for attempt := 0; ; attempt++ {
			err := s.countFailure(ctx, k, now)
			// Two instances creating the same key at once: the loser retries
			// and updates the row the winner made.
			if err == nil || attempt == 2 || !ent.IsConstraintError(err) {
				if err != nil {
					return fmt.Errorf("recording a failed sign-in: %w", err)
				}
				break
			}
		}
	}
	return nil
}

func (s *Service) countFailure(ctx context.Context, k throttleKey, now time.Time) error {
	row, err := s.Client.SignInThrottle.Query().Where(signinthrottle.Key(k.key)).Only(ctx)
	if ent.IsNotFound(err) {
		n := 1
		c := s.Client.SignInThrottle.Create().SetKey(k.key).SetFailures(n).SetLastFailureAt(now)
		if d := k.policy.lockFor(n); d > 0 {
			c.SetLockedUntil(now.Add(d))
		}
		return c.Exec(ctx)
	}
	if err != nil {
		return err
	}
	n := row.Failures + 1
	if now.Sub(row.LastFailureAt) > k.policy.Window && (row.LockedUntil == nil || !row.LockedUntil.After(now)) {
		n = 1 // old failures are forgiven
	}
	u := s.Client.SignInThrottle.UpdateOneID(row.ID).SetLastFailureAt(now)
	if n == 1 {
		u.SetFailures(1)
	} else {
		// Increment in SQL so concurrent failures all count.
		u.AddFailures(1)
	}
	if d := k.policy.lockFor(n); d > 0 {
		u.SetLockedUntil(now.Add(d))
	} else {
		u.ClearLockedUntil()
	}
	return u.Exec(ctx)
}

// resetThrottle forgets the failures of a key after a successful sign-in.
// The client address keeps its count: one success must not unlock an
// address that is guessing other people's passwords.
func (s *Service) resetThrottle(ctx context.Context, c *ent.Client, key string) error {
	_, err := c.SignInThrottle.Delete().Where(signinthrottle.Key(key)).Exec(system(ctx))
	return err
}

// afterRollback runs fn once the mutation's transaction in ctx has ended
// (normally by rolling back, since the caller returns an error), or at once
// without a transaction. SQLite allows one writer, so writing beside an open
// transaction would wait for it.
func (s *Service) afterRollback(ctx context.Context, fn func(context.Context) error) {
	tx := ent.TxFromContext(ctx)
	run := func() {
		if err := fn(context.WithoutCancel(ctx)); err != nil {
			s.logger().ErrorContext(ctx, "auth: after-transaction write failed", "err", err)
		}
	}
	if tx == nil {
		run()
		return
	}
	tx.OnRollback(func(next ent.Rollbacker) ent.Rollbacker {
		return ent.RollbackFunc(func(ctx context.Context, tx *ent.Tx) error {
			err := next.Rollback(ctx, tx)
			run()
			return err
		})
	})
	tx.OnCommit(func(next ent.Committer) ent.Committer {
		return ent.CommitFunc(func(ctx context.Context, tx *ent.Tx) error {
			err := next.Commit(ctx, tx)
			run()
			return err
		})
	})
}
