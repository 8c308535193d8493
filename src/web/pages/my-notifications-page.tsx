import { Alert, Stack, Text, Title } from '@mantine/core';
import { useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { MyNotifications } from '../features/intake/my-notifications.tsx';
import { usePageTitle } from '../ui/page-title.ts';

/** «Мої повідомлення» — what the user has submitted and its status. */
export function MyNotificationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('myNotifications.title'));
  const { sent } = useSearch({ from: '/app/notifications' });
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('myNotifications.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('myNotifications.intro')}
        </Text>
      </div>
      {sent && (
        <Alert color="green" variant="light" role="status" title={t('intake.createdNoCase')}>
          {t('myNotifications.sent')}
        </Alert>
      )}
      <MyNotifications highlightId={sent} />
    </Stack>
  );
}
