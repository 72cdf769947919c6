package audit

import (
	"strings"

	entgo "entgo.io/ent"

	"github.com/switchboard/switchboard/ent/schema"
)

// auditedSchemas lists the schemas whose Sensitive fields are collected;
// secretName below also catches secrets of a schema missing from this list.
var auditedSchemas = []entgo.Interface{
	schema.Account{}, schema.Agent{}, schema.AgentSession{}, schema.AgentState{},
	schema.APIToken{}, schema.Category{}, schema.ConsoleUser{}, schema.Membership{},
	schema.RingExLink{}, schema.Role{}, schema.Team{},
}

// sensitive holds every field marked Sensitive() in ent/schema.
var sensitive = func() map[string]bool {
	out := map[string]bool{}
	for _, s := range auditedSchemas {
		for _, f := range s.Fields() {
			if d := f.Descriptor(); d.Sensitive {
				out[d.Name] = true
			}
		}
	}
	return out
}()

// secretName is a second net: names that look like credentials are never
// recorded even if someone forgets Sensitive().
func secretName(name string) bool {
	for _, s := range []string{"password", "secret", "hash", "jwt", "token_"} {
		if strings.Contains(name, s) {
			return true
		}
	}
	return false
}

// isSecret reports whether a field's values must never reach the log.
func isSecret(name string) bool { return sensitive[name] || secretName(name) }

// noise are bookkeeping fields written as a side effect of use (sign-ins,
// heartbeats, syncs). Alone they are not a change worth an event.
var noise = map[string]bool{
	"created_at": true, "updated_at": true, "last_used_at": true,
	"last_sign_in_at": true, "last_signed_in_at": true, "last_seen_at": true,
	"state_changed_at": true, "last_sync_at": true, "last_sync_status": true,
	"last_sync_error": true, "user_count": true, "last_good_user_count": true,
}

// skippedTypes are not audited row by row: the log itself, system-only
// state (sessions, throttles), the RingEX directory mirror rewritten by each
// sync and the regional settings imports read, and import jobs, their users
// and results (the importer records one summary).
var skippedTypes = map[string]bool{
	"AuditEvent": true, "Session": true, "SignInThrottle": true,
	"RingExUser": true, "RingExRegional": true,
	"ImportJob": true, "ImportUsers": true, "ImportResult": true,
}
