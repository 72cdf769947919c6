package sandbox

import (
	"cmp"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// UserPatch changes the non-nil fields of a user.
type UserPatch struct {
	FirstName       *string `json:"firstName,omitempty"`
	LastName        *string `json:"lastName,omitempty"`
	Email           *string `json:"email,omitempty"`
	ExtensionNumber *string `json:"extensionNumber,omitempty"`
	Status          *string `json:"status,omitempty"`
	Hidden          *bool   `json:"hidden,omitempty"`
	JobTitle        *string `json:"jobTitle,omitempty"`
	Timezone        *string `json:"timezone,omitempty"`
	Language        *string `json:"language,omitempty"`
}

// AddUser creates an extension, as an admin would in the RingEX console, so
// re-sync can be demonstrated. Zero fields get defaults (User, Enabled,
// en-US, US/Eastern, a fresh extension number and email).
func (s *Sandbox) AddUser(u User) (User, error) {
	if u.Type == "" {
		u.Type = "User"
	}
	if u.Status == "" {
		u.Status = "Enabled"
	}
	if u.Language == "" {
		u.Language = "en-US"
	}
	if u.Timezone == "" {
		u.Timezone = "US/Eastern"
	}
	if u.HomeCountry == "" {
		u.HomeCountry = "US"
	}
	if err := validateUser(u); err != nil {
		return User{}, err
	}
	d := s.dir
	d.mu.Lock()
	defer d.mu.Unlock()
	if u.ID != 0 {
		if _, dup := d.byID[u.ID]; dup {
			return User{}, errors.New("sandbox: extension id already exists")
		}
		if u.ID >= d.nextID {
			d.nextID = u.ID + idStride
		}
	}
	if u.Email == "" {
		u.Email = emailLocal(u.FirstName, u.LastName)
	}
	r := d.insert(u)
	slices.SortFunc(d.users, func(a, b *record) int { return cmp.Compare(a.ID, b.ID) })
	return r.User, nil
}

var fold = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", "ø", "oe", "å", "a", "æ", "ae",
	"é", "e", "è", "e", "ê", "e", "ë", "e", "á", "a", "à", "a", "ã", "a", "â", "a", "í", "i", "ï", "i",
	"ó", "o", "ô", "o", "õ", "o", "ú", "u", "ñ", "n", "ç", "c", "ł", "l", "ś", "s", "ź", "z", "ż", "z")

// emailLocal makes an ASCII local part from names; a name with nothing
// ASCII-foldable (山田) gives "user". Letters only, so uniqueEmail's numeric
// suffixes cannot collide.
func emailLocal(first, last string) string {
	clean := func(s string) string {
		s = fold.Replace(strings.ToLower(s))
		return strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' {
				return r
			}
			return -1
		}, s)
	}
	parts := []string{}
	for _, p := range []string{clean(first), clean(last)} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return "user"
	}
	return strings.Join(parts, ".")
}

// UpdateUser applies a patch to an existing extension.
func (s *Sandbox) UpdateUser(id int64, p UserPatch) (User, error) {
	d := s.dir
	d.mu.Lock()
	defer d.mu.Unlock()
	r, ok := d.byID[id]
	if !ok {
		return User{}, ErrNotFound
	}
	u := r.User
	set := func(dst *string, v *string) {
		if v != nil {
			*dst = *v
		}
	}
	set(&u.FirstName, p.FirstName)
	set(&u.LastName, p.LastName)
	set(&u.Email, p.Email)
	set(&u.ExtensionNumber, p.ExtensionNumber)
	set(&u.Status, p.Status)
	set(&u.JobTitle, p.JobTitle)
	set(&u.Timezone, p.Timezone)
	set(&u.Language, p.Language)
	if p.Hidden != nil {
		u.Hidden = *p.Hidden
	}
	if err := validateUser(u); err != nil {
		return User{}, err
	}
	*r = *newRecord(u)
	d.version++
	return u, nil
}

// SetStatus changes an extension's status (Enabled, Disabled, ...).
func (s *Sandbox) SetStatus(id int64, status string) (User, error) {
	return s.UpdateUser(id, UserPatch{Status: &status})
}

// RemoveUser deletes an extension; its access tokens stop working.
func (s *Sandbox) RemoveUser(id int64) error {
	d := s.dir
	d.mu.Lock()
	defer d.mu.Unlock()
	if _, ok := d.byID[id]; !ok {
		return ErrNotFound
	}
	delete(d.byID, id)
	d.users = slices.DeleteFunc(d.users, func(r *record) bool { return r.ID == id })
	d.version++
	return nil
}

// Users returns a copy of the whole directory, in list order.
func (s *Sandbox) Users() []User { return s.dir.snapshot() }

// User returns one extension.
func (s *Sandbox) User(id int64) (User, bool) { return s.dir.get(id) }

// adminRoutes exposes the admin operations as JSON over HTTP so re-sync can be
// shown from the console or curl. They are unauthenticated: the sandbox is a
// development tool and must never face the internet.
func (s *Sandbox) adminRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /sandbox/admin/credentials", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{
			"serverUrl": baseURL(r), "clientId": s.opts.ClientID, "clientSecret": s.opts.ClientSecret, "jwt": s.AppJWT(),
		})
	})
	mux.HandleFunc("GET /sandbox/admin/users/{id}", func(w http.ResponseWriter, r *http.Request) {
		u, ok := s.User(pathID(r))
		if !ok {
			adminError(w, ErrNotFound)
			return
		}
		writeJSON(w, http.StatusOK, u)
	})
	mux.HandleFunc("POST /sandbox/admin/users", func(w http.ResponseWriter, r *http.Request) {
		var u User
		if !decodeAdmin(w, r, &u) {
			return
		}
		u, err := s.AddUser(u)
		if err != nil {
			adminError(w, err)
			return
		}
		writeJSON(w, http.StatusCreated, u)
	})
	mux.HandleFunc("PATCH /sandbox/admin/users/{id}", func(w http.ResponseWriter, r *http.Request) {
		var p UserPatch
		if !decodeAdmin(w, r, &p) {
			return
		}
		u, err := s.UpdateUser(pathID(r), p)
		if err != nil {
			adminError(w, err)
			return
		}
		writeJSON(w, http.StatusOK, u)
	})
	mux.HandleFunc("PUT /sandbox/admin/users/{id}/status", func(w http.ResponseWriter, r *http.Request) {
		var body struct{ Status string }
		if !decodeAdmin(w, r, &body) {
			return
		}
		u, err := s.SetStatus(pathID(r), body.Status)
		if err != nil {
			adminError(w, err)
			return
		}
		writeJSON(w, http.StatusOK, u)
	})
	mux.HandleFunc("DELETE /sandbox/admin/users/{id}", func(w http.ResponseWriter, r *http.Request) {
		if err := s.RemoveUser(pathID(r)); err != nil {
			adminError(w, err)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("POST /sandbox/admin/users/{id}/token", func(w http.ResponseWriter, r *http.Request) {
		id := pathID(r)
		tok, err := s.UserToken(id)
		if err != nil {
			adminError(w, err)
			return
		}
		jwt, _ := s.UserJWT(id)
		writeJSON(w, http.StatusOK, map[string]string{"accessToken": tok, "jwt": jwt})
	})
	mux.HandleFunc("GET /sandbox/admin/faults", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, s.Faults())
	})
	mux.HandleFunc("PUT /sandbox/admin/faults", func(w http.ResponseWriter, r *http.Request) {
		var f Faults
		if !decodeAdmin(w, r, &f) {
			return
		}
		s.SetFaults(f)
		writeJSON(w, http.StatusOK, f)
	})
	mux.HandleFunc("GET /sandbox/admin/counters", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, s.Counters())
	})
}

func pathID(r *http.Request) int64 {
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	return id
}

func decodeAdmin(w http.ResponseWriter, r *http.Request, v any) bool {
	if err := json.NewDecoder(r.Body).Decode(v); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
		return false
	}
	return true
}

func adminError(w http.ResponseWriter, err error) {
	status := http.StatusBadRequest
	if errors.Is(err, ErrNotFound) {
		status = http.StatusNotFound
	}
	writeJSON(w, status, map[string]string{"error": err.Error()})
}
