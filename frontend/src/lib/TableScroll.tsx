import type { ReactNode } from 'react';

/**
 * A table that scrolls sideways on narrow screens. The scrolling region is
 * focusable and named, so keyboard users can scroll it too (axe:
 * scrollable-region-focusable), which Mantine's ScrollArea viewport is not.
 * position: relative keeps absolutely placed parts (checkbox inputs) inside it.
 */
export function TableScroll({ minWidth, label, children }: { minWidth: number; label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto', maxWidth: '100%', position: 'relative' }}>
      <div style={{ minWidth }}>{children}</div>
    </div>
  );
}
