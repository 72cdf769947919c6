package locale

import "testing"

func TestMatchLanguage(t *testing.T) {
	tests := []struct {
		in   string
		want string
		how  Match
	}{
		// Every language RingEX uses (DOMAIN.md).
		{"de-DE", "de-DE", MatchExact},
		{"en-GB", "en-GB", MatchExact},
		{"en-US", "en-US", MatchExact},
		{"es-ES", "es-ES", MatchExact},
		{"es-419", "es-MX", MatchNearest},
		{"fr-FR", "fr-FR", MatchExact},
		{"fr-CA", "fr-CA", MatchExact},
		{"it-IT", "it-IT", MatchExact},
		{"nl-NL", "nl-NL", MatchExact},
		{"pt-BR", "pt-BR", MatchExact},
		{"pt-PT", "pt-PT", MatchExact},
		{"fi-FI", "fi-FI", MatchExact},
		{"ko-KR", "ko-KR", MatchExact},
		{"ja-JP", "ja-JP", MatchExact},
		{"zh-CN", "zh-CN", MatchExact},
		{"zh-TW", "zh-TW", MatchExact},
		{"zh-HK", "zh-TW", MatchNearest}, // Traditional script, not zh-CN
		// Spelling variants of supported codes are still exact.
		{"en-us", "en-US", MatchExact},
		{"EN_us", "en-US", MatchExact},
		{" fr-ca ", "fr-CA", MatchExact},
		// Other regions of a supported language.
		{"en-AU", "en-GB", MatchNearest},
		{"en-IN", "en-GB", MatchNearest},
		{"en", "en-US", MatchNearest},
		{"es-AR", "es-MX", MatchNearest},
		{"es-US", "es-MX", MatchNearest},
		{"fr-BE", "fr-FR", MatchNearest},
		{"de-AT", "de-DE", MatchNearest},
		{"pt-AO", "pt-PT", MatchNearest},
		{"zh-Hant", "zh-TW", MatchNearest},
		{"zh-SG", "zh-CN", MatchNearest},
		{"nn-NO", "nb-NO", MatchNearest},
		{"no", "nb-NO", MatchNearest},
		// Unsupported or garbage: the account default.
		{"ru-RU", "de-DE", MatchDefault},
		{"he-IL", "de-DE", MatchDefault},
		{"yue-HK", "de-DE", MatchDefault},
		{"", "de-DE", MatchDefault},
		{"not a locale", "de-DE", MatchDefault},
	}
	for _, tt := range tests {
		got, how := MatchLanguage(tt.in, "de-DE")
		if got != tt.want || how != tt.how {
			t.Errorf("MatchLanguage(%q) = %q, %s; want %q, %s", tt.in, got, how, tt.want, tt.how)
		}
		if !IsSupportedLanguage(got) {
			t.Errorf("MatchLanguage(%q) = %q, which is not supported", tt.in, got)
		}
	}
}

func TestMatchLanguageFallbackIsCanonicalized(t *testing.T) {
	if got, how := MatchLanguage("xx", "en-gb"); got != "en-GB" || how != MatchDefault {
		t.Errorf("got %q, %s", got, how)
	}
}

func TestLanguagesHaveNames(t *testing.T) {
	langs := Languages()
	if len(langs) != len(supportedCodes) {
		t.Fatalf("got %d languages, want %d", len(langs), len(supportedCodes))
	}
	seen := map[string]bool{}
	for _, l := range langs {
		if l.Name == "" || l.NativeName == "" || l.Name == l.Code {
			t.Errorf("%s: missing name: %+v", l.Code, l)
		}
		if seen[l.Name] {
			t.Errorf("%s: duplicate name %q", l.Code, l.Name)
		}
		seen[l.Name] = true
		if !IsSupportedLanguage(l.Code) {
			t.Errorf("%s: listed but not supported", l.Code)
		}
	}
	if n := langs[0].Name; n != "English (United States)" {
		t.Errorf("en-US name = %q", n)
	}
	for _, absent := range []string{"es-419", "zh-HK", "en-us", "en", ""} {
		if IsSupportedLanguage(absent) {
			t.Errorf("IsSupportedLanguage(%q) = true", absent)
		}
	}
}

func TestCanonicalLanguage(t *testing.T) {
	for in, want := range map[string]string{"en-US": "en-US", "en-us": "en-US", "ZH_tw": "zh-TW", "es-419": "", "": ""} {
		got, ok := CanonicalLanguage(in)
		if got != want || ok != (want != "") {
			t.Errorf("CanonicalLanguage(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}
