// Package server assembles the HTTP surface: /graphql (queries, mutations,
// graphql-ws subscriptions), the offline playground, health checks and the
// built console with client-side routing.
package server

import (
	"context"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"entgo.io/contrib/entgql"
	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/rs/cors"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/switchboard/switchboard/ent"
)

// Config is what the HTTP surface needs to know.
type Config struct {
	// Production turns off introspection and the playground unless enabled.
	Production    bool
	Introspection bool
	Playground    bool
	// CORSOrigins are the origins allowed to call the API from a browser.
	CORSOrigins []string
	// ConsoleDir holds the built console (frontend/dist); served when present.
	ConsoleDir string
	// MaxBodyBytes limits a request body; RequestTimeout limits a request.
	MaxBodyBytes   int64
	RequestTimeout time.Duration
	Logger         *slog.Logger
	// Ready reports whether dependencies (the database) answer.
	Ready func(context.Context) error
	// Middleware wraps /graphql: authentication (viewer in context), CSRF.
	Middleware func(http.Handler) http.Handler
	// Extensions are added to the GraphQL handler (limits, audit, ...).
	Extensions []graphql.HandlerExtension
	// ErrorPresenter classifies errors.
	ErrorPresenter graphql.ErrorPresenterFunc
}

// GraphQL builds the GraphQL handler: transports, caches, a transaction per
// mutation.
func GraphQL(cfg Config, schema graphql.ExecutableSchema, client *ent.Client) *handler.Server {
	srv := handler.New(schema)
	srv.AddTransport(transport.Websocket{
		// The default implementation accepts same-origin upgrades only, which
		// is what the console (served by this binary) needs.
		KeepAlivePingInterval: 10 * time.Second,
	})
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	if !cfg.Production || cfg.Introspection {
		srv.Use(extension.Introspection{})
	}
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](100)})
	srv.Use(entgql.Transactioner{TxOpener: client})
	for _, e := range cfg.Extensions {
		srv.Use(e)
	}
	if cfg.ErrorPresenter != nil {
		srv.SetErrorPresenter(cfg.ErrorPresenter)
	}
	srv.SetRecoverFunc(func(ctx context.Context, v any) error {
		cfg.Logger.ErrorContext(ctx, "resolver panic", "panic", v)
		return &panicError{}
	})
	return srv
}

type panicError struct{}

func (*panicError) Error() string { return "internal error" }

// New builds the whole HTTP handler.
func New(cfg Config, gql http.Handler) http.Handler {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.MaxBodyBytes == 0 {
		cfg.MaxBodyBytes = 1 << 20
	}
	mux := http.NewServeMux()
	var api http.Handler = gql
	if cfg.Middleware != nil {
		api = cfg.Middleware(api)
	}
	api = limitBody(cfg.MaxBodyBytes, api)
	if cfg.RequestTimeout > 0 {
		api = withTimeout(cfg.RequestTimeout, api)
	}
	mux.Handle("/graphql", api)
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		_, _ = w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("/readyz", func(w http.ResponseWriter, r *http.Request) {
		if cfg.Ready != nil {
			if err := cfg.Ready(r.Context()); err != nil {
				http.Error(w, "database unavailable", http.StatusServiceUnavailable)
				return
			}
		}
		w.Header().Set("Content-Type", "text/plain")
		_, _ = w.Write([]byte("ready\n"))
	})
	if !cfg.Production || cfg.Playground {
		mux.HandleFunc("/playground", func(w http.ResponseWriter, r *http.Request) {
			serveFile(w, r, cfg.ConsoleDir, "playground.html", "The playground is part of the console build: run `make build` (or `make run`).")
		})
	}
	mux.Handle("/", console(cfg.ConsoleDir))
	var h http.Handler = mux
	if len(cfg.CORSOrigins) > 0 {
		h = cors.New(cors.Options{
			AllowedOrigins:   cfg.CORSOrigins,
			AllowedMethods:   []string{http.MethodGet, http.MethodPost, http.MethodOptions},
			AllowedHeaders:   []string{"Content-Type", "Authorization", "X-Switchboard-CSRF"},
			AllowCredentials: true,
			MaxAge:           600,
		}).Handler(h)
	}
	return logRequests(cfg.Logger, h)
}

// console serves the single-page app: files when they exist, index.html for
// every other path so deep links reload.
func console(dir string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if dir == "" {
			http.NotFound(w, r)
			return
		}
		clean := filepath.Clean("/" + r.URL.Path)
		if clean != "/" {
			p := filepath.Join(dir, clean)
			if st, err := os.Stat(p); err == nil && !st.IsDir() {
				if strings.HasPrefix(clean, "/assets/") {
					w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
				}
				http.ServeFile(w, r, p)
				return
			}
			if strings.HasPrefix(clean, "/assets/") {
				http.NotFound(w, r)
				return
			}
		}
		serveFile(w, r, dir, "index.html", "The console is not built: run `make build` (or `make run`). The API is at /graphql.")
	})
}

func serveFile(w http.ResponseWriter, r *http.Request, dir, name, missing string) {
	p := filepath.Join(dir, name)
	if _, err := os.Stat(p); dir == "" || err != nil {
		http.Error(w, missing, http.StatusNotFound)
		return
	}
	w.Header().Set("Cache-Control", "no-cache")
	http.ServeFile(w, r, p)
}

func limitBody(n int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > n {
			http.Error(w, `{"errors":[{"message":"request body too large","extensions":{"code":"BAD_USER_INPUT"}}]}`, http.StatusRequestEntityTooLarge)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, n)
		next.ServeHTTP(w, r)
	})
}

// withTimeout bounds a request's work; WebSocket subscriptions live longer.
func withTimeout(d time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.EqualFold(r.Header.Get("Upgrade"), "websocket") {
			next.ServeHTTP(w, r)
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), d)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}
