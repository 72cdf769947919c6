import { createTheme, Modal, Notification, type CSSVariablesResolver } from '@mantine/core';

// Mantine's defaults (white on blue-6, red-6 errors, gray-6 dimmed text) fall
// short of WCAG AA contrast for normal-size text; these shades meet it.
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'sm',
  // Visible focus for keyboard users only, never removed.
  focusRing: 'auto',
  components: {
    // The close button of every dialog is an icon: give it a name.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close notification' } } }),
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    // Text of light variants (active nav link, light badges) on their tinted background.
    '--mantine-primary-color-light-color': 'var(--mantine-color-blue-9)',
    '--mantine-color-blue-light-color': 'var(--mantine-color-blue-9)',
    '--mantine-primary-color-light': 'var(--mantine-color-blue-0)',
    '--mantine-primary-color-light-hover': 'var(--mantine-color-blue-1)',
    '--mantine-color-blue-light': 'var(--mantine-color-blue-0)',
    '--mantine-color-blue-light-hover': 'var(--mantine-color-blue-1)',
    // Status badges (light variant) in other colors: shade 9 is still too light
    // on their tint (green-9 on green-1 is 3.9:1), so darker text, 4.5:1 or more.
    '--mantine-color-green-light-color': '#1b5e2b',
    '--mantine-color-gray-light-color': '#343a40',
    '--mantine-color-red-light-color': '#a51d1d',
    // Outline variant (the import wizard's and integration page's red buttons): red-6 on white is 3.3:1.
    '--mantine-color-red-outline': '#a51d1d',
    '--mantine-color-orange-light-color': '#8a3a00',
    '--mantine-color-yellow-light-color': '#6b4e00',
    '--mantine-color-grape-light-color': '#7a2590',
    '--mantine-color-teal-light-color': '#0b5e4f',
  },
  dark: {
    '--mantine-color-error': 'var(--mantine-color-red-5)',
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
    '--mantine-color-placeholder': 'var(--mantine-color-dark-1)',
  },
});
