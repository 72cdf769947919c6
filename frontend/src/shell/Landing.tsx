import { Navigate } from 'react-router';
import { PageLoader } from './Page';
import { landingPath, useShellViewer } from './viewer';

/** `/`: the first account of the signed-in person, or the platform screens. */
export function Landing() {
  const { viewer, fetching } = useShellViewer();
  if (fetching || !viewer) return <PageLoader />;
  return <Navigate to={landingPath(viewer)} replace />;
}
