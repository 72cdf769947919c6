package secret_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/switchboard/switchboard/internal/secret"
)

func Example() {
	dir, _ := os.MkdirTemp("", "switchboard")
	defer os.RemoveAll(dir)

	// Beside the SQLite database; SWITCHBOARD_SECRET_KEY would go through ParseKey instead.
	key, _ := secret.LoadOrCreateKeyFile(filepath.Join(dir, "secret.key"))
	box, _ := secret.NewBox(key)

	sealed, _ := box.Seal("ringex-client-secret")
	plain, _ := box.Open(sealed)
	fmt.Println(sealed[:3], plain)
	// Output: v1: ringex-client-secret
}
