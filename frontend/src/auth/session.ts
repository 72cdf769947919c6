import { useCallback } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { formErrors, type FormErrors } from '../lib/errors';

export interface Credentials {
  email: string;
  password: string;
}

export type SignInResult = { ok: true; landing: string } | { ok: false; errors: FormErrors };

const SignInDocument = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      viewer {
        user {
          id
          email
          name
          platformAdmin
        }
        memberships {
          account {
            id
            name
          }
          role {
            id
            name
          }
          permissions
        }
      }
    }
  }
`);

const SignOutDocument = graphql(`
  mutation SignOut {
    signOut
  }
`);

export const ChangePasswordDocument = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

/** Signs a console user in; field errors name "email" or "password". */
export function useSignIn(): (credentials: Credentials) => Promise<SignInResult> {
  const [, signIn] = useMutation(SignInDocument);
  return useCallback(
    async (credentials) => {
      const result = await signIn(credentials);
      const viewer = result.data?.signIn.viewer;
      if (!viewer || result.error) {
        return { ok: false, errors: formErrors(result.error ?? null, { knownFields: ['email', 'password'], explainUnauthenticated: true }) };
      }
      // "/" picks the first account once the shell knows every account the person may open.
      return { ok: true, landing: '/' };
    },
    [signIn],
  );
}

/**
 * Ends the session. A full page load follows, so nothing the previous person
 * saw stays in the client's cache.
 */
export function useSignOut(): () => Promise<void> {
  const [, signOut] = useMutation(SignOutDocument);
  return useCallback(async () => {
    await signOut({});
    window.location.assign('/login');
  }, [signOut]);
}

/** Only same-site paths are followed after sign-in, never another origin. */
export function safeNextPath(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if (next === '/login' || next.startsWith('/login?')) return null;
  return next;
}
