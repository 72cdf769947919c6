package main

import (
	"context"
	"log/slog"

	"github.com/switchboard/switchboard/internal/app"
	"github.com/switchboard/switchboard/internal/directory"
	"github.com/switchboard/switchboard/internal/ringex/sandbox"
	"github.com/switchboard/switchboard/internal/viewer"
)

// linkDemo links the demo account to the sandbox (again on every start: the
// in-process sandbox gets a new port each time) and starts a directory sync.
func linkDemo(ctx context.Context, a *app.App, accountID int, url string, sb *sandbox.Sandbox) error {
	_, err := a.Directory.Link(viewer.SystemContext(ctx), accountID, directory.LinkInput{
		ServerURL: url, ClientID: sb.ClientID(), ClientSecret: sb.ClientSecret(), JWT: sb.AppJWT(),
	})
	if err != nil {
		return err
	}
	slog.Info("demo account linked to the RingEX sandbox; directory sync started")
	return nil
}
