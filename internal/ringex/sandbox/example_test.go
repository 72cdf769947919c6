package sandbox_test

import (
	"context"
	"fmt"
	"net/http"

	"github.com/switchboard/switchboard/internal/ringex/sandbox"
)

// Start a sandbox in-process, as a dev server or another package's test would.
func ExampleSandbox_Start() {
	sb := sandbox.New(sandbox.Options{Users: 500, Seed: 42})
	baseURL, shutdown, err := sb.Start("127.0.0.1:0")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer shutdown(context.Background())

	// Give the client baseURL, sb.ClientID(), sb.ClientSecret() and sb.AppJWT().
	resp, err := http.Get(baseURL + "/sandbox/admin/credentials")
	if err != nil {
		fmt.Println(err)
		return
	}
	resp.Body.Close()
	fmt.Println(resp.StatusCode, len(sb.Users()))
	// Output: 200 500
}

// Admin changes show up in the next list, which is how re-sync is demonstrated.
func ExampleSandbox_AddUser() {
	sb := sandbox.New(sandbox.Options{Users: 10})
	u, err := sb.AddUser(sandbox.User{FirstName: "Søren", LastName: "Kierkegaard", Language: "en-GB", Timezone: "Europe/Copenhagen"})
	fmt.Println(err, u.Email, u.Status)
	_, err = sb.SetStatus(u.ID, "Disabled")
	fmt.Println(err, sb.RemoveUser(u.ID), len(sb.Users()))
	// Output:
	// <nil> soeren.kierkegaard@sandbox.example.com Enabled
	// <nil> <nil> 10
}
