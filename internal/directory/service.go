// Package directory links accounts to RingEX, keeps the local mirror of the
// RingEX directory in sync and searches it.
package directory

import "github.com/switchboard/switchboard/ent"

// Service is the RingEX directory capability.
type Service struct {
	Client *ent.Client
}
