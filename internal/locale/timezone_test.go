package locale

import (
	"testing"
	"time"
)

var (
	summer = time.Date(2025, time.July, 1, 12, 0, 0, 0, time.UTC)
	winter = time.Date(2025, time.January, 15, 12, 0, 0, 0, time.UTC)
)

func TestEveryTimezoneLoads(t *testing.T) {
	for _, name := range canonicalZones {
		if _, err := time.LoadLocation(name); err != nil {
			t.Errorf("LoadLocation(%q): %v", name, err)
		}
	}
	for legacy, name := range legacyZones {
		if _, ok := exactZones[name]; !ok || legacyZones[name] != "" {
			t.Errorf("legacy %q → %q, which is not canonical", legacy, name)
		}
	}
	if got := len(Timezones(summer)); got != len(canonicalZones) {
		t.Errorf("Timezones lists %d zones, want %d", got, len(canonicalZones))
	}
}

func TestTimezonesOffsets(t *testing.T) {
	zones := map[string]Timezone{}
	list := Timezones(summer)
	for i, z := range list {
		zones[z.Name] = z
		if i > 0 && list[i-1].OffsetMinutes > z.OffsetMinutes {
			t.Fatalf("not sorted by offset at %s", z.Name)
		}
	}
	for name, want := range map[string]string{
		"America/Los_Angeles": "-07:00", "UTC": "+00:00", "Europe/Berlin": "+02:00",
		"Asia/Kolkata": "+05:30", "America/St_Johns": "-02:30", "Asia/Kathmandu": "+05:45",
	} {
		if got := zones[name].Offset; got != want {
			t.Errorf("%s offset = %q, want %q", name, got, want)
		}
	}
	if got := zones["America/St_Johns"].OffsetMinutes; got != -150 {
		t.Errorf("St_Johns minutes = %d", got)
	}
}

func TestCanonicalTimezone(t *testing.T) {
	tests := map[string]string{
		"America/New_York": "America/New_York",
		"Europe/Amsterdam": "Europe/Amsterdam", // a zone.tab zone, even if tzdata links it
		"US/Pacific":       "America/Los_Angeles",
		"US/Eastern":       "America/New_York",
		"US/Central":       "America/Chicago",
		"US/Mountain":      "America/Denver",
		"US/Arizona":       "America/Phoenix",
		"US/Alaska":        "America/Anchorage",
		"US/Hawaii":        "Pacific/Honolulu",
		"Europe/Kiev":      "Europe/Kyiv",
		"Asia/Calcutta":    "Asia/Kolkata",
		"Asia/Saigon":      "Asia/Ho_Chi_Minh",
		"GMT":              "UTC",
		"UTC":              "UTC",
		"Etc/UTC":          "UTC",
		"Canada/Eastern":   "America/Toronto",
		"Canada/Pacific":   "America/Vancouver",
		"Australia/ACT":    "Australia/Sydney",
		"Brazil/East":      "America/Sao_Paulo",
		"Mexico/General":   "America/Mexico_City",
		"EST5EDT":          "America/New_York",
		"us/pacific":       "America/Los_Angeles",
		" Europe/Berlin ":  "Europe/Berlin",
		"Etc/GMT+8":        "", // fixed offset, no DST: not pickable
		"Mars/Olympus":     "",
		"Local":            "",
		"":                 "",
	}
	for in, want := range tests {
		got, ok := CanonicalTimezone(in)
		if got != want || ok != (want != "") {
			t.Errorf("CanonicalTimezone(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if !IsValidTimezone("US/Pacific") || !IsValidTimezone("Europe/Kyiv") || IsValidTimezone("us/pacific") || IsValidTimezone("") {
		t.Error("IsValidTimezone: wrong answer for exact/variant spellings")
	}
}

func TestMapTimezone(t *testing.T) {
	const def = "Europe/Paris"
	tests := []struct {
		name, bias string
		now        time.Time
		want       string
		how        Match
	}{
		{"America/Chicago", "-360", summer, "America/Chicago", MatchExact},
		{"US/Pacific", "-480", summer, "America/Los_Angeles", MatchExact},
		{"Asia/Calcutta", "330", winter, "Asia/Kolkata", MatchExact},
		{"GMT", "0", winter, "UTC", MatchExact},
		// Unknown names: the bias (a standard offset) decides, summer or winter.
		{"Pacific Standard Time", "-480", summer, "America/Los_Angeles", MatchNearest},
		{"Pacific Standard Time", "-480", winter, "America/Los_Angeles", MatchNearest},
		{"Eastern", "-300", summer, "America/New_York", MatchNearest},
		{"Somewhere/Unknown", "0", summer, "Europe/London", MatchNearest},
		{"Somewhere/Unknown", "60", winter, "Europe/Berlin", MatchNearest},
		{"Somewhere/Unknown", "+330", summer, "Asia/Kolkata", MatchNearest},
		{"Somewhere/Unknown", " 345 ", summer, "Asia/Kathmandu", MatchNearest},
		{"Somewhere/Unknown", "630", summer, "Australia/Lord_Howe", MatchNearest}, // no preference: by name
		{"", "600", summer, "Australia/Sydney", MatchNearest},
		// Loadable but not listed: its own offset when there is no bias.
		{"Etc/GMT+8", "", summer, "America/Los_Angeles", MatchNearest},
		{"Etc/GMT-1", "", winter, "Europe/Berlin", MatchNearest},
		// Nothing fits.
		{"Somewhere/Unknown", "-720", summer, def, MatchDefault},
		{"Somewhere/Unknown", "7", summer, def, MatchDefault},
		{"Somewhere/Unknown", "", summer, def, MatchDefault},
		{"Somewhere/Unknown", "abc", summer, def, MatchDefault},
		{"", "", summer, def, MatchDefault},
		{"Local", "", summer, def, MatchDefault},
		{"../../etc/passwd", "", summer, def, MatchDefault},
	}
	for _, tt := range tests {
		got, how := MapTimezone(tt.name, tt.bias, def, tt.now)
		if got != tt.want || how != tt.how {
			t.Errorf("MapTimezone(%q, %q) = %q, %s; want %q, %s", tt.name, tt.bias, got, how, tt.want, tt.how)
		}
	}
	if got, how := MapTimezone("nowhere", "", "US/Eastern", summer); got != "America/New_York" || how != MatchDefault {
		t.Errorf("fallback not canonicalized: %q, %s", got, how)
	}
}

func TestPreferredZonesHaveTheirOffset(t *testing.T) {
	locs := loadZones()
	for minutes, name := range preferredZones {
		loc, ok := locs[name]
		if !ok {
			t.Errorf("preferred zone %q is not listed", name)
			continue
		}
		if got := standardOffset(loc, summer); got != minutes {
			t.Errorf("%s standard offset = %d, want %d", name, got, minutes)
		}
	}
}
