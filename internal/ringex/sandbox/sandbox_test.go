package sandbox_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/switchboard/switchboard/internal/ringex/sandbox"
)

func TestSameSeedSameDirectory(t *testing.T) {
	a, b, c := sandbox.New(sandbox.Options{Seed: 7}), sandbox.New(sandbox.Options{Seed: 7}), sandbox.New(sandbox.Options{Seed: 8})
	if !reflect.DeepEqual(a.Users(), b.Users()) {
		t.Fatal("same seed gave different directories")
	}
	if reflect.DeepEqual(a.Users(), c.Users()) {
		t.Fatal("different seeds gave the same directory")
	}
	if a.AppJWT() == "" || len(a.Users()) != 2500 {
		t.Fatal("defaults not applied")
	}
}

func TestDirectoryCoversTheAwkwardCases(t *testing.T) {
	users := sandbox.New(sandbox.Options{Users: 2500, Seed: 1}).Users()
	tzs, langs := map[string]bool{}, map[string]bool{}
	for _, tz := range sandbox.Timezones() {
		tzs[tz.Name] = true
	}
	for _, l := range sandbox.Languages() {
		langs[l.LocaleCode] = true
	}
	seen := map[string]bool{}
	emails, exts := map[string]bool{}, map[string]bool{}
	for _, u := range users {
		if !tzs[u.Timezone] || !langs[u.Language] {
			t.Fatalf("%+v uses a timezone or language outside the catalog", u)
		}
		if emails[u.Email] || (u.ExtensionNumber != "" && exts[u.ExtensionNumber]) {
			t.Fatalf("duplicate email or extension number: %+v", u)
		}
		emails[u.Email], exts[u.ExtensionNumber] = true, true
		seen["status:"+u.Status], seen["type:"+u.Type], seen["tz:"+u.Timezone], seen["lang:"+u.Language] = true, true, true, true
		if u.Hidden {
			seen["hidden"] = true
		}
		for _, r := range u.FirstName + u.LastName {
			if r > 0x2FF {
				seen["non-latin"] = true
			} else if r > 0x7F {
				seen["accented"] = true
			}
		}
	}
	for _, want := range []string{"status:Enabled", "status:Disabled", "status:Frozen", "status:NotActivated", "status:Unassigned",
		"type:Department", "type:IvrMenu", "hidden", "non-latin", "accented",
		"tz:US/Pacific", "tz:US/Eastern", "tz:Europe/Kiev", "tz:Mid-Atlantic", "tz:E. Europe", "lang:es-419", "lang:zh-HK"} {
		if !seen[want] {
			t.Errorf("no user with %s", want)
		}
	}
}

func TestGenerationIsFast(t *testing.T) {
	start := time.Now()
	if n := len(sandbox.New(sandbox.Options{Users: 100_000}).Users()); n != 100_000 {
		t.Fatal(n)
	}
	// About 0.25 s on a 2-core machine (BenchmarkGenerate100k); the bound is
	// loose so -race and a busy machine do not make it flaky.
	if el := time.Since(start); el > 5*time.Second {
		t.Fatalf("100k users took %v", el)
	}
}

func BenchmarkGenerate100k(b *testing.B) {
	for b.Loop() {
		sandbox.New(sandbox.Options{Users: 100_000})
	}
}

type env struct {
	t   *testing.T
	sb  *sandbox.Sandbox
	url string
	tok string
}

func newEnv(t *testing.T, opts sandbox.Options) *env {
	sb := sandbox.New(opts)
	srv := httptest.NewServer(sb.Handler())
	t.Cleanup(srv.Close)
	e := &env{t: t, sb: sb, url: srv.URL}
	status, body, _ := e.token(url.Values{"grant_type": {"urn:ietf:params:oauth:grant-type:jwt-bearer"}, "assertion": {sb.AppJWT()}}, sb.ClientSecret())
	if status != 200 {
		t.Fatalf("token: %d %s", status, body)
	}
	e.tok = body["access_token"].(string)
	return e
}

func (e *env) token(form url.Values, secret string) (int, map[string]any, http.Header) {
	req, _ := http.NewRequest("POST", e.url+"/restapi/oauth/token", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(e.sb.ClientID(), secret)
	return e.do(req)
}

func (e *env) get(path string) (int, map[string]any, http.Header) {
	req, _ := http.NewRequest("GET", e.url+path, nil)
	req.Header.Set("Authorization", "Bearer "+e.tok)
	return e.do(req)
}

func (e *env) do(req *http.Request) (int, map[string]any, http.Header) {
	e.t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	var m map[string]any
	if len(data) > 0 {
		if err := json.Unmarshal(data, &m); err != nil {
			e.t.Fatalf("%s: %v", data, err)
		}
	}
	return resp.StatusCode, m, resp.Header
}

func code(body map[string]any) string {
	if c, ok := body["errorCode"].(string); ok {
		return c
	}
	errs, _ := body["errors"].([]any)
	if len(errs) == 0 {
		return ""
	}
	return errs[0].(map[string]any)["errorCode"].(string)
}

func TestPagingEnvelope(t *testing.T) {
	e := newEnv(t, sandbox.Options{Users: 250})
	_, first, _ := e.get("/restapi/v1.0/account/~/extension?perPage=100&page=1")
	nav, paging := first["navigation"].(map[string]any), first["paging"].(map[string]any)
	if nav["nextPage"] == nil || nav["previousPage"] != nil || nav["firstPage"] == nil || nav["lastPage"] == nil {
		t.Fatalf("navigation %v", nav)
	}
	if paging["pageStart"] != 0.0 || paging["pageEnd"] != 99.0 || paging["totalPages"] != 3.0 || paging["totalElements"] != 250.0 {
		t.Fatalf("paging %v", paging)
	}
	_, last, _ := e.get("/restapi/v1.0/account/~/extension?perPage=100&page=3")
	nav = last["navigation"].(map[string]any)
	if nav["nextPage"] != nil || nav["previousPage"] == nil || len(last["records"].([]any)) != 50 {
		t.Fatalf("last page %v", nav)
	}
	rec := last["records"].([]any)[0].(map[string]any)
	if _, ok := rec["regionalSettings"]; ok || rec["contact"] == nil {
		t.Fatalf("list record %v", rec)
	}
	status, body, _ := e.get("/restapi/v1.0/account/~/extension?perPage=1001")
	if status != 400 || code(body) != "CMN-101" {
		t.Fatalf("%d %v", status, body)
	}
}

func TestTokenEndpoint(t *testing.T) {
	e := newEnv(t, sandbox.Options{})
	jwtForm := url.Values{"grant_type": {"urn:ietf:params:oauth:grant-type:jwt-bearer"}, "assertion": {e.sb.AppJWT()}}
	if status, body, _ := e.token(jwtForm, "wrong"); status != 401 || code(body) != "OAU-153" {
		t.Fatalf("bad secret: %d %v", status, body)
	}
	other := sandbox.New(sandbox.Options{ClientSecret: "other"})
	bad := url.Values{"grant_type": {jwtForm.Get("grant_type")}, "assertion": {other.AppJWT()}}
	if status, body, _ := e.token(bad, e.sb.ClientSecret()); status != 400 || code(body) != "OAU-140" {
		t.Fatalf("foreign JWT: %d %v", status, body)
	}
	_, tok, _ := e.token(jwtForm, e.sb.ClientSecret())
	refresh := url.Values{"grant_type": {"refresh_token"}, "refresh_token": {tok["refresh_token"].(string)}}
	if status, _, _ := e.token(refresh, e.sb.ClientSecret()); status != 200 {
		t.Fatal("refresh failed")
	}
	if status, body, _ := e.token(refresh, e.sb.ClientSecret()); status != 400 || code(body) != "OAU-211" {
		t.Fatalf("refresh token reused: %d %v", status, body)
	}
	e.sb.ExpireTokens()
	if status, body, _ := e.get("/restapi/v1.0/account/~/extension/~"); status != 401 || code(body) != "OAU-128" {
		t.Fatalf("expired: %d %v", status, body)
	}
}

func TestRateLimits(t *testing.T) {
	e := newEnv(t, sandbox.Options{RateLimitScale: 0.01})
	for i := range 10 { // Heavy allows 10 a window; the token went to the Auth group
		req, _ := http.NewRequest("POST", e.url+"/restapi/v1.0/account/~/directory/entries/search", strings.NewReader(`{"searchString":"mar"}`))
		req.Header.Set("Authorization", "Bearer "+e.tok)
		status, _, h := e.do(req)
		if status != 200 || h.Get("X-Rate-Limit-Group") != "Heavy" || h.Get("X-Rate-Limit-Remaining") != itoa(9-i) {
			t.Fatalf("request %d: %d %v", i, status, h)
		}
	}
	req, _ := http.NewRequest("POST", e.url+"/restapi/v1.0/account/~/directory/entries/search", strings.NewReader(`{}`))
	req.Header.Set("Authorization", "Bearer "+e.tok)
	status, body, h := e.do(req)
	if status != 429 || code(body) != "CMN-301" || h.Get("Retry-After") != "60" || h.Get("X-Rate-Limit-Window") != "60" {
		t.Fatalf("%d %v %v", status, body, h)
	}
	if e.sb.Counters().RateLimited != 1 {
		t.Fatalf("%+v", e.sb.Counters())
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestAdminOverHTTP(t *testing.T) {
	e := newEnv(t, sandbox.Options{Users: 10})
	send := func(method, path, body string) (int, map[string]any) {
		req, _ := http.NewRequest(method, e.url+path, strings.NewReader(body))
		s, m, _ := e.do(req)
		return s, m
	}
	status, u := send("POST", "/sandbox/admin/users", `{"firstName":"Zoë","lastName":"Ørsted","language":"fr-CA","timezone":"America/Toronto"}`)
	if status != 201 || u["email"] == "" {
		t.Fatalf("%d %v", status, u)
	}
	id := itoa(int(u["id"].(float64)))
	if status, u = send("PATCH", "/sandbox/admin/users/"+id, `{"lastName":"Nørgaard"}`); status != 200 || u["lastName"] != "Nørgaard" {
		t.Fatalf("%d %v", status, u)
	}
	if status, u = send("PUT", "/sandbox/admin/users/"+id+"/status", `{"status":"Disabled"}`); status != 200 || u["status"] != "Disabled" {
		t.Fatalf("%d %v", status, u)
	}
	_, got, _ := e.get("/restapi/v1.0/account/~/extension/" + id)
	rs := got["regionalSettings"].(map[string]any)
	if rs["language"].(map[string]any)["localeCode"] != "fr-CA" || got["status"] != "Disabled" {
		t.Fatalf("%v", got)
	}
	if status, _ = send("DELETE", "/sandbox/admin/users/"+id, ""); status != 204 {
		t.Fatal(status)
	}
	if status, _, _ := e.get("/restapi/v1.0/account/~/extension/" + id); status != 404 {
		t.Fatal(status)
	}
	if status, _ = send("PATCH", "/sandbox/admin/users/"+id, `{"timezone":"Mars/Olympus"}`); status != 404 {
		t.Fatal(status)
	}
}
