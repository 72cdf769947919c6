package auth

import (
	"context"
	"errors"
	"net/mail"
	"strings"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/consoleuser"
	"github.com/switchboard/switchboard/ent/session"
	"github.com/switchboard/switchboard/internal/errs"
	"github.com/switchboard/switchboard/internal/password"
)

// NewUser describes a console user to create.
type NewUser struct {
	Email string
	Name  string
	// Password is generated (and returned once) when nil.
	Password      *string
	PlatformAdmin bool
}

// UserChanges are the changes to a console user; nil fields stay.
type UserChanges struct {
	Name          *string
	Disabled      *bool
	PlatformAdmin *bool
}

// CreateUser creates a console user (platform administrators only). The
// returned password is non-empty only when it was generated.
func (s *Service) CreateUser(ctx context.Context, in NewUser) (*ent.ConsoleUser, string, error) {
	if _, err := platformAdmin(ctx); err != nil {
		return nil, "", err
	}
	email := normalizeEmail(in.Email)
	if a, err := mail.ParseAddress(email); err != nil || a.Address != email || len(email) > 254 {
		return nil, "", errs.Invalid("email", "Enter an email address such as name@example.com.")
	}
	name := strings.TrimSpace(in.Name)
	if name == "" || len([]rune(name)) > 120 {
		return nil, "", errs.Invalid("name", "Enter a name of at most 120 characters.")
	}
	var pw, generated string
	if in.Password != nil {
		pw = *in.Password
		if err := validatePassword("password", pw); err != nil {
			return nil, "", err
		}
	} else {
		pw = password.Generate()
		generated = pw
	}
	hash, err := password.Hash(pw)
	if err != nil {
		return nil, "", err
	}
	c := s.client(ctx)
	if taken, err := c.ConsoleUser.Query().Where(consoleuser.Email(email)).Exist(system(ctx)); err != nil {
		return nil, "", err
	} else if taken {
		return nil, "", errs.Conflict("email", "A console user with this email already exists.")
	}
	u, err := c.ConsoleUser.Create().SetEmail(email).SetName(name).SetPasswordHash(hash).
		SetPlatformAdmin(in.PlatformAdmin).Save(ctx)
	if ent.IsConstraintError(err) {
		return nil, "", errs.Conflict("email", "A console user with this email already exists.")
	}
	return u, generated, err
}

// UpdateUser changes a console user (platform administrators only).
// Disabling ends their sessions; nobody disables or demotes themself, so
// there is always a platform administrator left.
func (s *Service) UpdateUser(ctx context.Context, id int, in UserChanges) (*ent.ConsoleUser, error) {
	v, err := platformAdmin(ctx)
	if err != nil {
		return nil, err
	}
	if id == v.UserID && in.Disabled != nil && *in.Disabled {
		return nil, errs.Conflict("disabled", "You cannot disable yourself.")
	}
	if id == v.UserID && in.PlatformAdmin != nil && !*in.PlatformAdmin {
		return nil, errs.Conflict("platformAdmin", "You cannot remove your own platform administration.")
	}
	c := s.client(ctx)
	upd := c.ConsoleUser.UpdateOneID(id)
	if in.Name != nil {
		name := strings.TrimSpace(*in.Name)
		if name == "" || len([]rune(name)) > 120 {
			return nil, errs.Invalid("name", "Enter a name of at most 120 characters.")
		}
		upd.SetName(name)
	}
	if in.Disabled != nil {
		upd.SetDisabled(*in.Disabled)
	}
	if in.PlatformAdmin != nil {
		upd.SetPlatformAdmin(*in.PlatformAdmin)
	}
	u, err := upd.Save(ctx)
	if ent.IsNotFound(err) {
		return nil, errs.NotFound("console user", "id")
	}
	if err != nil {
		return nil, err
	}
	if u.Disabled {
		if err := s.endSessions(ctx, c, u.ID, ""); err != nil {
			return nil, err
		}
	}
	return u, nil
}

// ResetPassword gives a user a generated password, returned once, and ends
// their sessions (platform administrators only).
func (s *Service) ResetPassword(ctx context.Context, id int) (*ent.ConsoleUser, string, error) {
	if _, err := platformAdmin(ctx); err != nil {
		return nil, "", err
	}
	pw := password.Generate()
	hash, err := password.Hash(pw)
	if err != nil {
		return nil, "", err
	}
	c := s.client(ctx)
	u, err := c.ConsoleUser.UpdateOneID(id).SetPasswordHash(hash).Save(ctx)
	if ent.IsNotFound(err) {
		return nil, "", errs.NotFound("console user", "id")
	}
	if err != nil {
		return nil, "", err
	}
	return u, pw, s.endSessions(ctx, c, id, "")
}

// ChangePassword changes the signed-in user's own password after checking
// the current one, and ends their other sessions (a stolen session should
// not survive the owner changing the password).
func (s *Service) ChangePassword(ctx context.Context, current, next string) error {
	v, err := sessionActor(ctx)
	if err != nil {
		return err
	}
	c := s.client(ctx)
	u, err := c.ConsoleUser.Get(system(ctx), v.UserID)
	if err != nil {
		return err
	}
	if ok, _ := password.Verify(current, u.PasswordHash); !ok {
		return errs.Invalid("currentPassword", "The current password is not correct.")
	}
	if err := validatePassword("newPassword", next); err != nil {
		return err
	}
	hash, err := password.Hash(next)
	if err != nil {
		return err
	}
	if err := c.ConsoleUser.UpdateOne(u).SetPasswordHash(hash).Exec(system(ctx)); err != nil {
		return err
	}
	return s.endSessions(ctx, c, u.ID, requestFrom(ctx).sessionHash)
}

// endSessions deletes the user's sessions except the one with keepHash.
func (s *Service) endSessions(ctx context.Context, c *ent.Client, userID int, keepHash string) error {
	q := c.Session.Delete().Where(session.UserID(userID))
	if keepHash != "" {
		q.Where(session.TokenHashNEQ(keepHash))
	}
	_, err := q.Exec(system(ctx))
	return err
}

func validatePassword(field, pw string) error {
	if err := password.Validate(pw); err != nil {
		var ve *password.ValidationError
		if errors.As(err, &ve) {
			return &errs.Error{Code: errs.BadUserInput, Field: field, Message: ve.Message, Err: err}
		}
		return errs.Invalid(field, "%s", err.Error())
	}
	return nil
}
