package ringex_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/switchboard/switchboard/internal/ringex"
	"github.com/switchboard/switchboard/internal/ringex/sandbox"
)

func TestListUsersFollowsNextPageToTheEnd(t *testing.T) {
	sb, c := newEnv(t, sandbox.Options{Users: 2500, Seed: 1}, nil)
	var got []ringex.Extension
	st, err := c.ListUsers(context.Background(), func(page []ringex.Extension) error {
		got = append(got, page...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	statuses := map[string]bool{}
	for _, u := range sb.Users() {
		if u.Type == "User" {
			want++
		}
	}
	for _, e := range got {
		statuses[e.Status] = true
		if e.Type != ringex.TypeUser || e.RegionalSettings != nil {
			t.Fatalf("unexpected record %+v", e)
		}
	}
	if len(got) != want || st.Records != want {
		t.Fatalf("got %d users (stats %d), want %d", len(got), st.Records, want)
	}
	if st.Requests != 3 || st.Pages != 3 || sb.Counters().Requests[sandbox.EndpointList] != 3 {
		t.Fatalf("stats %+v, sandbox %+v: want 3 list requests", st, sb.Counters())
	}
	if len(statuses) != 5 {
		t.Fatalf("list must not filter statuses, saw %v", statuses)
	}
}

func TestListUsersStopsOnCallbackError(t *testing.T) {
	_, c := newEnv(t, sandbox.Options{Users: 2500}, nil)
	stop := errors.New("stop")
	st, err := c.ListUsers(context.Background(), func([]ringex.Extension) error { return stop })
	if !errors.Is(err, stop) || st.Pages != 1 {
		t.Fatalf("err %v stats %+v", err, st)
	}
}

func TestListUsersPage(t *testing.T) {
	_, c := newEnv(t, sandbox.Options{Users: 250}, nil)
	p, err := c.ListUsersPage(context.Background(), 2, 100)
	if err != nil {
		t.Fatal(err)
	}
	if p.Paging.Page != 2 || *p.Paging.PageStart != 100 || p.Navigation.NextPage == nil || p.Navigation.PreviousPage == nil {
		t.Fatalf("paging %+v navigation %+v", p.Paging, p.Navigation)
	}
	if _, err := c.ListUsersPage(context.Background(), 1, 1001); ringex.KindOf(err) != ringex.KindBadRequest {
		t.Fatalf("perPage 1001: %v", err)
	}
}

func TestGetUserHasRegionalSettings(t *testing.T) {
	sb, c := newEnv(t, sandbox.Options{}, nil)
	e, err := c.GetUser(context.Background(), sb.OwnerID())
	if err != nil {
		t.Fatal(err)
	}
	rs := e.RegionalSettings
	if rs == nil || rs.Timezone.Name != "US/Pacific" || rs.Timezone.Bias != "-480" || rs.Language.LocaleCode != "en-US" || rs.HomeCountry.IsoCode != "US" {
		t.Fatalf("regional settings %+v", rs)
	}
	_, err = c.GetUser(context.Background(), 42)
	if e := wantKind(t, err, ringex.KindNotFound); e.Code != "CMN-102" || e.Status != 404 {
		t.Fatalf("%+v", e)
	}
}

func TestTokenSharedBetweenGoroutines(t *testing.T) {
	sb, c := newEnv(t, sandbox.Options{}, nil)
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			if _, err := c.GetUser(context.Background(), sb.OwnerID()); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if n := sb.Counters().Requests[sandbox.EndpointToken]; n != 1 {
		t.Fatalf("%d token requests, want 1", n)
	}
}

func TestTokenRefreshedAheadOfExpiry(t *testing.T) {
	sb, c := newEnv(t, sandbox.Options{TokenTTL: time.Second}, nil)
	ctx := context.Background()
	if _, err := c.GetUser(ctx, sb.OwnerID()); err != nil {
		t.Fatal(err)
	}
	time.Sleep(950 * time.Millisecond) // past the refresh point (90% of the lifetime)
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() {
			if _, err := c.GetUser(ctx, sb.OwnerID()); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	// One JWT grant, then one refresh in flight for all ten goroutines; the
	// single-use refresh token would fail a second one.
	if n := sb.Counters().Requests[sandbox.EndpointToken]; n != 2 {
		t.Fatalf("%d token requests, want 2", n)
	}
}

func TestExpiredTokenIsRefreshedOnceAndRetried(t *testing.T) {
	sb, c := newEnv(t, sandbox.Options{}, nil)
	ctx := context.Background()
	if _, err := c.Authenticate(ctx); err != nil {
		t.Fatal(err)
	}
	sb.ExpireTokens()
	if _, err := c.GetUser(ctx, sb.OwnerID()); err != nil {
		t.Fatal(err)
	}
	c2 := sb.Counters()
	if c2.Requests[sandbox.EndpointToken] != 2 || c2.Requests[sandbox.EndpointGet] != 2 {
		t.Fatalf("counters %+v", c2)
	}
	// A failed refresh falls back to the JWT.
	sb.ExpireTokens()
	sb.RevokeRefreshTokens()
	if _, err := c.GetUser(ctx, sb.OwnerID()); err != nil {
		t.Fatal(err)
	}
	if n := sb.Counters().Requests[sandbox.EndpointToken]; n != 4 {
		t.Fatalf("%d token requests, want 4 (grant, refresh, failed refresh, grant)", n)
	}
}

func TestBadCredentialsAreAuthFailed(t *testing.T) {
	for name, edit := range map[string]func(*ringex.Config){
		"secret": func(c *ringex.Config) { c.ClientSecret = "wrong" },
		"jwt":    func(c *ringex.Config) { c.JWT = c.JWT[:len(c.JWT)-4] + "AAAA" },
		"empty":  func(c *ringex.Config) { c.JWT = "" },
	} {
		t.Run(name, func(t *testing.T) {
			_, c := newEnv(t, sandbox.Options{}, edit)
			_, err := c.Authenticate(context.Background())
			e := wantKind(t, err, ringex.KindAuthFailed)
			if !strings.HasPrefix(e.Code, "OAU-") || strings.Contains(err.Error(), "AAAA") {
				t.Fatalf("%+v", e)
			}
			_, err = c.GetUser(context.Background(), 1)
			wantKind(t, err, ringex.KindAuthFailed)
		})
	}
}

func TestTokenDoesNotPrintSecrets(t *testing.T) {
	_, c := newEnv(t, sandbox.Options{}, nil)
	tok, err := c.Authenticate(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if s := tok.String(); strings.Contains(s, tok.AccessToken) || strings.Contains(s, tok.RefreshToken) {
		t.Fatalf("token printed: %s", s)
	}
	if tok.ExpiresIn != 3600 || tok.OwnerID == "" || time.Until(tok.ExpiresAt) < 59*time.Minute {
		t.Fatalf("%+v", tok)
	}
}

func TestCurrentUserWithUserToken(t *testing.T) {
	sb, c := newEnv(t, sandbox.Options{}, nil)
	agent := sb.Users()[3]
	tok, err := sb.UserToken(agent.ID)
	if err != nil {
		t.Fatal(err)
	}
	e, err := c.CurrentUser(context.Background(), tok)
	if err != nil {
		t.Fatal(err)
	}
	if e.ID != agent.ID || e.Contact.Email != agent.Email || e.RegionalSettings == nil {
		t.Fatalf("got %+v, want %+v", e, agent)
	}
	if sb.Counters().Requests[sandbox.EndpointToken] != 0 {
		t.Fatal("CurrentUser must not use the app token")
	}
	_, err = c.CurrentUser(context.Background(), "forged")
	wantKind(t, err, ringex.KindAuthFailed)
	sb.ExpireTokens()
	_, err = c.CurrentUser(context.Background(), tok)
	if e := wantKind(t, err, ringex.KindTokenExpired); e.Code != "OAU-128" {
		t.Fatalf("%+v", e)
	}
}

func TestSearchDirectory(t *testing.T) {
	sb, c := newEnv(t, sandbox.Options{Users: 2500, Seed: 3}, nil)
	p, err := c.SearchDirectory(context.Background(), "mar", 1, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Records) < 5 || p.Paging.TotalElements == nil || *p.Paging.TotalElements != len(p.Records) {
		t.Fatalf("%d records, paging %+v", len(p.Records), p.Paging)
	}
	hidden := map[string]bool{}
	for _, u := range sb.Users() {
		if u.Hidden {
			hidden[strings.ToLower(u.Email)] = true
		}
	}
	for _, r := range p.Records {
		hay := strings.ToLower(r.FirstName + " " + r.LastName + " " + r.Email)
		if !strings.Contains(hay, "mar") || hidden[strings.ToLower(r.Email)] || r.ID == "" {
			t.Fatalf("unexpected hit %+v", r)
		}
	}
}
