// Package account creates and configures accounts: their defaults, their
// predefined roles and their agent states.
package account

import (
	"context"

	"github.com/switchboard/switchboard/ent"
	entaccount "github.com/switchboard/switchboard/ent/account"
	"github.com/switchboard/switchboard/internal/errs"
	"github.com/switchboard/switchboard/internal/perm"
	"github.com/switchboard/switchboard/internal/validate"
)

// DefaultStates are the agent states every new account starts with.
var DefaultStates = []struct {
	Label string
	Base  string
}{
	{"Available", "AVAILABLE"},
	{"Break", "ON_BREAK"},
	{"Lunch", "LUNCH"},
	{"Training", "TRAINING"},
	{"Away", "AWAY"},
}

// Create creates an account with its predefined roles and default agent
// states. c must be a transactional client so that all of it commits together.
func Create(ctx context.Context, c *ent.Client, in ent.CreateAccountInput) (*ent.Account, error) {
	if err := normalizeCreate(&in); err != nil {
		return nil, err
	}
	if exists, err := c.Account.Query().Where(entaccount.NameEqualFold(in.Name)).Exist(ctx); err != nil {
		return nil, err
	} else if exists {
		return nil, errs.Conflict("name", "an account named %q already exists", in.Name)
	}
	a, err := c.Account.Create().SetInput(in).Save(ctx)
	if err != nil {
		return nil, err
	}
	roles := make([]*ent.RoleCreate, 0, 4)
	for _, r := range perm.PredefinedRoles() {
		roles = append(roles, c.Role.Create().SetAccountID(a.ID).SetName(r.Name).
			SetDescription(r.Description).SetPredefined(true).SetPermissions(r.Permissions.List()))
	}
	if _, err := c.Role.CreateBulk(roles...).Save(ctx); err != nil {
		return nil, err
	}
	states := make([]*ent.AgentStateCreate, 0, len(DefaultStates))
	for i, s := range DefaultStates {
		states = append(states, c.AgentState.Create().SetAccountID(a.ID).SetLabel(s.Label).
			SetBaseState(agentstateBase(s.Base)).SetRank(i))
	}
	if _, err := c.AgentState.CreateBulk(states...).Save(ctx); err != nil {
		return nil, err
	}
	return a, nil
}

// Update changes an account's settings.
func Update(ctx context.Context, c *ent.Client, id int, in ent.UpdateAccountInput) (*ent.Account, error) {
	cur, err := c.Account.Get(ctx, id)
	if err != nil {
		return nil, errs.NotFound("account", "id")
	}
	if err := normalizeUpdate(&in); err != nil {
		return nil, err
	}
	if in.Name != nil && *in.Name != cur.Name {
		if exists, err := c.Account.Query().Where(entaccount.NameEqualFold(*in.Name), entaccount.IDNEQ(id)).Exist(ctx); err != nil {
			return nil, err
		} else if exists {
			return nil, errs.Conflict("name", "an account named %q already exists", *in.Name)
		}
	}
	wfmType, wfmEnabled, endpoint := cur.WfmType, cur.WfmEnabled, cur.WfmEndpoint
	if in.WfmType != nil {
		wfmType = *in.WfmType
	}
	if in.WfmEnabled != nil {
		wfmEnabled = *in.WfmEnabled
	}
	if in.WfmEndpoint != nil {
		endpoint = *in.WfmEndpoint
	}
	if in.ClearWfmEndpoint {
		endpoint = ""
	}
	if wfmEnabled && wfmType == entaccount.WfmTypeNONE {
		return nil, errs.Invalid("wfmType", "choose a WFM provider before enabling the integration")
	}
	if wfmEnabled && endpoint == "" {
		return nil, errs.Invalid("wfmEndpoint", "an enabled WFM integration needs an endpoint")
	}
	return c.Account.UpdateOneID(id).SetInput(in).Save(ctx)
}

// Delete removes an account and everything in it (platform administrators).
func Delete(ctx context.Context, c *ent.Client, id int) error {
	if err := c.Account.DeleteOneID(id).Exec(ctx); err != nil {
		if ent.IsNotFound(err) {
			return errs.NotFound("account", "id")
		}
		return err
	}
	return nil
}

func normalizeCreate(in *ent.CreateAccountInput) error {
	var err error
	if in.Name, err = validate.Name("name", in.Name, 120); err != nil {
		return err
	}
	if err := normalizeSettings(&in.DefaultTimezone, &in.DefaultLanguage, &in.WfmEndpoint, &in.InternationalCountries); err != nil {
		return err
	}
	if in.WfmEnabled != nil && *in.WfmEnabled && (in.WfmEndpoint == nil || *in.WfmEndpoint == "" || in.WfmType == nil || *in.WfmType == entaccount.WfmTypeNONE) {
		return errs.Invalid("wfmEnabled", "an enabled WFM integration needs a provider and an endpoint")
	}
	return minutes(in.MaxBreakMinutes, in.MaxLunchMinutes)
}

func normalizeUpdate(in *ent.UpdateAccountInput) error {
	name := func(field, s string) (string, error) { return validate.Name(field, s, 120) }
	if err := validate.Set(&in.Name, "name", name); err != nil {
		return err
	}
	if err := normalizeSettings(&in.DefaultTimezone, &in.DefaultLanguage, &in.WfmEndpoint, &in.InternationalCountries); err != nil {
		return err
	}
	if len(in.AppendInternationalCountries) > 0 {
		cs, err := validate.Countries("appendInternationalCountries", in.AppendInternationalCountries)
		if err != nil {
			return err
		}
		in.AppendInternationalCountries = cs
	}
	return minutes(in.MaxBreakMinutes, in.MaxLunchMinutes)
}

// normalizeSettings checks the optional settings create and update share;
// a nil field is one the input leaves as it is.
func normalizeSettings(tz, lang, wfmEndpoint **string, countries *[]string) error {
	if err := validate.Set(tz, "defaultTimezone", validate.Timezone); err != nil {
		return err
	}
	if err := validate.Set(lang, "defaultLanguage", validate.Language); err != nil {
		return err
	}
	if *wfmEndpoint != nil && **wfmEndpoint != "" { // empty clears the endpoint
		if err := validate.Set(wfmEndpoint, "wfmEndpoint", validate.HTTPURL); err != nil {
			return err
		}
	}
	if *countries != nil {
		cs, err := validate.Countries("internationalCountries", *countries)
		if err != nil {
			return err
		}
		*countries = cs
	}
	return nil
}

func minutes(brk, lunch *int) error {
	if brk != nil && (*brk < 0 || *brk > 240) {
		return errs.Invalid("maxBreakMinutes", "must be between 0 and 240")
	}
	if lunch != nil && (*lunch < 0 || *lunch > 240) {
		return errs.Invalid("maxLunchMinutes", "must be between 0 and 240")
	}
	return nil
}
