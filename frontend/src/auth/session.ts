import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import type { FormErrors } from '../lib/errors';

export interface Credentials {
  email: string;
  password: string;
}

export type SignInResult = { ok: true; landing: string } | { ok: false; errors: FormErrors };

/**
 * Signs a console user in. The mutation arrives with auth.graphql: until then
 * this answers with a general error instead of guessing the API.
 */
export function useSignIn(): (credentials: Credentials) => Promise<SignInResult> {
  return useCallback(async () => {
    return {
      ok: false,
      errors: { fields: {}, general: 'Signing in is not available yet: the server API is still being built.', codes: [] },
    };
  }, []);
}

/** Ends the session and returns to the sign-in screen. */
export function useSignOut(): () => Promise<void> {
  const navigate = useNavigate();
  return useCallback(async () => {
    // The signOut mutation arrives with auth.graphql.
    await navigate('/login', { replace: true });
  }, [navigate]);
}

/** Only same-site paths are followed after sign-in, never another origin. */
export function safeNextPath(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if (next === '/login' || next.startsWith('/login?')) return null;
  return next;
}
