package password

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"testing"
)

func TestNewToken(t *testing.T) {
	plain, hash := NewToken("sbt_")
	if !regexp.MustCompile(`^sbt_[A-Za-z0-9_-]{43}$`).MatchString(plain) {
		t.Fatalf("token shape: %q", plain)
	}
	sum := sha256.Sum256([]byte(plain))
	if hash != hex.EncodeToString(sum[:]) || HashToken(plain) != hash {
		t.Errorf("hash = %q, want hex SHA-256 of the whole token", hash)
	}
	other, otherHash := NewToken("sbt_")
	if other == plain || otherHash == hash {
		t.Error("two tokens are equal")
	}
	if HashToken(plain+"x") == hash {
		t.Error("different tokens hash the same")
	}
}
