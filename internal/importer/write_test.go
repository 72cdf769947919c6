package importer

import (
	"errors"
	"fmt"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
)

// The set-based statements report conflicts as PostgreSQL errors, not as
// ent's constraint errors: a unique violation must still retry the batch
// and, user by user, fail the one conflicting user.
func TestPostgresErrorsClassifiedLikeEnt(t *testing.T) {
	for _, c := range []struct {
		name                string
		err                 error
		retryable, rejected bool
	}{
		{"unique violation", fmt.Errorf("insert: %w", &pgconn.PgError{Code: "23505"}), true, true},
		{"foreign key violation", &pgconn.PgError{Code: "23503"}, true, true},
		{"deadlock", &pgconn.PgError{Code: "40P01"}, true, false},
		{"serialization failure", &pgconn.PgError{Code: "40001"}, true, false},
		{"other database error", &pgconn.PgError{Code: "57014"}, false, false},
		{"refused by an agent field validator", fmt.Errorf("%w: too long", errInvalidAgent), false, true},
		{"not a database error", errors.New("boom"), false, false},
	} {
		if got := retryable(c.err); got != c.retryable {
			t.Errorf("%s: retryable = %v", c.name, got)
		}
		if got := rejected(c.err); got != c.rejected {
			t.Errorf("%s: rejected = %v", c.name, got)
		}
	}
}
