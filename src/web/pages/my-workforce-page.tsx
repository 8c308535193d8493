import { Alert, Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../features/auth/auth.queries.ts';
import { fetchMyWorkforce, fetchTeamWellbeing, recordCheckin, type MyWorkforce } from '../features/workforce/workforce.api.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDate } from '../ui/format.ts';
import { PageLoader } from '../ui/page-loader.tsx';
import { usePageTitle } from '../ui/page-title.ts';
import { RecordsTable } from '../ui/records-table.tsx';

type Training = MyWorkforce['staff'][number]['trainings'][number];
type Checkin = MyWorkforce['checkins'][number];
const scale = ['1', '2', '3', '4', '5'];

function Scale({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  const id = `scale-${label.length}-${label.charCodeAt(0)}`;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={id}>
        {label}
      </Text>
      <SegmentedControl data={scale} value={value} onChange={onChange} aria-labelledby={id} />
    </Stack>
  );
}

function TeamSignal() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['workforce', 'team-wellbeing'], queryFn: fetchTeamWellbeing });
  if (!q.data) return q.error ? <ErrorAlert error={q.error} /> : null;
  const s = q.data.signal;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="team-wellbeing-heading">
      <Title order={2} size="h3" id="team-wellbeing-heading" mb="xs">
        {t('workforce.my.teamHeading')}
      </Title>
      {s ? (
        <Stack gap={4}>
          <Text fw={700}>{t(`workforce.my.level.${s.level}`)}</Text>
          <Text size="sm">{t('workforce.my.teamSignal', { count: s.checkins, exhaustion: s.exhaustion, stress: s.stress, support: s.support })}</Text>
        </Stack>
      ) : (
        <Text size="sm">{t('workforce.my.teamNotEnough', { min: q.data.minCheckins })}</Text>
      )}
    </Paper>
  );
}

/** «Навчання і самопочуття» — the worker's own trainings and wellbeing check-ins; supervisors also see the team aggregate. */
export function MyWorkforcePage() {
  const { t } = useTranslation();
  usePageTitle(t('workforce.my.title'));
  const me = useMe();
  const queryClient = useQueryClient();
  const q = useQuery({ queryKey: ['workforce', 'me'], queryFn: fetchMyWorkforce });
  const [v, setV] = useState({ exhaustion: '3', stress: '3', support: '3' });
  const save = useMutation({ mutationFn: () => recordCheckin({ exhaustion: Number(v.exhaustion), stress: Number(v.stress), support: Number(v.support) }), onSuccess: (d) => queryClient.setQueryData(['workforce', 'me'], d) });
  if (q.isPending) return <PageLoader />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const trainings = q.data.staff.flatMap((s) => s.trainings);
  const hours = q.data.staff.reduce((a, s) => a + s.trainingHours, 0);
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('workforce.my.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('workforce.my.intro')}
        </Text>
      </div>
      <Stack gap="xs" component="section" aria-labelledby="my-trainings-heading">
        <Title order={2} size="h3" id="my-trainings-heading">
          {t('workforce.my.trainingsHeading')}
        </Title>
        {trainings.length > 0 && <Text size="sm">{t('workforce.my.totalHours', { hours })}</Text>}
        <RecordsTable<Training>
          caption={t('workforce.my.trainingsCaption')}
          rows={trainings}
          rowKey={(x) => x.id}
          empty={t('workforce.my.noTrainings')}
          columns={[
            { key: 'date', header: t('workforce.my.columns.date'), cell: (x) => formatDate(x.completedOn), nowrap: true, rowHeader: true },
            { key: 'kind', header: t('workforce.my.columns.kind'), cell: (x) => t(`workforce.my.trainingKind.${x.kind}`) },
            { key: 'topic', header: t('workforce.my.columns.topic'), cell: (x) => x.topic },
            { key: 'hours', header: t('workforce.my.columns.hours'), cell: (x) => x.hours },
            { key: 'certificate', header: t('workforce.my.columns.certificate'), cell: (x) => x.certificateNumber || '—' },
          ]}
        />
      </Stack>
      {q.data.canCheckIn && (
        <Paper withBorder p="md" component="section" aria-labelledby="checkin-heading">
          <Title order={2} size="h3" id="checkin-heading" mb="sm">
            {t('workforce.my.checkinHeading')}
          </Title>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate();
            }}
          >
            <Stack gap="sm">
              <Scale label={t('workforce.my.exhaustion')} value={v.exhaustion} onChange={(x) => setV((o) => ({ ...o, exhaustion: x }))} />
              <Scale label={t('workforce.my.stress')} value={v.stress} onChange={(x) => setV((o) => ({ ...o, stress: x }))} />
              <Scale label={t('workforce.my.support')} value={v.support} onChange={(x) => setV((o) => ({ ...o, support: x }))} />
              {save.error ? <ErrorAlert error={save.error} /> : null}
              {save.isSuccess && (
                <Alert color="green" role="status">
                  {t('workforce.my.saved')}
                </Alert>
              )}
              <Group>
                <Button type="submit" loading={save.isPending}>
                  {t('workforce.my.save')}
                </Button>
              </Group>
            </Stack>
          </form>
          <RecordsTable<Checkin>
            caption={t('workforce.my.checkinsCaption')}
            rows={q.data.checkins}
            rowKey={(c) => c.id}
            empty={t('workforce.my.noCheckins')}
            columns={[
              { key: 'date', header: t('workforce.my.columns.date'), cell: (c) => formatDate(c.checkedOn), nowrap: true, rowHeader: true },
              { key: 'e', header: t('workforce.my.exhaustion'), cell: (c) => c.exhaustion },
              { key: 's', header: t('workforce.my.stress'), cell: (c) => c.stress },
              { key: 'p', header: t('workforce.my.support'), cell: (c) => c.support },
            ]}
          />
        </Paper>
      )}
      {hasRole(me, 'supervisor') && <TeamSignal />}
    </Stack>
  );
}
