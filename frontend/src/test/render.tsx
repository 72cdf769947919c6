// Renders components as the app does (Mantine theme and providers) in jsdom.
import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { theme } from '../theme';

export function renderUI(ui: ReactElement): RenderResult {
  return render(
    <MantineProvider theme={theme} env="test">
      <ModalsProvider>{ui}</ModalsProvider>
    </MantineProvider>,
  );
}
