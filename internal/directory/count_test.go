package directory

import (
	"testing"

	"github.com/switchboard/switchboard/ent/ringexuser"
)

// Two searches share a cached count exactly when MatchPredicate builds the
// same WHERE clause for them.
func TestCountKeyOf(t *testing.T) {
	yes, no := true, false
	base := countKeyOf(1, "mar", nil)
	for _, tc := range []struct {
		name   string
		key    countKey
		shared bool
	}{
		{"case and spaces", countKeyOf(1, "  MAR ", nil), true},
		{"empty filter", countKeyOf(1, "mar", &Filter{}), false}, // same rows, own entry: harmless
		{"other account", countKeyOf(2, "mar", nil), false},
		{"other search", countKeyOf(1, "mark", nil), false},
		{"two terms", countKeyOf(1, "ma r", nil), false},
		{"filter-like search", countKeyOf(1, "mar|false|[]", nil), false},
		{"imported", countKeyOf(1, "mar", &Filter{Imported: &yes}), false},
		{"not imported", countKeyOf(1, "mar", &Filter{Imported: &no}), false},
		{"statuses", countKeyOf(1, "mar", &Filter{Statuses: []ringexuser.Status{ringexuser.StatusEnabled}}), false},
		{"removed", countKeyOf(1, "mar", &Filter{IncludeRemoved: true}), false},
	} {
		if got := tc.key == base; got != tc.shared {
			t.Errorf("%s: shared %v, want %v", tc.name, got, tc.shared)
		}
	}
	if countKeyOf(1, "mar", &Filter{Imported: &yes}) == countKeyOf(1, "mar", &Filter{Imported: &no}) {
		t.Error("imported true and false share a count")
	}
	if countKeyOf(1, "mar|false|[]", nil) == countKeyOf(1, "mar", &Filter{}) {
		t.Error("a search spelling out a filter shares the count of that filter")
	}
}
