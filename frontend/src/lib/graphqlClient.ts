import type { DocumentNode } from 'graphql';
import { createClient as createWSClient } from 'graphql-ws';
import { cacheExchange, Client, fetchExchange, mapExchange, subscriptionExchange } from 'urql';
import { CSRF_HEADER, GRAPHQL_PATH, graphqlWebSocketURL } from './endpoint';
import { hasErrorCode } from './errors';

export interface ClientOptions {
  /** Called when the server says the session is gone, so the app can go to /login. */
  onUnauthenticated: () => void;
}

const CREDENTIAL_CHECKS = new Set(['SignIn', 'ChangePassword']);

function operationName(doc: DocumentNode): string | undefined {
  for (const def of doc.definitions) {
    if (def.kind === 'OperationDefinition') return def.name?.value;
  }
  return undefined;
}

export function createGraphQLClient({ onUnauthenticated }: ClientOptions): Client {
  // Lazy: the socket opens with the first subscription and closes after the last.
  // Browsers send the session cookie on the same-origin upgrade request.
  const ws = createWSClient({
    url: graphqlWebSocketURL(window.location),
    lazy: true,
    retryAttempts: 5,
  });

  return new Client({
    url: GRAPHQL_PATH,
    preferGetMethod: false,
    fetchOptions: () => ({ credentials: 'include', headers: { ...CSRF_HEADER } }),
    exchanges: [
      mapExchange({
        onError(error, operation) {
          // Signing in and changing a password answer UNAUTHENTICATED for a
          // wrong password: that is a form error, not a lost session.
          if (operation.kind === 'mutation' && CREDENTIAL_CHECKS.has(operationName(operation.query) ?? '')) return;
          if (hasErrorCode(error, 'UNAUTHENTICATED')) onUnauthenticated();
        },
      }),
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const dispose = ws.subscribe(input, sink);
              return { unsubscribe: dispose };
            },
          };
        },
      }),
    ],
  });
}
