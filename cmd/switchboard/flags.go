package main

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/switchboard/switchboard/internal/app"
)

type options struct {
	addr string
	cfg  app.Config
	// seedDemo creates the demo account on a new database.
	seedDemo bool
	// sandbox starts the RingEX sandbox in-process and links the demo account.
	sandbox      bool
	sandboxUsers int
	// sandboxRateScale is the sandbox's rate-limit clock (1 = RingEX's real limits, 0 = off).
	sandboxRateScale float64
}

func env(key, def string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}

func envBool(key string, def bool) bool {
	if v, ok := os.LookupEnv(key); ok {
		b, err := strconv.ParseBool(v)
		if err == nil {
			return b
		}
	}
	return def
}

func parseFlags(args []string) (options, error) {
	var o options
	fs := flag.NewFlagSet("switchboard", flag.ContinueOnError)
	var cors, sync string
	fs.StringVar(&o.addr, "addr", env("SWITCHBOARD_ADDR", "localhost:8080"), "listen address (SWITCHBOARD_ADDR)")
	fs.StringVar(&o.cfg.Env, "env", env("SWITCHBOARD_ENV", "development"), "development or production (SWITCHBOARD_ENV)")
	fs.StringVar(&o.cfg.DatabaseURL, "database-url", env("DATABASE_URL", ""), "postgres:// URL or SQLite file (DATABASE_URL); default <data-dir>/switchboard.db")
	fs.StringVar(&o.cfg.DataDir, "data-dir", env("SWITCHBOARD_DATA_DIR", "data"), "folder of the embedded database and its key file (SWITCHBOARD_DATA_DIR)")
	fs.StringVar(&o.cfg.SecretKey, "secret-key", env("SWITCHBOARD_SECRET_KEY", ""), "32-byte key (base64/hex) encrypting RingEX secrets (SWITCHBOARD_SECRET_KEY)")
	fs.StringVar(&o.cfg.AdminEmail, "admin-email", env("SWITCHBOARD_ADMIN_EMAIL", ""), "first platform administrator (SWITCHBOARD_ADMIN_EMAIL)")
	fs.StringVar(&o.cfg.AdminPassword, "admin-password", env("SWITCHBOARD_ADMIN_PASSWORD", ""), "its password; generated and printed once when empty (SWITCHBOARD_ADMIN_PASSWORD)")
	fs.StringVar(&cors, "cors-origins", env("SWITCHBOARD_CORS_ORIGINS", ""), "comma-separated origins allowed to call the API (SWITCHBOARD_CORS_ORIGINS)")
	fs.StringVar(&o.cfg.ConsoleDir, "console-dir", env("SWITCHBOARD_CONSOLE_DIR", "frontend/dist"), "built console to serve at / (SWITCHBOARD_CONSOLE_DIR)")
	fs.BoolVar(&o.cfg.Introspection, "introspection", envBool("SWITCHBOARD_INTROSPECTION", false), "allow introspection in production (SWITCHBOARD_INTROSPECTION)")
	fs.BoolVar(&o.cfg.Playground, "playground", envBool("SWITCHBOARD_PLAYGROUND", false), "serve the playground in production (SWITCHBOARD_PLAYGROUND)")
	fs.BoolVar(&o.cfg.TrustProxy, "trust-proxy", envBool("SWITCHBOARD_TRUST_PROXY", false), "take the client address from X-Forwarded-For (behind a trusted proxy) (SWITCHBOARD_TRUST_PROXY)")
	fs.StringVar(&sync, "sync-interval", env("SWITCHBOARD_SYNC_INTERVAL", "1h"), "re-sync linked RingEX directories this often; 0 turns it off (SWITCHBOARD_SYNC_INTERVAL)")
	fs.BoolVar(&o.seedDemo, "seed-demo", envBool("SWITCHBOARD_SEED_DEMO", false), "create the demo account on a new database (SWITCHBOARD_SEED_DEMO)")
	fs.BoolVar(&o.sandbox, "ringex-sandbox", envBool("SWITCHBOARD_RINGEX_SANDBOX", false), "run the RingEX sandbox in-process and link the demo account to it (SWITCHBOARD_RINGEX_SANDBOX)")
	fs.IntVar(&o.sandboxUsers, "ringex-sandbox-users", 2500, "size of the sandbox directory")
	fs.Float64Var(&o.sandboxRateScale, "ringex-sandbox-rate-scale", 1, "sandbox rate limits: 1 = RingEX's real limits, 0 = off")
	fs.IntVar(&o.cfg.Limits.MaxDepth, "max-depth", envInt("SWITCHBOARD_MAX_DEPTH", 12), "deepest GraphQL selection allowed (SWITCHBOARD_MAX_DEPTH)")
	fs.IntVar(&o.cfg.Limits.MaxCost, "max-cost", envInt("SWITCHBOARD_MAX_COST", 50000), "highest query cost allowed (SWITCHBOARD_MAX_COST)")
	fs.IntVar(&o.cfg.Limits.MaxAliases, "max-aliases", envInt("SWITCHBOARD_MAX_ALIASES", 30), "most aliases in one request (SWITCHBOARD_MAX_ALIASES)")
	fs.IntVar(&o.cfg.Limits.MaxOperations, "max-operations", envInt("SWITCHBOARD_MAX_OPERATIONS", 10), "most operations in one document (SWITCHBOARD_MAX_OPERATIONS)")
	fs.Int64Var(&o.cfg.MaxBodyBytes, "max-body-bytes", int64(envInt("SWITCHBOARD_MAX_BODY_BYTES", 1<<20)), "largest request body (SWITCHBOARD_MAX_BODY_BYTES)")
	fs.DurationVar(&o.cfg.RequestTimeout, "request-timeout", envDuration("SWITCHBOARD_REQUEST_TIMEOUT", 30*time.Second), "time limit of one request (SWITCHBOARD_REQUEST_TIMEOUT)")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	for _, c := range strings.Split(cors, ",") {
		if c = strings.TrimSpace(c); c != "" {
			o.cfg.CORSOrigins = append(o.cfg.CORSOrigins, c)
		}
	}
	d, err := time.ParseDuration(sync)
	if err != nil {
		return o, err
	}
	o.cfg.SyncInterval = d
	if o.cfg.DatabaseURL == "" {
		o.cfg.DatabaseURL = filepath.Join(o.cfg.DataDir, "switchboard.db")
	}
	return o, nil
}

func envInt(key string, def int) int {
	if v, ok := os.LookupEnv(key); ok {
		if n, err := strconv.Atoi(v); err == nil {
			return n
		}
	}
	return def
}

func envDuration(key string, def time.Duration) time.Duration {
	if v, ok := os.LookupEnv(key); ok {
		if d, err := time.ParseDuration(v); err == nil {
			return d
		}
	}
	return def
}
