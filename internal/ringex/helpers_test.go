package ringex_test

import (
	"errors"
	"testing"

	"github.com/switchboard/switchboard/internal/ringex"
	"github.com/switchboard/switchboard/internal/ringex/ringextest"
	"github.com/switchboard/switchboard/internal/ringex/sandbox"
)

// newEnv starts a sandbox behind a real HTTP server and a client linked to it.
func newEnv(t *testing.T, opts sandbox.Options, edit func(*ringex.Config)) (*sandbox.Sandbox, *ringex.Client) {
	t.Helper()
	if opts.Users == 0 {
		opts.Users = 100
	}
	sb, url := ringextest.Serve(t, opts)
	cfg := ringextest.Config(sb, url)
	if edit != nil {
		edit(&cfg)
	}
	return sb, ringex.New(cfg)
}

func wantKind(t *testing.T, err error, kind ringex.Kind) *ringex.Error {
	t.Helper()
	if err == nil {
		t.Fatalf("want a %v error, got nil", kind)
	}
	if got := ringex.KindOf(err); got != kind {
		t.Fatalf("want kind %v, got %v (%v)", kind, got, err)
	}
	var e *ringex.Error
	_ = errors.As(err, &e)
	return e
}
