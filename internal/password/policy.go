package password

import (
	"crypto/rand"
	"strings"
	"unicode/utf8"
)

// Length limits in characters (not bytes), per NIST SP 800-63B: length
// matters, composition rules do not. The maximum only bounds the work.
const (
	MinLength = 10
	MaxLength = 256
)

// ValidationError says why a new password was refused: Code for programs
// (the GraphQL error extension), Message for people.
type ValidationError struct {
	Code    string
	Message string
}

func (e *ValidationError) Error() string { return e.Message }

// Validate errors; compare with errors.Is.
var (
	ErrBlank    = &ValidationError{"PASSWORD_BLANK", "Enter a password."}
	ErrTooShort = &ValidationError{"PASSWORD_TOO_SHORT", "Use at least 10 characters."}
	ErrTooLong  = &ValidationError{"PASSWORD_TOO_LONG", "Use at most 256 characters."}
	ErrInvalid  = &ValidationError{"PASSWORD_INVALID", "The password contains characters that cannot be used."}
)

// Validate checks a password an admin or agent is about to set.
func Validate(pw string) error {
	switch n := utf8.RuneCountInString(pw); {
	case strings.TrimSpace(pw) == "":
		return ErrBlank
	case !utf8.ValidString(pw) || strings.ContainsRune(pw, 0):
		return ErrInvalid
	case n < MinLength:
		return ErrTooShort
	case n > MaxLength:
		return ErrTooLong
	}
	return nil
}

// alphabet leaves out look-alikes (0/O, 1/l/I) so a generated password
// can be read aloud or copied from a screen without mistakes.
const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"

// Generate returns a random password for bootstrap and reset, in four
// groups of five ("xK7pq-2mNrt-...", 23 characters, about 116 bits).
func Generate() string {
	var b strings.Builder
	buf := make([]byte, 1)
	for n := 0; n < 20; {
		rand.Read(buf) // never fails since Go 1.24
		// Reject bytes past the last whole multiple of len(alphabet) so
		// every character is equally likely.
		if int(buf[0]) >= 256-256%len(alphabet) {
			continue
		}
		if n > 0 && n%5 == 0 {
			b.WriteByte('-')
		}
		b.WriteByte(alphabet[int(buf[0])%len(alphabet)])
		n++
	}
	return b.String()
}
