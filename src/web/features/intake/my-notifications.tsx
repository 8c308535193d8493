import { Badge, Box, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { ButtonLink } from '../../ui/links.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import type { NotificationView } from './intake.api.ts';
import { myNotificationsQuery } from './intake.queries.ts';

function StatusBadge({ n }: { n: NotificationView }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      <Badge variant="light" color={n.status === 'registered' ? 'green' : n.status === 'declined' ? 'gray' : 'blue'}>
        {t(`notificationStatus.${n.status}`)}
      </Badge>
      {n.urgent && (
        <Badge variant="filled" color="red">
          {t('myNotifications.urgent')}
        </Badge>
      )}
      {n.status === 'declined' && n.declineReason !== '' && (
        <Text size="sm" className="wrap-anywhere" w="100%">
          {t('inbox.declineReasonLine', { reason: n.declineReason })}
        </Text>
      )}
    </Group>
  );
}

function excerpt(s: string, max = 160): string {
  return s.length > max ? `${s.slice(0, max).trimEnd()}…` : s;
}

/** The user's own submitted notifications with their status (SPEC §2.3: reporters see only their submissions). */
export function MyNotifications({ highlightId }: { highlightId?: string | undefined }) {
  const { t } = useTranslation();
  const query = useInfiniteQuery(myNotificationsQuery);
  if (query.isPending) return <PageLoader />;
  if (!query.data) return <ErrorAlert error={query.error} />;
  const items = query.data.pages.flatMap((p) => p.items);
  if (items.length === 0) {
    return (
      <Paper withBorder p="lg" radius="md">
        <Stack gap="sm" align="flex-start">
          <Text fw={600}>{t('myNotifications.empty')}</Text>
          <ButtonLink to="/notifications/new">{t('app.nav.intake')}</ButtonLink>
        </Stack>
      </Paper>
    );
  }
  return (
    <Stack gap="md">
      <Box visibleFrom="md" className="table-scroll">
        <Table striped verticalSpacing="sm" captionSide="top">
          <Table.Caption style={{ textAlign: 'left' }}>{t('myNotifications.tableCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('myNotifications.columns.receivedAt')}</Table.Th>
              <Table.Th scope="col">{t('myNotifications.columns.hromada')}</Table.Th>
              <Table.Th scope="col">{t('myNotifications.columns.source')}</Table.Th>
              <Table.Th scope="col">{t('myNotifications.columns.description')}</Table.Th>
              <Table.Th scope="col">{t('myNotifications.columns.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((n) => (
              <Table.Tr key={n.id} bg={n.id === highlightId ? 'blue.0' : undefined}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(n.receivedAt)}</Table.Td>
                <Table.Td>{n.hromadaName}</Table.Td>
                <Table.Td>{t(`reportSource.${n.source}`)}</Table.Td>
                <Table.Td className="wrap-anywhere">{excerpt(n.description)}</Table.Td>
                <Table.Td>
                  <StatusBadge n={n} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
      <Stack hiddenFrom="md" gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('myNotifications.tableCaption')}>
        {items.map((n) => (
          <Paper component="li" key={n.id} withBorder p="sm" radius="md" bg={n.id === highlightId ? 'blue.0' : undefined}>
            <Stack gap={4}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text size="sm" fw={600}>
                  {formatDateTime(n.receivedAt)} · {n.hromadaName}
                </Text>
                <StatusBadge n={n} />
              </Group>
              <Text size="sm" c="dimmed">
                {t(`reportSource.${n.source}`)}
              </Text>
              <Text size="sm" className="wrap-anywhere">
                {excerpt(n.description)}
              </Text>
            </Stack>
          </Paper>
        ))}
      </Stack>
      {query.hasNextPage && (
        <Group justify="center">
          <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
      {query.error && <ErrorAlert error={query.error} />}
    </Stack>
  );
}
