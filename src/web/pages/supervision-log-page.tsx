import { Alert, Button, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SessionForm } from '../features/workforce/session-form.tsx';
import { createSession, fetchSupervisionLog, type Session } from '../features/workforce/workforce.api.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDate } from '../ui/format.ts';
import { AnchorLink } from '../ui/links.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { usePageTitle } from '../ui/page-title.ts';
import { RecordsTable } from '../ui/records-table.tsx';

/** «Супервізія» — the supervision log with overdue planned supervision and the form for a new session (SPEC §7, Order 5). */
export function SupervisionLogPage() {
  const { t } = useTranslation();
  usePageTitle(t('workforce.supervision.title'));
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const log = useQuery({ queryKey: ['workforce', 'supervision-log'], queryFn: fetchSupervisionLog });
  const [adding, setAdding] = useState(false);
  const create = useMutation({
    mutationFn: createSession,
    onSuccess: async (s) => {
      await queryClient.invalidateQueries({ queryKey: ['workforce', 'supervision-log'] });
      await navigate({ to: '/supervision/$sessionId', params: { sessionId: s.id } });
    },
  });
  if (log.isPending) return <PageLoader />;
  if (!log.data) return <ErrorAlert error={log.error} />;
  const data = log.data;
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('workforce.supervision.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('workforce.supervision.intro')}
        </Text>
      </div>
      {data.canRecord && (
        <Stack gap="xs" component="section" aria-labelledby="overdue-heading">
          <Title order={2} size="h3" id="overdue-heading">
            {t('workforce.supervision.overdueHeading')}
          </Title>
          {data.overdue.length === 0 ? (
            <Text size="sm">{t('workforce.supervision.noOverdue')}</Text>
          ) : (
            <Alert color="orange" variant="light">
              <List size="sm">
                {data.overdue.map((o) => (
                  <List.Item key={o.userId}>{t('workforce.supervision.overdueItem', { name: o.name, date: formatDate(o.dueOn) })}</List.Item>
                ))}
              </List>
            </Alert>
          )}
        </Stack>
      )}
      {data.canRecord &&
        (adding ? (
          <Paper withBorder p="md" component="section" aria-labelledby="new-session-heading">
            <Title order={2} size="h3" id="new-session-heading" mb="sm">
              {t('workforce.supervision.new')}
            </Title>
            <SessionForm supervisees={data.supervisees} pending={create.isPending} error={create.error} submitLabel={t('workforce.supervision.create')} onSubmit={(b) => create.mutate(b)} onCancel={() => setAdding(false)} />
          </Paper>
        ) : (
          <div>
            <Button onClick={() => setAdding(true)}>{t('workforce.supervision.new')}</Button>
          </div>
        ))}
      <Stack gap="xs" component="section" aria-labelledby="log-heading">
        <Title order={2} size="h3" id="log-heading">
          {t('workforce.supervision.logHeading')}
        </Title>
        <RecordsTable<Session>
          caption={t('workforce.supervision.caption')}
          rows={data.sessions}
          rowKey={(s) => s.id}
          empty={t('workforce.supervision.empty')}
          columns={[
            { key: 'date', header: t('workforce.supervision.columns.date'), cell: (s) => formatDate(s.sessionDate), nowrap: true, rowHeader: true },
            { key: 'purpose', header: t('workforce.supervision.columns.purpose'), cell: (s) => t(`workforce.supervision.purpose.${s.purpose}`) },
            { key: 'kind', header: t('workforce.supervision.columns.kind'), cell: (s) => `${t(`workforce.supervision.participantsKind.${s.participantsKind}`)}, ${t(`workforce.supervision.format.${s.format}`).toLowerCase()}` },
            { key: 'timing', header: t('workforce.supervision.columns.timing'), cell: (s) => t(`workforce.supervision.timing.${s.timing}`) },
            { key: 'participants', header: t('workforce.supervision.columns.participants'), cell: (s) => s.participants.map((p) => p.name).join(', ') },
            {
              key: 'card',
              header: t('workforce.supervision.columns.card'),
              cell: (s) => (
                <Stack gap={2}>
                  <AnchorLink to="/supervision/$sessionId" params={{ sessionId: s.id }}>
                    {t('workforce.supervision.open')}
                  </AnchorLink>
                  <Text size="xs">{s.submittedTo ? t('workforce.supervision.submittedTo', { name: s.submittedTo.name }) : t('workforce.supervision.draft')}</Text>
                </Stack>
              ),
            },
          ]}
        />
      </Stack>
    </Stack>
  );
}
