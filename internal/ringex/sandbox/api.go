package sandbox

import (
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// Wire shapes follow RingCentral's OpenAPI (ringcentral-openapi-subset.json).

type contactJSON struct {
	FirstName        string `json:"firstName,omitempty"`
	LastName         string `json:"lastName,omitempty"`
	Email            string `json:"email,omitempty"`
	EmailAsLoginName bool   `json:"emailAsLoginName"`
	JobTitle         string `json:"jobTitle,omitempty"`
}

type refJSON struct {
	ID  string `json:"id"`
	URI string `json:"uri"`
}

type regionalJSON struct {
	HomeCountry      map[string]string `json:"homeCountry"`
	Timezone         map[string]string `json:"timezone"`
	Language         map[string]any    `json:"language"`
	GreetingLanguage map[string]string `json:"greetingLanguage"`
	FormattingLocale map[string]string `json:"formattingLocale"`
	TimeFormat       string            `json:"timeFormat"`
}

type extensionJSON struct {
	ID               int64         `json:"id"`
	URI              string        `json:"uri"`
	Account          *refJSON      `json:"account,omitempty"`
	Contact          contactJSON   `json:"contact"`
	ExtensionNumber  string        `json:"extensionNumber,omitempty"`
	Name             string        `json:"name"`
	Type             string        `json:"type"`
	Status           string        `json:"status"`
	Hidden           bool          `json:"hidden"`
	RegionalSettings *regionalJSON `json:"regionalSettings,omitempty"`
}

type pagingJSON struct {
	Page          int  `json:"page"`
	PerPage       int  `json:"perPage"`
	PageStart     *int `json:"pageStart,omitempty"` // absent on an empty page
	PageEnd       *int `json:"pageEnd,omitempty"`
	TotalPages    int  `json:"totalPages"`
	TotalElements int  `json:"totalElements"`
}

type linkJSON struct {
	URI string `json:"uri"`
}

type navigationJSON struct {
	FirstPage    *linkJSON `json:"firstPage,omitempty"`
	NextPage     *linkJSON `json:"nextPage,omitempty"`
	PreviousPage *linkJSON `json:"previousPage,omitempty"`
	LastPage     *linkJSON `json:"lastPage,omitempty"`
}

type listJSON struct {
	URI        string          `json:"uri"`
	Records    []extensionJSON `json:"records"`
	Paging     pagingJSON      `json:"paging"`
	Navigation navigationJSON  `json:"navigation"`
}

func accountURI(r *http.Request) string { return baseURL(r) + "/restapi/v1.0/account/" + accountID }

func toJSON(r *http.Request, u User, full bool) extensionJSON {
	e := extensionJSON{
		ID: u.ID, URI: accountURI(r) + "/extension/" + strconv.FormatInt(u.ID, 10),
		Contact:         contactJSON{FirstName: u.FirstName, LastName: u.LastName, Email: u.Email, EmailAsLoginName: u.Type == "User", JobTitle: u.JobTitle},
		ExtensionNumber: u.ExtensionNumber, Name: u.Name(), Type: u.Type, Status: u.Status, Hidden: u.Hidden,
	}
	if !full {
		return e // the list carries no regional settings, as in RingEX
	}
	e.Account = &refJSON{ID: accountID, URI: accountURI(r)}
	tz, lang := timezoneByName[u.Timezone], languageByCode[u.Language]
	locale := map[string]string{"id": lang.ID, "localeCode": lang.LocaleCode, "name": lang.Name}
	timeFormat := "24h"
	if u.HomeCountry == "US" {
		timeFormat = "12h"
	}
	e.RegionalSettings = &regionalJSON{
		HomeCountry: map[string]string{"isoCode": u.HomeCountry, "name": countryNames[u.HomeCountry]},
		Timezone: map[string]string{"id": tz.ID, "uri": baseURL(r) + "/restapi/v1.0/dictionary/timezone/" + tz.ID,
			"name": tz.Name, "description": tz.Description, "bias": tz.Bias},
		Language: map[string]any{"id": lang.ID, "uri": baseURL(r) + "/restapi/v1.0/dictionary/language/" + lang.ID,
			"greeting": true, "formattingLocale": true, "ui": true, "localeCode": lang.LocaleCode, "isoCode": lang.LocaleCode[:2], "name": lang.Name},
		GreetingLanguage: locale, FormattingLocale: locale, TimeFormat: timeFormat,
	}
	return e
}

// paging parses page/perPage like RingEX: 1-based page, perPage at most 1000.
func paging(w http.ResponseWriter, pageS, perPageS string) (page, perPage int, ok bool) {
	page, perPage = 1, 100
	var err error
	if pageS != "" {
		if page, err = strconv.Atoi(pageS); err != nil || page < 1 {
			writeError(w, http.StatusBadRequest, "CMN-101", "Parameter [page] value is invalid", "page")
			return 0, 0, false
		}
	}
	if perPageS != "" {
		if perPage, err = strconv.Atoi(perPageS); err != nil || perPage < 1 || perPage > 1000 {
			writeError(w, http.StatusBadRequest, "CMN-101", "Parameter [perPage] value is invalid", "perPage")
			return 0, 0, false
		}
	}
	return page, perPage, true
}

func pageOf(total, page, perPage int) (from, to int, p pagingJSON) {
	p = pagingJSON{Page: page, PerPage: perPage, TotalElements: total, TotalPages: (total + perPage - 1) / perPage}
	from = min((page-1)*perPage, total)
	to = min(from+perPage, total)
	if to > from {
		start, end := from, to-1
		p.PageStart, p.PageEnd = &start, &end
	}
	return from, to, p
}

func (s *Sandbox) handleList(w http.ResponseWriter, r *http.Request, _ int64) {
	q := r.URL.Query()
	page, perPage, ok := paging(w, q.Get("page"), q.Get("perPage"))
	if !ok {
		return
	}
	types, statuses := q["type"], q["status"]
	extNum, email := q.Get("extensionNumber"), strings.ToLower(q.Get("email"))
	d := s.dir
	d.mu.RLock()
	matched := make([]*record, 0, len(d.users))
	for _, u := range d.users {
		if (len(types) == 0 || slices.Contains(types, u.Type)) &&
			(len(statuses) == 0 || slices.Contains(statuses, u.Status)) &&
			(extNum == "" || u.ExtensionNumber == extNum) &&
			(email == "" || strings.ToLower(u.Email) == email) {
			matched = append(matched, u)
		}
	}
	d.mu.RUnlock()
	from, to, p := pageOf(len(matched), page, perPage)
	out := listJSON{Records: make([]extensionJSON, 0, to-from), Paging: p}
	for _, u := range matched[from:to] {
		out.Records = append(out.Records, toJSON(r, u.User, false))
	}
	link := func(n int) *linkJSON {
		q.Set("page", strconv.Itoa(n))
		q.Set("perPage", strconv.Itoa(perPage))
		return &linkJSON{URI: accountURI(r) + "/extension?" + q.Encode()}
	}
	out.URI = link(page).URI
	out.Navigation.FirstPage = link(1)
	if p.TotalPages > 0 {
		out.Navigation.LastPage = link(p.TotalPages)
	}
	if page < p.TotalPages {
		out.Navigation.NextPage = link(page + 1)
	}
	if page > 1 {
		out.Navigation.PreviousPage = link(min(page-1, max(p.TotalPages, 1)))
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Sandbox) handleGet(w http.ResponseWriter, r *http.Request, owner int64) {
	id := owner
	if raw := r.PathValue("id"); raw != "~" {
		var err error
		if id, err = strconv.ParseInt(raw, 10, 64); err != nil {
			writeError(w, http.StatusNotFound, "CMN-102", "Resource for parameter [extensionId] is not found", "extensionId")
			return
		}
	}
	u, ok := s.dir.get(id)
	if !ok {
		writeError(w, http.StatusNotFound, "CMN-102", "Resource for parameter [extensionId] is not found", "extensionId")
		return
	}
	writeJSON(w, http.StatusOK, toJSON(r, u, true))
}

type searchRequest struct {
	SearchString  string `json:"searchString"`
	ExtensionType string `json:"extensionType"`
	Page          int    `json:"page"`
	PerPage       int    `json:"perPage"`
}

type directoryEntryJSON struct {
	ID              string            `json:"id"`
	Type            string            `json:"type"`
	Status          string            `json:"status"`
	FirstName       string            `json:"firstName,omitempty"`
	LastName        string            `json:"lastName,omitempty"`
	Name            string            `json:"name"`
	Email           string            `json:"email,omitempty"`
	ExtensionNumber string            `json:"extensionNumber,omitempty"`
	JobTitle        string            `json:"jobTitle,omitempty"`
	Account         map[string]string `json:"account"`
}

// handleSearch matches case-insensitive substrings of names, email and
// extension number, and leaves hidden extensions out, as RingEX does.
func (s *Sandbox) handleSearch(w http.ResponseWriter, r *http.Request, _ int64) {
	var req searchRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		writeError(w, http.StatusBadRequest, "CMN-100", "Request body is invalid", "")
		return
	}
	page, perPage, ok := paging(w, itoaOrEmpty(req.Page), itoaOrEmpty(req.PerPage))
	if !ok {
		return
	}
	needle := strings.ToLower(strings.TrimSpace(req.SearchString))
	d := s.dir
	d.mu.RLock()
	var matched []User
	for _, u := range d.users {
		if !u.Hidden && (req.ExtensionType == "" || u.Type == req.ExtensionType) && strings.Contains(u.search, needle) {
			matched = append(matched, u.User)
		}
	}
	d.mu.RUnlock()
	from, to, p := pageOf(len(matched), page, perPage)
	records := make([]directoryEntryJSON, 0, to-from)
	for _, u := range matched[from:to] {
		records = append(records, directoryEntryJSON{
			ID: strconv.FormatInt(u.ID, 10), Type: u.Type, Status: u.Status, FirstName: u.FirstName, LastName: u.LastName,
			Name: u.Name(), Email: u.Email, ExtensionNumber: u.ExtensionNumber, JobTitle: u.JobTitle,
			Account: map[string]string{"id": accountID, "companyName": "Sandbox Inc."},
		})
	}
	writeJSON(w, http.StatusOK, map[string]any{"paging": p, "records": records})
}

func itoaOrEmpty(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}
