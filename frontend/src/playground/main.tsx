// The GraphQL playground served by the Go server at /playground. Everything is
// bundled (Monaco included, its workers as local chunks): it works offline.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CSRF_HEADER, GRAPHQL_PATH, graphqlWebSocketURL } from '../lib/endpoint';

const fetcher = createGraphiQLFetcher({
  url: GRAPHQL_PATH,
  subscriptionUrl: graphqlWebSocketURL(window.location),
  headers: CSRF_HEADER,
  fetch: (input, init) => fetch(input, { ...init, credentials: 'include' }),
});

const initialQuery = `# Switchboard GraphQL API.
# Sends your console session cookie and the
# CSRF header (see Headers below). For an API
# token, add an Authorization header there.

query Viewer {
  __typename
}
`;

createRoot(document.getElementById('playground')!).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      defaultHeaders={JSON.stringify(CSRF_HEADER, null, 2)}
      initialQuery={initialQuery}
      shouldPersistHeaders
    />
  </StrictMode>,
);
