import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format.ts';
import { AnchorLink } from '../../ui/links.tsx';
import { RecordsTable } from '../../ui/records-table.tsx';
import type { EmergencyAccessItem } from './emergency-access.api.ts';

/** «Екстрений доступ до випадків» on the supervisor's team page: who broke the glass on their workers' cases, when and why. */
export function EmergencyAccessesSection({ items }: { items: readonly EmergencyAccessItem[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="section" aria-labelledby="team-emergency-accesses">
      <Title order={2} size="h3" id="team-emergency-accesses">
        {t('emergencyAccess.teamHeading')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('emergencyAccess.teamIntro')}
      </Text>
      <RecordsTable
        caption={t('emergencyAccess.teamCaption')}
        rows={[...items]}
        rowKey={(g) => g.id}
        empty={t('emergencyAccess.teamEmpty')}
        columns={[
          { key: 'grantedAt', header: t('emergencyAccess.columns.grantedAt'), cell: (g) => formatDateTime(g.grantedAt), nowrap: true },
          { key: 'user', header: t('emergencyAccess.columns.user'), cell: (g) => g.userName, rowHeader: true },
          {
            key: 'case',
            header: t('emergencyAccess.columns.case'),
            cell: (g) => (
              <AnchorLink to="/cases/$caseId" params={{ caseId: g.caseId }} style={{ whiteSpace: 'nowrap' }}>
                {g.caseNumber}
              </AnchorLink>
            ),
          },
          { key: 'reason', header: t('emergencyAccess.columns.reason'), cell: (g) => g.reason, className: 'wrap-anywhere' },
          { key: 'expiresAt', header: t('emergencyAccess.columns.expiresAt'), cell: (g) => formatDateTime(g.expiresAt), nowrap: true },
        ]}
      />
    </Stack>
  );
}
