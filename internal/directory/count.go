package directory

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"

	entbase "entgo.io/ent"
	"entgo.io/ent/dialect"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/internal/db"
)

// countCache keeps ringExUsers totalCounts on PostgreSQL. Counting a broad
// search rechecks every match (a third of a 100,000-user directory for
// "mar"), far slower than the page itself; the picker asks for the same
// count on every page and keystroke pause. An entry is valid for one
// version of the account's mirror: migration 0004_ringex_search bumps
// ring_ex_mirror_versions at the commit of every transaction that wrote
// the account's ring_ex_users rows, so every server instance sees a change
// at once and a cached count is never stale.
type countCache struct {
	mu sync.Mutex
	m  map[countKey]countEntry
}

// countKey keeps search and filter apart: written into one string, a
// search containing the filter's separators ("x|false|[]") could name
// another search and filter ("x" with an empty filter).
type countKey struct {
	account int
	search  string
	filter  string
}

type countEntry struct {
	version int64
	n       int
}

// maxCounts bounds the cache; it is emptied when full (entries are tiny and
// cheap to recompute).
const maxCounts = 4096

// countKeyOf names a search and filter in the cache: the same key for every
// request MatchPredicate turns into the same WHERE clause.
func countKeyOf(accountID int, search string, f *Filter) countKey {
	// Terms are whitespace-free, so a space joins them unambiguously.
	k := countKey{account: accountID, search: strings.Join(strings.Fields(strings.ToLower(search)), " ")}
	if f != nil {
		k.filter = fmt.Sprintf("%v|%v", f.IncludeRemoved, f.Statuses)
		if f.Imported != nil {
			k.filter += fmt.Sprintf("|imported=%v", *f.Imported)
		}
	}
	return k
}

// countKeyCtx carries the countKey of a Search to the interceptor.
type countKeyCtx struct{}

// CacheCounts makes Search cache its totalCount on PostgreSQL (the version
// table exists there only). Call it once, before serving: it registers an
// interceptor on the client.
func (s *Service) CacheCounts(conn *db.DB) {
	if conn == nil || conn.Dialect != dialect.Postgres {
		return
	}
	s.db = conn
	s.Client.RingExUser.Intercept(ent.InterceptFunc(func(next ent.Querier) ent.Querier {
		return ent.QuerierFunc(func(ctx context.Context, q ent.Query) (ent.Value, error) {
			key, ok := ctx.Value(countKeyCtx{}).(countKey)
			// Only the Count of a Search; never in a transaction, which may
			// see its own uncommitted writes.
			if qc := entbase.QueryFromContext(ctx); !ok || qc == nil || qc.Op != entbase.OpQueryCount || ent.FromContext(ctx) != nil {
				return next.Query(ctx, q)
			}
			return s.cachedCount(ctx, key, func() (ent.Value, error) { return next.Query(ctx, q) })
		})
	}))
}

func (s *Service) cachedCount(ctx context.Context, key countKey, count func() (ent.Value, error)) (ent.Value, error) {
	// The version is read before counting: a write committing in between
	// only makes the stored count newer than its version.
	version, err := s.mirrorVersion(ctx, key.account)
	if err != nil {
		return nil, err
	}
	s.counts.mu.Lock()
	e, ok := s.counts.m[key]
	s.counts.mu.Unlock()
	if ok && e.version == version {
		return e.n, nil
	}
	v, err := count()
	if err != nil {
		return nil, err
	}
	if n, ok := v.(int); ok {
		s.counts.mu.Lock()
		if s.counts.m == nil || len(s.counts.m) >= maxCounts {
			s.counts.m = map[countKey]countEntry{}
		}
		s.counts.m[key] = countEntry{version: version, n: n}
		s.counts.mu.Unlock()
	}
	return v, nil
}

func (s *Service) mirrorVersion(ctx context.Context, accountID int) (int64, error) {
	var v int64
	err := s.db.SQL.QueryRowContext(ctx, `SELECT version FROM ring_ex_mirror_versions WHERE account_id = $1`, accountID).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return v, err
}

// flushSearchIndex merges the trigram index's pending list after a sync on
// PostgreSQL. A sync inserts fast into that list (a direct GIN insert per
// row is ten times slower), but every search scans the list until it is
// merged; autovacuum would merge it later, this does it at once (tens of
// milliseconds after a 50,000-user sync).
func (s *Service) flushSearchIndex(ctx context.Context) {
	if s.db == nil {
		return
	}
	if _, err := s.db.SQL.ExecContext(ctx, `SELECT gin_clean_pending_list('ringexuser_search_text_trgm'::regclass)`); err != nil {
		s.logger().Warn("merging the RingEX search index", "err", err)
	}
}
