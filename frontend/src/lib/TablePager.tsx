import { Button, Group, NativeSelect, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { PAGE_SIZES, pageIndex, rangeLabel, type PagerAction, type PagerState } from './pager';

/** What the pager needs of a Relay connection. */
interface PagedConnection {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

interface TablePagerProps {
  state: PagerState;
  dispatch: (action: PagerAction) => void;
  /** Rows on the current page. */
  shown: number;
  /** The page's connection; nothing is shown until it has rows. */
  connection: PagedConnection | null | undefined;
  /** What the rows are, for screen readers: "agents". */
  noun: string;
}

export function TablePager({ state, dispatch, shown, connection, noun }: TablePagerProps) {
  if (!connection || connection.totalCount === 0) return null;
  const total = connection.totalCount;
  const { hasNextPage, endCursor } = connection.pageInfo;
  return (
    <Group justify="space-between" wrap="wrap" gap="sm">
      <Text size="sm" aria-live="polite">
        {rangeLabel(state, shown, total)} {noun}
      </Text>
      {/* Wraps rather than pushing the page sideways on a narrow screen. */}
      <Group gap="xs" wrap="wrap">
        <NativeSelect
          aria-label="Rows per page"
          size="xs"
          value={String(state.size)}
          data={PAGE_SIZES.map((s) => ({ value: String(s), label: `${s} per page` }))}
          onChange={(e) => dispatch({ type: 'size', size: Number(e.currentTarget.value) })}
        />
        <Button
          size="xs"
          variant="default"
          leftSection={<IconChevronLeft size={14} aria-hidden />}
          disabled={pageIndex(state) === 0}
          onClick={() => dispatch({ type: 'previous' })}
        >
          Previous
        </Button>
        <Button
          size="xs"
          variant="default"
          rightSection={<IconChevronRight size={14} aria-hidden />}
          disabled={!hasNextPage}
          onClick={() => dispatch({ type: 'next', endCursor })}
        >
          Next
        </Button>
      </Group>
    </Group>
  );
}
