package limits

import (
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/validator"
)

const testSchema = `
type Query {
  account: Account
  agents(first: Int, last: Int): AgentConnection!
}
type Account { name: String! teams: [Team!]! agents(first: Int, last: Int): AgentConnection! }
type AgentConnection { edges: [AgentEdge] pageInfo: PageInfo! totalCount: Int! }
type AgentEdge { node: Agent cursor: String! }
type Agent { name: String! account: Account! }
type Team { name: String! }
type PageInfo { hasNextPage: Boolean! }
`

func TestMeasure(t *testing.T) {
	schema := gqlparser.MustLoadSchema(&ast.Source{Input: testSchema})
	cfg := Config{}.withDefaults()
	cases := []struct {
		name               string
		query              string
		vars               map[string]any
		cost, depth, alias int
		pageErr            string
	}{
		{"object with scalars", `{ account { name } }`, nil, 1, 2, 0, ""},
		{"connection: page size times its edges", `{ agents(first: 10) { totalCount edges { node { name } } } }`, nil, 21, 4, 0, ""},
		{"pageInfo is paid once", `{ agents(first: 10) { pageInfo { hasNextPage } } }`, nil, 2, 3, 0, ""},
		{"no first/last is a full page", `{ agents { edges { node { name } } } }`, nil, 201, 4, 0, ""},
		{"page size from a variable", `query($n: Int) { agents(last: $n) { edges { node { name } } } }`, map[string]any{"n": 5}, 11, 4, 0, ""},
		{"nested connections multiply",
			`{ agents(first: 100) { edges { node { account { agents(first: 100) { edges { node { name } } } } } } } }`,
			nil, 20401, 8, 0, ""},
		{"fragments count where spread",
			`{ agents(first: 10) { ...E } } fragment E on AgentConnection { edges { node { name } } }`, nil, 21, 4, 0, ""},
		{"plain lists count ListSize items", `{ account { teams { name } } }`, nil, 11, 3, 0, ""},
		{"aliases", `{ a: account { name } b: account { n: name } }`, nil, 2, 2, 3, ""},
		{"introspection is not limited", `{ __schema { types { fields { type { ofType { ofType { name } } } } } } }`, nil, 0, 0, 0, ""},
		{"first over the page limit", `{ account { agents(first: 101) { totalCount } } }`, nil, 2, 3, 0, "first"},
		{"last over the page limit in a variable", `query($n: Int) { agents(last: $n) { totalCount } }`, map[string]any{"n": 500}, 1, 2, 0, "last"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, errs := gqlparser.LoadQuery(schema, c.query)
			if errs != nil {
				t.Fatalf("query: %v", errs)
			}
			op := doc.Operations[0]
			vars, err := validator.VariableValues(schema, op, c.vars)
			if err != nil {
				t.Fatal(err)
			}
			m, pe := measure(cfg, doc, op, vars)
			if m.Cost != c.cost || m.Depth != c.depth || m.Aliases != c.alias {
				t.Errorf("got cost %d depth %d aliases %d; want %d %d %d", m.Cost, m.Depth, m.Aliases, c.cost, c.depth, c.alias)
			}
			switch {
			case c.pageErr == "" && pe != nil:
				t.Errorf("unexpected page error %+v", pe)
			case c.pageErr != "" && (pe == nil || pe.arg != c.pageErr):
				t.Errorf("page error %+v, want on %s", pe, c.pageErr)
			}
		})
	}
}

// A fragment spreading another many times, nested: the cost multiplies
// (and saturates) while measuring stays fast.
func TestFragmentBombSaturates(t *testing.T) {
	schema := gqlparser.MustLoadSchema(&ast.Source{Input: testSchema})
	q := `{ account { ...F0 } }
fragment F0 on Account { agents(first: 100) { edges { node { account { ...F1 } } } } }
fragment F1 on Account { agents(first: 100) { edges { node { account { ...F2 } } } } }
fragment F2 on Account { agents(first: 100) { edges { node { account { ...F3 } } } } }
fragment F3 on Account { agents(first: 100) { edges { node { account { ...F4 } } } } }
fragment F4 on Account { agents(first: 100) { edges { node { account { name } } } } }`
	doc, errs := gqlparser.LoadQuery(schema, q)
	if errs != nil {
		t.Fatal(errs)
	}
	m, _ := measure(Config{}.withDefaults(), doc, doc.Operations[0], nil)
	if m.Cost != ceiling {
		t.Errorf("cost %d, want the ceiling %d", m.Cost, ceiling)
	}
}
