import { Center, Loader } from '@mantine/core';
import { Suspense, type ComponentType, type LazyExoticComponent } from 'react';

/** A lazily loaded screen with a loading state while its chunk arrives. */
export function Page({ component: Component }: { component: LazyExoticComponent<ComponentType> }) {
  return (
    <Suspense fallback={<PageLoader />}>
      <Component />
    </Suspense>
  );
}

export function PageLoader({ label = 'Loading…' }: { label?: string }) {
  return (
    <Center mih={240} role="status" aria-live="polite" aria-label={label}>
      <Loader aria-hidden />
    </Center>
  );
}
