package password_test

import (
	"fmt"

	"github.com/switchboard/switchboard/internal/password"
)

func Example() {
	defer password.SetTestParams()() // fast hashing for the example only

	encoded, _ := password.Hash("correct horse battery staple")
	ok, _ := password.Verify("correct horse battery staple", encoded)
	fmt.Println(ok, password.NeedsRehash(encoded))
	fmt.Println(password.Validate("short"))
	// Output:
	// true false
	// Use at least 10 characters.
}
