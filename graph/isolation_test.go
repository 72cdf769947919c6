package graph_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/switchboard/switchboard/internal/testdb"
)

// Tenant isolation: every user and token of account A tries to read and
// change account B's objects through every entry point. Each attempt must be
// refused exactly as if B's IDs did not exist (same error code as for the
// never-existing ID below), and B's data must be unchanged afterwards.

const missingID = "8589999999"

// isoAttempt is one cross-account try. kind says how a refusal looks when
// the request answers no error: "null:<path>" (the object is null),
// "nulls:<field>" (a list of nulls), "empty:<path>" (a connection with
// totalCount 0), "bulk:<field>" (no item succeeded), "items:<path>"
// (every per-item result failed), "err" (only an error is a refusal).
type isoAttempt struct {
	name, query string
	vars        map[string]any
	kind        string
}

const isoSnapshot = `query($id:ID!){ node(id:$id){ ... on Account {
	name defaultTimezone defaultLanguage internationalEnabled internationalCountries wfmEnabled maxBreakMinutes maxLunchMinutes leaverPolicy archived
	agents(first:100){ edges { node { firstName lastName username enabled role { name } teams { name } categories { name } } } }
	roles(first:100){ edges { node { name permissions } } }
	teams(first:100){ edges { node { name members(first:100){ edges { node { username } } } } } }
	categories(first:100){ edges { node { name parent { name } } } }
	agentStates(first:100){ edges { node { label rank active selectable } } } } }
	apiTokens(accountId:$id, first:100){ totalCount }
	auditEvents(accountId:$id, first:1){ totalCount } }`

func TestIsolationBetweenAccounts(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		e := newEnv(t, d)
		admin := e.admin(t)
		accA, accB := e.createAccount(t, "Alpha"), e.createAccount(t, "Bravo")
		mkID := func(q string, vars map[string]any, path string) string {
			var out any
			admin.mustDo(t, q, vars, &out)
			for _, p := range strings.Split(path, ".") {
				out = out.(map[string]any)[p]
			}
			return out.(string)
		}
		// Account B's data, created by the platform administrator.
		roleB := mkID(`mutation($a:ID!){ createRole(input:{accountID:$a,name:"Bravo night",permissions:[READ_AGENTS]}){ role { id } } }`, map[string]any{"a": accB}, "createRole.role.id")
		agentB := mkID(createAgentMutation, agentInput(accB, roleB, "bravo.agent"), "createAgent.agent.id")
		teamB := mkID(`mutation($a:ID!,$m:[ID!]){ createTeam(input:{accountID:$a,name:"Bravo team",memberIDs:$m}){ team { id } } }`, map[string]any{"a": accB, "m": []string{agentB}}, "createTeam.team.id")
		catB := mkID(`mutation($a:ID!){ createCategory(input:{accountID:$a,name:"Bravo sales"}){ category { id } } }`, map[string]any{"a": accB}, "createCategory.category.id")
		var st struct {
			Node struct {
				AgentStates struct {
					Edges []struct{ Node struct{ ID string } }
				}
			}
		}
		admin.mustDo(t, `query($id:ID!){ node(id:$id){ ... on Account { agentStates(first:10, orderBy:{field:RANK}){ edges { node { id } } } } } }`, map[string]any{"id": accB}, &st)
		var statesB []string
		for _, ed := range st.Node.AgentStates.Edges {
			statesB = append([]string{ed.Node.ID}, statesB...)
		}
		stateB := statesB[0]
		// Account A's own objects, used as the other half of mixed inputs.
		roleA := e.roleID(t, accA, "Agent")
		agentA := mkID(createAgentMutation, agentInput(accA, roleA, "alpha.agent"), "createAgent.agent.id")
		teamA := mkID(`mutation($a:ID!){ createTeam(input:{accountID:$a,name:"Alpha team"}){ team { id } } }`, map[string]any{"a": accA}, "createTeam.team.id")
		catA := mkID(`mutation($a:ID!){ createCategory(input:{accountID:$a,name:"Alpha sales"}){ category { id } } }`, map[string]any{"a": accA}, "createCategory.category.id")

		// The viewers of account A: a user of every predefined role and two tokens.
		viewers := map[string]*gqlClient{}
		for _, r := range []string{"Administrator", "Manager", "Agent", "Quality analyst"} {
			viewers[r] = e.createUser(t, strings.ReplaceAll(strings.ToLower(r), " ", ".")+"@alpha.test", accA, r)
		}
		var me struct {
			Viewer struct{ User struct{ ID string } }
		}
		viewers["Administrator"].mustDo(t, `{ viewer { user { id } } }`, nil, &me)
		userA := me.Viewer.User.ID
		for _, scope := range []string{"READ_ONLY", "FULL"} {
			var tok struct{ CreateAPIToken struct{ Secret string } }
			viewers["Administrator"].mustDo(t, `mutation($a:ID!,$n:String!,$s:APITokenScope!){ createAPIToken(input:{accountId:$a,name:$n,scope:$s}){ secret } }`,
				map[string]any{"a": accA, "n": scope, "s": scope}, &tok)
			viewers["token "+scope] = e.withToken(tok.CreateAPIToken.Secret)
		}

		before := admin.do(t, isoSnapshot, map[string]any{"id": accB})
		if len(before.Errors) > 0 {
			t.Fatalf("snapshot: %+v", before.Errors)
		}

		id := func(v string) map[string]any { return map[string]any{"id": v} }
		agentIn := func(mod func(map[string]any)) map[string]any {
			v := agentInput(accA, roleA, "intruder")
			mod(v["in"].(map[string]any))
			return v
		}
		accConn := func(conn string) string {
			return `query($id:ID!){ node(id:$id){ ... on Account { ` + conn + `(first:10){ totalCount edges { node { id } } } } } }`
		}
		agentsOfA := `query($a:ID!,$w:AgentWhereInput){ node(id:$a){ ... on Account { agents(first:10, where:$w){ totalCount } } } }`
		attempts := []isoAttempt{
			// Reads.
			{"node(agent B)", `query($id:ID!){ node(id:$id){ id } }`, id(agentB), "null:node"},
			{"node(role B)", `query($id:ID!){ node(id:$id){ id ... on Role { permissions } } }`, id(roleB), "null:node"},
			{"node(team B)", `query($id:ID!){ node(id:$id){ id } }`, id(teamB), "null:node"},
			{"node(category B)", `query($id:ID!){ node(id:$id){ id } }`, id(catB), "null:node"},
			{"node(state B)", `query($id:ID!){ node(id:$id){ id } }`, id(stateB), "null:node"},
			{"node(account B)", `query($id:ID!){ node(id:$id){ id ... on Account { name } } }`, id(accB), "null:node"},
			{"nodes(B's objects)", `query($ids:[ID!]!){ nodes(ids:$ids){ id } }`, map[string]any{"ids": []string{agentB, roleB, teamB, catB, stateB, accB}}, "nulls:nodes"},
			{"account(B)", `query($id:ID!){ account(id:$id){ id name } }`, id(accB), "null:account"},
			{"accounts where id = B", `query($id:ID!){ accounts(first:10, where:{id:$id}){ totalCount } }`, id(accB), "empty:accounts"},
			{"B.agents", accConn("agents"), id(accB), "null:node"},
			{"B.roles", accConn("roles"), id(accB), "null:node"},
			{"B.teams", accConn("teams"), id(accB), "null:node"},
			{"B.categories", accConn("categories"), id(accB), "null:node"},
			{"B.agentStates", accConn("agentStates"), id(accB), "null:node"},
			{"A.agents with B's role", agentsOfA, map[string]any{"a": accA, "w": map[string]any{"hasRoleWith": []any{id(roleB)}}}, "empty:node.agents"},
			{"A.agents in B's team", agentsOfA, map[string]any{"a": accA, "w": map[string]any{"hasTeamsWith": []any{id(teamB)}}}, "empty:node.agents"},
			{"A.agents in B's category", agentsOfA, map[string]any{"a": accA, "w": map[string]any{"hasCategoriesWith": []any{id(catB)}}}, "empty:node.agents"},
			{"A.agents with B's id", agentsOfA, map[string]any{"a": accA, "w": id(agentB)}, "empty:node.agents"},
			{"auditEvents(B)", `query($a:ID!){ auditEvents(accountId:$a, first:10){ totalCount } }`, map[string]any{"a": accB}, "empty:auditEvents"},
			{"apiTokens(B)", `query($a:ID!){ apiTokens(accountId:$a, first:10){ totalCount } }`, map[string]any{"a": accB}, "empty:apiTokens"},
			{"importJobs(B)", `query($a:ID!){ importJobs(accountId:$a, first:10){ totalCount } }`, map[string]any{"a": accB}, "empty:importJobs"},
			{"ringExUsers(B)", `query($a:ID!){ ringExUsers(accountId:$a, first:10){ totalCount } }`, map[string]any{"a": accB}, "err"},
			// Writes on B's objects.
			{"updateAgent(B)", `mutation($id:ID!){ updateAgent(id:$id, input:{firstName:"Hacked"}){ agent { id } } }`, id(agentB), "err"},
			{"setAgentPassword(B)", `mutation($id:ID!){ setAgentPassword(id:$id, password:"another long password"){ agent { id } } }`, id(agentB), "err"},
			{"setAgentsEnabled(B)", `mutation($ids:[ID!]!){ setAgentsEnabled(ids:$ids, enabled:false){ succeeded results { ok code } } }`, map[string]any{"ids": []string{agentB}}, "bulk:setAgentsEnabled"},
			{"deleteAgents(B)", `mutation($ids:[ID!]!){ deleteAgents(ids:$ids){ succeeded results { ok code } } }`, map[string]any{"ids": []string{agentB}}, "bulk:deleteAgents"},
			{"signOutAgent(B)", `mutation($id:ID!){ signOutAgent(agentId:$id){ succeeded results { ok code } } }`, id(agentB), "bulk:signOutAgent"},
			{"createAgent in B", createAgentMutation, agentIn(func(m map[string]any) { m["accountID"], m["roleID"] = accB, roleB }), "err"},
			{"createAgent with B's role", createAgentMutation, agentIn(func(m map[string]any) { m["roleID"] = roleB }), "err"},
			{"createAgent with B's team", createAgentMutation, agentIn(func(m map[string]any) { m["teamIDs"] = []string{teamB} }), "err"},
			{"createAgent with B's category", createAgentMutation, agentIn(func(m map[string]any) { m["categoryIDs"] = []string{catB} }), "err"},
			{"updateAgent(A) to B's role", `mutation($id:ID!,$r:ID!){ updateAgent(id:$id, input:{roleID:$r}){ agent { id } } }`, map[string]any{"id": agentA, "r": roleB}, "err"},
			{"createTeam with B's agent", `mutation($a:ID!,$m:[ID!]){ createTeam(input:{accountID:$a,name:"Intruders",memberIDs:$m}){ team { id } } }`, map[string]any{"a": accA, "m": []string{agentB}}, "err"},
			{"createTeam in B", `mutation($a:ID!){ createTeam(input:{accountID:$a,name:"Intruders"}){ team { id } } }`, map[string]any{"a": accB}, "err"},
			{"updateTeam(B)", `mutation($id:ID!){ updateTeam(id:$id, input:{name:"Hacked"}){ team { id } } }`, id(teamB), "err"},
			{"updateTeam(A) add B's agent", `mutation($id:ID!,$m:[ID!]){ updateTeam(id:$id, input:{addMemberIDs:$m}){ team { id } } }`, map[string]any{"id": teamA, "m": []string{agentB}}, "err"},
			{"deleteTeam(B)", `mutation($id:ID!){ deleteTeam(id:$id){ deletedId } }`, id(teamB), "err"},
			{"addTeamMembers(A team, B agent)", `mutation($t:ID!,$m:[ID!]!){ addTeamMembers(teamId:$t, agentIds:$m){ results { ok code } } }`, map[string]any{"t": teamA, "m": []string{agentB}}, "items:addTeamMembers.results"},
			{"addTeamMembers(B team)", `mutation($t:ID!,$m:[ID!]!){ addTeamMembers(teamId:$t, agentIds:$m){ results { ok code } } }`, map[string]any{"t": teamB, "m": []string{agentA}}, "err"},
			{"removeTeamMembers(B team)", `mutation($t:ID!,$m:[ID!]!){ removeTeamMembers(teamId:$t, agentIds:$m){ results { ok code } } }`, map[string]any{"t": teamB, "m": []string{agentB}}, "err"},
			{"createRole in B", `mutation($a:ID!){ createRole(input:{accountID:$a,name:"Intruders"}){ role { id } } }`, map[string]any{"a": accB}, "err"},
			{"updateRole(B)", `mutation($id:ID!){ updateRole(id:$id, input:{name:"Hacked", permissions:[]}){ role { id } } }`, id(roleB), "err"},
			{"deleteRole(B)", `mutation($id:ID!){ deleteRole(id:$id){ deletedId } }`, id(roleB), "err"},
			{"createCategory under B's", `mutation($a:ID!,$p:ID){ createCategory(input:{accountID:$a,name:"Intruders",parentID:$p}){ category { id } } }`, map[string]any{"a": accA, "p": catB}, "err"},
			{"createCategory in B", `mutation($a:ID!){ createCategory(input:{accountID:$a,name:"Intruders"}){ category { id } } }`, map[string]any{"a": accB}, "err"},
			{"updateCategory(B)", `mutation($id:ID!){ updateCategory(id:$id, input:{name:"Hacked"}){ category { id } } }`, id(catB), "err"},
			{"moveCategory(A) under B's", `mutation($id:ID!,$p:ID){ moveCategory(id:$id, parentId:$p){ category { id } } }`, map[string]any{"id": catA, "p": catB}, "err"},
			{"moveCategory(B)", `mutation($id:ID!,$p:ID){ moveCategory(id:$id, parentId:$p){ category { id } } }`, map[string]any{"id": catB, "p": catA}, "err"},
			{"deleteCategory(B)", `mutation($id:ID!){ deleteCategory(id:$id){ deletedId } }`, id(catB), "err"},
			{"updateAccount(B)", `mutation($id:ID!){ updateAccount(id:$id, input:{name:"Hacked"}){ account { id } } }`, id(accB), "err"},
			{"deleteAccount(B)", `mutation($id:ID!){ deleteAccount(id:$id){ deletedId } }`, id(accB), "err"},
			{"createAgentState in B", `mutation($a:ID!){ createAgentState(input:{accountID:$a,label:"Hacked",baseState:AWAY}){ agentState { id } } }`, map[string]any{"a": accB}, "err"},
			{"updateAgentState(B)", `mutation($id:ID!){ updateAgentState(id:$id, input:{label:"Hacked"}){ agentState { id } } }`, id(stateB), "err"},
			{"deleteAgentState(B)", `mutation($id:ID!){ deleteAgentState(id:$id){ deletedId } }`, id(stateB), "err"},
			{"reorderAgentStates(B)", `mutation($a:ID!,$ids:[ID!]!){ reorderAgentStates(accountId:$a, ids:$ids){ agentStates { id } } }`, map[string]any{"a": accB, "ids": statesB}, "err"},
			{"assignMembership to B", `mutation($u:ID!,$a:ID!,$r:ID!){ assignMembership(userId:$u,accountId:$a,roleId:$r){ membership { id } } }`, map[string]any{"u": userA, "a": accB, "r": roleB}, "err"},
			{"createAPIToken for B", `mutation($a:ID!){ createAPIToken(input:{accountId:$a,name:"x",scope:FULL}){ secret } }`, map[string]any{"a": accB}, "err"},
			{"linkRingEx(B)", `mutation($a:ID!){ linkRingEx(accountId:$a, input:{serverUrl:"http://127.0.0.1:1",clientId:"x",clientSecret:"x",jwt:"x"}){ account { id } } }`, map[string]any{"a": accB}, "err"},
			{"unlinkRingEx(B)", `mutation($a:ID!){ unlinkRingEx(accountId:$a){ account { id } } }`, map[string]any{"a": accB}, "err"},
			{"setRingExLeaverPolicy(B)", `mutation($a:ID!){ setRingExLeaverPolicy(accountId:$a, policy:DISABLE){ account { id } } }`, map[string]any{"a": accB}, "err"},
			{"importAgents into B", `mutation($a:ID!,$r:ID!){ importAgents(input:{accountId:$a, roleId:$r, selection:{ids:[]}}){ job { id } } }`, map[string]any{"a": accB, "r": roleB}, "err"},
		}

		total := 0
		for name, c := range viewers {
			for _, a := range attempts {
				total++
				r := c.do(t, a.query, a.vars)
				if why := notRefused(t, r, a.kind); why != "" {
					t.Errorf("%s as %s was not refused (%s): data %s errors %+v", a.name, name, why, r.Data, r.Errors)
					continue
				}
				// Indistinguishable from an ID that never existed.
				if r.code() != "" {
					ghost := c.do(t, a.query, ghostVars(t, a.vars, accB, agentB, roleB, teamB, catB, stateB, statesB))
					if ghost.code() != r.code() {
						t.Errorf("%s as %s: %s for B's IDs but %s for missing IDs", a.name, name, r.code(), ghost.code())
					}
				}
			}
		}
		after := admin.do(t, isoSnapshot, map[string]any{"id": accB})
		if string(after.Data) != string(before.Data) {
			t.Errorf("account B changed:\nbefore %s\nafter  %s", before.Data, after.Data)
		}
		t.Logf("%s: %d cross-account attempts (%d kinds × %d viewers), all refused", d, total, len(attempts), len(viewers))
	})
}

// notRefused says why a response is not a refusal, "" when it is one.
func notRefused(t *testing.T, r *gqlResponse, kind string) string {
	t.Helper()
	if len(r.Errors) > 0 {
		if c := r.code(); c != "NOT_FOUND" && c != "FORBIDDEN" {
			return "error code " + c
		}
		return ""
	}
	k, path, _ := strings.Cut(kind, ":")
	var v any
	if k != "err" {
		v = jsonPath(t, r.Data, path)
	}
	switch k {
	case "null":
		if v == nil {
			return ""
		}
	case "nulls":
		for _, x := range v.([]any) {
			if x != nil {
				return "a node came back"
			}
		}
		return ""
	case "empty":
		if m, ok := v.(map[string]any); ok && m["totalCount"] == float64(0) {
			return ""
		}
	case "bulk":
		if m, ok := v.(map[string]any); ok && m["succeeded"] == float64(0) {
			return ""
		}
	case "items":
		for _, x := range v.([]any) {
			if x.(map[string]any)["ok"] == true {
				return "an item succeeded"
			}
		}
		return ""
	}
	return "answered without error"
}

// ghostVars replaces B's IDs in vars by the never-existing ID.
func ghostVars(t *testing.T, vars map[string]any, ids ...any) map[string]any {
	t.Helper()
	raw, _ := json.Marshal(vars)
	s := string(raw)
	for _, x := range ids {
		list, ok := x.([]string)
		if !ok {
			list = []string{x.(string)}
		}
		for _, id := range list {
			s = strings.ReplaceAll(s, `"`+id+`"`, `"`+missingID+`"`)
		}
	}
	var out map[string]any
	_ = json.Unmarshal([]byte(s), &out)
	return out
}
