import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { ReactNode } from 'react';

export interface ConfirmOptions {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  /** Says what staying put keeps ("Keep importing"); "Cancel" by default. */
  cancelLabel?: string;
  /** Red confirm button, for what cannot be undone. */
  danger?: boolean;
}

/** Asks before a destructive action; resolves true only on an explicit confirm. */
export function confirmAction({ title, message, confirmLabel, cancelLabel = 'Cancel', danger = true }: ConfirmOptions): Promise<boolean> {
  return new Promise((resolve) => {
    modals.openConfirmModal({
      title,
      children: typeof message === 'string' ? <Text size="sm">{message}</Text> : message,
      labels: { confirm: confirmLabel, cancel: cancelLabel },
      confirmProps: danger ? { color: 'red' } : {},
      onConfirm: () => resolve(true),
      onCancel: () => resolve(false),
      onClose: () => resolve(false),
    });
  });
}
