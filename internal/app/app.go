// Package app assembles Switchboard: database, domain services, background
// jobs and the HTTP surface. cmd/switchboard and the end-to-end tests build
// the product through it, so tests run exactly what ships.
package app

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"path/filepath"
	"time"

	"entgo.io/ent/dialect"
	"github.com/99designs/gqlgen/graphql"
	"github.com/riverqueue/river"

	"github.com/switchboard/switchboard/graph"
	"github.com/switchboard/switchboard/internal/agentsession"
	"github.com/switchboard/switchboard/internal/audit"
	"github.com/switchboard/switchboard/internal/auth"
	"github.com/switchboard/switchboard/internal/db"
	"github.com/switchboard/switchboard/internal/directory"
	"github.com/switchboard/switchboard/internal/importer"
	"github.com/switchboard/switchboard/internal/jobs"
	"github.com/switchboard/switchboard/internal/limits"
	"github.com/switchboard/switchboard/internal/secret"
	"github.com/switchboard/switchboard/internal/server"
)

// Config is the product's configuration (flags and environment in cmd).
type Config struct {
	// Env is "development" (default) or "production".
	Env string
	// DatabaseURL is a postgres:// URL or a SQLite path; empty: data/switchboard.db.
	DatabaseURL string
	// DataDir holds the embedded database, its River database and the secret key file.
	DataDir string
	// SecretKey encrypts RingEX secrets at rest (base64 or hex, 32 bytes).
	// Empty: generated and kept in DataDir (embedded default only).
	SecretKey string
	// AdminEmail/AdminPassword create the first platform administrator on an
	// empty database; an empty password is generated and logged once.
	AdminEmail    string
	AdminPassword string
	CORSOrigins   []string
	ConsoleDir    string
	Introspection bool
	Playground    bool
	// Limits bound depth, cost, aliases and page sizes of GraphQL operations
	// (zero values: limits.Defaults).
	Limits limits.Config
	// MaxBodyBytes and RequestTimeout bound one HTTP request (defaults 1 MiB, 30 s).
	MaxBodyBytes   int64
	RequestTimeout time.Duration
	// SecureCookies marks the session cookie Secure (default: outside development).
	SecureCookies *bool
	// TrustProxy takes the client address (sign-in throttling) from
	// X-Forwarded-For; set it only behind a proxy that overwrites it.
	TrustProxy bool
	// SyncInterval re-syncs every linked RingEX directory (0: off).
	SyncInterval time.Duration
	// JobPollInterval is how often River looks for new jobs.
	JobPollInterval time.Duration
	// SkipJobs does not start River workers (tests that need none).
	SkipJobs bool
	Logger   *slog.Logger
	// DBOptions are passed to db.Open (tests count statements with them).
	DBOptions []db.Option
}

// Production reports whether the product runs in production mode.
func (c Config) Production() bool { return c.Env == "production" }

// App is an assembled product.
type App struct {
	Config   Config
	DB       *db.DB
	Handler  http.Handler
	Resolver *graph.Resolver
	Auth     *auth.Service
	// Bootstrap holds the first administrator's credentials when this start
	// created them (empty database), nil otherwise.
	Bootstrap *auth.Credentials
	Directory *directory.Service
	Importer  *importer.Service
	// Jobs runs River: directory syncs and imports.
	Jobs    *jobs.Runner
	closers []func(context.Context) error
}

// New opens the database, migrates it, builds the services and the handler.
// It does not listen: call Start for background work and serve Handler.
func New(ctx context.Context, cfg Config) (*App, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Env == "" {
		cfg.Env = "development"
	}
	conn, err := db.Open(ctx, cfg.DatabaseURL, cfg.DBOptions...)
	if err != nil {
		return nil, err
	}
	a := &App{Config: cfg, DB: conn}
	a.closers = append(a.closers, func(context.Context) error { return conn.Close() })
	if err := db.Migrate(ctx, conn); err != nil {
		a.Close(ctx)
		return nil, err
	}
	if err := a.build(ctx); err != nil {
		a.Close(ctx)
		return nil, fmt.Errorf("assembling: %w", err)
	}
	return a, nil
}

func (a *App) build(ctx context.Context) error {
	cfg := a.Config
	client := a.DB.Client
	audit.Register(client) // every mutation below writes its audit event in its transaction
	secure := cfg.Production()
	if cfg.SecureCookies != nil {
		secure = *cfg.SecureCookies
	}
	a.Auth = &auth.Service{Client: client, Logger: cfg.Logger, SecureCookies: secure, TrustProxy: cfg.TrustProxy}
	creds, err := a.Auth.Bootstrap(ctx, cfg.AdminEmail, cfg.AdminPassword)
	if err != nil {
		return err
	}
	a.Bootstrap = creds
	box, err := secretBox(cfg, a.DB)
	if err != nil {
		return err
	}
	workers := river.NewWorkers()
	a.Directory = &directory.Service{Client: client, Box: box, Logger: cfg.Logger}
	a.Directory.CacheCounts(a.DB)
	a.Directory.AddWorkers(workers)
	a.Importer = &importer.Service{Client: client, RingEx: a.Directory.ClientFor, Logger: cfg.Logger,
		Postgres: a.DB.Dialect == dialect.Postgres}
	a.Importer.AddWorkers(workers)
	// Every service has registered its workers on workers by now.
	if cfg.SkipJobs {
		workers = nil // insert-only: jobs queue up, nothing works them
	}
	a.Jobs, err = jobs.New(ctx, a.DB, workers, jobs.Options{
		PollInterval: cfg.JobPollInterval, Logger: cfg.Logger,
		PeriodicJobs: directory.PeriodicJobs(cfg.SyncInterval),
	})
	if err != nil {
		return err
	}
	a.closers = append(a.closers, a.Jobs.Stop)
	a.Directory.Jobs = a.Jobs
	a.Importer.Jobs = a.Jobs
	a.Resolver = &graph.Resolver{Client: client, Auth: a.Auth, Directory: a.Directory, Importer: a.Importer}
	// Imported agents sign in with a RingEX token, verified by the directory.
	a.Resolver.AgentSessions = &agentsession.Service{Client: client, Logger: cfg.Logger, RingEx: a.Directory}
	srvCfg := server.Config{
		Production:     cfg.Production(),
		Introspection:  cfg.Introspection,
		Playground:     cfg.Playground,
		CORSOrigins:    cfg.CORSOrigins,
		ConsoleDir:     cfg.ConsoleDir,
		RequestTimeout: orDuration(cfg.RequestTimeout, 30*time.Second),
		MaxBodyBytes:   cfg.MaxBodyBytes,
		Logger:         cfg.Logger,
		Ready:          a.DB.Ready,
		ErrorPresenter: graph.ErrorPresenter(cfg.Logger),
		Middleware:     a.Auth.Middleware,
		Extensions:     []graphql.HandlerExtension{graph.Loaders{}, auth.ReadOnlyGuard{}},
	}
	// Agent-client tokens are recognised before console authentication.
	srvCfg.Middleware = a.Resolver.AgentSessions.Middleware(srvCfg.Middleware)
	// Limits first: they measure every operation, even one another extension refuses.
	lim := cfg.Limits
	if lim.Logger == nil {
		lim.Logger = cfg.Logger
	}
	srvCfg.Extensions = append([]graphql.HandlerExtension{limits.New(lim)}, srvCfg.Extensions...)
	gql := server.GraphQL(srvCfg, graph.NewSchema(a.Resolver), client)
	a.Handler = server.New(srvCfg, gql)
	return nil
}

// Start begins background work (River workers, periodic syncs).
func (a *App) Start(ctx context.Context) error {
	if err := a.Jobs.Start(ctx); err != nil {
		return err
	}
	a.startCleanup()
	return nil
}

// startCleanup deletes expired sessions and stale throttling rows every
// hour. Every instance may run it: the deletes are idempotent.
func (a *App) startCleanup() {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(time.Hour)
		defer t.Stop()
		for {
			if err := a.Auth.Cleanup(ctx); err != nil && ctx.Err() == nil {
				a.Config.Logger.Warn("cleaning up sessions", "err", err)
			}
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	}()
	a.closers = append(a.closers, func(context.Context) error { cancel(); <-done; return nil })
}

// secretBox seals RingEX secrets with the configured key, or with a key
// generated and kept beside the embedded database. PostgreSQL in production
// must configure one: a key file on one host would strand the secrets when
// another host serves the same database (development and tests fall back
// to the key file).
func secretBox(cfg Config, conn *db.DB) (*secret.Box, error) {
	var key []byte
	var err error
	switch {
	case cfg.SecretKey != "":
		key, err = secret.ParseKey(cfg.SecretKey)
	case db.IsPostgres(conn.URL) && cfg.Production():
		return nil, fmt.Errorf("a secret key is required with PostgreSQL (set SWITCHBOARD_SECRET_KEY or -secret-key)")
	default:
		if db.IsPostgres(conn.URL) {
			cfg.Logger.Warn("no secret key configured: using a key file in the data folder (development only)")
		}
		dir := cfg.DataDir
		if dir == "" {
			dir = filepath.Dir(jobs.JobsPath(conn.URL))
		}
		key, err = secret.LoadOrCreateKeyFile(filepath.Join(dir, "secret.key"))
	}
	if err != nil {
		return nil, fmt.Errorf("secret key: %w", err)
	}
	return secret.NewBox(key)
}

// Close stops background work and closes the database, newest first.
func (a *App) Close(ctx context.Context) error {
	var first error
	for i := len(a.closers) - 1; i >= 0; i-- {
		if err := a.closers[i](ctx); err != nil && first == nil {
			first = err
		}
	}
	a.closers = nil
	return first
}

func orDuration(d, def time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return def
}
