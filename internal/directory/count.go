package directory

import (
	"context"
	stdsql "database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	entbase "entgo.io/ent"
	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/internal/db"
)

// countCache keeps ringExUsers totalCounts on PostgreSQL. Counting a broad
// search rechecks every match (a third of a 100,000-user directory for
// "mar"), far slower than the page itself; the picker asks for the same
// count on every page and keystroke pause. An entry is valid for one
// version of the account's mirror: migration 0004_ringex_search bumps
// ring_ex_mirror_versions at the commit of every transaction that wrote
// the account's ring_ex_users rows, and 0008 of every one that created or
// deleted an agent imported from RingEX (the "imported" filter), so every
// server instance sees a change at once and a cached count is never stale.
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

// countKeyCtx carries a Search's countArgs to the interceptor.
type countKeyCtx struct{}

// countArgs is what the interceptor needs to count a Search its own way.
type countArgs struct {
	key    countKey
	search string
	filter *Filter
	// total, when set, is the count already running beside the page.
	total *countFuture
}

// countFuture is a totalCount counted concurrently with the page query:
// ent's Paginate runs them one after the other, and on two connections
// the page (a few ms) hides behind the count (see Search).
type countFuture struct {
	done chan struct{}
	v    ent.Value
	err  error
}

func (f *countFuture) wait(ctx context.Context) (ent.Value, error) {
	select {
	case <-f.done:
		return f.v, f.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// countAsync starts counting q's rows (cached, narrow, or by ent) at once.
func (s *Service) countAsync(ctx context.Context, a countArgs, q *ent.RingExUserQuery) *countFuture {
	f := &countFuture{done: make(chan struct{})}
	go func() {
		defer close(f.done)
		// Without countArgs in its context the interceptor lets it through.
		f.v, f.err = s.count(ctx, a, func() (ent.Value, error) { return q.Count(context.WithValue(ctx, countKeyCtx{}, nil)) })
	}()
	return f
}

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
			a, ok := ctx.Value(countKeyCtx{}).(countArgs)
			// Only the Count of a Search; never in a transaction, which may
			// see its own uncommitted writes.
			if qc := entbase.QueryFromContext(ctx); !ok || qc == nil || qc.Op != entbase.OpQueryCount || ent.FromContext(ctx) != nil {
				return next.Query(ctx, q)
			}
			if a.total != nil {
				return 0, nil // counted beside the page; Search fills it in
			}
			return s.count(ctx, a, func() (ent.Value, error) { return next.Query(ctx, q) })
		})
	}))
}

// count is a Search's totalCount: from the cache, else counted in the
// narrow copy where it can answer, else by byEnt.
func (s *Service) count(ctx context.Context, a countArgs, byEnt func() (ent.Value, error)) (ent.Value, error) {
	return s.cachedCount(ctx, a.key, func() (ent.Value, error) {
		if n, ok, err := s.countNarrow(ctx, a); ok || err != nil {
			return n, err
		}
		return byEnt()
	})
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

// countNarrow counts a search in ring_ex_user_search when NarrowCount can.
func (s *Service) countNarrow(ctx context.Context, a countArgs) (int, bool, error) {
	query, args, ok := NarrowCount(a.key.account, a.search, a.filter)
	if !ok {
		return 0, false, nil
	}
	var n int
	err := s.db.SQL.QueryRowContext(ctx, query, args...).Scan(&n)
	return n, err == nil, err
}

// NarrowCount is the PostgreSQL statement counting what MatchPredicate
// selects, in ring_ex_user_search: the narrow copy of the searched columns
// (migration 0005), through its trigram index, so half the pages of
// ring_ex_users to recheck. ok is false where the copy cannot answer: a
// filter on imported (the copy has no RingEX id to find the agent by), or
// no term long enough for a trigram, where the account's name-order index
// is the better path.
func NarrowCount(accountID int, search string, f *Filter) (query string, args []any, ok bool) {
	terms := strings.Fields(strings.ToLower(search))
	if f == nil {
		f = &Filter{}
	}
	if f.Imported != nil || !slices.ContainsFunc(terms, func(t string) bool { return utf8.RuneCountInString(t) >= 3 }) {
		return "", nil, false
	}
	t := sql.Table("ring_ex_user_search")
	ps := []*sql.Predicate{sql.EQ(t.C("account_id"), accountID)}
	for _, term := range terms {
		ps = append(ps, sql.Contains(t.C("search_text"), term)) // escapes % and _ as ent's SearchTextContains
	}
	if !f.IncludeRemoved {
		ps = append(ps, sql.EQ(t.C("removed"), false))
	}
	if len(f.Statuses) > 0 {
		vs := make([]any, len(f.Statuses))
		for i, st := range f.Statuses {
			vs[i] = string(st)
		}
		ps = append(ps, sql.In(t.C("status"), vs...))
	}
	query, args = sql.Dialect(dialect.Postgres).Select(sql.Count("*")).From(t).Where(sql.And(ps...)).Query()
	return query, args, true
}

func (s *Service) mirrorVersion(ctx context.Context, accountID int) (int64, error) {
	var v int64
	err := s.db.SQL.QueryRowContext(ctx, `SELECT version FROM ring_ex_mirror_versions WHERE account_id = $1`, accountID).Scan(&v)
	if errors.Is(err, stdsql.ErrNoRows) {
		return 0, nil
	}
	return v, err
}

// flushSearchIndex merges the trigram indexes' pending lists after a sync on
// PostgreSQL. A sync inserts fast into that list (a direct GIN insert per
// row is ten times slower), but every search scans the list until it is
// merged; autovacuum would merge it later, this does it at once (tens of
// milliseconds after a 50,000-user sync).
func (s *Service) flushSearchIndex(ctx context.Context) {
	if s.db == nil {
		return
	}
	const q = `SELECT gin_clean_pending_list('ringexuser_search_text_trgm'::regclass), gin_clean_pending_list('ring_ex_user_search_text_trgm'::regclass)`
	if _, err := s.db.SQL.ExecContext(ctx, q); err != nil {
		s.logger().Warn("merging the RingEX search index", "err", err)
	}
}
