package sandbox

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// User is one extension of the sandbox directory, flattened. The HTTP
// handlers turn it into RingEX's JSON shapes.
type User struct {
	ID              int64  `json:"id"`
	ExtensionNumber string `json:"extensionNumber"` // empty for Unassigned, as in RingEX
	Type            string `json:"type"`            // User, Department, IvrMenu, ...
	Status          string `json:"status"`          // Enabled, Disabled, Frozen, NotActivated, Unassigned
	Hidden          bool   `json:"hidden"`
	FirstName       string `json:"firstName"`
	LastName        string `json:"lastName"`
	Email           string `json:"email"`
	JobTitle        string `json:"jobTitle,omitempty"`
	Timezone        string `json:"timezone"`    // a Name from Timezones()
	Language        string `json:"language"`    // a LocaleCode from Languages()
	HomeCountry     string `json:"homeCountry"` // ISO code
}

// Name is the display name RingEX puts in the extension's "name".
func (u User) Name() string { return strings.TrimSpace(u.FirstName + " " + u.LastName) }

// ErrNotFound is returned by admin operations on an unknown extension id.
var ErrNotFound = errors.New("sandbox: extension not found")

const (
	firstID     = int64(62_000_000_004)
	idStride    = 1000
	firstExtNum = 1001
	emailDomain = "sandbox.example.com"
)

var countryNames = map[string]string{}

func init() {
	for _, c := range cultures {
		countryNames[c.country[0]] = c.country[1]
	}
}

type record struct {
	User
	search string // lower-cased haystack for directory search
}

func newRecord(u User) *record {
	r := &record{User: u}
	r.search = strings.ToLower(u.FirstName + "\x00" + u.LastName + "\x00" + u.Email + "\x00" + u.ExtensionNumber)
	return r
}

// directory is the sandbox's account; ordered by id like RingEX's list.
type directory struct {
	mu      sync.RWMutex
	users   []*record
	byID    map[int64]*record
	emails  map[string]int // email base → times used, keeps emails unique
	nextID  int64
	nextExt int
	version uint64 // bumped on each change, for change-aware callers
}

func generate(n int, seed int64) *directory {
	d := &directory{
		users:   make([]*record, 0, n),
		byID:    make(map[int64]*record, n),
		emails:  make(map[string]int, n),
		nextID:  firstID,
		nextExt: firstExtNum,
	}
	rng := rand.New(rand.NewPCG(uint64(seed), 0x5eed_1e55))
	total := 0
	for _, c := range cultures {
		total += c.weight
	}
	for i := range n {
		u := d.randomUser(rng, total)
		showcase(i, &u)
		d.insert(u)
	}
	return d
}

func (d *directory) randomUser(rng *rand.Rand, total int) User {
	pick := rng.IntN(total)
	c := &cultures[0]
	for k := range cultures {
		if pick < cultures[k].weight {
			c = &cultures[k]
			break
		}
		pick -= cultures[k].weight
	}
	first, firstASCII, _ := strings.Cut(c.first[rng.IntN(len(c.first))], "|")
	last, lastASCII, _ := strings.Cut(c.last[rng.IntN(len(c.last))], "|")
	u := User{
		Type: "User", FirstName: first, LastName: last,
		Email:       firstASCII + "." + lastASCII,
		Language:    c.langs[rng.IntN(len(c.langs))],
		Timezone:    c.zones[rng.IntN(len(c.zones))],
		HomeCountry: c.country[0],
		Status:      "Enabled",
	}
	// Some people work elsewhere than their name suggests.
	if rng.IntN(10) == 0 {
		u.Timezone = timezones[rng.IntN(len(timezones))].Name
	}
	s := rng.IntN(100)
	for _, w := range statusWeights {
		if s < w.weight {
			u.Status = w.status
			break
		}
		s -= w.weight
	}
	if rng.IntN(100) < 3 {
		o := otherExtensions[rng.IntN(len(otherExtensions))]
		u.Type, u.FirstName, u.LastName = o.typ, o.name, ""
		u.Email = strings.ReplaceAll(strings.ToLower(o.name), " ", "-")
	}
	u.Hidden = rng.IntN(100) < 2
	return u
}

// showcase pins a few early positions so that even a small directory has
// every case tests care about: "mar" matches, all statuses, non-User types,
// hidden users and the awkward timezones.
func showcase(i int, u *User) {
	if i < 17 { // the pinned users are otherwise plain, visible, enabled users
		u.Type, u.Status, u.Hidden = "User", "Enabled", false
		if u.LastName == "" {
			u.LastName, u.Email = "Rivera", "x.rivera"
		}
	}
	switch i {
	case 0: // owner of the app JWT
		u.FirstName, u.LastName, u.Email = "Alex", "Morgan", "alex.morgan"
		u.Language, u.Timezone, u.HomeCountry = "en-US", "US/Pacific", "US"
	case 1, 2, 3, 4, 5:
		names := [...][2]string{{"Maria", "maria"}, {"Marc", "marc"}, {"Martin", "martin"}, {"Marek", "marek"}, {"Marta", "marta"}}
		u.FirstName = names[i-1][0]
		u.Email = names[i-1][1] + "." + strings.SplitN(u.Email, ".", 2)[1]
	case 6:
		u.Status = "Disabled"
	case 7:
		u.Status = "Frozen"
	case 8:
		u.Status = "NotActivated"
	case 9:
		u.Status = "Unassigned"
	case 10:
		u.Type, u.FirstName, u.LastName, u.Email = "Department", "Sales Queue", "", "sales-queue"
	case 11:
		u.Type, u.FirstName, u.LastName, u.Email = "IvrMenu", "Main Menu", "", "main-menu"
	case 12:
		u.Hidden = true
	case 13:
		u.Timezone = "Mid-Atlantic"
	case 14:
		u.Timezone = "E. Europe"
	case 15:
		u.Timezone = "Europe/Kiev"
	case 16:
		u.Timezone = "US/Eastern"
	}
}

// insert assigns id, extension number and a unique email; u.Email holds the
// local part (or a full address from an admin call).
func (d *directory) insert(u User) *record {
	if u.ID == 0 {
		u.ID = d.nextID
		d.nextID += idStride
	}
	if u.Status == "Unassigned" {
		u.ExtensionNumber = ""
	} else if u.ExtensionNumber == "" {
		u.ExtensionNumber = strconv.Itoa(d.nextExt)
		d.nextExt++
	}
	if !strings.Contains(u.Email, "@") {
		u.Email = d.uniqueEmail(u.Email)
	}
	r := newRecord(u)
	d.users = append(d.users, r)
	d.byID[u.ID] = r
	d.version++
	return r
}

// Local parts never contain digits, so base+N cannot collide with a base.
func (d *directory) uniqueEmail(local string) string {
	n := d.emails[local]
	d.emails[local] = n + 1
	if n == 0 {
		return local + "@" + emailDomain
	}
	return local + strconv.Itoa(n+1) + "@" + emailDomain
}

func (d *directory) get(id int64) (User, bool) {
	d.mu.RLock()
	defer d.mu.RUnlock()
	r, ok := d.byID[id]
	if !ok {
		return User{}, false
	}
	return r.User, true
}

func (d *directory) snapshot() []User {
	d.mu.RLock()
	defer d.mu.RUnlock()
	out := make([]User, len(d.users))
	for i, r := range d.users {
		out[i] = r.User
	}
	return out
}

func validateUser(u User) error {
	if u.Timezone != "" {
		if _, ok := timezoneByName[u.Timezone]; !ok {
			return fmt.Errorf("sandbox: unknown timezone %q (see Timezones())", u.Timezone)
		}
	}
	if u.Language != "" {
		if _, ok := languageByCode[u.Language]; !ok {
			return fmt.Errorf("sandbox: unknown language %q (see Languages())", u.Language)
		}
	}
	if u.Status != "" && !slices.ContainsFunc(statusWeights, func(w struct {
		status string
		weight int
	}) bool {
		return w.status == u.Status
	}) {
		return fmt.Errorf("sandbox: unknown status %q", u.Status)
	}
	return nil
}
