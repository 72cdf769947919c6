// Package auth signs console users and API tokens in, keeps sessions and
// throttling state in the database, and resolves the viewer of a request.
package auth

import "github.com/switchboard/switchboard/ent"

// Service is the sign-in capability.
type Service struct {
	Client *ent.Client
}
