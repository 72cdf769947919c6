package ringex_test

import (
	"context"
	"fmt"
	"net/http/httptest"

	"github.com/switchboard/switchboard/internal/ringex"
	"github.com/switchboard/switchboard/internal/ringex/sandbox"
)

// Link an account: check the credentials, then walk the whole directory.
func Example() {
	sb := sandbox.New(sandbox.Options{Users: 2500, Seed: 1})
	srv := httptest.NewServer(sb.Handler())
	defer srv.Close()

	c := ringex.New(ringex.Config{ServerURL: srv.URL, ClientID: sb.ClientID(), ClientSecret: sb.ClientSecret(), JWT: sb.AppJWT()})
	ctx := context.Background()
	if _, err := c.Authenticate(ctx); err != nil {
		fmt.Println("credentials rejected:", ringex.IsAuthFailed(err))
		return
	}
	users := 0
	stats, err := c.ListUsers(ctx, func(page []ringex.Extension) error {
		users += len(page)
		return nil
	})
	fmt.Println(err, stats.Requests, users > 2000)
	// Output: <nil> 3 true
}

// Regional settings come only from the one-user call.
func ExampleClient_GetUser() {
	sb := sandbox.New(sandbox.Options{Users: 10})
	srv := httptest.NewServer(sb.Handler())
	defer srv.Close()
	c := ringex.New(ringex.Config{ServerURL: srv.URL, ClientID: sb.ClientID(), ClientSecret: sb.ClientSecret(), JWT: sb.AppJWT()})

	u, err := c.GetUser(context.Background(), sb.OwnerID())
	if err != nil {
		fmt.Println(err)
		return
	}
	rs := u.RegionalSettings
	fmt.Println(u.Contact.FirstName, rs.Timezone.Name, rs.Timezone.Bias, rs.Language.LocaleCode)
	// Output: Alex US/Pacific -480 en-US
}

// An agent signs in with their own RingEX token; CurrentUser says who it is.
func ExampleClient_CurrentUser() {
	sb := sandbox.New(sandbox.Options{Users: 10})
	srv := httptest.NewServer(sb.Handler())
	defer srv.Close()
	c := ringex.New(ringex.Config{ServerURL: srv.URL, ClientID: sb.ClientID(), ClientSecret: sb.ClientSecret(), JWT: sb.AppJWT()})

	agent := sb.Users()[1]
	userToken, _ := sb.UserToken(agent.ID)
	me, err := c.CurrentUser(context.Background(), userToken)
	fmt.Println(err, me.ID == agent.ID, me.Contact.FirstName)

	_, err = c.CurrentUser(context.Background(), "not-a-token")
	fmt.Println(ringex.IsAuthFailed(err))
	// Output:
	// <nil> true Maria
	// true
}

func ExampleClient_SearchDirectory() {
	sb := sandbox.New(sandbox.Options{Users: 10})
	srv := httptest.NewServer(sb.Handler())
	defer srv.Close()
	c := ringex.New(ringex.Config{ServerURL: srv.URL, ClientID: sb.ClientID(), ClientSecret: sb.ClientSecret(), JWT: sb.AppJWT()})

	page, err := c.SearchDirectory(context.Background(), "mar", 1, 100)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(page.Records) >= 5)
	// Output: true
}
