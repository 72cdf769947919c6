// Package password hashes and checks console passwords with argon2id in
// the PHC string format, and issues random tokens (API tokens, session
// ids) that are stored only as hashes.
package password

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"

	"golang.org/x/crypto/argon2"
	"golang.org/x/text/unicode/norm"
)

// Params are argon2id cost parameters. Memory is in KiB.
type Params struct {
	Memory  uint32
	Time    uint32
	Threads uint8
	SaltLen uint32
	KeyLen  uint32
}

var (
	// DefaultParams is OWASP's argon2id recommendation (m=19 MiB, t=2,
	// p=1): about 20–40 ms per hash and modest memory per sign-in.
	DefaultParams = Params{Memory: 19 * 1024, Time: 2, Threads: 1, SaltLen: 16, KeyLen: 32}
	// TestParams make hashing take microseconds; for tests only.
	TestParams = Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

	current atomic.Pointer[Params]
)

func init() { current.Store(&DefaultParams) }

// CurrentParams returns the parameters new hashes use.
func CurrentParams() Params { return *current.Load() }

// SetParams changes the parameters for new hashes and returns a function
// that restores the previous ones (handy with t.Cleanup).
func SetParams(p Params) (restore func()) {
	prev := current.Swap(&p)
	return func() { current.Store(prev) }
}

// SetTestParams switches to TestParams so tests in other packages can
// create users without paying for real hashing:
//
//	t.Cleanup(password.SetTestParams())
func SetTestParams() (restore func()) { return SetParams(TestParams) }

// ErrMalformedHash: the stored value is not an argon2id PHC string we accept.
var ErrMalformedHash = errors.New("password: malformed argon2id hash")

// Hash returns the PHC string for pw with a fresh random salt:
// $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash> (unpadded base64).
func Hash(pw string) (string, error) {
	p := CurrentParams()
	salt := make([]byte, p.SaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("password: salt: %w", err)
	}
	key := derive(pw, salt, p)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.Memory, p.Time, p.Threads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// Verify reports whether pw matches encoded, using encoded's own
// parameters so old hashes keep working after a parameter change. A
// mismatch is (false, nil); an unreadable hash is an error.
func Verify(pw, encoded string) (bool, error) {
	p, salt, want, err := decode(encoded)
	if err != nil {
		return false, err
	}
	return subtle.ConstantTimeCompare(derive(pw, salt, p), want) == 1, nil
}

// dummySalt and dummyKey feed DummyVerify; their values do not matter.
var dummySalt, dummyKey = make([]byte, 16), make([]byte, 32)

// DummyVerify does the work of a Verify against a current-parameter hash
// and discards the result. Call it when the sign-in email is unknown, so
// response time does not reveal which emails have accounts.
func DummyVerify(pw string) {
	p := CurrentParams()
	p.SaltLen, p.KeyLen = uint32(len(dummySalt)), uint32(len(dummyKey))
	subtle.ConstantTimeCompare(derive(pw, dummySalt, p), dummyKey)
}

// NeedsRehash reports whether encoded should be replaced by Hash(pw) after
// a successful sign-in: it is unreadable or uses other than the current
// parameters.
func NeedsRehash(encoded string) bool {
	p, salt, key, err := decode(encoded)
	if err != nil {
		return true
	}
	c := CurrentParams()
	return p.Memory != c.Memory || p.Time != c.Time || p.Threads != c.Threads ||
		uint32(len(salt)) != c.SaltLen || uint32(len(key)) != c.KeyLen
}

// derive normalizes to NFKC (NIST SP 800-63B) so the same password typed
// on different keyboards or systems ("é" composed or not) verifies.
func derive(pw string, salt []byte, p Params) []byte {
	return argon2.IDKey([]byte(norm.NFKC.String(pw)), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
}

// Limits on parameters read from a hash: a corrupted or planted hash must
// not make one sign-in allocate gigabytes or spin for minutes.
const (
	maxMemory = 1 << 20 // 1 GiB in KiB
	maxTime   = 64
)

func decode(encoded string) (p Params, salt, key []byte, err error) {
	parts := strings.Split(encoded, "$")
	// "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return p, nil, nil, ErrMalformedHash
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return p, nil, nil, ErrMalformedHash
	}
	var threads uint32
	if n, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &threads); err != nil || n != 3 ||
		fmt.Sprintf("m=%d,t=%d,p=%d", p.Memory, p.Time, threads) != parts[3] {
		return p, nil, nil, ErrMalformedHash
	}
	if threads < 1 || threads > 255 || p.Time < 1 || p.Time > maxTime || p.Memory < 8*threads || p.Memory > maxMemory {
		return p, nil, nil, ErrMalformedHash
	}
	p.Threads = uint8(threads)
	b64 := base64.RawStdEncoding.Strict()
	if salt, err = b64.DecodeString(parts[4]); err != nil || len(salt) < 8 || len(salt) > 64 {
		return p, nil, nil, ErrMalformedHash
	}
	if key, err = b64.DecodeString(parts[5]); err != nil || len(key) < 16 || len(key) > 128 {
		return p, nil, nil, ErrMalformedHash
	}
	p.SaltLen, p.KeyLen = uint32(len(salt)), uint32(len(key))
	return p, salt, key, nil
}
