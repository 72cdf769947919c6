package graph_test

import (
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/switchboard/switchboard/internal/testdb"
)

const createAgentMutation = `mutation($in: CreateAgentInput!) { createAgent(input: $in) { agent { id username role { name } } } }`

func agentInput(accountID, roleID, username string) map[string]any {
	return map[string]any{"in": map[string]any{
		"firstName": "Maria", "lastName": "Lopez", "email": username + "@example.com",
		"username": username, "timezone": "US/Pacific", "language": "en-us",
		"accountID": accountID, "roleID": roleID,
	}}
}

func TestAccountStartsWithPredefinedRolesAndStates(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		e := newEnv(t, d)
		id := e.createAccount(t, "Acme")
		var out struct {
			Node struct {
				Roles struct {
					Edges []struct {
						Node struct {
							Name        string
							Predefined  bool
							Permissions []string
						}
					}
				}
				AgentStates struct {
					Edges []struct {
						Node struct {
							Label string
							Ready bool
							Rank  int
						}
					}
				}
			}
		}
		e.admin(t).mustDo(t, `query($id:ID!){ node(id:$id){ ... on Account {
			roles(first:10, orderBy:{field:NAME}){ edges { node { name predefined permissions } } }
			agentStates(first:10, orderBy:{field:RANK}){ edges { node { label ready rank } } } } } }`,
			map[string]any{"id": id}, &out)
		var names []string
		for _, r := range out.Node.Roles.Edges {
			if !r.Node.Predefined {
				t.Errorf("role %s is not predefined", r.Node.Name)
			}
			names = append(names, r.Node.Name)
		}
		if got := strings.Join(names, ","); got != "Administrator,Agent,Manager,Quality analyst" {
			t.Fatalf("roles = %s", got)
		}
		var labels []string
		for i, s := range out.Node.AgentStates.Edges {
			labels = append(labels, s.Node.Label)
			if s.Node.Ready != (s.Node.Label == "Available") || s.Node.Rank != i {
				t.Errorf("state %+v", s.Node)
			}
		}
		if got := strings.Join(labels, ","); got != "Available,Break,Lunch,Training,Away" {
			t.Fatalf("states = %s", got)
		}
	})
}

func TestFoundationRefusesBadInput(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		e := newEnv(t, d)
		admin := e.admin(t)
		acc := e.createAccount(t, "Acme")
		other := e.createAccount(t, "Other")
		agentRole := e.roleID(t, acc, "Agent")
		foreignRole := e.roleID(t, other, "Agent")
		admin.mustDo(t, createAgentMutation, agentInput(acc, agentRole, "taken.user"), nil)
		var agentOut struct {
			CreateAgent struct{ Agent struct{ ID string } }
		}
		admin.mustDo(t, createAgentMutation, agentInput(acc, agentRole, "second.user"), &agentOut)

		// A chain of six categories, the deepest allowed.
		parent := any(nil)
		var chain []string
		for i := 0; i < 6; i++ {
			var c struct {
				CreateCategory struct{ Category struct{ ID string } }
			}
			admin.mustDo(t, `mutation($a:ID!,$n:String!,$p:ID){ createCategory(input:{accountID:$a,name:$n,parentID:$p}){ category { id } } }`,
				map[string]any{"a": acc, "n": fmt.Sprintf("Level %d", i+1), "p": parent}, &c)
			parent = c.CreateCategory.Category.ID
			chain = append(chain, c.CreateCategory.Category.ID)
		}

		cases := []struct {
			name, code, field, query string
			vars                     map[string]any
		}{
			{"empty account name", "BAD_USER_INPUT", "name", `mutation{ createAccount(input:{name:"  "}){ account { id } } }`, nil},
			{"over-long account name", "BAD_USER_INPUT", "name", `mutation($n:String!){ createAccount(input:{name:$n}){ account { id } } }`, map[string]any{"n": strings.Repeat("x", 121)}},
			{"duplicate account name", "CONFLICT", "name", `mutation{ createAccount(input:{name:"acme"}){ account { id } } }`, nil},
			{"unknown timezone", "BAD_USER_INPUT", "defaultTimezone", `mutation($id:ID!){ updateAccount(id:$id, input:{defaultTimezone:"Mars/Olympus"}){ account { id } } }`, map[string]any{"id": acc}},
			{"unsupported language", "BAD_USER_INPUT", "defaultLanguage", `mutation($id:ID!){ updateAccount(id:$id, input:{defaultLanguage:"xx-YY"}){ account { id } } }`, map[string]any{"id": acc}},
			{"unknown country", "BAD_USER_INPUT", "internationalCountries", `mutation($id:ID!){ updateAccount(id:$id, input:{internationalCountries:["US","QQ"]}){ account { id } } }`, map[string]any{"id": acc}},
			{"duplicate role name", "CONFLICT", "name", `mutation($a:ID!){ createRole(input:{accountID:$a, name:"manager"}){ role { id } } }`, map[string]any{"a": acc}},
			{"delete predefined role", "CONFLICT", "id", `mutation($id:ID!){ deleteRole(id:$id){ deletedId } }`, map[string]any{"id": agentRole}},
			{"agent with foreign role", "NOT_FOUND", "roleID", createAgentMutation, agentInput(acc, foreignRole, "x.user")},
			{"agent with taken username", "USERNAME_TAKEN", "username", createAgentMutation, agentInput(other, foreignRole, "TAKEN.user")},
			{"agent with unknown timezone", "BAD_USER_INPUT", "timezone", `mutation($a:ID!,$r:ID!){ createAgent(input:{firstName:"A",lastName:"B",email:"",username:"tz.user",timezone:"Nowhere/City",language:"en-US",accountID:$a,roleID:$r}){ agent { id } } }`, map[string]any{"a": acc, "r": agentRole}},
			{"category deeper than six", "BAD_USER_INPUT", "parentID", `mutation($a:ID!,$p:ID!){ createCategory(input:{accountID:$a,name:"Level 7",parentID:$p}){ category { id } } }`, map[string]any{"a": acc, "p": chain[5]}},
			{"category cycle", "BAD_USER_INPUT", "parentId", `mutation($id:ID!,$p:ID!){ moveCategory(id:$id, parentId:$p){ category { id } } }`, map[string]any{"id": chain[1], "p": chain[3]}},
			{"team with foreign account's agent", "NOT_FOUND", "memberIDs", `mutation($a:ID!,$m:[ID!]){ createTeam(input:{accountID:$a,name:"T",memberIDs:$m}){ team { id } } }`, map[string]any{"a": other, "m": []string{agentOut.CreateAgent.Agent.ID}}},
			{"malformed id", "BAD_USER_INPUT", "", `query{ node(id:"not-an-id"){ id } }`, nil},
			{"unknown id", "NOT_FOUND", "", `query{ node(id:"8589999999"){ id } }`, nil},
			{"malformed cursor", "BAD_USER_INPUT", "", `query{ accounts(first:5, after:"garbage"){ totalCount } }`, nil},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				admin.expectError(t, c.code, c.field, c.query, c.vars)
			})
		}

		// Deleting a role still assigned to agents is refused; a free custom role goes.
		var role struct {
			CreateRole struct{ Role struct{ ID string } }
		}
		admin.mustDo(t, `mutation($a:ID!){ createRole(input:{accountID:$a, name:"Night shift", permissions:[READ_AGENTS]}){ role { id } } }`, map[string]any{"a": acc}, &role)
		admin.mustDo(t, `mutation($id:ID!,$r:ID!){ updateAgent(id:$id, input:{roleID:$r}){ agent { id } } }`, map[string]any{"id": agentOut.CreateAgent.Agent.ID, "r": role.CreateRole.Role.ID}, nil)
		admin.expectError(t, "CONFLICT", "id", `mutation($id:ID!){ deleteRole(id:$id){ deletedId } }`, map[string]any{"id": role.CreateRole.Role.ID})
		admin.mustDo(t, `mutation($id:ID!,$r:ID!){ updateAgent(id:$id, input:{roleID:$r}){ agent { id } } }`, map[string]any{"id": agentOut.CreateAgent.Agent.ID, "r": agentRole}, nil)
		admin.mustDo(t, `mutation($id:ID!){ deleteRole(id:$id){ deletedId } }`, map[string]any{"id": role.CreateRole.Role.ID}, nil)
	})
}

func TestAgentsSearchFiltersAndOrder(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		e := newEnv(t, d)
		admin := e.admin(t)
		acc := e.createAccount(t, "Acme")
		agentRole, managerRole := e.roleID(t, acc, "Agent"), e.roleID(t, acc, "Manager")
		people := [][3]string{{"Maria", "Lopez", agentRole}, {"Marc", "Dupont", managerRole}, {"Anna", "Schmidt", agentRole}, {"Omar", "Haddad", agentRole}}
		for _, p := range people {
			admin.mustDo(t, `mutation($a:ID!,$r:ID!,$f:String!,$l:String!,$u:String!){ createAgent(input:{firstName:$f,lastName:$l,email:"",username:$u,timezone:"UTC",language:"en-US",accountID:$a,roleID:$r}){ agent { id } } }`,
				map[string]any{"a": acc, "r": p[2], "f": p[0], "l": p[1], "u": strings.ToLower(p[0] + "." + p[1])}, nil)
		}
		type page struct {
			Node struct {
				Agents struct {
					TotalCount int
					Edges      []struct{ Node struct{ FirstName string } }
				}
			}
		}
		run := func(where map[string]any, order []map[string]any) (int, string) {
			var out page
			admin.mustDo(t, `query($id:ID!,$w:AgentWhereInput,$o:[AgentOrder!]){ node(id:$id){ ... on Account { agents(first:10, where:$w, orderBy:$o){ totalCount edges { node { firstName } } } } } }`,
				map[string]any{"id": acc, "w": where, "o": order}, &out)
			var names []string
			for _, ed := range out.Node.Agents.Edges {
				names = append(names, ed.Node.FirstName)
			}
			return out.Node.Agents.TotalCount, strings.Join(names, ",")
		}
		byFirst := []map[string]any{{"field": "FIRST_NAME"}}
		if n, got := run(map[string]any{"search": "MAR"}, byFirst); n != 3 || got != "Marc,Maria,Omar" {
			t.Errorf("search MAR = %d %s", n, got)
		}
		if n, got := run(map[string]any{"search": "maria lop"}, byFirst); n != 1 || got != "Maria" {
			t.Errorf("full-name search = %d %s", n, got)
		}
		if n, got := run(map[string]any{"hasRoleWith": []map[string]any{{"id": managerRole}}}, byFirst); n != 1 || got != "Marc" {
			t.Errorf("role filter = %d %s", n, got)
		}
		if _, got := run(nil, []map[string]any{{"field": "LAST_NAME", "direction": "DESC"}}); got != "Anna,Maria,Omar,Marc" {
			t.Errorf("order by last name desc = %s", got)
		}
		if n, _ := run(map[string]any{"signedIn": true}, nil); n != 0 {
			t.Errorf("signedIn filter = %d", n)
		}
	})
}

func TestAgentsPageStatementsConstant(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		var counting atomic.Bool
		var statements atomic.Int64
		e := newEnv(t, d, onStatement(func(string) {
			if counting.Load() {
				statements.Add(1)
			}
		}))
		admin := e.admin(t)
		acc := e.createAccount(t, "Acme")
		role := e.roleID(t, acc, "Agent")
		var team struct {
			CreateTeam struct{ Team struct{ ID string } }
		}
		admin.mustDo(t, `mutation($a:ID!){ createTeam(input:{accountID:$a,name:"T"}){ team { id } } }`, map[string]any{"a": acc}, &team)
		var cat struct {
			CreateCategory struct{ Category struct{ ID string } }
		}
		admin.mustDo(t, `mutation($a:ID!){ createCategory(input:{accountID:$a,name:"C"}){ category { id } } }`, map[string]any{"a": acc}, &cat)
		for i := 0; i < 120; i++ {
			in := agentInput(acc, role, fmt.Sprintf("agent%03d", i))
			in["in"].(map[string]any)["teamIDs"] = []string{team.CreateTeam.Team.ID}
			in["in"].(map[string]any)["categoryIDs"] = []string{cat.CreateCategory.Category.ID}
			admin.mustDo(t, createAgentMutation, in, nil)
		}
		count := func(first int) int64 {
			statements.Store(0)
			counting.Store(true)
			defer counting.Store(false)
			var out struct {
				Node struct{ Agents struct{ Edges []any } }
			}
			admin.mustDo(t, `query($id:ID!,$n:Int!){ node(id:$id){ ... on Account { agents(first:$n){ totalCount edges { node { id role { name } teams { name } categories { name } } } } } } }`,
				map[string]any{"id": acc, "n": first}, &out)
			if len(out.Node.Agents.Edges) != first {
				t.Fatalf("got %d agents, want %d", len(out.Node.Agents.Edges), first)
			}
			return statements.Load()
		}
		small, large := count(10), count(100)
		if small != large {
			t.Fatalf("statements: first:10 → %d, first:100 → %d; want the same", small, large)
		}
		t.Logf("%s: %d statements for an agents page with role, teams and categories", d, large)
	})
}

func TestCategoryMoveAndReorderStates(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		e := newEnv(t, d)
		admin := e.admin(t)
		acc := e.createAccount(t, "Acme")
		mk := func(name string, parent any) string {
			var c struct {
				CreateCategory struct{ Category struct{ ID string } }
			}
			admin.mustDo(t, `mutation($a:ID!,$n:String!,$p:ID){ createCategory(input:{accountID:$a,name:$n,parentID:$p}){ category { id } } }`,
				map[string]any{"a": acc, "n": name, "p": parent}, &c)
			return c.CreateCategory.Category.ID
		}
		root := mk("Products", nil)
		child := mk("Billing", root)
		leaf := mk("Refunds", child)
		other := mk("Support", nil)
		var moved struct {
			MoveCategory struct {
				Category struct{ Parent struct{ ID string } }
			}
		}
		admin.mustDo(t, `mutation($id:ID!,$p:ID){ moveCategory(id:$id, parentId:$p){ category { parent { id } } } }`, map[string]any{"id": child, "p": other}, &moved)
		if moved.MoveCategory.Category.Parent.ID != other {
			t.Fatalf("parent after move = %q", moved.MoveCategory.Category.Parent.ID)
		}
		admin.mustDo(t, `mutation($id:ID!){ deleteCategory(id:$id){ deletedId } }`, map[string]any{"id": other}, nil)
		admin.expectError(t, "NOT_FOUND", "", `query($id:ID!){ node(id:$id){ id } }`, map[string]any{"id": leaf})

		var states struct {
			Node struct {
				AgentStates struct {
					Edges []struct{ Node struct{ ID string } }
				}
			}
		}
		admin.mustDo(t, `query($id:ID!){ node(id:$id){ ... on Account { agentStates(first:10, orderBy:{field:RANK}){ edges { node { id } } } } } }`, map[string]any{"id": acc}, &states)
		var ids []string
		for _, ed := range states.Node.AgentStates.Edges {
			ids = append([]string{ed.Node.ID}, ids...)
		}
		var re struct {
			ReorderAgentStates struct{ AgentStates []struct{ Label string } }
		}
		admin.mustDo(t, `mutation($a:ID!,$ids:[ID!]!){ reorderAgentStates(accountId:$a, ids:$ids){ agentStates { label } } }`, map[string]any{"a": acc, "ids": ids}, &re)
		if re.ReorderAgentStates.AgentStates[0].Label != "Away" {
			t.Fatalf("first state after reorder = %+v", re.ReorderAgentStates.AgentStates)
		}
		admin.expectError(t, "BAD_USER_INPUT", "ids", `mutation($a:ID!,$ids:[ID!]!){ reorderAgentStates(accountId:$a, ids:$ids){ agentStates { label } } }`, map[string]any{"a": acc, "ids": ids[:2]})
	})
}

func TestBulkAgentMutationsAnswerPerItem(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		e := newEnv(t, d)
		admin := e.admin(t)
		acc := e.createAccount(t, "Acme")
		role := e.roleID(t, acc, "Agent")
		var a struct {
			CreateAgent struct{ Agent struct{ ID string } }
		}
		admin.mustDo(t, createAgentMutation, agentInput(acc, role, "bulk.one"), &a)
		var out struct {
			SetAgentsEnabled struct {
				Succeeded, Failed int
				Results           []struct {
					ID   string
					Ok   bool
					Code *string
				}
			}
		}
		admin.mustDo(t, `mutation($ids:[ID!]!){ setAgentsEnabled(ids:$ids, enabled:false){ succeeded failed results { id ok code } } }`,
			map[string]any{"ids": []string{a.CreateAgent.Agent.ID, "8589999999"}}, &out)
		r := out.SetAgentsEnabled
		if r.Succeeded != 1 || r.Failed != 1 || !r.Results[0].Ok || r.Results[1].Code == nil || *r.Results[1].Code != "NOT_FOUND" {
			t.Fatalf("results = %+v", r)
		}
		var del struct {
			DeleteAgents struct{ Succeeded int }
		}
		admin.mustDo(t, `mutation($ids:[ID!]!){ deleteAgents(ids:$ids){ succeeded } }`, map[string]any{"ids": []string{a.CreateAgent.Agent.ID}}, &del)
		if del.DeleteAgents.Succeeded != 1 {
			t.Fatalf("delete = %+v", del)
		}
	})
}
