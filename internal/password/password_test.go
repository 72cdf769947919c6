package password

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"
)

var phc = regexp.MustCompile(`^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$`)

func TestHashVerifyDefaultParams(t *testing.T) {
	encoded, err := Hash("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	m := phc.FindStringSubmatch(encoded)
	if m == nil || m[1] != "19456" || m[2] != "2" || m[3] != "1" {
		t.Fatalf("not the expected PHC string: %s", encoded)
	}
	if ok, err := Verify("correct horse battery", encoded); !ok || err != nil {
		t.Errorf("Verify(right) = %v, %v", ok, err)
	}
	if ok, err := Verify("correct horse batterY", encoded); ok || err != nil {
		t.Errorf("Verify(wrong) = %v, %v", ok, err)
	}
	if NeedsRehash(encoded) {
		t.Error("fresh hash needs rehash")
	}
}

func TestHashIsSaltedAndNormalized(t *testing.T) {
	t.Cleanup(SetTestParams())
	a, _ := Hash("pässwörd-1234")
	b, _ := Hash("pässwörd-1234")
	if a == b {
		t.Error("two hashes of one password are equal: salt not random")
	}
	// "ä" as one code point and as "a" + combining diaeresis.
	if ok, _ := Verify("pa\u0308sswo\u0308rd-1234", a); !ok {
		t.Error("decomposed spelling of the same password did not verify")
	}
}

func TestParamsChangeAndRehash(t *testing.T) {
	restore := SetTestParams()
	old, _ := Hash("a long enough password")
	if NeedsRehash(old) {
		t.Error("hash with current params needs rehash")
	}
	restore()
	if CurrentParams() != DefaultParams {
		t.Fatal("restore did not bring back the defaults")
	}
	if !NeedsRehash(old) {
		t.Error("hash with old params does not need rehash")
	}
	// Old hashes keep verifying with their own parameters.
	if ok, err := Verify("a long enough password", old); !ok || err != nil {
		t.Errorf("Verify(old params) = %v, %v", ok, err)
	}
}

func TestMalformedHashes(t *testing.T) {
	t.Cleanup(SetTestParams())
	good, _ := Hash("a long enough password")
	parts := strings.Split(good, "$")
	for _, bad := range []string{
		"", "plaintext", "$2a$10$abcdefghijklmnopqrstuv", // bcrypt
		strings.Replace(good, "argon2id", "argon2i", 1),
		strings.Replace(good, "v=19", "v=16", 1),
		strings.Replace(good, parts[3], "m=64,t=1", 1),
		strings.Replace(good, parts[3], "m=64,t=1,p=0", 1),
		strings.Replace(good, parts[3], "m=4,t=1,p=1", 1),
		strings.Replace(good, parts[3], "m=99999999,t=1,p=1", 1), // would allocate ~100 GB
		strings.Replace(good, parts[3], "m=64,t=1000,p=1", 1),
		strings.Replace(good, parts[3], "m=64,t=1,p=1,x=2", 1),
		strings.Replace(good, parts[4], "!!", 1),
		strings.Replace(good, parts[5], "", 1),
		good + "$extra",
	} {
		if ok, err := Verify("a long enough password", bad); ok || !errors.Is(err, ErrMalformedHash) {
			t.Errorf("Verify(%q) = %v, %v; want ErrMalformedHash", bad, ok, err)
		}
		if !NeedsRehash(bad) {
			t.Errorf("NeedsRehash(%q) = false", bad)
		}
	}
}

func TestDummyVerifyCostsLikeVerify(t *testing.T) {
	encoded, _ := Hash("correct horse battery")
	fastest := func(f func()) time.Duration {
		best := time.Hour
		for range 3 {
			start := time.Now()
			f()
			best = min(best, time.Since(start))
		}
		return best
	}
	verify := fastest(func() { Verify("wrong password here", encoded) })
	dummy := fastest(func() { DummyVerify("wrong password here") })
	// Loose bound: a DummyVerify that skipped hashing would be ~1000x faster.
	if dummy < verify/3 {
		t.Errorf("DummyVerify took %v, Verify %v", dummy, verify)
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		pw   string
		want error
	}{
		{"", ErrBlank},
		{"              ", ErrBlank},
		{"short", ErrTooShort},
		{"123456789", ErrTooShort},
		{"éééééééé", ErrTooShort}, // 16 bytes, 8 characters
		{"1234567890", nil},
		{"correct horse battery staple", nil},
		{"ééééééééééé", nil},
		{strings.Repeat("x", 256), nil},
		{strings.Repeat("x", 257), ErrTooLong},
		{"bad\x00password123", ErrInvalid},
		{"bad\xffpassword123", ErrInvalid},
	}
	for _, tt := range tests {
		err := Validate(tt.pw)
		if !errors.Is(err, tt.want) {
			t.Errorf("Validate(%q) = %v, want %v", tt.pw, err, tt.want)
		}
		var ve *ValidationError
		if err != nil && (!errors.As(err, &ve) || ve.Code == "" || ve.Message == "") {
			t.Errorf("Validate(%q): error without code and message: %v", tt.pw, err)
		}
	}
}

func TestGenerate(t *testing.T) {
	shape := regexp.MustCompile(`^[` + alphabet + `]{5}(-[` + alphabet + `]{5}){3}$`)
	seen := map[string]bool{}
	for range 200 {
		pw := Generate()
		if !shape.MatchString(pw) || Validate(pw) != nil {
			t.Fatalf("Generate() = %q", pw)
		}
		if seen[pw] {
			t.Fatalf("Generate repeated %q", pw)
		}
		seen[pw] = true
	}
}
