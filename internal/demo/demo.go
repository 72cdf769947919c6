// Package demo seeds a demo account so that a new user of `make run` finds a
// populated playground and console: teams, a category tree and a dozen agents.
package demo

import (
	"context"
	"fmt"
	"strings"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/account"
	"github.com/switchboard/switchboard/ent/role"
	"github.com/switchboard/switchboard/internal/viewer"

	acct "github.com/switchboard/switchboard/internal/account"
)

// AccountName is the demo account's name.
const AccountName = "Demo Contact Center"

// Seed creates the demo account unless it exists and returns it.
func Seed(ctx context.Context, client *ent.Client) (*ent.Account, bool, error) {
	ctx = viewer.SystemContext(ctx)
	if a, err := client.Account.Query().Where(account.Name(AccountName)).Only(ctx); err == nil {
		return a, false, nil
	}
	tx, err := client.Tx(ctx)
	if err != nil {
		return nil, false, err
	}
	a, err := seed(ctx, tx.Client())
	if err != nil {
		_ = tx.Rollback()
		return nil, false, err
	}
	return a, true, tx.Commit()
}

func seed(ctx context.Context, c *ent.Client) (*ent.Account, error) {
	tz, lang := "America/New_York", "en-US"
	a, err := acct.Create(ctx, c, ent.CreateAccountInput{Name: AccountName, DefaultTimezone: &tz, DefaultLanguage: &lang})
	if err != nil {
		return nil, err
	}
	agentRole, err := c.Role.Query().Where(role.AccountID(a.ID), role.Name("Agent")).Only(ctx)
	if err != nil {
		return nil, err
	}
	var teams []*ent.Team
	for _, n := range []string{"Tier 1 Support", "Tier 2 Support", "Sales", "Retention"} {
		t, err := c.Team.Create().SetAccountID(a.ID).SetName(n).Save(ctx)
		if err != nil {
			return nil, err
		}
		teams = append(teams, t)
	}
	tree := []struct{ name, color, parent string }{
		{"Languages", "BLUE", ""}, {"English", "BLUE", "Languages"}, {"Spanish", "ORANGE", "Languages"},
		{"French", "INDIGO", "Languages"}, {"Products", "GREEN", ""}, {"Billing", "TEAL", "Products"},
		{"Hardware", "LIME", "Products"}, {"Routers", "CYAN", "Hardware"}, {"Escalations", "RED", ""},
	}
	cats := map[string]*ent.Category{}
	for _, n := range tree {
		cr := c.Category.Create().SetAccountID(a.ID).SetName(n.name).SetColor(categoryColor(n.color)).SetDepth(1)
		if p := cats[n.parent]; p != nil {
			cr.SetParentID(p.ID).SetDepth(p.Depth + 1)
		}
		cat, err := cr.Save(ctx)
		if err != nil {
			return nil, err
		}
		cats[n.name] = cat
	}
	people := []struct{ first, last, tz, lang string }{
		{"Ava", "Johnson", "America/New_York", "en-US"}, {"Liam", "Smith", "America/Chicago", "en-US"},
		{"Sofía", "García", "Europe/Madrid", "es-ES"}, {"Mateo", "Hernández", "America/Mexico_City", "es-MX"},
		{"Chloé", "Dubois", "Europe/Paris", "fr-FR"}, {"Noah", "Tremblay", "America/Toronto", "fr-CA"},
		{"Emma", "Müller", "Europe/Berlin", "de-DE"}, {"Lucas", "Rossi", "Europe/Rome", "it-IT"},
		{"Yuki", "Tanaka", "Asia/Tokyo", "ja-JP"}, {"Olivia", "Brown", "Europe/London", "en-GB"},
		{"Ethan", "Wilson", "America/Los_Angeles", "en-US"}, {"Isabela", "Costa", "America/Sao_Paulo", "pt-BR"},
	}
	catList := []*ent.Category{cats["English"], cats["Spanish"], cats["Billing"], cats["Routers"]}
	for i, p := range people {
		username := strings.ToLower(fmt.Sprintf("%s.%s@demo.switchboard.local", ascii(p.first), ascii(p.last)))
		_, err := c.Agent.Create().SetAccountID(a.ID).SetFirstName(p.first).SetLastName(p.last).
			SetEmail(username).SetUsername(username).SetTimezone(p.tz).SetLanguage(p.lang).
			SetRoleID(agentRole.ID).AddTeams(teams[i%len(teams)]).AddCategories(catList[i%len(catList)]).
			Save(ctx)
		if err != nil {
			return nil, err
		}
	}
	return a, nil
}

func ascii(s string) string {
	r := strings.NewReplacer("í", "i", "á", "a", "é", "e", "ü", "u", "ó", "o")
	return r.Replace(s)
}
