import { ActionIcon, Alert, Code, CopyButton, Group, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

/** A secret shown once (password, API token): copy it now, it is not shown again. */
export function SecretOnce({ title, secret }: { title: string; secret: string }) {
  return (
    <Alert color="yellow" title={title} role="status">
      <Group gap="xs" wrap="nowrap" align="center">
        <Code style={{ wordBreak: 'break-all' }} data-testid="secret">
          {secret}
        </Code>
        <CopyButton value={secret}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? 'Copied' : 'Copy'}>
              <ActionIcon variant="subtle" onClick={copy} aria-label={copied ? 'Copied' : 'Copy to clipboard'}>
                {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
      It is shown only now: copy it and keep it safe.
    </Alert>
  );
}
