// Where a failed linkRingEx shows its message. Field errors name the field
// (extensions.field); RingEX's own refusals may not, so the code and RingEX's
// OAuth wording decide: a rejected client is the ID/secret pair, a rejected
// assertion is the JWT, an unreachable server is the URL.
import { errorCode, formErrors, type CombinedErrorLike, type FormErrors } from '../lib/errors';

export const LINK_FIELDS = ['serverUrl', 'clientId', 'clientSecret', 'jwt'] as const;
export type LinkField = (typeof LINK_FIELDS)[number];

const FIELD_MAP: Record<string, LinkField> = {
  serverURL: 'serverUrl',
  serverUrl: 'serverUrl',
  url: 'serverUrl',
  clientID: 'clientId',
  clientId: 'clientId',
  clientSecret: 'clientSecret',
  secret: 'clientSecret',
  jwt: 'jwt',
  JWT: 'jwt',
  assertion: 'jwt',
};

/** The field a field-less RingEX error belongs to, from its code and message. */
export function guessLinkField(code: string | null, message: string): LinkField | null {
  const m = message.toLowerCase();
  if (code === 'RINGEX_AUTH_FAILED') {
    if (/invalid[_ ]client|client (id|secret)|oau-153|unauthorized client/.test(m)) return 'clientSecret';
    return 'jwt';
  }
  if (code === 'RINGEX_UNAVAILABLE' || code === 'RINGEX_MALFORMED') return 'serverUrl';
  return null;
}

export function linkErrors(error: CombinedErrorLike | null | undefined): FormErrors {
  if (!error) return formErrors(null);
  const placed = error.graphQLErrors.map((e) => {
    const field = e.extensions?.['field'];
    // Some messages repeat the field ("clientSecret: RingEX rejected…"); the form shows it under the field already.
    if (typeof field === 'string' && field !== '') return { ...e, message: e.message.replace(new RegExp(`^(input\\.)?${escapeRegExp(field)}: `), '') };
    const guess = guessLinkField(errorCode(e), e.message);
    return guess ? { ...e, extensions: { ...e.extensions, field: guess } } : e;
  });
  return formErrors({ graphQLErrors: placed, networkError: error.networkError }, { fieldMap: FIELD_MAP, knownFields: LINK_FIELDS });
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
