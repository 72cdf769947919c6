package locale

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Language is a supported agent/account language.
type Language struct {
	Code       string // BCP 47, e.g. "en-US"
	Name       string // English display name, e.g. "English (United States)"
	NativeName string // the name in the language itself, e.g. "Deutsch (Deutschland)"
}

// supportedCodes is the product's language list, in picker order. es-419
// and zh-HK are deliberately absent: MatchLanguage maps them to es-MX and
// zh-TW.
var supportedCodes = []string{
	"en-US", "en-GB", "de-DE", "es-ES", "es-MX", "fr-FR", "fr-CA", "it-IT",
	"nl-NL", "pt-BR", "pt-PT", "fi-FI", "sv-SE", "da-DK", "nb-NO", "pl-PL",
	"ko-KR", "ja-JP", "zh-CN", "zh-TW",
}

var (
	languages    []Language
	languageTags []language.Tag
	// byLowerCode lets CanonicalLanguage accept "en-us" or "EN_US".
	byLowerCode = map[string]string{}
	matcher     language.Matcher
)

func init() {
	for _, code := range supportedCodes {
		tag := language.MustParse(code)
		languageTags = append(languageTags, tag)
		languages = append(languages, Language{
			Code:       code,
			Name:       displayName(tag, display.English.Languages(), display.English.Regions()),
			NativeName: displayName(tag, display.Languages(tag), display.Regions(tag)),
		})
		byLowerCode[strings.ToLower(code)] = code
	}
	matcher = language.NewMatcher(languageTags)
}

// displayName builds "Language (Region)" rather than using display.Tags,
// whose English names are idioms ("American English", "Mexican Spanish")
// that sort badly in a picker and do not match RingEX's own names.
func displayName(tag language.Tag, langs, regions display.Namer) string {
	base, _ := tag.Base()
	region, _ := tag.Region()
	name := langs.Name(base)
	if r := regions.Name(region); r != "" {
		name += " (" + r + ")"
	}
	// CLDR writes many names lower-case for use mid-sentence ("français");
	// a picker entry stands alone, so capitalize the first letter.
	if r, size := utf8.DecodeRuneInString(name); r != utf8.RuneError {
		name = string(unicode.ToTitle(r)) + name[size:]
	}
	return name
}

// Languages returns the supported languages in picker order. The slice is
// a copy; callers may modify it.
func Languages() []Language {
	return append([]Language(nil), languages...)
}

// IsSupportedLanguage reports whether code is exactly a supported code
// ("en-US", not "en-us"). Use CanonicalLanguage to accept variants.
func IsSupportedLanguage(code string) bool {
	c, ok := byLowerCode[strings.ToLower(code)]
	return ok && c == code
}

// CanonicalLanguage returns the supported spelling of code, accepting case
// and "_" variants ("en_us" → "en-US"). It does not pick a nearby
// language; that is MatchLanguage's job.
func CanonicalLanguage(code string) (string, bool) {
	c, ok := byLowerCode[strings.ToLower(strings.ReplaceAll(strings.TrimSpace(code), "_", "-"))]
	return c, ok
}

// MatchLanguage maps a RingEX localeCode onto a supported language. A
// supported code (in any case) is EXACT; otherwise the CLDR-based matcher
// picks the closest supported locale (es-419 → es-MX, zh-HK → zh-TW,
// en-AU → en-GB) and, when it is confident (High or better), the result is
// NEAREST. Anything less confident yields fallback and ACCOUNT_DEFAULT:
// a wrong language is worse for an agent than the account's default.
func MatchLanguage(localeCode, fallback string) (string, Match) {
	if c, ok := CanonicalLanguage(localeCode); ok {
		return c, MatchExact
	}
	if def, ok := CanonicalLanguage(fallback); ok {
		fallback = def
	}
	tag, err := language.Parse(strings.ReplaceAll(strings.TrimSpace(localeCode), "_", "-"))
	if err != nil {
		return fallback, MatchDefault
	}
	_, index, conf := matcher.Match(tag)
	if conf < language.High {
		return fallback, MatchDefault
	}
	return supportedCodes[index], MatchNearest
}
