package auth

import (
	"context"
	"fmt"
	"strings"

	"github.com/switchboard/switchboard/internal/password"
)

// DefaultAdminEmail is the first administrator's email when none is configured.
const DefaultAdminEmail = "admin@switchboard.local"

// Credentials of the first platform administrator, as created by Bootstrap.
type Credentials struct {
	Email    string
	Password string
	// Generated is true when the password was generated: it exists nowhere
	// else, so the caller must show it (once) to the operator.
	Generated bool
}

// Bootstrap creates the first platform administrator when the database has
// no console user yet, and returns its credentials; on any later start it
// does nothing and returns nil. An empty adminPassword is generated and
// logged once at WARN, so `make run` shows it.
func (s *Service) Bootstrap(ctx context.Context, adminEmail, adminPassword string) (*Credentials, error) {
	ctx = system(ctx)
	n, err := s.Client.ConsoleUser.Query().Count(ctx)
	if err != nil {
		return nil, fmt.Errorf("bootstrap: counting users: %w", err)
	}
	if n > 0 {
		return nil, nil
	}
	creds := &Credentials{Email: normalizeEmail(adminEmail), Password: adminPassword}
	if creds.Email == "" {
		creds.Email = DefaultAdminEmail
	}
	if creds.Password == "" {
		creds.Password, creds.Generated = password.Generate(), true
	} else if err := password.Validate(creds.Password); err != nil {
		return nil, fmt.Errorf("bootstrap: the configured admin password is refused: %w", err)
	}
	hash, err := password.Hash(creds.Password)
	if err != nil {
		return nil, err
	}
	err = s.Client.ConsoleUser.Create().
		SetEmail(creds.Email).SetName("Platform administrator").
		SetPasswordHash(hash).SetPlatformAdmin(true).
		Exec(ctx)
	if err != nil {
		return nil, fmt.Errorf("bootstrap: creating the first administrator: %w", err)
	}
	if creds.Generated {
		s.logger().WarnContext(ctx, "created the first platform administrator with a generated password; it is shown only this once, sign in and change it",
			"email", creds.Email, "password", creds.Password)
	} else {
		s.logger().InfoContext(ctx, "created the first platform administrator", "email", creds.Email)
	}
	return creds, nil
}

// normalizeEmail is the stored form: emails compare case-insensitively.
func normalizeEmail(email string) string { return strings.ToLower(strings.TrimSpace(email)) }
