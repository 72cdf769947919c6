// Package validate checks the inputs people type, so that refusals carry a
// code and the field at fault before the database has to refuse anything.
package validate

import (
	"net/mail"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/switchboard/switchboard/internal/errs"
	"github.com/switchboard/switchboard/internal/locale"
)

// Set normalizes an optional input field with check: nil (not given) stays
// nil, a value is replaced by its normalized form.
func Set(p **string, field string, check func(field, s string) (string, error)) error {
	if *p == nil {
		return nil
	}
	v, err := check(field, **p)
	if err != nil {
		return err
	}
	*p = &v
	return nil
}

// Name trims s and checks it is between 1 and max characters.
func Name(field, s string, max int) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", errs.Invalid(field, "must not be empty")
	}
	if utf8.RuneCountInString(s) > max {
		return "", errs.Invalid(field, "must be at most %d characters", max)
	}
	return s, nil
}

// Email checks an email address and returns it trimmed.
func Email(field, s string, required bool) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		if required {
			return "", errs.Invalid(field, "must not be empty")
		}
		return "", nil
	}
	if len(s) > 254 {
		return "", errs.Invalid(field, "must be at most 254 characters")
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s {
		return "", errs.Invalid(field, "is not a valid email address")
	}
	return s, nil
}

// Username lower-cases and checks a login.
func Username(field, s string) (string, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return "", errs.Invalid(field, "must not be empty")
	}
	if len(s) > 254 {
		return "", errs.Invalid(field, "must be at most 254 characters")
	}
	for _, r := range s {
		if r <= ' ' || r == 0x7f {
			return "", errs.Invalid(field, "must not contain spaces or control characters")
		}
	}
	return s, nil
}

// Timezone returns the canonical IANA name of s.
func Timezone(field, s string) (string, error) {
	tz, ok := locale.CanonicalTimezone(strings.TrimSpace(s))
	if !ok {
		return "", errs.Invalid(field, "unknown timezone %q", s)
	}
	return tz, nil
}

// Language returns the canonical supported locale of s.
func Language(field, s string) (string, error) {
	l, ok := locale.CanonicalLanguage(strings.TrimSpace(s))
	if !ok {
		return "", errs.Invalid(field, "unsupported language %q", s)
	}
	return l, nil
}

// Countries upper-cases, de-duplicates and checks ISO 3166-1 alpha-2 codes.
func Countries(field string, codes []string) ([]string, error) {
	seen := map[string]bool{}
	out := make([]string, 0, len(codes))
	for _, c := range codes {
		c = strings.ToUpper(strings.TrimSpace(c))
		if !locale.IsCountry(c) {
			return nil, errs.Invalid(field, "unknown country code %q", c)
		}
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out, nil
}

// HTTPURL checks an absolute http(s) URL.
func HTTPURL(field, s string) (string, error) {
	s = strings.TrimSpace(s)
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", errs.Invalid(field, "must be an http or https URL")
	}
	if len(s) > 2048 {
		return "", errs.Invalid(field, "must be at most 2048 characters")
	}
	return s, nil
}
