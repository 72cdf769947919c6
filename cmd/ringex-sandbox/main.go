// Command ringex-sandbox runs the RingEX sandbox on its own, for local
// development and demos: link an account in Switchboard with the credentials
// it prints, then change the directory under /sandbox/admin/ to show re-sync.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"github.com/switchboard/switchboard/internal/ringex/sandbox"
)

func main() {
	addr := flag.String("addr", env("RINGEX_SANDBOX_ADDR", "localhost:8090"), "listen address")
	users := flag.Int("users", envInt("RINGEX_SANDBOX_USERS", 2500), "directory size")
	seed := flag.Int64("seed", int64(envInt("RINGEX_SANDBOX_SEED", 1)), "directory seed (same seed, same users)")
	clientID := flag.String("client-id", env("RINGEX_SANDBOX_CLIENT_ID", ""), "app client id (default sandbox-client-id)")
	secret := flag.String("client-secret", env("RINGEX_SANDBOX_CLIENT_SECRET", ""), "app client secret (default sandbox-client-secret)")
	scale := flag.Float64("rate-limit-scale", envFloat("RINGEX_SANDBOX_RATE_LIMIT_SCALE", 1), "rate-limit clock: 1 real RingEX limits, 0.1 ten times faster, 0 off")
	flag.Parse()

	sb := sandbox.New(sandbox.Options{Users: *users, Seed: *seed, ClientID: *clientID, ClientSecret: *secret, RateLimitScale: *scale})
	url, shutdown, err := sb.Start(*addr)
	if err != nil {
		slog.Error("ringex-sandbox: listen", "addr", *addr, "error", err)
		os.Exit(1)
	}
	// Printing the credentials is the point of this command: they are the
	// sandbox's own, valid nowhere else.
	fmt.Printf("RingEX sandbox on %s with %d extensions (seed %d)\n\n", url, *users, *seed)
	fmt.Printf("  Server URL:    %s\n  Client ID:     %s\n  Client secret: %s\n  JWT:           %s\n\n",
		url, sb.ClientID(), sb.ClientSecret(), sb.AppJWT())
	fmt.Printf("Admin: curl %s/sandbox/admin/credentials | /sandbox/admin/users | /sandbox/admin/faults | /sandbox/admin/counters\n", url)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = shutdown(sctx)
}

func env(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func envInt(key string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(key)); err == nil {
		return v
	}
	return def
}

func envFloat(key string, def float64) float64 {
	if v, err := strconv.ParseFloat(os.Getenv(key), 64); err == nil {
		return v
	}
	return def
}
