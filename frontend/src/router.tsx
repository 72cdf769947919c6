import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { AppLayout } from './shell/AppLayout';
import { Landing } from './shell/Landing';
import { Page } from './shell/Page';
import { RouteError } from './shell/RouteError';

// Every screen is its own chunk: the first load carries only the shell.
const LoginPage = lazy(() => import('./auth/LoginPage'));
const AgentsPage = lazy(() => import('./agents/AgentsPage'));
const ImportPage = lazy(() => import('./import/ImportPage'));
const RolesPage = lazy(() => import('./roles/RolesPage'));
const TeamsPage = lazy(() => import('./teams/TeamsPage'));
const CategoriesPage = lazy(() => import('./categories/CategoriesPage'));
const SettingsPage = lazy(() => import('./settings/SettingsPage'));
const RingExPage = lazy(() => import('./integrations/RingExPage'));
const AuditPage = lazy(() => import('./audit/AuditPage'));
const TokensPage = lazy(() => import('./tokens/TokensPage'));
const AccountsPage = lazy(() => import('./admin/AccountsPage'));
const UsersPage = lazy(() => import('./admin/UsersPage'));
const PasswordPage = lazy(() => import('./account/PasswordPage'));
const NotFoundPage = lazy(() => import('./shell/NotFoundPage'));

export const router = createBrowserRouter([
  { path: '/login', element: <Page component={LoginPage} />, errorElement: <RouteError /> },
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Landing /> },
      {
        path: 'a/:accountId',
        children: [
          { index: true, element: <Navigate to="agents" replace /> },
          { path: 'agents', element: <Page component={AgentsPage} /> },
          { path: 'agents/import', element: <Page component={ImportPage} /> },
          { path: 'roles', element: <Page component={RolesPage} /> },
          { path: 'teams', element: <Page component={TeamsPage} /> },
          { path: 'categories', element: <Page component={CategoriesPage} /> },
          { path: 'settings', element: <Page component={SettingsPage} /> },
          { path: 'integrations/ringex', element: <Page component={RingExPage} /> },
          { path: 'audit', element: <Page component={AuditPage} /> },
          { path: 'tokens', element: <Page component={TokensPage} /> },
        ],
      },
      { path: 'admin/accounts', element: <Page component={AccountsPage} /> },
      { path: 'admin/users', element: <Page component={UsersPage} /> },
      { path: 'account/password', element: <Page component={PasswordPage} /> },
      { path: '*', element: <Page component={NotFoundPage} /> },
    ],
  },
]);
