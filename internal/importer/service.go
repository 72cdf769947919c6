// Package importer turns RingEX users into agents: previews, background
// import jobs, per-user results.
package importer

import "github.com/switchboard/switchboard/ent"

// Service is the import capability.
type Service struct {
	Client *ent.Client
}
