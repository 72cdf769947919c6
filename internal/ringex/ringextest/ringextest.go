// Package ringextest runs the RingEX sandbox over real HTTP for tests, so
// the ringex, importer and graph tests share one way to stand it up.
package ringextest

import (
	"net/http/httptest"
	"testing"

	"github.com/switchboard/switchboard/internal/ringex"
	"github.com/switchboard/switchboard/internal/ringex/sandbox"
)

// WaitScale compresses every wait of a test client (Retry-After, back-off):
// a 30 s Retry-After lasts 30 ms.
const WaitScale = 0.001

// Serve starts a sandbox with opts behind a real HTTP server that closes
// when the test ends, and returns it with the server's URL.
func Serve(t testing.TB, opts sandbox.Options) (*sandbox.Sandbox, string) {
	t.Helper()
	sb := sandbox.New(opts)
	srv := httptest.NewServer(sb.Handler())
	t.Cleanup(srv.Close)
	return sb, srv.URL
}

// Config is a client configuration linked to sb at url, with waits
// compressed by WaitScale.
func Config(sb *sandbox.Sandbox, url string) ringex.Config {
	return ringex.Config{ServerURL: url, ClientID: sb.ClientID(), ClientSecret: sb.ClientSecret(),
		JWT: sb.AppJWT(), WaitScale: WaitScale}
}
