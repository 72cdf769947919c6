import { describe, expect, it } from 'vitest';
import { guessLinkField, linkErrors } from './linkErrors';

const err = (message: string, code?: string, field?: string) => ({
  graphQLErrors: [{ message, extensions: { ...(code ? { code } : {}), ...(field ? { field } : {}) } }],
});

describe('linkErrors', () => {
  it('uses extensions.field, mapping API names to form fields', () => {
    expect(linkErrors(err('must be https', 'BAD_USER_INPUT', 'input.serverURL')).fields).toEqual({ serverUrl: 'must be https' });
    expect(linkErrors(err('required', 'BAD_USER_INPUT', 'input.clientId')).fields).toEqual({ clientId: 'required' });
  });

  it('drops a repeated field prefix from the message', () => {
    expect(linkErrors(err('clientSecret: RingEX rejected the credentials', 'RINGEX_AUTH_FAILED', 'clientSecret')).fields).toEqual({
      clientSecret: 'RingEX rejected the credentials',
    });
  });

  it('puts RINGEX_AUTH_FAILED on the credential RingEX rejected', () => {
    expect(linkErrors(err('RingEX rejected the credentials: Invalid client: abc', 'RINGEX_AUTH_FAILED')).fields).toEqual({
      clientSecret: 'RingEX rejected the credentials: Invalid client: abc',
    });
    expect(linkErrors(err('Invalid resource owner credentials', 'RINGEX_AUTH_FAILED')).fields).toEqual({
      jwt: 'Invalid resource owner credentials',
    });
    // The server's field wins over the guess.
    expect(linkErrors(err('Invalid client', 'RINGEX_AUTH_FAILED', 'clientId')).fields).toEqual({ clientId: 'Invalid client' });
  });

  it('an unreachable server is the URL; other errors are general', () => {
    expect(linkErrors(err('connection refused', 'RINGEX_UNAVAILABLE')).fields).toEqual({ serverUrl: 'connection refused' });
    const r = linkErrors(err('your role lacks MANAGE_INTEGRATIONS', 'FORBIDDEN'));
    expect(r.fields).toEqual({});
    expect(r.general).toBe('your role lacks MANAGE_INTEGRATIONS');
  });

  it('guessLinkField', () => {
    expect(guessLinkField('RINGEX_AUTH_FAILED', 'OAU-153 unknown')).toBe('clientSecret');
    expect(guessLinkField('RINGEX_AUTH_FAILED', 'Token is revoked or has expired')).toBe('jwt');
    expect(guessLinkField('FORBIDDEN', 'Invalid client')).toBeNull();
  });
});
