// Command switchboard runs the Switchboard server: GraphQL API, playground,
// console and background jobs, on an embedded SQLite file by default.
//
//	switchboard [flags]            serve
//	switchboard migrate [status]   apply (or list) database migrations and exit
package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/switchboard/switchboard/internal/app"
	"github.com/switchboard/switchboard/internal/db"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "switchboard:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) > 0 && args[0] == "migrate" {
		return migrate(args[1:])
	}
	opts, err := parseFlags(args)
	if err != nil {
		return err
	}
	logger := newLogger(opts.cfg.Env)
	opts.cfg.Logger = logger
	slog.SetDefault(logger)

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	a, err := app.New(ctx, opts.cfg)
	if err != nil {
		return err
	}
	defer a.Close(context.Background())
	if err := seedAndLink(ctx, a, opts); err != nil {
		return err
	}
	if err := a.Start(ctx); err != nil {
		return err
	}
	srv := &http.Server{
		Addr:              opts.addr,
		Handler:           a.Handler,
		ReadHeaderTimeout: 10 * time.Second,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	logger.Info("switchboard listening", "url", "http://"+opts.addr, "playground", "http://"+opts.addr+"/playground", "env", opts.cfg.Env)
	printBootstrap(a)
	select {
	case err := <-errc:
		if !errors.Is(err, http.ErrServerClosed) {
			return err
		}
	case <-ctx.Done():
		logger.Info("shutting down")
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	return srv.Shutdown(shutdownCtx)
}

func migrate(args []string) error {
	url := os.Getenv("DATABASE_URL")
	ctx := context.Background()
	conn, err := db.Open(ctx, url)
	if err != nil {
		return err
	}
	defer conn.Close()
	return db.MigrateCommand(ctx, conn, args, os.Stdout)
}

func newLogger(env string) *slog.Logger {
	if env == "production" {
		return slog.New(slog.NewJSONHandler(os.Stderr, nil))
	}
	return slog.New(slog.NewTextHandler(os.Stderr, nil))
}

// printBootstrap shows the generated first administrator once, on stdout, so
// `make run` shows how to sign in.
func printBootstrap(a *app.App) {
	if a.Bootstrap == nil || a.Bootstrap.Password == "" {
		return
	}
	fmt.Printf("\n  First platform administrator created\n    email:    %s\n    password: %s\n  (shown once; change it after signing in)\n\n",
		a.Bootstrap.Email, a.Bootstrap.Password)
}
