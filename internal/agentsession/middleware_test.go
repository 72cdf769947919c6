package agentsession

import "testing"

func TestTokenFromHeader(t *testing.T) {
	for h, want := range map[string]string{
		"Agent sba_abc":      "sba_abc",
		"agent  sba_abc ":    "sba_abc",
		"Bearer sba_abc":     "sba_abc",
		"bearer sba_abc":     "sba_abc",
		"Bearer sbt_console": "", // console API token: not ours
		"Basic dXNlcg==":     "",
		"":                   "",
		"sba_abc":            "",
	} {
		if got := TokenFromHeader(h); got != want {
			t.Errorf("TokenFromHeader(%q) = %q, want %q", h, got, want)
		}
	}
}
