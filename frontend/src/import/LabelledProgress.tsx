import { Progress } from '@mantine/core';

/**
 * A progress bar that names itself and says "12 of 40 users" to screen
 * readers; without `value` it is indeterminate (a sync of unknown length).
 * Mantine's own ARIA would put the label on the role-less root.
 */
export function LabelledProgress(props: { label: string; value?: number; valueText?: string; color?: string; running: boolean }) {
  const { label, value, valueText, color, running } = props;
  const determinate = value !== undefined;
  return (
    <Progress.Root size="xl">
      <Progress.Section
        withAria={false}
        role="progressbar"
        aria-label={label}
        aria-valuemin={determinate ? 0 : undefined}
        aria-valuemax={determinate ? 100 : undefined}
        aria-valuenow={determinate ? value : undefined}
        aria-valuetext={valueText}
        value={determinate ? value : 100}
        color={color}
        striped={running}
        animated={running}
      />
    </Progress.Root>
  );
}
