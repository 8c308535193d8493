import { Anchor, Box, Group, Paper, Select, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Disaggregation } from '#domain/indicators/dimensions.ts';
import { useMe } from '../features/auth/auth.queries.ts';
import { mayUseDashboards } from '../features/dashboards/access.ts';
import { TrendChart, UnitsChart } from '../features/dashboards/charts.tsx';
import { councilReportUrl, type Dashboard } from '../features/dashboards/dashboards.api.ts';
import { dashboardMapQuery, dashboardQuery, indicatorTableQuery, indicatorTrendQuery } from '../features/dashboards/dashboards.queries.ts';
import { changeOf, formatFigure, quarterLabel } from '../features/dashboards/figures.ts';
import { IndicatorTableView } from '../features/dashboards/indicator-table.tsx';
import { TileMap } from '../features/dashboards/tile-map.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { NotFound } from '../ui/not-found.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { usePageTitle } from '../ui/page-title.ts';

/** What the dashboard's address carries: the territory (none = Ukraine), the quarter, the chosen indicator and disaggregation. */
export type DashboardSearch = { territoryId?: string; period?: string; code?: string; disaggregation?: Disaggregation };

function KeyTiles({ dashboard, selected, onSelect }: { dashboard: Dashboard; selected: string; onSelect: (code: string) => void }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('dashboards.tilesLabel')}>
      {dashboard.tiles.map((tile) => {
        const change = changeOf(tile.current, tile.previous);
        const active = tile.code === selected;
        return (
          <li key={tile.code}>
            <UnstyledButton onClick={() => onSelect(tile.code)} aria-pressed={active} w="100%" h="100%" data-testid={`tile-${tile.code}`}>
              <Paper withBorder p="sm" radius="md" h="100%" style={{ borderColor: active ? '#1864ab' : undefined, borderWidth: active ? 2 : 1 }}>
                <Text size="xs" c="dimmed" fw={600}>
                  {tile.code}
                </Text>
                <Text size="sm" lineClamp={3} mih={40}>
                  {en ? tile.nameEn : tile.nameUk}
                </Text>
                <Text size="xl" fw={700} mt={4}>
                  {formatFigure(tile.current, tile.unit, i18n.language)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('dashboards.previous', { period: quarterLabel(dashboard.previousPeriod, i18n.language), value: formatFigure(tile.previous, tile.unit, i18n.language) })}
                  {change !== null && change !== 0 && ` (${change > 0 ? '+' : ''}${formatFigure({ value: change, suppressed: false }, tile.unit, i18n.language)})`}
                </Text>
              </Paper>
            </UnstyledButton>
          </li>
        );
      })}
    </SimpleGrid>
  );
}

/** «Панель показників» — key indicators, the schematic map with drill-down, comparisons, trend and the table with exports (SPEC §10.4). */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const allowed = mayUseDashboards(me);
  const search = useSearch({ from: '/app/dashboards' }) as DashboardSearch;
  const navigate = useNavigate();
  usePageTitle(allowed ? t('dashboards.title') : t('common.notFoundTitle'));
  const en = i18n.language === 'en';
  const scope = { territoryId: search.territoryId, period: search.period };
  const dashboard = useQuery({ ...dashboardQuery(scope), enabled: allowed });
  const period = search.period ?? dashboard.data?.period ?? '';
  const code = search.code ?? dashboard.data?.tiles[0]?.code ?? '';
  const disaggregation = search.disaggregation ?? 'none';
  const ready = allowed && !!period && !!code && !!dashboard.data;
  const map = useQuery({ ...dashboardMapQuery({ territoryId: search.territoryId, period, code }), enabled: ready && dashboard.data?.territory.level !== 'hromada' });
  const table = useQuery({ ...indicatorTableQuery(code, { territoryId: search.territoryId, period, disaggregation }), enabled: ready });
  const trend = useQuery({ ...indicatorTrendQuery(code, { territoryId: search.territoryId, period, quarters: 8 }), enabled: ready });
  if (!allowed) return <NotFound />;
  if (dashboard.isPending) return <PageLoader />;
  if (dashboard.isError) return <ErrorAlert error={dashboard.error} onReload={() => void dashboard.refetch()} />;
  const d = dashboard.data;
  const go = (next: Partial<DashboardSearch>) => void navigate({ to: '/dashboards', search: { ...search, ...next } as never });
  const here = en ? d.territory.nameEn : d.territory.nameUk;
  return (
    <Stack gap="md">
      <nav aria-label={t('dashboards.breadcrumbs')}>
        <Group component="ol" gap={6} wrap="wrap" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {d.path.map((p, i) => (
            <Group component="li" key={p.id ?? 'ua'} gap={6} wrap="nowrap">
              {i > 0 && (
                <Text component="span" size="sm" c="dimmed" aria-hidden>
                  ›
                </Text>
              )}
              {i === d.path.length - 1 ? (
                <Text component="span" size="sm" aria-current="page">
                  {en ? p.nameEn : p.nameUk}
                </Text>
              ) : (
                <Anchor component={Link} to="/dashboards" search={{ ...(p.id ? { territoryId: p.id } : {}), period, code } as never} size="sm">
                  {en ? p.nameEn : p.nameUk}
                </Anchor>
              )}
            </Group>
          ))}
        </Group>
      </nav>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1}>{t('dashboards.titleOf', { place: here })}</Title>
          <Text c="dimmed" size="sm" maw={820}>
            {t('dashboards.intro')}
          </Text>
        </div>
        <Group align="flex-end" gap="sm">
          <Select label={t('dashboards.period')} data={d.periods.map((p) => ({ value: p, label: quarterLabel(p, i18n.language) }))} value={d.period} onChange={(v) => v && go({ period: v })} allowDeselect={false} w={160} />
          <Anchor href={councilReportUrl({ territoryId: search.territoryId, period: d.period })} target="_blank" rel="noopener" data-testid="council-report">
            {t('dashboards.councilReport')}
          </Anchor>
        </Group>
      </Group>
      <KeyTiles dashboard={d} selected={code} onSelect={(c) => go({ code: c })} />
      {d.suppressionApplied && (
        <Text size="xs" c="dimmed">
          {t('dashboards.suppressedNote')}
        </Text>
      )}
      <Box>
        {map.isError && <ErrorAlert error={map.error} />}
        {map.data && map.data.level !== 'none' && (
          <Paper withBorder p="md" radius="md">
            <TileMap map={map.data} period={d.period} />
          </Paper>
        )}
      </Box>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        {table.data && table.data.units.length > 0 && (
          <Paper withBorder p="md" radius="md">
            <UnitsChart table={table.data} />
          </Paper>
        )}
        {trend.data && (
          <Paper withBorder p="md" radius="md">
            <TrendChart trend={trend.data} />
          </Paper>
        )}
      </SimpleGrid>
      {trend.isError && <ErrorAlert error={trend.error} />}
      {table.isError && <ErrorAlert error={table.error} />}
      {table.data && (
        <Paper withBorder p="md" radius="md">
          <IndicatorTableView table={table.data} disaggregation={disaggregation} onDisaggregation={(x) => go({ disaggregation: x })} territoryId={search.territoryId} />
        </Paper>
      )}
    </Stack>
  );
}
