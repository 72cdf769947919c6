import { describe, expect, it } from 'vitest';
import {
  errorMessage,
  FALLBACK_MESSAGE,
  formErrors,
  hasErrorCode,
  NETWORK_MESSAGE,
  SESSION_MESSAGE,
  type GraphQLErrorLike,
} from './errors';

const gql = (message: string, code?: string, field?: string): GraphQLErrorLike => ({
  message,
  extensions: { ...(code ? { code } : {}), ...(field !== undefined ? { field } : {}) },
});

describe('formErrors', () => {
  it('returns nothing for no error', () => {
    expect(formErrors(null)).toEqual({ fields: {}, general: null, codes: [] });
    expect(formErrors({ graphQLErrors: [] })).toEqual({ fields: {}, general: null, codes: [] });
  });

  it('maps field errors to form fields, stripping the input prefix', () => {
    const r = formErrors([
      gql('username is already taken', 'USERNAME_TAKEN', 'input.username'),
      gql('email is not valid', 'BAD_USER_INPUT', 'email'),
    ]);
    expect(r.fields).toEqual({ username: 'username is already taken', email: 'email is not valid' });
    expect(r.general).toBeNull();
    expect(r.codes).toEqual(['USERNAME_TAKEN', 'BAD_USER_INPUT']);
  });

  it('keeps the first message per field', () => {
    const r = formErrors([gql('first', 'BAD_USER_INPUT', 'name'), gql('second', 'BAD_USER_INPUT', 'name')]);
    expect(r.fields).toEqual({ name: 'first' });
  });

  it('renames fields through fieldMap', () => {
    const r = formErrors([gql('pick a role', 'BAD_USER_INPUT', 'input.roleID')], { fieldMap: { roleID: 'roleId' } });
    expect(r.fields).toEqual({ roleId: 'pick a role' });
  });

  it('sends unknown fields and field-less errors to the general message, without duplicates', () => {
    const r = formErrors(
      [
        gql('account not found', 'NOT_FOUND', 'accountId'),
        gql('your role lacks the permission MANAGE_ROLES', 'FORBIDDEN'),
        gql('your role lacks the permission MANAGE_ROLES', 'FORBIDDEN'),
        gql('name is required', 'BAD_USER_INPUT', 'name'),
      ],
      { knownFields: ['name'] },
    );
    expect(r.fields).toEqual({ name: 'name is required' });
    expect(r.general).toBe('account not found\nyour role lacks the permission MANAGE_ROLES');
  });

  it('words network failures and lost sessions for people', () => {
    expect(formErrors({ graphQLErrors: [], networkError: new Error('Failed to fetch') }).general).toBe(NETWORK_MESSAGE);
    const r = formErrors({ graphQLErrors: [gql('sign in first', 'UNAUTHENTICATED')] });
    expect(r.general).toBe(SESSION_MESSAGE);
    expect(r.codes).toEqual(['UNAUTHENTICATED']);
    const signIn = formErrors([gql('the email or password is not correct', 'UNAUTHENTICATED')], { explainUnauthenticated: true });
    expect(signIn.general).toBe('the email or password is not correct');
  });

  it('hides internal detail and strips urql prefixes', () => {
    expect(formErrors([gql('pq: connection reset', 'INTERNAL')]).general).toBe(FALLBACK_MESSAGE);
    expect(formErrors([gql('  ')]).general).toBe(FALLBACK_MESSAGE);
    expect(formErrors([gql('[GraphQL] name is required')]).general).toBe('name is required');
  });

  it('ignores non-string codes and fields', () => {
    const r = formErrors([{ message: 'odd', extensions: { code: 42, field: ['x'] } }]);
    expect(r).toEqual({ fields: {}, general: 'odd', codes: [] });
  });
});

describe('helpers', () => {
  it('hasErrorCode', () => {
    const e = { graphQLErrors: [gql('x', 'RINGEX_NOT_LINKED')] };
    expect(hasErrorCode(e, 'RINGEX_NOT_LINKED')).toBe(true);
    expect(hasErrorCode(e, 'FORBIDDEN')).toBe(false);
    expect(hasErrorCode(undefined, 'FORBIDDEN')).toBe(false);
  });

  it('errorMessage prefers the general message, else the first field message', () => {
    expect(errorMessage({ graphQLErrors: [gql('bad name', 'BAD_USER_INPUT', 'name')] })).toBe('bad name');
    expect(errorMessage({ graphQLErrors: [gql('gone', 'NOT_FOUND')] })).toBe('gone');
    expect(errorMessage(null)).toBeNull();
  });
});
