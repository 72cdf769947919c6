package graph_test

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/switchboard/switchboard/internal/perm"
	"github.com/switchboard/switchboard/internal/testdb"
	"github.com/switchboard/switchboard/internal/viewer"
)

// The permission matrix: a user of each predefined role of account A runs
// each mutation on A's own objects. The expected outcome is derived from the
// catalogue (perm.PredefinedRoles), not written per cell, so a change to a
// role's permissions changes the expectation with it.

// permCase is one mutation. need lists the permissions that authorize it
// (any of them; none means platform administrators only). see is the
// permission needed to see the target object: a role without it may be
// answered NOT_FOUND, as for an object that does not exist. results names the
// payload whose per-item results carry the outcome, for bulk mutations.
type permCase struct {
	name    string
	need    []perm.Permission
	see     perm.Permission
	results string
	// prepare creates fresh objects as the platform administrator and
	// returns the mutation and its variables.
	prepare func(f *permFixture) (string, map[string]any)
}

var permCases = []permCase{
	{"createAgent", pmNeed(perm.WriteAgents), "", "", func(f *permFixture) (string, map[string]any) {
		return createAgentMutation, agentInput(f.acc, f.agentRole, f.name("pm.new"))
	}},
	{"updateAgent", pmNeed(perm.WriteAgents), perm.ReadAgents, "", func(f *permFixture) (string, map[string]any) {
		return `mutation($id:ID!){ updateAgent(id:$id, input:{firstName:"Renamed"}){ agent { id } } }`, pmVars("id", f.agent())
	}},
	{"setAgentPassword", pmNeed(perm.WriteAgents), perm.ReadAgents, "", func(f *permFixture) (string, map[string]any) {
		return `mutation($id:ID!){ setAgentPassword(id:$id, password:"another long password"){ agent { id } } }`, pmVars("id", f.agent())
	}},
	{"setAgentsEnabled", pmNeed(perm.WriteAgents), perm.ReadAgents, "setAgentsEnabled", func(f *permFixture) (string, map[string]any) {
		return `mutation($ids:[ID!]!){ setAgentsEnabled(ids:$ids, enabled:false){ results { ok code } } }`, pmVars("ids", []string{f.agent()})
	}},
	{"deleteAgents", pmNeed(perm.WriteAgents), perm.ReadAgents, "deleteAgents", func(f *permFixture) (string, map[string]any) {
		return `mutation($ids:[ID!]!){ deleteAgents(ids:$ids){ results { ok code } } }`, pmVars("ids", []string{f.agent()})
	}},
	{"createRole", pmNeed(perm.ManageRoles), "", "", func(f *permFixture) (string, map[string]any) {
		return `mutation($a:ID!,$n:String!){ createRole(input:{accountID:$a,name:$n}){ role { id } } }`, pmVars("a", f.acc, "n", f.name("Role"))
	}},
	{"updateRole", pmNeed(perm.ManageRoles), "", "", func(f *permFixture) (string, map[string]any) {
		return `mutation($id:ID!,$n:String!){ updateRole(id:$id, input:{name:$n}){ role { id } } }`, pmVars("id", f.role(), "n", f.name("Role"))
	}},
	{"deleteRole", pmNeed(perm.ManageRoles), "", "", func(f *permFixture) (string, map[string]any) {
		return `mutation($id:ID!){ deleteRole(id:$id){ deletedId } }`, pmVars("id", f.role())
	}},
	{"createTeam", pmNeed(perm.ManageTeams), "", "", func(f *permFixture) (string, map[string]any) {
		return `mutation($a:ID!,$n:String!){ createTeam(input:{accountID:$a,name:$n}){ team { id } } }`, pmVars("a", f.acc, "n", f.name("Team"))
	}},
	{"updateTeam", pmNeed(perm.ManageTeams), "", "", func(f *permFixture) (string, map[string]any) {
		return `mutation($id:ID!,$n:String!){ updateTeam(id:$id, input:{name:$n}){ team { id } } }`, pmVars("id", f.team(), "n", f.name("Team"))
	}},
	{"deleteTeam", pmNeed(perm.ManageTeams), "", "", func(f *permFixture) (string, map[string]any) {
		return `mutation($id:ID!){ deleteTeam(id:$id){ deletedId } }`, pmVars("id", f.team())
	}},
	// The agents of the team are invisible without READ_AGENTS.
	{"addTeamMembers", pmNeed(perm.ManageTeams), perm.ReadAgents, "addTeamMembers", func(f *permFixture) (string, map[string]any) {
		return `mutation($t:ID!,$m:[ID!]!){ addTeamMembers(teamId:$t, agentIds:$m){ results { ok code } } }`, pmVars("t", f.team(), "m", []string{f.agent()})
	}},
	{"removeTeamMembers", pmNeed(perm.ManageTeams), perm.ReadAgents, "removeTeamMembers", func(f *permFixture) (string, map[string]any) {
		a := f.agent()
		return `mutation($t:ID!,$m:[ID!]!){ removeTeamMembers(teamId:$t, agentIds:$m){ results { ok code } } }`, pmVars("t", f.team(a), "m", []string{a})
	}},
	{"createCategory", pmNeed(perm.ManageCategories), "", "", func(f *permFixture) (string, map[string]any) {
		return `mutation($a:ID!,$n:String!){ createCategory(input:{accountID:$a,name:$n}){ category { id } } }`, pmVars("a", f.acc, "n", f.name("Category"))
	}},
	{"updateCategory", pmNeed(perm.ManageCategories), "", "", func(f *permFixture) (string, map[string]any) {
		return `mutation($id:ID!,$n:String!){ updateCategory(id:$id, input:{name:$n}){ category { id } } }`, pmVars("id", f.category(), "n", f.name("Category"))
	}},
	{"moveCategory", pmNeed(perm.ManageCategories), "", "", func(f *permFixture) (string, map[string]any) {
		return `mutation($id:ID!,$p:ID){ moveCategory(id:$id, parentId:$p){ category { id } } }`, pmVars("id", f.category(), "p", f.category())
	}},
	{"deleteCategory", pmNeed(perm.ManageCategories), "", "", func(f *permFixture) (string, map[string]any) {
		return `mutation($id:ID!){ deleteCategory(id:$id){ deletedId } }`, pmVars("id", f.category())
	}},
	{"updateAccount", pmNeed(perm.ManageAccount), "", "", func(f *permFixture) (string, map[string]any) {
		return `mutation($id:ID!,$n:String!){ updateAccount(id:$id, input:{name:$n}){ account { id } } }`, pmVars("id", f.acc, "n", f.name("Alpha"))
	}},
	{"createAgentState", pmNeed(perm.ManageAgentStates), "", "", func(f *permFixture) (string, map[string]any) {
		return `mutation($a:ID!,$n:String!){ createAgentState(input:{accountID:$a,label:$n,baseState:AWAY}){ agentState { id } } }`, pmVars("a", f.acc, "n", f.name("State"))
	}},
	{"updateAgentState", pmNeed(perm.ManageAgentStates), "", "", func(f *permFixture) (string, map[string]any) {
		return `mutation($id:ID!,$n:String!){ updateAgentState(id:$id, input:{label:$n}){ agentState { id } } }`, pmVars("id", f.state(), "n", f.name("State"))
	}},
	{"deleteAgentState", pmNeed(perm.ManageAgentStates), "", "", func(f *permFixture) (string, map[string]any) {
		return `mutation($id:ID!){ deleteAgentState(id:$id){ deletedId } }`, pmVars("id", f.state())
	}},
	{"reorderAgentStates", pmNeed(perm.ManageAgentStates), "", "", func(f *permFixture) (string, map[string]any) {
		return `mutation($a:ID!,$ids:[ID!]!){ reorderAgentStates(accountId:$a, ids:$ids){ agentStates { id } } }`, pmVars("a", f.acc, "ids", f.statesReversed())
	}},
	{"assignMembership", pmNeed(perm.ManageUsers), "", "", func(f *permFixture) (string, map[string]any) {
		return `mutation($u:ID!,$a:ID!,$r:ID!){ assignMembership(userId:$u,accountId:$a,roleId:$r){ membership { id } } }`, pmVars("u", f.user(false), "a", f.acc, "r", f.emptyRole)
	}},
	{"unassignMembership", pmNeed(perm.ManageUsers), "", "", func(f *permFixture) (string, map[string]any) {
		return `mutation($u:ID!,$a:ID!){ unassignMembership(userId:$u,accountId:$a) }`, pmVars("u", f.user(true), "a", f.acc)
	}},
	{"createAPIToken", pmNeed(perm.ManageAPITokens), "", "", func(f *permFixture) (string, map[string]any) {
		return `mutation($a:ID!){ createAPIToken(input:{accountId:$a,name:"script",scope:FULL}){ secret } }`, pmVars("a", f.acc)
	}},
	// Someone else's token is listed only with MANAGE_API_TOKENS.
	{"revokeAPIToken", pmNeed(perm.ManageAPITokens), perm.ManageAPITokens, "", func(f *permFixture) (string, map[string]any) {
		return `mutation($id:ID!){ revokeAPIToken(id:$id){ token { id } } }`, pmVars("id", f.token())
	}},
	{"signOutAgent", pmNeed(perm.SignOutAgents), perm.ReadAgents, "signOutAgent", func(f *permFixture) (string, map[string]any) {
		return `mutation($id:ID!){ signOutAgent(agentId:$id){ results { ok code } } }`, pmVars("id", f.signedInAgent())
	}},
	// Account A is not linked: RINGEX_NOT_LINKED (or an unreachable server
	// for linkRingEx) is an answer given past authorization.
	{"linkRingEx", pmNeed(perm.ManageIntegrations), "", "", func(f *permFixture) (string, map[string]any) {
		return `mutation($a:ID!){ linkRingEx(accountId:$a, input:{serverUrl:"http://127.0.0.1:1",clientId:"x",clientSecret:"x",jwt:"x"}){ account { id } } }`, pmVars("a", f.acc)
	}},
	{"unlinkRingEx", pmNeed(perm.ManageIntegrations), "", "", func(f *permFixture) (string, map[string]any) {
		return `mutation($a:ID!){ unlinkRingEx(accountId:$a){ account { id } } }`, pmVars("a", f.acc)
	}},
	{"syncRingExDirectory", pmNeed(perm.ImportAgents, perm.ManageIntegrations), "", "", func(f *permFixture) (string, map[string]any) {
		return `mutation($a:ID!){ syncRingExDirectory(accountId:$a){ id } }`, pmVars("a", f.acc)
	}},
	{"setRingExLeaverPolicy", pmNeed(perm.ManageIntegrations), "", "", func(f *permFixture) (string, map[string]any) {
		return `mutation($a:ID!){ setRingExLeaverPolicy(accountId:$a, policy:DISABLE){ account { id } } }`, pmVars("a", f.acc)
	}},
	{"importAgents", pmNeed(perm.ImportAgents), "", "", func(f *permFixture) (string, map[string]any) {
		return `mutation($a:ID!,$r:ID!){ importAgents(input:{accountId:$a, roleId:$r, selection:{ids:[]}}){ job { id } } }`, pmVars("a", f.acc, "r", f.agentRole)
	}},
	{"cancelImportJob", pmNeed(perm.ImportAgents), perm.ImportAgents, "", func(f *permFixture) (string, map[string]any) {
		return `mutation($id:ID!){ cancelImportJob(id:$id){ job { id } } }`, pmVars("id", f.importJob())
	}},
	// Platform administrators only: no role of an account is enough.
	{"createAccount", nil, "", "", func(f *permFixture) (string, map[string]any) {
		return `mutation($n:String!){ createAccount(input:{name:$n}){ account { id } } }`, pmVars("n", f.name("Account"))
	}},
	{"deleteAccount", nil, "", "", func(f *permFixture) (string, map[string]any) {
		return `mutation($id:ID!){ deleteAccount(id:$id){ deletedId } }`, pmVars("id", f.acc)
	}},
	{"createConsoleUser", nil, "", "", func(f *permFixture) (string, map[string]any) {
		return `mutation($e:String!){ createConsoleUser(input:{email:$e,name:"New"}){ user { id } } }`, pmVars("e", f.name("new")+"@alpha.test")
	}},
	{"updateConsoleUser", nil, "", "", func(f *permFixture) (string, map[string]any) {
		return `mutation($id:ID!){ updateConsoleUser(id:$id, input:{name:"Renamed"}){ user { id } } }`, pmVars("id", f.user(true))
	}},
	{"resetConsoleUserPassword", nil, "", "", func(f *permFixture) (string, map[string]any) {
		return `mutation($id:ID!){ resetConsoleUserPassword(id:$id){ password } }`, pmVars("id", f.user(true))
	}},
}

// permAuditGaps are successful mutations that leave no audit event in the
// account's log; their allowed cells skip the audit check.
var permAuditGaps = map[string]bool{
	// BUG: ImportJob is in audit.skippedTypes (the importer records one
	// summary per run), so requesting a cancellation records nothing.
	"cancelImportJob": true,
}

func pmNeed(ps ...perm.Permission) []perm.Permission { return ps }

func pmVars(kv ...any) map[string]any {
	m := map[string]any{}
	for i := 0; i < len(kv); i += 2 {
		m[kv[i].(string)] = kv[i+1]
	}
	return m
}

func TestPermissionMatrix(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		e := newEnv(t, d)
		f := newPermFixture(t, e)
		var rows []permRow
		for _, r := range perm.PredefinedRoles() {
			email := strings.ReplaceAll(strings.ToLower(r.Name), " ", ".") + "@alpha.test"
			rows = append(rows, permRow{name: r.Name, c: e.createUser(t, email, f.acc, r.Name), perms: r.Permissions})
		}
		// A READ_ONLY token of the account's Administrator: all permissions,
		// yet no mutation at all.
		var tok struct{ CreateAPIToken struct{ Secret string } }
		rows[0].c.mustDo(t, `mutation($a:ID!){ createAPIToken(input:{accountId:$a,name:"reader",scope:READ_ONLY}){ secret } }`, pmVars("a", f.acc), &tok)
		rows = append(rows, permRow{name: "READ_ONLY token", c: e.withToken(tok.CreateAPIToken.Secret), perms: perm.All(), readOnly: true})
		runPermMatrix(t, d, f, rows, true)
	})
}

// TestPermissionMatrixSinglePermissionRoles gives each permission of the
// catalogue alone to a custom role: each mutation must need exactly the
// permission of the table above (a rule checking a second permission, which
// the predefined roles happen to hold together, shows here).
func TestPermissionMatrixSinglePermissionRoles(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		e := newEnv(t, d)
		f := newPermFixture(t, e)
		var rows []permRow
		for _, entry := range perm.Catalogue {
			p := entry.Permission
			roleName := "Only " + string(p)
			f.admin.mustDo(t, `mutation($a:ID!,$n:String!,$p:[Permission!]){ createRole(input:{accountID:$a,name:$n,permissions:$p}){ role { id } } }`,
				pmVars("a", f.acc, "n", roleName, "p", []string{string(p)}), nil)
			email := strings.ReplaceAll(strings.ToLower(string(p)), "_", ".") + "@alpha.test"
			rows = append(rows, permRow{name: roleName, c: e.createUser(t, email, f.acc, roleName), perms: perm.NewSet(p)})
		}
		runPermMatrix(t, d, f, rows, false)
	})
}

// permRow is one viewer of account A.
type permRow struct {
	name     string
	c        *gqlClient
	perms    perm.Set
	readOnly bool
}

// runPermMatrix runs every mutation as every row, each cell on fresh
// objects, and checks the answer against the row's permissions.
func runPermMatrix(t *testing.T, d testdb.Dialect, f *permFixture, rows []permRow, logTable bool) {
	t.Helper()
	cells, allowed := 0, 0
	table := map[string][]string{} // mutation → outcome per viewer, for the log
	for _, rw := range rows {
		for _, pc := range permCases {
			cells++
			query, vs := pc.prepare(f)
			audited := f.auditCount()
			code, missing := permOutcome(t, rw.c.do(t, query, vs), pc.results)
			// Every successful mutation is audited in its transaction, so
			// the audit log tells whether anything was written.
			if wrote := f.auditCount() > audited; wrote != (code == "") && !(permAuditGaps[pc.name] && code == "") {
				t.Errorf("%s as %s answered %q but wrote audit events: %v", pc.name, rw.name, code, wrote)
			}
			// Allowed: the role holds a permission the mutation needs, and
			// sees its target.
			ok := !rw.readOnly && slices.ContainsFunc(pc.need, rw.perms.Has) && (pc.see == "" || rw.perms.Has(pc.see))
			if ok {
				allowed++
			}
			table[pc.name] = append(table[pc.name], rw.name+"="+cmp.Or(code, "ok"))
			if why := permVerdict(pc, rw.perms, rw.readOnly, ok, code, missing); why != "" {
				t.Errorf("%s as %s: %s (code %q, missingPermissions %v)", pc.name, rw.name, why, code, missing)
			}
		}
	}
	if logTable {
		for _, pc := range permCases {
			t.Logf("%-26s %s", pc.name, strings.Join(table[pc.name], " "))
		}
	}
	t.Logf("%s: permission matrix %d mutations × %d viewers = %d cells (%d allowed, %d refused)",
		d, len(permCases), len(rows), cells, allowed, cells-allowed)
}

// permVerdict says how a cell's answer disagrees with the catalogue, "" when
// it agrees.
func permVerdict(pc permCase, held perm.Set, readOnly, allowed bool, code string, missing []string) string {
	switch {
	case allowed:
		if code == "" || strings.HasPrefix(code, "RINGEX_") {
			return ""
		}
		return "refused though the role holds " + fmt.Sprint(pc.need)
	case readOnly || pc.need == nil:
		if code == "FORBIDDEN" {
			return ""
		}
		return "want FORBIDDEN"
	case pc.see != "" && !held.Has(pc.see) && code == "NOT_FOUND":
		return "" // the target is invisible to this role
	case code != "FORBIDDEN":
		return "want FORBIDDEN for lacking " + fmt.Sprint(pc.need)
	case pc.results != "":
		return "" // per-item results carry only the code
	}
	for _, m := range missing {
		if slices.Contains(pc.need, perm.Permission(m)) {
			return ""
		}
	}
	return "extensions.missingPermissions does not name " + fmt.Sprint(pc.need)
}

// permOutcome is the error code of the answer ("" for success) and the
// missing permissions it names; for bulk payloads the first item's code.
func permOutcome(t *testing.T, r *gqlResponse, results string) (string, []string) {
	t.Helper()
	if len(r.Errors) > 0 {
		var missing []string
		if l, ok := r.Errors[0].Extensions["missingPermissions"].([]any); ok {
			for _, p := range l {
				missing = append(missing, fmt.Sprint(p))
			}
		}
		return r.code(), missing
	}
	if results == "" {
		return "", nil
	}
	items, _ := jsonPath(t, r.Data, results+".results").([]any)
	if len(items) == 0 {
		t.Fatalf("%s: no results in %s", results, r.Data)
	}
	item := items[0].(map[string]any)
	if item["ok"] == true {
		return "", nil
	}
	return fmt.Sprint(item["code"]), nil
}

// permFixture creates the objects of account A each cell starts from, as the
// platform administrator, so cells do not depend on each other's order.
type permFixture struct {
	t              *testing.T
	e              *env
	admin          *gqlClient
	acc, agentRole string
	emptyRole      string
}

func newPermFixture(t *testing.T, e *env) *permFixture {
	acc := e.createAccount(t, "Alpha")
	f := &permFixture{t: t, e: e, admin: e.admin(t), acc: acc, agentRole: e.roleID(t, acc, perm.RoleAgent)}
	// Memberships get a role without permissions: nobody grants or removes
	// permissions they lack, a rule that is not the one under test here.
	f.emptyRole = f.create(`mutation($a:ID!){ createRole(input:{accountID:$a,name:"No permissions",permissions:[]}){ role { id } } }`,
		pmVars("a", acc), "createRole.role.id")
	return f
}

func (f *permFixture) name(prefix string) string {
	return fmt.Sprintf("%s%d", prefix, f.e.seq.Add(1))
}

// create runs a mutation as the platform administrator and returns the ID at path.
func (f *permFixture) create(query string, vs map[string]any, path string) string {
	f.t.Helper()
	var out map[string]any
	f.admin.mustDo(f.t, query, vs, &out)
	var v any = out
	for _, p := range strings.Split(path, ".") {
		v = v.(map[string]any)[p]
	}
	return v.(string)
}

func (f *permFixture) agent() string {
	return f.create(createAgentMutation, agentInput(f.acc, f.agentRole, f.name("pm.agent")), "createAgent.agent.id")
}

// signedInAgent is an agent with an active agent session.
func (f *permFixture) signedInAgent() string {
	f.t.Helper()
	username := f.name("pm.session")
	in := agentInput(f.acc, f.agentRole, username)
	in["p"] = agentPassword
	id := f.create(`mutation($in:CreateAgentInput!,$p:String){ createAgent(input:$in, password:$p){ agent { id } } }`, in, "createAgent.agent.id")
	signInAgent(f.t, f.e, username, false)
	return id
}

func (f *permFixture) team(members ...string) string {
	return f.create(`mutation($a:ID!,$n:String!,$m:[ID!]){ createTeam(input:{accountID:$a,name:$n,memberIDs:$m}){ team { id } } }`,
		pmVars("a", f.acc, "n", f.name("Team"), "m", members), "createTeam.team.id")
}

func (f *permFixture) category() string {
	return f.create(`mutation($a:ID!,$n:String!){ createCategory(input:{accountID:$a,name:$n}){ category { id } } }`,
		pmVars("a", f.acc, "n", f.name("Category")), "createCategory.category.id")
}

func (f *permFixture) role() string {
	return f.create(`mutation($a:ID!,$n:String!){ createRole(input:{accountID:$a,name:$n,permissions:[READ_AGENTS]}){ role { id } } }`,
		pmVars("a", f.acc, "n", f.name("Role")), "createRole.role.id")
}

func (f *permFixture) state() string {
	return f.create(`mutation($a:ID!,$n:String!){ createAgentState(input:{accountID:$a,label:$n,baseState:AWAY}){ agentState { id } } }`,
		pmVars("a", f.acc, "n", f.name("State")), "createAgentState.agentState.id")
}

// auditCount is the number of audit events of A.
func (f *permFixture) auditCount() int {
	f.t.Helper()
	var out struct{ AuditEvents struct{ TotalCount int } }
	f.admin.mustDo(f.t, `query($a:ID!){ auditEvents(accountId:$a, first:1){ totalCount } }`, pmVars("a", f.acc), &out)
	return out.AuditEvents.TotalCount
}

// statesReversed lists every agent state of A in reverse rank order.
func (f *permFixture) statesReversed() []string {
	f.t.Helper()
	var out struct {
		Node struct {
			AgentStates struct {
				Edges []struct{ Node struct{ ID string } }
			}
		}
	}
	f.admin.mustDo(f.t, `query($id:ID!){ node(id:$id){ ... on Account { agentStates(first:100, orderBy:{field:RANK}){ edges { node { id } } } } } }`, pmVars("id", f.acc), &out)
	var ids []string
	for _, ed := range out.Node.AgentStates.Edges {
		ids = append([]string{ed.Node.ID}, ids...)
	}
	return ids
}

// user creates a console user, a member of A without permissions when member.
func (f *permFixture) user(member bool) string {
	email := f.name("pm.user") + "@alpha.test"
	id := f.create(`mutation($e:String!,$p:String!){ createConsoleUser(input:{email:$e,name:$e,password:$p}){ user { id } } }`,
		pmVars("e", email, "p", userPassword), "createConsoleUser.user.id")
	if member {
		f.admin.mustDo(f.t, `mutation($u:ID!,$a:ID!,$r:ID!){ assignMembership(userId:$u,accountId:$a,roleId:$r){ membership { id } } }`,
			pmVars("u", id, "a", f.acc, "r", f.emptyRole), nil)
	}
	return id
}

// token is an API token of the platform administrator in A: someone else's.
func (f *permFixture) token() string {
	return f.create(`mutation($a:ID!,$n:String!){ createAPIToken(input:{accountId:$a,name:$n,scope:FULL}){ token { id } } }`,
		pmVars("a", f.acc, "n", f.name("token")), "createAPIToken.token.id")
}

// importJob inserts a queued import job directly: starting one through the
// API needs a linked RingEX account, which this matrix does not need.
func (f *permFixture) importJob() string {
	f.t.Helper()
	accID, _ := strconv.Atoi(f.acc)
	roleID, _ := strconv.Atoi(f.agentRole)
	job, err := f.e.DB.Client.ImportJob.Create().SetAccountID(accID).SetRoleID(roleID).
		SetSelection(map[string]any{"ids": []any{}}).Save(viewer.SystemContext(context.Background()))
	if err != nil {
		f.t.Fatalf("creating import job: %v", err)
	}
	return strconv.Itoa(job.ID)
}
