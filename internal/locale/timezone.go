package locale

//go:generate go run gen_zones.go

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	// Embedded tzdata: servers and containers without /usr/share/zoneinfo
	// must still load every zone we list.
	_ "time/tzdata"
)

// Timezone is a pickable IANA zone with its UTC offset at a given instant.
type Timezone struct {
	Name          string // canonical IANA name, e.g. "Europe/Berlin"
	Offset        string // current UTC offset, e.g. "+02:00"
	OffsetMinutes int
}

var (
	// lowerZones maps lower-cased canonical and legacy names to the
	// canonical name; IANA names are unique ignoring case.
	lowerZones = map[string]string{}
	exactZones = map[string]string{}
	// loadZones loads every canonical zone once; a failure is a build
	// defect (a name the embedded tzdata lacks) and the test catches it.
	loadZones = sync.OnceValue(func() map[string]*time.Location {
		locs := make(map[string]*time.Location, len(canonicalZones))
		for _, name := range canonicalZones {
			if loc, err := time.LoadLocation(name); err == nil {
				locs[name] = loc
			}
		}
		return locs
	})
)

func init() {
	for _, z := range canonicalZones {
		exactZones[z] = z
		lowerZones[strings.ToLower(z)] = z
	}
	for legacy, z := range legacyZones {
		exactZones[legacy] = z
		lowerZones[strings.ToLower(legacy)] = z
	}
}

// Timezones returns every canonical zone with its offset at now, ordered
// west to east and then by name, which is how a picker reads best.
func Timezones(now time.Time) []Timezone {
	locs := loadZones()
	out := make([]Timezone, 0, len(locs))
	for _, name := range canonicalZones {
		loc, ok := locs[name]
		if !ok {
			continue
		}
		_, secs := now.In(loc).Zone()
		out = append(out, Timezone{Name: name, Offset: formatOffset(secs / 60), OffsetMinutes: secs / 60})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].OffsetMinutes != out[j].OffsetMinutes {
			return out[i].OffsetMinutes < out[j].OffsetMinutes
		}
		return out[i].Name < out[j].Name
	})
	return out
}

func formatOffset(minutes int) string {
	sign := '+'
	if minutes < 0 {
		sign, minutes = '-', -minutes
	}
	return fmt.Sprintf("%c%02d:%02d", sign, minutes/60, minutes%60)
}

// IsValidTimezone reports whether name is a canonical zone or a legacy
// link to one, spelled exactly (both load with time.LoadLocation).
func IsValidTimezone(name string) bool {
	_, ok := exactZones[name]
	return ok
}

// CanonicalTimezone returns the canonical zone for name, resolving legacy
// links (US/Pacific → America/Los_Angeles, Europe/Kiev → Europe/Kyiv,
// GMT → UTC) and case variants. Store the result, not the input.
func CanonicalTimezone(name string) (string, bool) {
	z, ok := lowerZones[strings.ToLower(strings.TrimSpace(name))]
	return z, ok
}

// preferredZones is the representative zone per standard UTC offset: the
// zone most agents with that offset live in, so a guess gets DST right for
// most of them. Offsets not listed fall back to the first zone by name.
var preferredZones = map[int]string{
	-660: "Pacific/Pago_Pago", -600: "Pacific/Honolulu", -540: "America/Anchorage",
	-480: "America/Los_Angeles", -420: "America/Denver", -360: "America/Chicago",
	-300: "America/New_York", -240: "America/Halifax", -210: "America/St_Johns",
	-180: "America/Sao_Paulo", -120: "America/Noronha", -60: "Atlantic/Azores",
	0: "Europe/London", 60: "Europe/Berlin", 120: "Europe/Athens",
	180: "Europe/Moscow", 210: "Asia/Tehran", 240: "Asia/Dubai", 270: "Asia/Kabul",
	300: "Asia/Karachi", 330: "Asia/Kolkata", 345: "Asia/Kathmandu", 360: "Asia/Dhaka",
	390: "Asia/Yangon", 420: "Asia/Bangkok", 480: "Asia/Shanghai", 540: "Asia/Tokyo",
	570: "Australia/Adelaide", 600: "Australia/Sydney", 660: "Pacific/Noumea",
	720: "Pacific/Auckland", 780: "Pacific/Tongatapu", 840: "Pacific/Kiritimati",
}

// MapTimezone maps a RingEX timezone onto a canonical zone. A known name
// (canonical or legacy) is EXACT. Otherwise biasMinutes, RingEX's standard
// UTC offset in minutes as a string ("-480" is UTC−8, Pacific), picks a
// representative zone with that standard offset: NEAREST. When the bias
// is missing but the name is some other loadable zone (Etc/GMT+8), its
// offset is used instead. When nothing fits, fallback: ACCOUNT_DEFAULT.
//
// The bias is compared with each zone's standard offset (the lower of its
// January and July offsets in now's year), not its current offset, so a
// Pacific user imported in summer still lands in America/Los_Angeles.
func MapTimezone(name, biasMinutes, fallback string, now time.Time) (string, Match) {
	if z, ok := CanonicalTimezone(name); ok {
		return z, MatchExact
	}
	if z, ok := CanonicalTimezone(fallback); ok {
		fallback = z
	}
	bias, err := strconv.Atoi(strings.TrimSpace(biasMinutes))
	if err != nil {
		var ok bool
		if bias, ok = offsetOfName(name, now); !ok {
			return fallback, MatchDefault
		}
	}
	if z, ok := zoneForStandardOffset(bias, now); ok {
		return z, MatchNearest
	}
	return fallback, MatchDefault
}

// offsetOfName covers zones outside our list that Go can still load
// (Etc/GMT+8, fixed-offset names). "" and "Local" are refused because
// LoadLocation maps them to UTC and the server's zone.
func offsetOfName(name string, now time.Time) (int, bool) {
	name = strings.TrimSpace(name)
	if name == "" || strings.EqualFold(name, "Local") {
		return 0, false
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return 0, false
	}
	return standardOffset(loc, now), true
}

func zoneForStandardOffset(minutes int, now time.Time) (string, bool) {
	locs := loadZones()
	if z, ok := preferredZones[minutes]; ok {
		// Re-checked because tzdata changes; a stale preference must not
		// produce a wrong offset.
		if loc, ok := locs[z]; ok && standardOffset(loc, now) == minutes {
			return z, true
		}
	}
	for _, z := range canonicalZones { // sorted by name: a stable choice
		if loc, ok := locs[z]; ok && standardOffset(loc, now) == minutes {
			return z, true
		}
	}
	return "", false
}

// standardOffset is the zone's non-DST offset in minutes around now: the
// smaller of mid-January and mid-July, which is right in both hemispheres.
func standardOffset(loc *time.Location, now time.Time) int {
	y := now.Year()
	_, jan := time.Date(y, time.January, 15, 12, 0, 0, 0, time.UTC).In(loc).Zone()
	_, jul := time.Date(y, time.July, 15, 12, 0, 0, 0, time.UTC).In(loc).Zone()
	return min(jan, jul) / 60
}
