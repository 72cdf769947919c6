package audit

import (
	"context"

	"entgo.io/contrib/entgql"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/account"
	"github.com/switchboard/switchboard/ent/auditevent"
	"github.com/switchboard/switchboard/internal/errs"
	"github.com/switchboard/switchboard/internal/perm"
	"github.com/switchboard/switchboard/internal/viewer"
)

// NewestFirst is the default order of the log.
var NewestFirst = &ent.AuditEventOrder{Direction: entgql.OrderDirectionDesc, Field: ent.AuditEventOrderFieldCreatedAt}

// Events returns the query over one account's log. Privacy filters rows
// anyway; checking here answers NOT_FOUND for a foreign or unknown account
// and FORBIDDEN (naming READ_AUDIT_LOG) for a member without it, instead of
// an empty page.
func Events(ctx context.Context, client *ent.Client, accountID int) (*ent.AuditEventQuery, error) {
	v := viewer.FromContext(ctx)
	if v == nil {
		return nil, errs.Unauthenticated()
	}
	if !v.Member(accountID) {
		return nil, errs.NotFound("account", "accountId")
	}
	if !v.Can(accountID, perm.ReadAuditLog) {
		return nil, errs.Forbidden(perm.ReadAuditLog)
	}
	if v.Unrestricted() {
		ok, err := client.Account.Query().Where(account.ID(accountID)).Exist(ctx)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, errs.NotFound("account", "accountId")
		}
	}
	return client.AuditEvent.Query().Where(auditevent.AccountID(accountID)), nil
}
