import { Alert, Button, Grid, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../features/auth/auth.queries.ts';
import { hromadasQuery } from '../features/territories/territories.queries.ts';
import { downloadText, toCsv } from '../features/unmet-need/csv.ts';
import { unmetNeedQuery } from '../features/unmet-need/unmet-need.queries.ts';
import { UnmetNeedBars, UnmetNeedTable, useItemNames } from '../features/unmet-need/unmet-need-views.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { DateField as BaseDateField } from '../ui/date-field.tsx';
import { formatDate, todayInKyiv } from '../ui/format.ts';
import { NotFound } from '../ui/not-found.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { usePageTitle } from '../ui/page-title.ts';

function DateField({ label, value, onChange }: { label: string; value: string | null; onChange: (v: string | null) => void }) {
  const { t } = useTranslation();
  return <BaseDateField label={label} value={value} onChange={onChange} clearLabel={`${label}: ${t('common.remove')}`} miw={170} />;
}

/**
 * «Незадоволені потреби» — referrals declined for lack of places, per hromada and service over a period (SPEC §4.3,
 * §8): bars to compare, the table behind them, and the table as a CSV file. Aggregates only.
 */
export function UnmetNeedPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const wide = hasRole(me, 'national_analyst') || hasRole(me, 'oblast_coordinator');
  const allowed = wide || hasRole(me, 'community_planner') || hasRole(me, 'supervisor');
  usePageTitle(allowed ? t('unmetNeed.title') : t('common.notFoundTitle'));
  const names = useItemNames();
  const hromadas = useQuery({ ...hromadasQuery, enabled: allowed && wide });
  const hromadaOptions = useMemo(() => {
    if (wide) return (hromadas.data ?? []).map((h) => ({ value: h.id, label: i18n.language === 'en' ? h.nameEn : h.nameUk }));
    const own = me.grants.filter((g) => (g.role === 'community_planner' || g.role === 'supervisor') && g.hromadaId);
    return [...new Map(own.map((g) => [g.hromadaId as string, { value: g.hromadaId as string, label: g.hromadaName ?? '' }])).values()];
  }, [wide, hromadas.data, me.grants, i18n.language]);
  const [hromadaId, setHromadaId] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(`${todayInKyiv().slice(0, 4)}-01-01`);
  const [to, setTo] = useState<string | null>(todayInKyiv());
  const report = useQuery({ ...unmetNeedQuery({ hromadaId: hromadaId ?? undefined, from: from ?? undefined, to: to ?? undefined }), enabled: allowed });
  if (!allowed) return <NotFound />;
  const period =
    from && to ? t('unmetNeed.period', { from: formatDate(from), to: formatDate(to) }) : from ? t('unmetNeed.periodFrom', { from: formatDate(from) }) : to ? t('unmetNeed.periodTo', { to: formatDate(to) }) : t('unmetNeed.periodAll');
  const data = report.data;
  const download = () => {
    if (!data) return;
    const header = [t('unmetNeed.columns.hromada'), t('unmetNeed.columns.service'), t('unmetNeed.columns.count')];
    const rows = data.items.map((i) => [names.hromada(i), names.service(i), i.count]);
    downloadText(`unmet-need_${from ?? 'start'}_${to ?? todayInKyiv()}.csv`, toCsv(header, [...rows, [t('unmetNeed.total'), '', data.total]]));
  };
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('unmetNeed.title')}</Title>
        <Text c="dimmed" size="sm" maw={820}>
          {t('unmetNeed.intro')}
        </Text>
      </div>
      <Paper withBorder p="md" radius="md">
        <Group align="flex-start" wrap="wrap" gap="md">
          <Select
            label={t('unmetNeed.hromada')}
            placeholder={t('unmetNeed.allHromadas')}
            data={hromadaOptions}
            value={hromadaId}
            onChange={setHromadaId}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('unmetNeed.allHromadas') }}
            miw={240}
          />
          <DateField label={t('unmetNeed.from')} value={from} onChange={setFrom} />
          <DateField label={t('unmetNeed.to')} value={to} onChange={setTo} />
        </Group>
      </Paper>
      <ErrorAlert error={report.error} />
      {report.isPending ? (
        <PageLoader />
      ) : !data ? null : data.items.length === 0 ? (
        <Alert color="gray" variant="light" role="status">
          {t('unmetNeed.empty')} ({period})
        </Alert>
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Paper withBorder p="md" radius="md" component="section" aria-labelledby="unmet-chart">
              <Title order={2} size="h4" id="unmet-chart" mb="sm">
                {t('unmetNeed.chartHeading')}
              </Title>
              <UnmetNeedBars report={data} />
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Paper withBorder p="md" radius="md" component="section" aria-labelledby="unmet-table">
              <Group justify="space-between" mb="sm" wrap="wrap">
                <Title order={2} size="h4" id="unmet-table">
                  {t('unmetNeed.tableHeading')}
                </Title>
                <Button variant="light" size="xs" onClick={download}>
                  {t('unmetNeed.download')}
                </Button>
              </Group>
              <UnmetNeedTable report={data} caption={t('unmetNeed.caption', { period })} />
            </Paper>
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}
