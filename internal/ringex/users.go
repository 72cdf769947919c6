package ringex

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
)

const (
	accountPath = "/restapi/v1.0/account/~"
	maxPerPage  = 1000
)

// ListUsers walks every User extension of the account, whatever its status,
// a page of up to 1000 at a time, following navigation.nextPage until it is
// absent. fn sees each page in order; an error from fn stops the walk and is
// returned as is. Filtering by status is the caller's choice, not the list's,
// so disabled users can be shown as such.
func (c *Client) ListUsers(ctx context.Context, fn func(page []Extension) error) (Stats, error) {
	var st Stats
	path := accountPath + "/extension?" + url.Values{
		"type": {TypeUser}, "perPage": {strconv.Itoa(maxPerPage)}, "page": {"1"},
	}.Encode()
	for path != "" {
		var p ExtensionPage
		if err := c.call(ctx, request{op: "list users", method: "GET", path: path, group: GroupMedium}, "", &p, &st); err != nil {
			return st, err
		}
		st.Pages++
		st.Records += len(p.Records)
		if err := fn(p.Records); err != nil {
			return st, err
		}
		next, err := c.nextPath(p.Navigation.NextPage)
		if err != nil {
			return st, err
		}
		if next == path {
			return st, &Error{Op: "list users", Kind: KindMalformed, Message: "nextPage points at the current page"}
		}
		path = next
	}
	return st, nil
}

// nextPath keeps only the path and query of a navigation link: the bearer
// token must only ever go to the configured server, whatever host the link
// names.
func (c *Client) nextPath(l *Link) (string, error) {
	if l == nil || l.URI == "" {
		return "", nil
	}
	u, err := url.Parse(l.URI)
	if err != nil {
		return "", &Error{Op: "list users", Kind: KindMalformed, Message: "bad navigation link", Err: err}
	}
	return u.RequestURI(), nil
}

// ListUsersPage fetches one page of User extensions (page is 1-based,
// perPage at most 1000).
func (c *Client) ListUsersPage(ctx context.Context, page, perPage int) (ExtensionPage, error) {
	if page < 1 || perPage < 1 || perPage > maxPerPage {
		return ExtensionPage{}, &Error{Op: "list users", Kind: KindBadRequest, Message: fmt.Sprintf("page %d, perPage %d out of range", page, perPage)}
	}
	var p ExtensionPage
	path := accountPath + "/extension?" + url.Values{
		"type": {TypeUser}, "perPage": {strconv.Itoa(perPage)}, "page": {strconv.Itoa(page)},
	}.Encode()
	err := c.call(ctx, request{op: "list users", method: "GET", path: path, group: GroupMedium}, "", &p, nil)
	return p, err
}

// GetUser fetches one extension with its regional settings. It costs a Light
// request (50 a minute), so fetch only the users being imported.
func (c *Client) GetUser(ctx context.Context, id int64) (Extension, error) {
	var e Extension
	path := accountPath + "/extension/" + strconv.FormatInt(id, 10)
	err := c.call(ctx, request{op: "get user", method: "GET", path: path, group: GroupLight}, "", &e, nil)
	return e, err
}

// CurrentUser answers the extension a user's own access token belongs to;
// Switchboard uses it to verify an agent's RingEX token at sign-in. The
// app's token is not involved, and an expired user token is reported
// (KindTokenExpired), not refreshed.
func (c *Client) CurrentUser(ctx context.Context, userAccessToken string) (Extension, error) {
	if userAccessToken == "" {
		return Extension{}, &Error{Op: "current user", Kind: KindAuthFailed, Message: "no user access token"}
	}
	var e Extension
	err := c.call(ctx, request{op: "current user", method: "GET", path: accountPath + "/extension/~", group: GroupLight}, userAccessToken, &e, nil)
	return e, err
}

// SearchDirectory searches the company directory by name, email or
// extension number. It leaves hidden users out, so imports use ListUsers.
func (c *Client) SearchDirectory(ctx context.Context, searchString string, page, perPage int) (DirectoryPage, error) {
	body, _ := json.Marshal(struct {
		SearchString string `json:"searchString"`
		Page         int    `json:"page,omitempty"`
		PerPage      int    `json:"perPage,omitempty"`
	}{searchString, page, perPage})
	var p DirectoryPage
	err := c.call(ctx, request{op: "search directory", method: "POST", path: accountPath + "/directory/entries/search",
		body: body, ctype: "application/json", group: GroupHeavy}, "", &p, nil)
	return p, err
}
