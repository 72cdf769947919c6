import { Button, Group, NativeSelect, Text } from '@mantine/core';
import { hasPreviousPage, PAGE_SIZES, rangeLabel, type Pager } from './pager';

/** Previous/Next with the visible range and a page-size picker, all native controls. */
export function PagerControls(props: {
  label: string;
  pager: Pager;
  rowsOnPage: number;
  total: number;
  hasNext: boolean;
  onNext: () => void;
  onPrevious: () => void;
  onSize?: (size: number) => void;
}) {
  const { label, pager, rowsOnPage, total, hasNext, onNext, onPrevious, onSize } = props;
  return (
    <Group justify="space-between" gap="xs" wrap="wrap" component="nav" aria-label={label}>
      <Text size="sm" aria-live="polite">
        {rangeLabel(pager, rowsOnPage, total)}
      </Text>
      <Group gap="xs" wrap="nowrap">
        {onSize && (
          <NativeSelect
            aria-label="Rows per page"
            size="xs"
            value={String(pager.size)}
            onChange={(e) => onSize(Number(e.currentTarget.value))}
            data={PAGE_SIZES.map((n) => ({ value: String(n), label: `${n} per page` }))}
          />
        )}
        <Button variant="default" size="xs" onClick={onPrevious} disabled={!hasPreviousPage(pager)}>
          Previous
        </Button>
        <Button variant="default" size="xs" onClick={onNext} disabled={!hasNext}>
          Next page
        </Button>
      </Group>
    </Group>
  );
}
