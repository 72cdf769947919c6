import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'sm',
  // Visible focus for keyboard users only, never removed.
  focusRing: 'auto',
});
