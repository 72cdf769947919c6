package audit

import (
	"bytes"
	"context"
	"encoding/json"
	"reflect"
	"slices"
	"time"

	entgo "entgo.io/ent"
	"github.com/99designs/gqlgen/graphql"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/internal/viewer"
)

// maxRowsPerEvent bounds a bulk update or delete: beyond it one summary
// event with the count is written instead of one per row.
const maxRowsPerEvent = 100

// Register installs Hook on the client (and so on its transactions).
func Register(client *ent.Client) { client.Use(Hook()) }

// generated is what every generated mutation offers beyond ent.Mutation.
type generated interface {
	entgo.Mutation
	Client() *ent.Client
	ID() (int, bool)
	IDs(context.Context) ([]int, error)
}

// Hook records one event per successful mutation of an audited type, with
// the mutation's own client: inside a transaction the event is part of it.
func Hook() ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			gm, ok := m.(generated)
			if !ok || skippedTypes[m.Type()] || onlyNoise(m) {
				return next.Mutate(ctx, m)
			}
			p, err := prepare(ctx, gm)
			if err != nil {
				return nil, err
			}
			v, err := next.Mutate(ctx, m)
			if err != nil {
				return v, err
			}
			if err := p.finish(ctx, gm); err != nil {
				return nil, err
			}
			return v, nil
		})
	}
}

// onlyNoise reports an update touching nothing but bookkeeping fields (a
// throttled last_used_at / last_seen_at touch). finish would record nothing
// for it, so it skips prepare's reads of the old row on the auth hot path.
func onlyNoise(m entgo.Mutation) bool {
	if !m.Op().Is(entgo.OpUpdate|entgo.OpUpdateOne) || len(m.AddedFields()) > 0 ||
		len(m.AddedEdges()) > 0 || len(m.RemovedEdges()) > 0 || len(m.ClearedEdges()) > 0 {
		return false
	}
	for _, f := range append(m.Fields(), m.ClearedFields()...) {
		if !noise[f] {
			return false
		}
	}
	return true
}

// pending is what must be captured before the change runs.
type pending struct {
	ids    []int
	before map[int]map[string]any // UpdateOne and deletes: row values
}

func prepare(ctx context.Context, m generated) (*pending, error) {
	p := &pending{before: map[int]map[string]any{}}
	switch {
	case m.Op().Is(entgo.OpCreate):
		return p, nil
	case m.Op().Is(entgo.OpUpdateOne):
		id, _ := m.ID()
		p.ids = []int{id}
		old := map[string]any{}
		for _, f := range append(m.Fields(), m.ClearedFields()...) {
			// An unreadable row fails the update itself with NOT_FOUND.
			if v, err := m.OldField(ctx, f); err == nil {
				old[f] = v
			}
		}
		if v, err := m.OldField(ctx, "account_id"); err == nil {
			old["account_id"] = v
		}
		p.before[id] = old
		return p, nil
	case m.Op().Is(entgo.OpDeleteOne):
		id, _ := m.ID()
		p.ids = []int{id}
	default: // bulk update or delete
		ids, err := m.IDs(ctx)
		if err != nil {
			return nil, err
		}
		p.ids = ids
	}
	if len(p.ids) <= maxRowsPerEvent {
		rows, err := loadRows(ctx, m.Client(), p.ids)
		if err != nil {
			return nil, err
		}
		p.before = rows
	}
	return p, nil
}

func (p *pending) finish(ctx context.Context, m generated) error {
	typ := m.Type()
	client := m.Client()
	switch {
	case m.Op().Is(entgo.OpCreate):
		id, _ := m.ID()
		ch := map[string]any{}
		for _, f := range m.Fields() {
			if v, ok := m.Field(f); ok && !isSecret(f) && !noise[f] {
				ch[f] = map[string]any{"after": v}
			}
		}
		addEdges(m, ch)
		acc := id
		if typ != "Account" {
			raw, _ := m.Field("account_id")
			acc, _ = raw.(int)
		}
		return Record(ctx, client, Event{AccountID: acc, Action: actionName(typ, "create"), TargetType: typ, TargetID: id, Changes: ch})
	case m.Op().Is(entgo.OpDelete | entgo.OpDeleteOne):
		if len(p.ids) > maxRowsPerEvent {
			return Record(ctx, client, Event{Action: actionName(typ, "delete"), TargetType: typ, Changes: map[string]any{"count": len(p.ids)}})
		}
		for _, id := range p.ids {
			row := p.before[id]
			ch := map[string]any{}
			for f, v := range row {
				if !isSecret(f) && !noise[f] && f != "id" && f != "edges" {
					ch[f] = map[string]any{"before": v}
				}
			}
			acc := accountOf(row)
			if typ == "Account" {
				acc = 0 // the account and its log are gone with it
			}
			if err := Record(ctx, client, Event{AccountID: acc, Action: actionName(typ, "delete"), TargetType: typ, TargetID: id, Changes: ch}); err != nil {
				return err
			}
		}
		return nil
	}
	// Updates.
	if len(p.ids) > maxRowsPerEvent {
		return Record(ctx, client, Event{Action: actionName(typ, "update"), TargetType: typ, Changes: map[string]any{"count": len(p.ids), "fields": changedFieldNames(m)}})
	}
	for _, id := range p.ids {
		old, hasOld := p.before[id]
		ch := map[string]any{}
		for _, f := range m.Fields() {
			if isSecret(f) || noise[f] {
				if isSecret(f) {
					ch[f] = map[string]any{"changed": true} // that it changed, never the value
				}
				continue
			}
			after, _ := m.Field(f)
			c := map[string]any{"after": after}
			if hasOld {
				if same(old[f], after) {
					continue
				}
				c["before"] = old[f]
			}
			ch[f] = c
		}
		for _, f := range m.ClearedFields() {
			if isSecret(f) || noise[f] {
				continue
			}
			c := map[string]any{"after": nil}
			if hasOld {
				if old[f] == nil || reflect.ValueOf(old[f]).Kind() == reflect.Pointer && reflect.ValueOf(old[f]).IsNil() {
					continue
				}
				c["before"] = old[f]
			}
			ch[f] = c
		}
		addEdges(m, ch)
		if len(ch) == 0 {
			continue // nothing but bookkeeping changed
		}
		acc := accountOf(old)
		if typ == "Account" {
			acc = id
		}
		if err := Record(ctx, client, Event{AccountID: acc, Action: actionName(typ, "update"), TargetType: typ, TargetID: id, Changes: ch}); err != nil {
			return err
		}
	}
	return nil
}

// addEdges records added and removed edge IDs (team members, categories),
// except unique edges already visible as their foreign-key field (role_id).
func addEdges(m generated, ch map[string]any) {
	fields := m.Fields()
	has := func(f string) bool { return slices.Contains(fields, f) }
	for _, e := range m.AddedEdges() {
		if has(e+"_id") || has(e) {
			continue
		}
		edge(ch, e)["added"] = m.AddedIDs(e)
	}
	for _, e := range m.RemovedEdges() {
		if ids := m.RemovedIDs(e); len(ids) > 0 {
			edge(ch, e)["removed"] = ids
		}
	}
	for _, e := range m.ClearedEdges() {
		if !has(e+"_id") && !slices.Contains(m.ClearedFields(), e+"_id") {
			edge(ch, e)["cleared"] = true
		}
	}
}

func edge(ch map[string]any, e string) map[string]any {
	if c, ok := ch[e].(map[string]any); ok {
		return c
	}
	c := map[string]any{}
	ch[e] = c
	return c
}

func changedFieldNames(m generated) []string {
	var out []string
	for _, f := range append(m.Fields(), m.ClearedFields()...) {
		if !noise[f] {
			out = append(out, f)
		}
	}
	return out
}

// loadRows reads rows by global ID as field -> value, one query per table
// (a bulk change of 100 agents is one read, not 100); rows the viewer
// cannot read are left out. Generated entities leave Sensitive fields out
// of JSON, and isSecret filters again.
func loadRows(ctx context.Context, client *ent.Client, ids []int) (map[int]map[string]any, error) {
	// Inside a GraphQL request, Noders collects only the fields the client
	// selected (often just the id); the audit needs the whole row, so it
	// reads with a context that carries the viewer and nothing else.
	rctx := viewer.NewContext(detached{ctx}, viewer.FromContext(ctx))
	// Noders also reports a missing row as an error of the GraphQL response
	// it expects in the context; this read answers nobody, so it gets a
	// response of its own. Missing rows come back nil.
	rctx = graphql.WithResponseContext(rctx, graphql.DefaultErrorPresenter, graphql.DefaultRecover)
	nodes, _ := client.Noders(rctx, ids)
	rows := make(map[int]map[string]any, len(ids))
	for i, n := range nodes {
		if n == nil {
			continue
		}
		b, err := json.Marshal(n)
		if err != nil {
			return nil, err
		}
		row := map[string]any{}
		d := json.NewDecoder(bytes.NewReader(b))
		d.UseNumber()
		if err := d.Decode(&row); err != nil {
			return nil, err
		}
		rows[ids[i]] = row
	}
	return rows, nil
}

func accountOf(row map[string]any) int {
	switch v := row["account_id"].(type) {
	case int:
		return v
	case json.Number:
		n, _ := v.Int64()
		return int(n)
	}
	return 0
}

// same compares an old value (possibly a pointer, for Nillable fields) with
// a new one.
func same(a, b any) bool {
	deref := func(v any) any {
		rv := reflect.ValueOf(v)
		if rv.Kind() == reflect.Pointer {
			if rv.IsNil() {
				return nil
			}
			return rv.Elem().Interface()
		}
		return v
	}
	a, b = deref(a), deref(b)
	if ta, ok := a.(interface{ Equal(time.Time) bool }); ok {
		if tb, ok := b.(time.Time); ok {
			return ta.Equal(tb)
		}
	}
	return reflect.DeepEqual(a, b)
}

// detached keeps a context's deadline and cancellation but none of its values.
type detached struct{ context.Context }

func (detached) Value(any) any { return nil }
