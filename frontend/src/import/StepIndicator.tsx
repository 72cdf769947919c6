import { Group, Text, ThemeIcon } from '@mantine/core';

/** Where the admin is in the wizard; informative only, so nothing here takes focus. */
export function StepIndicator({ steps, active }: { steps: string[]; active: number }) {
  return (
    <Group component="ol" gap="md" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Import steps" wrap="wrap">
      {steps.map((label, i) => (
        <Group component="li" key={label} gap={6} wrap="nowrap" aria-current={i === active ? 'step' : undefined}>
          <ThemeIcon size="sm" radius="xl" variant={i <= active ? 'filled' : 'default'} aria-hidden>
            <Text span size="xs" fw={700}>
              {i + 1}
            </Text>
          </ThemeIcon>
          <Text size="sm" fw={i === active ? 700 : 400}>
            {i < active ? `${label} (done)` : label}
          </Text>
        </Group>
      ))}
    </Group>
  );
}
