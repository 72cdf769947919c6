// Package audit records who changed what: one AuditEvent per successful
// change, written with the same (transactional) client as the change, so the
// event commits or rolls back with it. Hook covers every ent mutation;
// Record is for summaries written by hand (an import job's outcome).
package audit

import (
	"context"
	"fmt"
	"strconv"
	"sync"
	"unicode"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/internal/viewer"
)

// Event is an audit record written by Record.
type Event struct {
	// AccountID is the account the change belongs to; 0 for platform-level
	// changes (console users, deleted accounts).
	AccountID int
	// Action names what happened, "<type>.<verb>", e.g. "import.finish".
	Action     string
	TargetType string
	// TargetID is the global ID of the target; 0 when there is none.
	TargetID int
	// Changes holds field -> {"before": x, "after": y}, or any summary.
	// Secrets must never be put here.
	Changes map[string]any
}

// Record writes e with client (use the transactional client of the change:
// ent.FromContext(ctx) or the mutation's Client()). The actor is the viewer
// of ctx.
func Record(ctx context.Context, client *ent.Client, e Event) error {
	a := actorOf(ctx, client)
	c := client.AuditEvent.Create().
		SetActor(a.label).
		SetNillableActorUserID(a.userID).
		SetNillableActorTokenID(a.tokenID).
		SetAction(e.Action).
		SetTargetType(e.TargetType)
	if e.AccountID != 0 {
		c.SetAccountID(e.AccountID)
	}
	if e.TargetID != 0 {
		c.SetTargetID(strconv.Itoa(e.TargetID))
	}
	if len(e.Changes) > 0 {
		c.SetChanges(e.Changes)
	}
	// Audit rows are written by the system on behalf of the actor: viewers
	// hold no write permission on the log itself.
	if err := c.Exec(viewer.SystemContext(ctx)); err != nil {
		return fmt.Errorf("recording audit event %s: %w", e.Action, err)
	}
	return nil
}

type actor struct {
	label           string
	userID, tokenID *int
}

// tokenNames caches API token names for actor labels (names never change).
var tokenNames sync.Map

// actorOf labels the viewer: a console user by email, an API token by its
// name (and its owner's email), an agent client by agent id, jobs "system".
func actorOf(ctx context.Context, client *ent.Client) actor {
	v := viewer.FromContext(ctx)
	switch {
	case v == nil:
		return actor{label: "anonymous"}
	case v.TokenID != 0:
		id, uid := v.TokenID, v.UserID
		name, ok := tokenNames.Load(id)
		if !ok {
			if t, err := client.APIToken.Get(viewer.SystemContext(ctx), id); err == nil {
				name = t.Name
				tokenNames.Store(id, t.Name)
			} else {
				name = "#" + strconv.Itoa(id)
			}
		}
		label := "token " + name.(string)
		if v.Email != "" {
			label += " (" + v.Email + ")"
		}
		a := actor{label: label, tokenID: &id}
		if uid != 0 {
			a.userID = &uid
		}
		return a
	case v.UserID != 0:
		uid := v.UserID
		label := v.Email
		if label == "" {
			label = "user " + strconv.Itoa(uid)
		}
		return actor{label: label, userID: &uid}
	case v.AgentID != 0:
		return actor{label: "agent " + strconv.Itoa(v.AgentID)}
	case v.System:
		return actor{label: "system"}
	}
	return actor{label: "anonymous"}
}

// actionName turns an ent type and verb into "agentState.update".
func actionName(typ, verb string) string {
	r := []rune(typ)
	// Lower the leading capitals: "APIToken" -> "apiToken", "Agent" -> "agent".
	for i := range r {
		if !unicode.IsUpper(r[i]) {
			break
		}
		if i > 0 && i+1 < len(r) && unicode.IsLower(r[i+1]) {
			break
		}
		r[i] = unicode.ToLower(r[i])
	}
	return string(r) + "." + verb
}
