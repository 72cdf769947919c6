// Package locale holds the reference lists Switchboard validates against
// (languages, IANA timezones, ISO countries) and the mapping of RingEX
// regional settings onto them. The lists are defined once here so that the
// API, the console pickers and the RingEX import can never disagree.
package locale

// Match says how an imported value was mapped, so the import result can
// tell an admin which agents got a guessed or a default setting.
type Match string

const (
	// MatchExact: the value is supported as given (or is a legacy alias of
	// a supported value).
	MatchExact Match = "EXACT"
	// MatchNearest: a close supported value was chosen (another region of
	// the same language, a zone with the same UTC offset).
	MatchNearest Match = "NEAREST"
	// MatchDefault: nothing fitted; the account's default was used.
	MatchDefault Match = "ACCOUNT_DEFAULT"
)
