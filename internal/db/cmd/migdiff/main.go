// Command migdiff generates the versioned migrations of both dialects from
// ent/schema. Run it through scripts/migrations.sh.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/switchboard/switchboard/internal/db"
)

func main() {
	name := db.InitMigration
	if len(os.Args) > 1 {
		name = os.Args[1]
	}
	if name == "--rehash" { // after adding or editing a hand-written file
		if err := db.RehashAll(db.MigrationsFolder); err != nil {
			fmt.Fprintln(os.Stderr, "migdiff:", err)
			os.Exit(1)
		}
		return
	}
	err := db.GenerateAll(context.Background(), db.MigrationsFolder, name, func(s string) { fmt.Println(s) })
	if err != nil {
		fmt.Fprintln(os.Stderr, "migdiff:", err)
		os.Exit(1)
	}
}
