package db

import (
	"context"
	"fmt"

)

// Migrate brings the schema up to date.
// TODO(versioned): replaced by the Atlas versioned migrations under migrations/.
func Migrate(ctx context.Context, d *DB) error {
	if err := d.Client.Schema.Create(ctx); err != nil {
		return fmt.Errorf("migrating: %w", err)
	}
	return nil
}
