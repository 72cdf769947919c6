import { notifications } from '@mantine/notifications';
import { errorMessage, FALLBACK_MESSAGE, type CombinedErrorLike } from './errors';

export function notifyError(error: CombinedErrorLike | null | undefined): void {
  notifications.show({ color: 'red', title: 'That did not work', message: errorMessage(error) ?? FALLBACK_MESSAGE });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'green', message });
}
