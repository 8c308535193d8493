import { Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MyApprovalRequests, PendingApprovalsNotice } from '../features/approvals/worklist-approvals.tsx';
import { Worklist } from '../features/cases/worklist.tsx';
import { ButtonLink } from '../ui/links.tsx';
import { usePageTitle } from '../ui/page-title.ts';

/** «Моя робота» — the first screen after login (UX principle 1). */
export function WorklistPage() {
  const { t } = useTranslation();
  usePageTitle(t('worklist.title'));
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1}>{t('worklist.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('worklist.intro')}
          </Text>
        </div>
        <ButtonLink to="/notifications/new" variant="light">
          {t('worklist.newNotification')}
        </ButtonLink>
      </Group>
      <PendingApprovalsNotice />
      <MyApprovalRequests />
      <Worklist />
    </Stack>
  );
}
