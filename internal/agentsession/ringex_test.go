package agentsession_test

import (
	"context"
	"net/http/httptest"
	"testing"

	"github.com/switchboard/switchboard/ent/agent"
	"github.com/switchboard/switchboard/internal/agentsession"
	"github.com/switchboard/switchboard/internal/errs"
	"github.com/switchboard/switchboard/internal/ringex"
	"github.com/switchboard/switchboard/internal/ringex/sandbox"
	"github.com/switchboard/switchboard/internal/testdb"
	"github.com/switchboard/switchboard/internal/viewer"
)

// sandboxVerifier asks the RingEX sandbox who a user token belongs to, as
// the directory service does against RingEX.
type sandboxVerifier struct{ c *ringex.Client }

func (v sandboxVerifier) VerifyUserToken(ctx context.Context, _ int, token string) (int64, error) {
	me, err := v.c.CurrentUser(ctx, token)
	if ringex.IsAuthFailed(err) {
		return 0, errs.Wrap(errs.RingExAuthFailed, err, "RingEX refused the token")
	}
	return me.ID, err
}

func TestRingExAgentsSignInWithTheirRingExToken(t *testing.T) {
	sb := sandbox.New(sandbox.Options{Users: 5})
	srv := httptest.NewServer(sb.Handler())
	t.Cleanup(srv.Close)
	rc := ringex.New(ringex.Config{ServerURL: srv.URL, ClientID: sb.ClientID(), ClientSecret: sb.ClientSecret(), JWT: sb.AppJWT()})
	imported, stranger := sb.Users()[1], sb.Users()[2]

	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		f := newFixture(t, d)
		f.svc.RingEx = sandboxVerifier{rc}
		other, _ := f.addAccount(t, "Other", "bob")
		sys := viewer.SystemContext(context.Background())
		role := f.agent.QueryRole().OnlyX(sys)
		f.client.Agent.Create().SetAccountID(f.account.ID).SetRoleID(role.ID).
			SetFirstName(imported.FirstName).SetLastName("Imported").SetEmail("maria@example.com").
			SetUsername("maria").SetSource(agent.SourceRINGEX).SetRingexExtensionID(imported.ID).
			SetTimezone("UTC").SetLanguage("en-US").ExecX(sys)
		token, _ := sb.UserToken(imported.ID)
		strangerToken, _ := sb.UserToken(stranger.ID)

		cases := []struct {
			name      string
			token     string
			accountID int
			code      errs.Code
		}{
			{"imported agent", token, f.account.ID, ""},
			{"RingEX user never imported", strangerToken, f.account.ID, errs.UnauthenticatedC},
			{"token RingEX refuses", "not-a-token", f.account.ID, errs.UnauthenticatedC},
			{"another account", token, other.ID, errs.UnauthenticatedC},
			{"no account", token, 0, errs.BadUserInput},
		}
		for _, c := range cases {
			st, err := f.svc.Start(context.Background(), agentsession.StartInput{RingExToken: c.token, AccountID: c.accountID, TakeOver: true})
			if c.code == "" {
				if err != nil || st.Session.Edges.Agent.Username != "maria" {
					t.Errorf("%s: %v", c.name, err)
				}
				continue
			}
			if errs.CodeOf(err) != c.code {
				t.Errorf("%s: got %v, want %s", c.name, err, c.code)
			}
		}
	})
}
