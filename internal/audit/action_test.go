package audit

import "testing"

func TestActionName(t *testing.T) {
	for _, c := range []struct{ typ, verb, want string }{
		{"Agent", "update", "agent.update"},
		{"AgentState", "create", "agentState.create"},
		{"APIToken", "delete", "apiToken.delete"},
		{"RingExLink", "update", "ringExLink.update"},
		{"ConsoleUser", "create", "consoleUser.create"},
	} {
		if got := actionName(c.typ, c.verb); got != c.want {
			t.Errorf("actionName(%q, %q) = %q, want %q", c.typ, c.verb, got, c.want)
		}
	}
}

// TestSensitiveFieldsAreSecret: every Sensitive() field of ent/schema is
// kept out of the log.
func TestSensitiveFieldsAreSecret(t *testing.T) {
	for _, f := range []string{"password_hash", "token_hash", "client_secret_enc", "jwt_enc"} {
		if !isSecret(f) {
			t.Errorf("%s is not treated as a secret", f)
		}
	}
	if len(sensitive) < 4 {
		t.Errorf("found only %d sensitive fields in ent/schema: %v", len(sensitive), sensitive)
	}
	for _, f := range []string{"first_name", "email", "name", "prefix"} {
		if isSecret(f) {
			t.Errorf("%s wrongly treated as a secret", f)
		}
	}
}
