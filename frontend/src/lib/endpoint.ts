// Where the API lives and what every request must carry. The server refuses
// cookie-authenticated mutations without the CSRF header: a cross-site form
// cannot set a custom header, so its presence proves the request is ours.

export const GRAPHQL_PATH = '/graphql';

export const CSRF_HEADER: Readonly<Record<string, string>> = { 'X-Switchboard-CSRF': '1' };

/** Same origin, ws:// or wss:// to match the page. */
export function graphqlWebSocketURL(location: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${GRAPHQL_PATH}`;
}
