// Package secret encrypts credentials at rest (RingEX client secrets and
// JWT credentials) with AES-256-GCM, so a copied database file or backup
// does not leak them without the key that lives outside it.
package secret

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
)

// KeySize is the key length in bytes (AES-256).
const KeySize = 32

// prefix versions the format so a later key or algorithm change can read
// old values; it is also bound into the AEAD as additional data.
const prefix = "v1:"

var (
	// ErrMalformed: the value is not something Seal produced.
	ErrMalformed = errors.New("secret: malformed ciphertext")
	// ErrDecrypt: wrong key or tampered ciphertext; GCM cannot tell which.
	ErrDecrypt = errors.New("secret: cannot decrypt (wrong key or tampered value)")
)

// Box seals and opens strings with one key. It is safe for concurrent use.
type Box struct {
	aead cipher.AEAD
}

// NewBox returns a Box for a 32-byte key.
func NewBox(key []byte) (*Box, error) {
	if len(key) != KeySize {
		return nil, fmt.Errorf("secret: key must be %d bytes, got %d", KeySize, len(key))
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	return &Box{aead: aead}, nil
}

// Seal encrypts plaintext with a fresh random nonce and returns
// "v1:" + base64url(nonce || ciphertext || tag), safe for a text column.
// Sealing the same value twice gives different strings.
func (b *Box) Seal(plaintext string) (string, error) {
	nonce := make([]byte, b.aead.NonceSize(), b.aead.NonceSize()+len(plaintext)+b.aead.Overhead())
	if _, err := rand.Read(nonce); err != nil {
		return "", fmt.Errorf("secret: nonce: %w", err)
	}
	out := b.aead.Seal(nonce, nonce, []byte(plaintext), []byte(prefix))
	return prefix + base64.RawURLEncoding.EncodeToString(out), nil
}

// Open decrypts a value produced by Seal with the same key.
func (b *Box) Open(ciphertext string) (string, error) {
	body, ok := strings.CutPrefix(ciphertext, prefix)
	if !ok {
		return "", ErrMalformed
	}
	raw, err := base64.RawURLEncoding.DecodeString(body)
	if err != nil || len(raw) < b.aead.NonceSize()+b.aead.Overhead() {
		return "", ErrMalformed
	}
	n := b.aead.NonceSize()
	plain, err := b.aead.Open(nil, raw[:n], raw[n:], []byte(prefix))
	if err != nil {
		return "", ErrDecrypt
	}
	return string(plain), nil
}
