package importer

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/ringexregional"
	"github.com/switchboard/switchboard/internal/locale"
	"github.com/switchboard/switchboard/internal/ringex"
)

// Outcome is what importing one user would do (preview).
type Outcome string

const (
	OutcomeImport          Outcome = "IMPORT"
	OutcomeAlreadyImported Outcome = "ALREADY_IMPORTED"
	OutcomeFail            Outcome = "FAIL"
)

// Codes of failed users, in previews and results.
const (
	CodeUsernameTaken = "USERNAME_TAKEN"
	CodeNoEmail       = "NO_EMAIL"
	CodeMissingName   = "MISSING_NAME"
	CodeDisabled      = "RINGEX_USER_DISABLED"
	CodeRemoved       = "RINGEX_USER_REMOVED"
	CodeUnavailable   = "RINGEX_UNAVAILABLE"
	CodeAuthFailed    = "RINGEX_AUTH_FAILED"
	CodeNotLinked     = "RINGEX_NOT_LINKED"
	CodeCancelled     = "CANCELLED"
	CodeRoleDeleted   = "ROLE_DELETED"
	CodeCreateFailed  = "CREATE_FAILED"
)

// MatchAtImport says regional settings are not known yet (the mirror has
// not read them): the import decides.
const MatchAtImport locale.Match = "AT_IMPORT"

// Agent field limits (ent/schema/agent.go); checked here so that one user's
// data can never fail a whole batch.
const (
	maxNameLen  = 100 // bytes, as ent's MaxLen counts
	maxEmailLen = 254
)

// person is what planning needs to know about one RingEX user: from the
// mirror for a preview, fresh from RingEX during the import.
type person struct {
	RingExID  int64
	FirstName string
	LastName  string
	Email     string
	Status    string
	Removed   bool
	// Regional is nil while the regional settings are unknown.
	Regional *regional
}

type regional struct {
	TimezoneName, TimezoneBias, LocaleCode string
}

// personOf is a mirrored user with the regional settings known for it
// (rg nil: not known).
func personOf(u *ent.RingExUser, rg *ent.RingExRegional) person {
	p := person{RingExID: u.RingexID, FirstName: u.FirstName, LastName: u.LastName,
		Email: u.Email, Status: string(u.Status), Removed: u.Removed}
	if rg != nil {
		p.Regional = &regional{rg.TimezoneName, rg.TimezoneBias, rg.LocaleCode}
	}
	return p
}

// Regionals maps RingEX ids of the account's users ids to the regional
// settings imports read for them, under the viewer's privacy rules.
func (s *Service) Regionals(ctx context.Context, accountID int, ids []int64) (map[int64]*ent.RingExRegional, error) {
	return regionalsOf(ctx, s.client(ctx), accountID, ids)
}

// regionalsOf loads the regional settings known for the account's users
// ids, by RingEX id.
func regionalsOf(ctx context.Context, c *ent.Client, accountID int, ids []int64) (map[int64]*ent.RingExRegional, error) {
	list, err := c.RingExRegional.Query().
		Where(ringexregional.AccountID(accountID), ringexregional.RingexIDIn(ids...)).All(ctx)
	m := make(map[int64]*ent.RingExRegional, len(list))
	for _, x := range list {
		m[x.RingexID] = x
	}
	return m, err
}

// Plan is what importing one user does.
type Plan struct {
	RingExID      int64
	FirstName     string
	LastName      string
	Email         string
	Username      string
	Timezone      string
	TimezoneMatch locale.Match
	Language      string
	LanguageMatch locale.Match
	Outcome       Outcome
	Code          string
	Reason        string
	// Existing is the agent already linked to the user (ALREADY_IMPORTED).
	Existing *ent.Agent
}

// Name is the display name used in results.
func (p Plan) Name() string { return strings.TrimSpace(p.FirstName + " " + p.LastName) }

// planner decides outcomes against what the database holds. It remembers
// the usernames it hands out, so two selected users with one login cannot
// both be planned for import.
type planner struct {
	accountID   int
	byRingEx    map[int64]*ent.Agent  // agents of the account linked to a RingEX user
	byUsername  map[string]*ent.Agent // agents of any account holding a username
	claimed     map[string]int64      // usernames planned in this run
	defTimezone string
	defLanguage string
	now         time.Time
}

func newPlanner(acc *ent.Account) *planner {
	return &planner{
		accountID: acc.ID, byRingEx: map[int64]*ent.Agent{}, byUsername: map[string]*ent.Agent{},
		claimed: map[string]int64{}, defTimezone: acc.DefaultTimezone, defLanguage: acc.DefaultLanguage, now: time.Now(),
	}
}

// usernameOf is the planned login: the RingEX login (the email), lower-cased
// because agent usernames are unique case-insensitively.
func usernameOf(email string) string { return strings.ToLower(strings.TrimSpace(email)) }

func (pl *planner) plan(p person) Plan {
	out := Plan{RingExID: p.RingExID, FirstName: truncate(strings.TrimSpace(p.FirstName)),
		LastName: truncate(strings.TrimSpace(p.LastName)), Email: strings.TrimSpace(p.Email), Username: usernameOf(p.Email)}
	out.Timezone, out.TimezoneMatch, out.Language, out.LanguageMatch = pl.mapRegional(p.Regional)
	fail := func(code, reason string) Plan {
		out.Outcome, out.Code, out.Reason = OutcomeFail, code, reason
		return out
	}
	a := pl.byRingEx[p.RingExID]
	if u := pl.byUsername[out.Username]; a == nil && u != nil && u.AccountID == pl.accountID &&
		u.RingexExtensionID != nil && *u.RingexExtensionID == p.RingExID {
		// Read committed: the two lookups may straddle another import's
		// commit; the agent holding the login is this very user's.
		a = u
	}
	if a != nil {
		out.Outcome, out.Existing = OutcomeAlreadyImported, a
		return out
	}
	switch {
	case p.Removed:
		return fail(CodeRemoved, "the user no longer exists in RingEX")
	case p.Status != ringex.StatusEnabled:
		return fail(CodeDisabled, "the RingEX user is "+p.Status+", not Enabled")
	case out.Email == "":
		return fail(CodeNoEmail, "the RingEX user has no email, which is the login")
	case len(out.Email) > maxEmailLen || len(out.Username) > maxEmailLen || !strings.Contains(out.Email, "@"):
		return fail(CodeNoEmail, "the RingEX user's email is not a usable login")
	case out.FirstName == "" || out.LastName == "":
		return fail(CodeMissingName, "the RingEX user needs a first and a last name")
	}
	if a := pl.byUsername[out.Username]; a != nil {
		if a.AccountID != pl.accountID {
			return fail(CodeUsernameTaken, "the login "+out.Username+" is already an agent's login in another account")
		}
		return fail(CodeUsernameTaken, "the login "+out.Username+" is already the login of another agent of this account")
	}
	if other, ok := pl.claimed[out.Username]; ok && other != p.RingExID {
		return fail(CodeUsernameTaken, "another selected user has the same login "+out.Username)
	}
	pl.claimed[out.Username] = p.RingExID
	out.Outcome = OutcomeImport
	return out
}

func (pl *planner) mapRegional(r *regional) (tz string, tzm locale.Match, lang string, langm locale.Match) {
	if r == nil {
		return "", MatchAtImport, "", MatchAtImport
	}
	tz, tzm = locale.MapTimezone(r.TimezoneName, r.TimezoneBias, pl.defTimezone, pl.now)
	lang, langm = locale.MatchLanguage(r.LocaleCode, pl.defLanguage)
	return tz, tzm, lang, langm
}

// truncate cuts a name to the agent field's limit at a rune boundary.
func truncate(s string) string {
	if len(s) <= maxNameLen {
		return s
	}
	cut := maxNameLen
	for !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut]
}
