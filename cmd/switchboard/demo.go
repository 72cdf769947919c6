package main

import (
	"context"
	"log/slog"

	"github.com/switchboard/switchboard/internal/app"
	"github.com/switchboard/switchboard/internal/demo"
)

// seedAndLink creates the demo account and, with the in-process sandbox,
// links it to RingEX so a new user sees a working import with no setup.
func seedAndLink(ctx context.Context, a *app.App, o options) error {
	if !o.seedDemo {
		return nil
	}
	acc, created, err := demo.Seed(ctx, a.DB.Client)
	if err != nil {
		return err
	}
	if created {
		slog.Info("demo account created", "account", acc.Name)
	}
	if o.sandbox {
		return startSandbox(ctx, a, acc.ID, o)
	}
	return nil
}
