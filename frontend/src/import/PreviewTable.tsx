// What the import would do, per user and in total (previewAgentImport).
import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import type { ImportPreviewQuery } from '../gql/graphql';
import { fullName, MAPPING_MATCH, PLAN_OUTCOME } from './format';
import { formatCount } from './pager';

type Preview = ImportPreviewQuery['previewAgentImport'];

function MatchBadge({ match }: { match: keyof typeof MAPPING_MATCH }) {
  const m = MAPPING_MATCH[match];
  return (
    <Badge size="xs" variant="light" color={m.color} title={m.hint}>
      {m.label}
    </Badge>
  );
}

export function PreviewTotals({ preview }: { preview: Preview }) {
  return (
    <Group gap="xs" aria-label="Preview totals" role="group">
      <Badge size="lg" variant="light" color={PLAN_OUTCOME.IMPORT.color}>
        {formatCount(preview.toImport)} to import
      </Badge>
      <Badge size="lg" variant="light" color={PLAN_OUTCOME.ALREADY_IMPORTED.color}>
        {formatCount(preview.alreadyImported)} already imported
      </Badge>
      <Badge size="lg" variant="light" color={PLAN_OUTCOME.FAIL.color}>
        {formatCount(preview.failing)} failing
      </Badge>
    </Group>
  );
}

export function PreviewTable(props: { preview: Preview; page: number; pageSize: number; fetching: boolean; onPage: (page: number) => void }) {
  const { preview, page, pageSize, fetching, onPage } = props;
  const pages = Math.max(1, Math.ceil(preview.total / pageSize));
  const start = (page - 1) * pageSize;
  return (
    <Stack gap="xs">
      <PreviewTotals preview={preview} />
      <Table.ScrollContainer minWidth={480} type="native">
        <Table aria-labelledby="preview-title" aria-busy={fetching} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>User</Table.Th>
              <Table.Th visibleFrom="sm">Username</Table.Th>
              <Table.Th>Timezone</Table.Th>
              <Table.Th>Language</Table.Th>
              <Table.Th>Outcome</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.items.map((item) => {
              const outcome = PLAN_OUTCOME[item.outcome];
              return (
                <Table.Tr key={item.user.id}>
                  <Table.Td>
                    <Text size="sm">{fullName(item.user)}</Text>
                    <Text size="xs" c="dimmed">
                      ext. {item.user.extensionNumber}
                    </Text>
                  </Table.Td>
                  <Table.Td visibleFrom="sm" style={{ overflowWrap: 'anywhere' }}>
                    {item.username}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{item.timezone ?? '—'}</Text>
                    <MatchBadge match={item.timezoneMatch} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{item.language ?? '—'}</Text>
                    <MatchBadge match={item.languageMatch} />
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={outcome.color}>
                      {outcome.label}
                    </Badge>
                    {item.reason && (
                      <Text size="xs" c="dimmed">
                        {item.reason}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 && (
        <Group justify="space-between" component="nav" aria-label="Preview pages">
          <Text size="sm">
            {formatCount(start + 1)}–{formatCount(start + preview.items.length)} of {formatCount(preview.total)}
          </Text>
          <Group gap="xs">
            <Button variant="default" size="xs" disabled={page <= 1} onClick={() => onPage(page - 1)}>
              Previous
            </Button>
            <Button variant="default" size="xs" disabled={page >= pages} onClick={() => onPage(page + 1)}>
              Next page
            </Button>
          </Group>
        </Group>
      )}
    </Stack>
  );
}
