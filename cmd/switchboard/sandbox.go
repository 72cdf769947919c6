package main

import (
	"context"
	"log/slog"

	"github.com/switchboard/switchboard/internal/app"
	"github.com/switchboard/switchboard/internal/ringex/sandbox"
)

// startSandbox runs the RingEX sandbox on a free loopback port for the life
// of the process and links the demo account to it.
func startSandbox(ctx context.Context, a *app.App, accountID int, o options) error {
	sb := sandbox.New(sandbox.Options{Users: o.sandboxUsers, Seed: 1, RateLimitScale: o.sandboxRateScale})
	url, shutdown, err := sb.Start("127.0.0.1:0")
	if err != nil {
		return err
	}
	go func() {
		<-ctx.Done()
		_ = shutdown(context.Background())
	}()
	slog.Info("RingEX sandbox running", "url", url, "users", o.sandboxUsers,
		"clientId", sb.ClientID(), "admin", url+"/sandbox/admin/credentials")
	return linkDemo(ctx, a, accountID, url, sb)
}
