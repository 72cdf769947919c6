package directory

import (
	"context"
	"strings"

	"entgo.io/contrib/entgql"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/predicate"
	"github.com/switchboard/switchboard/ent/ringexuser"
	"github.com/switchboard/switchboard/internal/errs"
	"github.com/switchboard/switchboard/internal/perm"
)

// Filter narrows the directory (GraphQL RingExUserFilter).
type Filter struct {
	// Imported: true only users imported as agents, false only the others.
	Imported *bool
	// Statuses keeps users in any of these RingEX statuses (all when empty).
	Statuses []ringexuser.Status
	// IncludeRemoved also shows users gone from RingEX.
	IncludeRemoved bool
}

// MatchPredicate selects exactly the users the picker shows for a search
// and filter, so "import all matching" imports what the table lists.
// Search is case-insensitive: every whitespace-separated term must occur in
// first name, last name, full name, email or extension number.
func MatchPredicate(accountID int, search string, f *Filter) []predicate.RingExUser {
	ps := []predicate.RingExUser{ringexuser.AccountID(accountID)}
	for _, term := range strings.Fields(strings.ToLower(search)) {
		ps = append(ps, ringexuser.SearchTextContains(term))
	}
	if f == nil {
		f = &Filter{}
	}
	if !f.IncludeRemoved {
		ps = append(ps, ringexuser.Removed(false))
	}
	if len(f.Statuses) > 0 {
		ps = append(ps, ringexuser.StatusIn(f.Statuses...))
	}
	if f.Imported != nil {
		ps = append(ps, ImportedPredicate(*f.Imported))
	}
	return ps
}

// SearchArgs are the connection arguments of ringExUsers.
type SearchArgs struct {
	AccountID     int
	Search        string
	Filter        *Filter
	After, Before *entgql.Cursor[int]
	First, Last   *int
	OrderBy       []*ent.RingExUserOrder
	// WantTotal and WantEdges: totalCount and a page of edges are both
	// asked for, so on PostgreSQL the count runs beside the page query
	// rather than before it.
	WantTotal, WantEdges bool
}

// maxPage bounds first/last.
const maxPage = 1000

// DefaultOrder is the picker's order: last name, first name (then id).
var DefaultOrder = []*ent.RingExUserOrder{
	{Field: ent.RingExUserOrderFieldLastName, Direction: entgql.OrderDirectionAsc},
	{Field: ent.RingExUserOrderFieldFirstName, Direction: entgql.OrderDirectionAsc},
}

// Search is ringExUsers: a Relay connection over the mirror. It needs
// IMPORT_AGENTS and a linked account (else RINGEX_NOT_LINKED).
func (s *Service) Search(ctx context.Context, a SearchArgs) (*ent.RingExUserConnection, error) {
	if err := require(ctx, a.AccountID, perm.ImportAgents); err != nil {
		return nil, err
	}
	l, err := s.link(ctx, a.AccountID)
	if err != nil {
		return nil, err
	}
	if l == nil {
		return nil, notLinked()
	}
	for name, n := range map[string]*int{"first": a.First, "last": a.Last} {
		if n != nil && (*n < 0 || *n > maxPage) {
			return nil, errs.Invalid(name, "ask for 0 to %d users at a time", maxPage)
		}
	}
	order := a.OrderBy
	if len(order) == 0 {
		order = DefaultOrder
	}
	q := s.client(ctx).RingExUser.Query().Where(MatchPredicate(a.AccountID, a.Search, a.Filter)...)
	// Every viewer allowed here sees all of the account's rows (the privacy
	// filter is the account), so the count can be shared (count.go).
	ca := countArgs{key: countKeyOf(a.AccountID, a.Search, a.Filter), search: a.Search, filter: a.Filter}
	// Paginate counts before it reads the page, and only the page's own
	// rows decide hasNextPage/hasPreviousPage when edges are read: the
	// count can start first and fill totalCount in afterwards.
	pageRead := a.WantEdges && (a.First == nil || *a.First > 0) && (a.Last == nil || *a.Last > 0)
	if a.WantTotal && pageRead && s.db != nil && ent.FromContext(ctx) == nil {
		ca.total = s.countAsync(ctx, ca, q.Clone())
	}
	conn, err := q.Paginate(context.WithValue(ctx, countKeyCtx{}, ca), a.After, a.First, a.Before, a.Last, ent.WithRingExUserOrder(order))
	if err != nil || ca.total == nil {
		return conn, err
	}
	v, err := ca.total.wait(ctx)
	if err != nil {
		return nil, err
	}
	conn.TotalCount = v.(int)
	return conn, nil
}
