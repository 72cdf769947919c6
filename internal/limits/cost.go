package limits

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
)

// Measure is what the limits look at in one operation.
type Measure struct {
	// Cost: an object costs 1 plus its children; a scalar 0; a connection
	// costs 1 plus its page size times its edges (or nodes) and the rest
	// once; a list that is not a connection counts ListSize items.
	Cost    int `json:"cost"`
	Depth   int `json:"depth"`
	Aliases int `json:"aliases"`
}

// pageError is the first connection asking for more than MaxPageSize.
type pageError struct {
	arg       string
	asked     int
	fieldPath string
}

// measurer walks one operation. Fragments are measured once per page size
// and remembered, so "fragment bombs" (fragments spreading others many
// times) cost linear time to measure while their cost still multiplies.
type measurer struct {
	cfg   Config
	doc   *ast.QueryDocument
	vars  map[string]any
	memo  map[string]Measure
	busy  map[string]bool
	page  *pageError
	paths []string
}

func measure(cfg Config, doc *ast.QueryDocument, op *ast.OperationDefinition, vars map[string]any) (Measure, *pageError) {
	m := &measurer{cfg: cfg, doc: doc, vars: vars, memo: map[string]Measure{}, busy: map[string]bool{}}
	return m.set(op.SelectionSet, 0), m.page
}

// set measures a selection set. page > 0 means the set belongs to a
// connection of that page size: its edges and nodes repeat page times.
func (m *measurer) set(sel ast.SelectionSet, page int) Measure {
	var out Measure
	for _, s := range sel {
		var c Measure
		switch s := s.(type) {
		case *ast.Field:
			c = m.field(s, page)
		case *ast.InlineFragment:
			c = m.set(s.SelectionSet, page)
		case *ast.FragmentSpread:
			c = m.spread(s.Name, page)
		}
		out.Cost = add(out.Cost, c.Cost)
		out.Aliases = add(out.Aliases, c.Aliases)
		out.Depth = max(out.Depth, c.Depth)
	}
	return out
}

func (m *measurer) spread(name string, page int) Measure {
	key := name + "/" + strconv.Itoa(page)
	if r, ok := m.memo[key]; ok {
		return r
	}
	def := m.doc.Fragments.ForName(name)
	if def == nil || m.busy[key] { // validation refuses both; stay safe
		return Measure{}
	}
	m.busy[key] = true
	r := m.set(def.SelectionSet, page)
	delete(m.busy, key)
	m.memo[key] = r
	return r
}

func (m *measurer) field(f *ast.Field, page int) Measure {
	// Introspection has its own switch (off in production) and a fixed
	// shape deeper than any product query; it is not limited here.
	if strings.HasPrefix(f.Name, "__") {
		return Measure{}
	}
	var own Measure
	if f.Alias != "" && f.Alias != f.Name {
		own.Aliases = 1
	}
	if len(f.SelectionSet) == 0 {
		own.Depth = 1
		return own
	}
	m.paths = append(m.paths, f.Alias)
	defer func() { m.paths = m.paths[:len(m.paths)-1] }()
	var child Measure
	cost := 0
	switch {
	case isConnection(f):
		size := m.pageSize(f)
		child = m.set(f.SelectionSet, max(size, 0))
		cost = add(1, child.Cost)
	case page > 0 && (f.Name == "edges" || f.Name == "nodes"):
		child = m.set(f.SelectionSet, 0)
		cost = mul(page, add(1, child.Cost))
	case f.Definition != nil && f.Definition.Type.Elem != nil:
		child = m.set(f.SelectionSet, 0)
		cost = mul(m.cfg.ListSize, add(1, child.Cost))
	default:
		child = m.set(f.SelectionSet, 0)
		cost = add(1, child.Cost)
	}
	return Measure{Cost: cost, Depth: child.Depth + 1, Aliases: add(own.Aliases, child.Aliases)}
}

// isConnection recognises Relay connections by their type name, so every
// connection (generated or hand-written) is covered without a list.
func isConnection(f *ast.Field) bool {
	return f.Definition != nil && f.Definition.Type.Elem == nil &&
		strings.HasSuffix(f.Definition.Type.Name(), "Connection")
}

// pageSize is the larger of first and last; without either the server
// returns everything, so the connection is charged a full page.
func (m *measurer) pageSize(f *ast.Field) int {
	size, given := 0, false
	for _, name := range []string{"first", "last"} {
		a := f.Arguments.ForName(name)
		if a == nil {
			continue
		}
		n, ok := intValue(a.Value, m.vars)
		if !ok {
			continue
		}
		given = true
		if n > m.cfg.MaxPageSize && m.page == nil {
			m.page = &pageError{arg: name, asked: n, fieldPath: strings.Join(m.paths, ".")}
		}
		size = max(size, n)
	}
	if !given {
		return m.cfg.DefaultPageSize
	}
	return size
}

func intValue(v *ast.Value, vars map[string]any) (int, bool) {
	if v == nil {
		return 0, false
	}
	raw, err := v.Value(vars)
	if err != nil {
		return 0, false
	}
	switch n := raw.(type) {
	case int:
		return n, true
	case int32:
		return int(n), true
	case int64:
		return int(min(n, math.MaxInt32)), true
	case float64:
		return int(min(n, math.MaxInt32)), true
	case json.Number:
		i, err := n.Int64()
		return int(min(i, math.MaxInt32)), err == nil
	}
	return 0, false
}

// Saturating arithmetic: an abusive document must not overflow into a
// small or negative cost.
const ceiling = math.MaxInt32

func add(a, b int) int { return min(a+b, ceiling) }

func mul(a, b int) int {
	if a != 0 && b > ceiling/a {
		return ceiling
	}
	return min(a*b, ceiling)
}
