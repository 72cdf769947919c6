// Turns GraphQL errors into what a form shows: a message under each field the
// server blamed (extensions.field) and one general message for the rest. The
// server's messages are written for people, so they are shown as they are;
// only transport failures and a lost session get console-side wording.

export interface GraphQLErrorLike {
  message: string;
  path?: readonly (string | number)[] | undefined;
  extensions?: Readonly<Record<string, unknown>> | undefined;
}

/** The parts of urql's CombinedError this module reads. */
export interface CombinedErrorLike {
  graphQLErrors: readonly GraphQLErrorLike[];
  networkError?: Error | undefined;
}

export interface FormErrors {
  /** Form field path → message; keys match Mantine's form paths. */
  fields: Record<string, string>;
  /** Everything not tied to a known field, one line per error; null if none. */
  general: string | null;
  /** Every extensions.code seen, in order, without duplicates. */
  codes: string[];
}

export interface FormErrorOptions {
  /** API field → form field, for names that differ (e.g. "input.roleID" → "roleId"). */
  fieldMap?: Readonly<Record<string, string>>;
  /** Fields the form shows; an error on any other field goes to the general message. */
  knownFields?: readonly string[];
  /** Show the server's words for UNAUTHENTICATED (the sign-in form: "the email or password is not correct"). */
  explainUnauthenticated?: boolean;
}

export const NETWORK_MESSAGE = 'Cannot reach the Switchboard server. Check your connection and try again.';
export const SESSION_MESSAGE = 'Your session has ended. Sign in again to continue.';
export const FALLBACK_MESSAGE = 'Something went wrong. Try again; if it keeps happening, tell your administrator.';

export function errorCode(error: GraphQLErrorLike): string | null {
  const code = error.extensions?.['code'];
  return typeof code === 'string' ? code : null;
}

export function hasErrorCode(error: CombinedErrorLike | null | undefined, code: string): boolean {
  return !!error && error.graphQLErrors.some((e) => errorCode(e) === code);
}

/** "input.firstName" and "firstName" name the same form field. */
export function normalizeField(field: string): string {
  return field.replace(/^input\./, '');
}

export function formErrors(
  error: CombinedErrorLike | readonly GraphQLErrorLike[] | null | undefined,
  options: FormErrorOptions = {},
): FormErrors {
  const out: FormErrors = { fields: {}, general: null, codes: [] };
  if (!error) return out;
  const { graphQLErrors, networkError } = Array.isArray(error)
    ? { graphQLErrors: error as readonly GraphQLErrorLike[], networkError: undefined }
    : (error as CombinedErrorLike);

  const general: string[] = [];
  const addGeneral = (message: string) => {
    if (message && !general.includes(message)) general.push(message);
  };

  if (networkError && graphQLErrors.length === 0) addGeneral(NETWORK_MESSAGE);

  for (const e of graphQLErrors) {
    const code = errorCode(e);
    if (code && !out.codes.includes(code)) out.codes.push(code);
    const field = formField(e, options);
    const message = messageFor(e, code, options.explainUnauthenticated ?? false);
    if (field && out.fields[field] === undefined) out.fields[field] = message;
    else if (!field) addGeneral(message);
  }
  out.general = general.length ? general.join('\n') : null;
  return out;
}

function formField(e: GraphQLErrorLike, { fieldMap, knownFields }: FormErrorOptions): string | null {
  const raw = e.extensions?.['field'];
  if (typeof raw !== 'string' || raw === '') return null;
  const field = fieldMap?.[raw] ?? fieldMap?.[normalizeField(raw)] ?? normalizeField(raw);
  if (knownFields && !knownFields.includes(field)) return null;
  return field;
}

function messageFor(e: GraphQLErrorLike, code: string | null, explainUnauthenticated: boolean): string {
  if (code === 'UNAUTHENTICATED' && !explainUnauthenticated) return SESSION_MESSAGE;
  // Internal errors may carry implementation detail; people get a next step instead.
  if (code === 'INTERNAL' || !e.message.trim()) return FALLBACK_MESSAGE;
  return stripGraphQLPrefix(e.message);
}

/** urql prefixes messages with "[GraphQL] "; people need not see it. */
function stripGraphQLPrefix(message: string): string {
  return message.replace(/^\[(GraphQL|Network)\]\s*/, '');
}

/** One line for a notification, e.g. when a query (not a form) fails. */
export function errorMessage(error: CombinedErrorLike | null | undefined): string | null {
  if (!error) return null;
  const e = formErrors(error);
  const fieldMessages = Object.values(e.fields);
  return e.general ?? fieldMessages[0] ?? null;
}
