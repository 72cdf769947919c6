package directory

import (
	"context"

	"github.com/switchboard/switchboard/internal/errs"
)

// VerifyUserToken asks the account's RingEX who a user access token belongs
// to and returns the extension id, which the caller matches to an agent's
// ringex_extension_id. No RingEX password is ever seen or stored.
// RINGEX_NOT_LINKED without a link, RINGEX_AUTH_FAILED (field "token") for
// a token RingEX rejects, RINGEX_UNAVAILABLE when it does not answer.
func (s *Service) VerifyUserToken(ctx context.Context, accountID int, token string) (int64, error) {
	if token == "" {
		return 0, errs.Invalid("token", "enter a RingEX access token")
	}
	c, err := s.ClientFor(ctx, accountID)
	if err != nil {
		return 0, err
	}
	ctx, cancel := context.WithTimeout(ctx, verifyTimeout)
	defer cancel()
	me, err := c.CurrentUser(ctx, token)
	if err != nil {
		return 0, ringExError(err, "token")
	}
	return me.ID, nil
}
