package graph_test

import (
	"strconv"
	"testing"

	"github.com/switchboard/switchboard/internal/testdb"
)

// An imported agent signs in to the agent client with a RingEX user token:
// Switchboard verifies it with RingEX and matches the extension to the agent;
// no RingEX password is involved.
func TestImportedAgentSignsInWithRingExToken(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		r := newRingExEnv(t, d, 50)
		r.link(t)
		users := directoryUsers(r.sb)
		var imported, notImported = users[0], users[1]
		for _, u := range users {
			if u.Status == "Enabled" {
				imported = u
				break
			}
		}
		for _, u := range users {
			if u.ID != imported.ID {
				notImported = u
				break
			}
		}
		agentID := r.importAgent(t, imported)
		const start = `mutation($a:ID!,$tok:String!){ startAgentSession(input:{accountId:$a, ringExToken:$tok}){ token session { agent { id } } } }`

		tok, err := r.sb.UserToken(imported.ID)
		if err != nil {
			t.Fatal(err)
		}
		var out struct {
			StartAgentSession struct {
				Token   string
				Session struct{ Agent struct{ ID string } }
			}
		}
		r.anon().mustDo(t, start, map[string]any{"a": r.accountID, "tok": tok}, &out)
		if out.StartAgentSession.Token == "" || out.StartAgentSession.Session.Agent.ID != strconv.Itoa(agentID) {
			t.Fatalf("session = %+v, want agent %d", out.StartAgentSession, agentID)
		}

		// A RingEX user with no agent here, and a forged token, are refused.
		other, err := r.sb.UserToken(notImported.ID)
		if err != nil {
			t.Fatal(err)
		}
		if res := r.anon().do(t, start, map[string]any{"a": r.accountID, "tok": other}); len(res.Errors) == 0 {
			t.Fatalf("a RingEX user without an agent signed in: %s", res.Data)
		}
		r.anon().expectError(t, "UNAUTHENTICATED", "", start, map[string]any{"a": r.accountID, "tok": "forged-token"})
	})
}
