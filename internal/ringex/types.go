package ringex

// Types follow RingCentral's OpenAPI for the endpoints Switchboard uses; only
// the fields Switchboard reads are declared.

// Extension is an extension record: a user, or a call queue, IVR menu, etc.
// The list call leaves RegionalSettings nil; GetUser and CurrentUser fill it.
type Extension struct {
	ID               int64             `json:"id"`
	URI              string            `json:"uri,omitempty"`
	ExtensionNumber  string            `json:"extensionNumber,omitempty"`
	Name             string            `json:"name,omitempty"`
	Type             string            `json:"type,omitempty"`   // User, Department, IvrMenu, ...
	Status           string            `json:"status,omitempty"` // Enabled, Disabled, Frozen, NotActivated, Unassigned
	Hidden           bool              `json:"hidden,omitempty"`
	Contact          Contact           `json:"contact"`
	Account          *AccountRef       `json:"account,omitempty"`
	RegionalSettings *RegionalSettings `json:"regionalSettings,omitempty"`
}

// Extension statuses and the type Switchboard imports.
const (
	StatusEnabled      = "Enabled"
	StatusDisabled     = "Disabled"
	StatusFrozen       = "Frozen"
	StatusNotActivated = "NotActivated"
	StatusUnassigned   = "Unassigned"
	TypeUser           = "User"
)

// Contact is an extension's contact block.
type Contact struct {
	FirstName        string `json:"firstName,omitempty"`
	LastName         string `json:"lastName,omitempty"`
	Company          string `json:"company,omitempty"`
	JobTitle         string `json:"jobTitle,omitempty"`
	Email            string `json:"email,omitempty"`
	BusinessPhone    string `json:"businessPhone,omitempty"`
	MobilePhone      string `json:"mobilePhone,omitempty"`
	Department       string `json:"department,omitempty"`
	EmailAsLoginName bool   `json:"emailAsLoginName,omitempty"`
}

// AccountRef names the account an extension belongs to.
type AccountRef struct {
	ID  string `json:"id"`
	URI string `json:"uri,omitempty"`
}

// RegionalSettings of one extension.
type RegionalSettings struct {
	HomeCountry      Country   `json:"homeCountry"`
	Timezone         Timezone  `json:"timezone"`
	Language         Language  `json:"language"`
	GreetingLanguage LocaleRef `json:"greetingLanguage"`
	FormattingLocale LocaleRef `json:"formattingLocale"`
	TimeFormat       string    `json:"timeFormat,omitempty"` // 12h or 24h
}

// Country is a home country reference.
type Country struct {
	ID          string `json:"id,omitempty"`
	URI         string `json:"uri,omitempty"`
	Name        string `json:"name,omitempty"`
	IsoCode     string `json:"isoCode,omitempty"`
	CallingCode string `json:"callingCode,omitempty"`
}

// Timezone: Name is an IANA name, sometimes a legacy link (US/Pacific) or a
// name that is not IANA at all; Bias is the UTC offset in minutes as a string.
type Timezone struct {
	ID          string `json:"id,omitempty"`
	URI         string `json:"uri,omitempty"`
	Name        string `json:"name,omitempty"`
	Description string `json:"description,omitempty"`
	Bias        string `json:"bias,omitempty"`
}

// Language is a user's UI language; LocaleCode is like "en-US" or "es-419".
type Language struct {
	ID               string `json:"id,omitempty"`
	URI              string `json:"uri,omitempty"`
	Name             string `json:"name,omitempty"`
	LocaleCode       string `json:"localeCode,omitempty"`
	IsoCode          string `json:"isoCode,omitempty"`
	Greeting         bool   `json:"greeting,omitempty"`
	FormattingLocale bool   `json:"formattingLocale,omitempty"`
	UI               bool   `json:"ui,omitempty"`
}

// LocaleRef is the short locale form used by greetingLanguage and formattingLocale.
type LocaleRef struct {
	ID         string `json:"id,omitempty"`
	LocaleCode string `json:"localeCode,omitempty"`
	Name       string `json:"name,omitempty"`
}

// Paging is RingEX's paging block. PageStart/PageEnd are 0-based indexes of
// the page's first and last record; totals may be absent (nil).
type Paging struct {
	Page          int  `json:"page"`
	PerPage       int  `json:"perPage"`
	PageStart     *int `json:"pageStart,omitempty"`
	PageEnd       *int `json:"pageEnd,omitempty"`
	TotalPages    *int `json:"totalPages,omitempty"`
	TotalElements *int `json:"totalElements,omitempty"`
}

// Navigation links; each is nil where it does not apply.
type Navigation struct {
	FirstPage    *Link `json:"firstPage,omitempty"`
	NextPage     *Link `json:"nextPage,omitempty"`
	PreviousPage *Link `json:"previousPage,omitempty"`
	LastPage     *Link `json:"lastPage,omitempty"`
}

// Link is a navigation target.
type Link struct {
	URI string `json:"uri"`
}

// ExtensionPage is one page of the extension list.
type ExtensionPage struct {
	URI        string      `json:"uri,omitempty"`
	Records    []Extension `json:"records"`
	Paging     Paging      `json:"paging"`
	Navigation Navigation  `json:"navigation"`
}

// DirectoryEntry is a directory search hit: string id, flat names.
type DirectoryEntry struct {
	ID              string `json:"id"`
	Type            string `json:"type,omitempty"`
	Status          string `json:"status,omitempty"`
	FirstName       string `json:"firstName,omitempty"`
	LastName        string `json:"lastName,omitempty"`
	Name            string `json:"name,omitempty"`
	Email           string `json:"email,omitempty"`
	ExtensionNumber string `json:"extensionNumber,omitempty"`
	JobTitle        string `json:"jobTitle,omitempty"`
	Department      string `json:"department,omitempty"`
}

// DirectoryPage is one page of directory search results.
type DirectoryPage struct {
	Records []DirectoryEntry `json:"records"`
	Paging  Paging           `json:"paging"`
}

// Stats describes the HTTP work behind one operation, for progress reports
// and benchmarks. Token requests are not counted.
type Stats struct {
	Requests    int // HTTP requests sent, retries included
	Retries     int
	RateLimited int // 429 answers received
	Pages       int
	Records     int
}
