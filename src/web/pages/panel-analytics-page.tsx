import { Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canReadPanelAnalytics } from '#domain/access/panel-policy.ts';
import { actorOf, useMe } from '../features/auth/auth.queries.ts';
import { fetchAnalytics, fetchBodies, panelKeys, type Analytics, type AnalyticsFilters } from '../features/panels/panels.api.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { AnchorLink } from '../ui/links.tsx';
import { NotFound } from '../ui/not-found.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { usePageTitle } from '../ui/page-title.ts';
import { RecordsTable } from '../ui/records-table.tsx';

type Counts = Analytics['byOption'];

/** Adopted panel decisions as aggregates (SPEC §3, §10, §11): tables and a simple bar chart; no names. */
export function PanelAnalyticsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const allowed = canReadPanelAnalytics(actorOf(me));
  usePageTitle(allowed ? t('panels.analytics.title') : t('common.notFoundTitle'));
  const [filters, setFilters] = useState<AnalyticsFilters>({});
  const q = useQuery({ queryKey: panelKeys.analytics(filters), queryFn: () => fetchAnalytics(filters), enabled: allowed, placeholderData: (prev) => prev });
  const bodies = useQuery({ queryKey: panelKeys.bodies, queryFn: fetchBodies, enabled: allowed });
  if (!allowed) return <NotFound />;
  const a = q.data;
  const en = i18n.language === 'en';
  const territories = [...new Map((bodies.data?.items ?? []).map((b) => [b.territory.id, b.territory])).values()].sort((x, y) => x.nameUk.localeCompare(y.nameUk, 'uk'));
  const bodyOptions = (bodies.data?.items ?? []).filter((b) => !filters.territoryId || b.territory.id === filters.territoryId);
  const table = (caption: string, rows: Counts, label: (k: string) => string) => (
    <RecordsTable
      caption={caption}
      showCaption
      rows={rows}
      rowKey={(r) => r.key}
      columns={[
        { key: 'key', header: t('panels.analytics.key'), rowHeader: true, cell: (r) => label(r.key) },
        { key: 'count', header: t('panels.analytics.count'), cell: (r) => r.count },
      ]}
    />
  );
  return (
    <Stack gap="md">
      <AnchorLink to="/panels">{t('panels.backToList')}</AnchorLink>
      <div>
        <Title order={1}>{t('panels.analytics.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('panels.analytics.intro')}
        </Text>
      </div>
      <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="analytics-filters">
        <Title order={2} size="h5" id="analytics-filters" mb={4}>
          {t('panelKeeping.filters')}
        </Title>
        <Group align="flex-end" wrap="wrap">
          <NativeSelect
            label={t('panelKeeping.filterTerritory')}
            value={filters.territoryId ?? ''}
            onChange={(e) => {
              const territoryId = e.currentTarget.value;
              setFilters((f) => ({ ...(territoryId ? { territoryId } : {}), ...(f.bodyId && (!territoryId || bodies.data?.items.find((b) => b.id === f.bodyId)?.territory.id === territoryId) ? { bodyId: f.bodyId } : {}) }));
            }}
            data={[{ value: '', label: t('panelKeeping.all') }, ...territories.map((x) => ({ value: x.id, label: en ? x.nameEn : x.nameUk }))]}
          />
          <NativeSelect
            label={t('panelKeeping.filterBody')}
            value={filters.bodyId ?? ''}
            onChange={(e) => {
              const bodyId = e.currentTarget.value;
              setFilters((f) => ({ ...(f.territoryId ? { territoryId: f.territoryId } : {}), ...(bodyId ? { bodyId } : {}) }));
            }}
            data={[{ value: '', label: t('panelKeeping.all') }, ...bodyOptions.map((b) => ({ value: b.id, label: en && b.nameEn ? b.nameEn : b.nameUk }))]}
          />
        </Group>
      </Paper>
      {q.error && <ErrorAlert error={q.error} />}
      {!a ? (
        <PageLoader />
      ) : (
        <>
          <Text fw={600}>{t('panels.analytics.total', { count: a.total })}</Text>
          <Paper withBorder p="md" radius="md">
            <Bars rows={a.byOption.map((r) => ({ label: t(`panels.options.${r.key}` as 'panels.options.kinship'), count: r.count }))} title={t('panels.analytics.chart')} />
          </Paper>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {table(t('panels.analytics.captionOption'), a.byOption, (k) => t(`panels.options.${k}` as 'panels.options.kinship'))}
            {table(t('panels.analytics.captionAge'), a.byAgeBand, (k) => t(`panels.analytics.age.${k}` as 'panels.analytics.age.unknown'))}
            {table(t('panels.analytics.captionSex'), a.bySex, (k) => t(`panels.analytics.sex.${k}` as 'panels.analytics.sex.female'))}
            {table(t('panels.analytics.captionDisability'), a.byDisability, (k) => t(`panels.analytics.disability.${k}` as 'panels.analytics.disability.with_disability'))}
          </SimpleGrid>
          <RecordsTable
            caption={t('panelKeeping.byQuarter')}
            showCaption
            rows={a.byQuarter}
            rowKey={(r) => r.quarter}
            columns={[
              { key: 'q', header: t('panels.analytics.quarter'), rowHeader: true, nowrap: true, cell: (r) => r.quarter },
              { key: 'family', header: t('panels.analytics.familyBased'), cell: (r) => r.familyBased },
              { key: 'inst', header: t('panels.analytics.institutional'), cell: (r) => r.institutional },
              { key: 'share', header: t('panels.analytics.share'), cell: (r) => `${r.familyBasedPercent} %` },
            ]}
          />
          <RecordsTable
            caption={t('panels.analytics.captionOverTime')}
            showCaption
            rows={a.overTime}
            rowKey={(r) => `${r.quarter}-${r.body.id}`}
            columns={[
              { key: 'q', header: t('panels.analytics.quarter'), rowHeader: true, nowrap: true, cell: (r) => r.quarter },
              { key: 'body', header: t('panels.analytics.body'), cell: (r) => (en && r.body.nameEn ? r.body.nameEn : r.body.nameUk) },
              { key: 'territory', header: t('panels.analytics.territory'), cell: (r) => (en ? r.territory.nameEn : r.territory.nameUk) },
              { key: 'family', header: t('panels.analytics.familyBased'), cell: (r) => r.familyBased },
              { key: 'inst', header: t('panels.analytics.institutional'), cell: (r) => r.institutional },
              { key: 'share', header: t('panels.analytics.share'), cell: (r) => `${r.familyBasedPercent} %` },
            ]}
          />
        </>
      )}
    </Stack>
  );
}

/** A horizontal bar chart as SVG; the same numbers are in the table next to it. */
function Bars({ rows, title }: { rows: Array<{ label: string; count: number }>; title: string }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  const rowH = 26;
  const labelW = 260;
  const barW = 320;
  return (
    <svg role="img" aria-label={title} width="100%" viewBox={`0 0 ${labelW + barW + 40} ${rows.length * rowH + 4}`} style={{ maxWidth: 640 }}>
      <title>{title}</title>
      {rows.map((r, i) => (
        <g key={r.label} transform={`translate(0, ${i * rowH})`}>
          <text x={0} y={17} fontSize={13} fill="#222">
            {r.label}
          </text>
          <rect x={labelW} y={5} width={(barW * r.count) / max} height={16} fill="#1c7ed6" />
          <text x={labelW + (barW * r.count) / max + 6} y={18} fontSize={13} fill="#222">
            {r.count}
          </text>
        </g>
      ))}
    </svg>
  );
}
