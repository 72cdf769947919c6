package password

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
)

// NewToken returns a random token (prefix + 32 random bytes, base64url)
// and the hash to store. The prefix ("sbt_" for API tokens) lets people
// and secret scanners recognise a leaked token. Only the hash is stored,
// so a database leak does not yield usable tokens.
func NewToken(prefix string) (plain, hash string) {
	b := make([]byte, 32)
	rand.Read(b) // never fails since Go 1.24
	plain = prefix + base64.RawURLEncoding.EncodeToString(b)
	return plain, HashToken(plain)
}

// HashToken returns hex(SHA-256(plain)), the stored form of a token.
// A fast hash is enough here, unlike for passwords: 256 random bits cannot
// be guessed, and a deterministic hash lets the server look a token up by
// its hash in one indexed query.
func HashToken(plain string) string {
	sum := sha256.Sum256([]byte(plain))
	return hex.EncodeToString(sum[:])
}
