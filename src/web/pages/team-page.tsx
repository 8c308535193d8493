import { Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../features/auth/auth.queries.ts';
import { teamQuery } from '../features/supervision/supervision.queries.ts';
import { TeamDeadlinesTable } from '../features/supervision/team-deadlines.tsx';
import { TeamOverview } from '../features/supervision/team-overview.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDate } from '../ui/format.ts';
import { NotFound } from '../ui/not-found.tsx';
import { EmergencyAccessesSection } from '../features/emergency-access/emergency-accesses-section.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { ReassignButton } from '../features/workforce/reassign-dialog.tsx';
import { usePageTitle } from '../ui/page-title.ts';

function TeamBody() {
  const { t } = useTranslation();
  const query = useQuery(teamQuery);
  if (query.isPending) return <PageLoader />;
  if (!query.data) return <ErrorAlert error={query.error} />;
  const team = query.data;
  if (team.workers.length === 0) {
    return (
      <Paper withBorder p="md" radius="md">
        <Text>{t('team.empty')}</Text>
      </Paper>
    );
  }
  const weekEnd = formatDate(team.weekEnd);
  return (
    <Stack gap="lg">
      <TeamOverview team={team} />
      <Text size="sm" c="dimmed">
        {t('workforce.team.capacityHelp')}
      </Text>
      {team.workers.map((w) => (
        <Stack key={w.id} gap="xs" component="section" aria-labelledby={`worker-${w.id}`}>
          <Title order={2} size="h3" id={`worker-${w.id}`} tabIndex={-1}>
            {t('team.workerHeading', { name: w.name })}
          </Title>
          <ReassignButton worker={w} />
          <Title order={3} size="h5">
            {t('team.overdueHeading')}
          </Title>
          {w.overdueItems.length === 0 ? <Text size="sm">{t('team.noOverdue')}</Text> : <TeamDeadlinesTable items={w.overdueItems} caption={t('team.overdueCaption', { name: w.name })} />}
          <Title order={3} size="h5">
            {t('team.dueHeading', { date: weekEnd })}
          </Title>
          {w.dueThisWeekItems.length === 0 ? <Text size="sm">{t('team.noDue')}</Text> : <TeamDeadlinesTable items={w.dueThisWeekItems} caption={t('team.dueCaption', { date: weekEnd, name: w.name })} />}
        </Stack>
      ))}
      <EmergencyAccessesSection items={team.emergencyAccesses} />
    </Stack>
  );
}

/** «Моя команда» — the supervisor's view of their case managers' caseloads and deadlines (SPEC §7). */
export function TeamPage() {
  const { t } = useTranslation();
  const allowed = hasRole(useMe(), 'supervisor');
  usePageTitle(allowed ? t('team.title') : t('common.notFoundTitle'));
  if (!allowed) return <NotFound />;
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('team.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('team.intro')}
        </Text>
      </div>
      <TeamBody />
    </Stack>
  );
}
