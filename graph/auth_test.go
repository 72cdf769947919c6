package graph_test

import (
	"net/http"
	"testing"

	"github.com/switchboard/switchboard/internal/testdb"
)

const viewerQuery = `{ viewer { user { email platformAdmin } memberships { account { id } permissions } token { id } } }`

func TestSignInSetsSessionCookie(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		e := newEnv(t, d)
		c := e.anon()
		r := c.do(t, `mutation($e:String!,$p:String!){ signIn(email:$e,password:$p){ viewer { user { email platformAdmin } } } }`,
			map[string]any{"e": "  ADMIN@test.local ", "p": adminPassword})
		if len(r.Errors) > 0 {
			t.Fatalf("signIn: %+v", r.Errors)
		}
		if got := jsonPath(t, r.Data, "signIn.viewer.user.email"); got != adminEmail {
			t.Errorf("email = %v", got)
		}
		var v struct {
			Viewer struct{ User struct{ Email string } }
		}
		c.mustDo(t, viewerQuery, nil, &v)
		if v.Viewer.User.Email != adminEmail {
			t.Errorf("viewer after sign-in = %+v", v)
		}
		_ = http.MethodPost
	})
}
