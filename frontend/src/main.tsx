import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { Provider as GraphQLProvider } from 'urql';
import { createGraphQLClient } from './lib/graphqlClient';
import { router } from './router';
import { cssVariablesResolver, theme } from './theme';

const client = createGraphQLClient({
  onUnauthenticated() {
    const { pathname, search } = window.location;
    if (pathname !== '/login') {
      void router.navigate(`/login?next=${encodeURIComponent(pathname + search)}`, { replace: true });
    }
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      <GraphQLProvider value={client}>
        <ModalsProvider>
          <Notifications position="top-right" />
          <RouterProvider router={router} />
        </ModalsProvider>
      </GraphQLProvider>
    </MantineProvider>
  </StrictMode>,
);
