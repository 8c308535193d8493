import { Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { notificationStatuses, type NotificationStatus } from '#contracts/notification-inbox.contract.ts';
import { InboxNotificationPanel } from '../features/inbox/inbox-detail.tsx';
import { InboxList } from '../features/inbox/inbox-list.tsx';
import { usePageTitle } from '../ui/page-title.ts';

/** «Вхідні повідомлення» — notifications received by the hromada, registered as cases or declined (SPEC §2.3). */
export function NotificationsInboxPage() {
  const { t } = useTranslation();
  usePageTitle(t('inbox.title'));
  const search = useSearch({ from: '/app/notifications/inbox' });
  const navigate = useNavigate({ from: '/notifications/inbox' });
  const status: NotificationStatus = search.status ?? 'received';
  const setSearch = (next: { status?: NotificationStatus | undefined; open?: string | undefined }) =>
    void navigate({ search: { ...(next.status && next.status !== 'received' ? { status: next.status } : {}), ...(next.open ? { open: next.open } : {}) } });
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md" component="header">
        <Stack gap={4}>
          <Title order={1}>{t('inbox.title')}</Title>
          <Text size="sm">{t('inbox.intro')}</Text>
          <Text size="xs" c="dimmed">
            {t('inbox.legal')}
          </Text>
        </Stack>
      </Paper>
      {search.open && <InboxNotificationPanel key={search.open} id={search.open} onClose={() => setSearch({ status })} />}
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="inbox-list-title">
        <Stack gap="sm">
          <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
            <Title order={2} size="h3" id="inbox-list-title">
              {t(`inbox.filter.${status}`)}
            </Title>
            <NativeSelect
              label={t('inbox.filterLabel')}
              value={status}
              onChange={(e) => setSearch({ status: e.currentTarget.value as NotificationStatus })}
              data={notificationStatuses.map((s) => ({ value: s, label: t(`inbox.filter.${s}`) }))}
            />
          </Group>
          <InboxList status={status} openId={search.open} onOpen={(id) => setSearch({ status, open: id })} />
        </Stack>
      </Paper>
    </Stack>
  );
}
