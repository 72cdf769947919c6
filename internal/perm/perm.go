// Package perm is the fixed catalogue of permissions a role can hold, defined
// once: the GraphQL enum, the console's permission matrix and every
// authorization check read it from here.
package perm

import "sort"

// Permission is one entry of the catalogue. The string is the GraphQL enum value.
type Permission string

const (
	ManageAccount      Permission = "MANAGE_ACCOUNT"
	ManageUsers        Permission = "MANAGE_USERS"
	ReadAgents         Permission = "READ_AGENTS"
	WriteAgents        Permission = "WRITE_AGENTS"
	ImportAgents       Permission = "IMPORT_AGENTS"
	ManageRoles        Permission = "MANAGE_ROLES"
	ManageTeams        Permission = "MANAGE_TEAMS"
	ManageCategories   Permission = "MANAGE_CATEGORIES"
	ManageAgentStates  Permission = "MANAGE_AGENT_STATES"
	ManageIntegrations Permission = "MANAGE_INTEGRATIONS"
	ReadAuditLog       Permission = "READ_AUDIT_LOG"
	ManageAPITokens    Permission = "MANAGE_API_TOKENS"
	ReadStatistics     Permission = "READ_STATISTICS"
	ReadOwnStatistics  Permission = "READ_OWN_STATISTICS"
	ReadEvents         Permission = "READ_EVENTS"
	MonitorPresence    Permission = "MONITOR_PRESENCE"
	SignOutAgents      Permission = "SIGN_OUT_AGENTS"
)

// Entry describes a permission for people (the console shows the description).
type Entry struct {
	Permission  Permission
	Description string
}

// Catalogue lists every permission in the order the console shows them.
var Catalogue = []Entry{
	{ManageAccount, "Manage account settings, defaults and agent-state limits"},
	{ManageUsers, "Manage console users and their membership in the account"},
	{ReadAgents, "See agents and their details"},
	{WriteAgents, "Create, update, disable and delete agents"},
	{ImportAgents, "Browse the RingEX directory and import agents from it"},
	{ManageRoles, "Create, change and delete custom roles"},
	{ManageTeams, "Create teams and change their members and leaders"},
	{ManageCategories, "Create, rename, recolor, move and delete categories"},
	{ManageAgentStates, "Define the agent states offered in the agent interface"},
	{ManageIntegrations, "Link RingEX and configure workforce management"},
	{ReadAuditLog, "Read the audit log"},
	{ManageAPITokens, "Create and revoke API tokens"},
	{ReadStatistics, "Read statistics of every agent"},
	{ReadOwnStatistics, "Read one's own statistics"},
	{ReadEvents, "Read events and messages for quality review"},
	{MonitorPresence, "See who is signed in and in which state"},
	{SignOutAgents, "Sign agents out of their session"},
}

// Values returns the enum values, for ent's enum field.
func Values() []string {
	out := make([]string, len(Catalogue))
	for i, e := range Catalogue {
		out[i] = string(e.Permission)
	}
	return out
}

// Valid reports whether p is in the catalogue.
func Valid(p Permission) bool {
	for _, e := range Catalogue {
		if e.Permission == p {
			return true
		}
	}
	return false
}

// Set is a set of permissions.
type Set map[Permission]struct{}

// NewSet builds a set from a list, ignoring unknown values.
func NewSet(ps ...Permission) Set {
	s := make(Set, len(ps))
	for _, p := range ps {
		if Valid(p) {
			s[p] = struct{}{}
		}
	}
	return s
}

// FromStrings builds a set from stored values.
func FromStrings(ps []string) Set {
	s := make(Set, len(ps))
	for _, p := range ps {
		if Valid(Permission(p)) {
			s[Permission(p)] = struct{}{}
		}
	}
	return s
}

// Has reports whether p is in the set.
func (s Set) Has(p Permission) bool { _, ok := s[p]; return ok }

// List returns the set in catalogue order.
func (s Set) List() []Permission {
	out := make([]Permission, 0, len(s))
	for _, e := range Catalogue {
		if s.Has(e.Permission) {
			out = append(out, e.Permission)
		}
	}
	return out
}

// Strings returns the set in catalogue order as strings, for storage.
func (s Set) Strings() []string {
	l := s.List()
	out := make([]string, len(l))
	for i, p := range l {
		out[i] = string(p)
	}
	return out
}

// Missing returns the permissions of want that s lacks, sorted.
func (s Set) Missing(want Set) []Permission {
	var out []Permission
	for p := range want {
		if !s.Has(p) {
			out = append(out, p)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// All is every permission: what a platform administrator holds everywhere.
func All() Set {
	s := make(Set, len(Catalogue))
	for _, e := range Catalogue {
		s[e.Permission] = struct{}{}
	}
	return s
}

// Predefined role names, created with every account.
const (
	RoleAdministrator  = "Administrator"
	RoleManager        = "Manager"
	RoleAgent          = "Agent"
	RoleQualityAnalyst = "Quality analyst"
)

// PredefinedRole is a role every account starts with.
type PredefinedRole struct {
	Name        string
	Description string
	Permissions Set
}

// PredefinedRoles are created, in this order, with every account.
func PredefinedRoles() []PredefinedRole {
	return []PredefinedRole{
		{RoleAdministrator, "Full administration of the account", All()},
		{RoleManager, "Supervisors: their teams' agents, monitoring, statistics", NewSet(
			ReadAgents, WriteAgents, ImportAgents, ManageTeams, ManageCategories,
			ReadStatistics, ReadOwnStatistics, ReadEvents, MonitorPresence, SignOutAgents)},
		{RoleAgent, "Handling work; sees only their own statistics", NewSet(ReadOwnStatistics)},
		{RoleQualityAnalyst, "Reading messages and events for quality review", NewSet(
			ReadAgents, ReadEvents, ReadOwnStatistics)},
	}
}
