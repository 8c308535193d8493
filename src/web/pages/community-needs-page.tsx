import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { fetchNeedsAssessment, fetchOblastPlan, publishNeedsAssessment } from '../features/community-planning/community-planning.api.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDate } from '../ui/format.ts';
import { PageLoader } from '../ui/page-loader.tsx';
import { usePageTitle } from '../ui/page-title.ts';
import { RecordsTable } from '../ui/records-table.tsx';

const money = (n: number) => n.toLocaleString('uk-UA', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A system group key (`kind` or `kind:code`) in words. */
function groupLabel(t: TFunction, key: string): string {
  const [kind, code] = key.split(':');
  return t(`communityPlanning.needs.groups.${kind}` as 'communityPlanning.needs.groups.case_type', { code: code ?? '' });
}

/** The hromada's needs assessment: system counts, entered data with sources, differences, providers and gaps (SPEC §8). */
export function CommunityNeedsPage() {
  const { t, i18n } = useTranslation();
  const { assessmentId } = useParams({ from: '/app/community-planning/needs/$assessmentId' });
  const q = useQuery({ queryKey: ['community-planning', 'assessment', assessmentId], queryFn: () => fetchNeedsAssessment(assessmentId) });
  const qc = useQueryClient();
  const publish = useMutation({ mutationFn: (version: number) => publishNeedsAssessment(assessmentId, version), onSuccess: (a) => qc.setQueryData(['community-planning', 'assessment', assessmentId], a) });
  usePageTitle(q.data?.title || t('communityPlanning.needs.heading'));
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const a = q.data;
  const en = i18n.language === 'en';
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/community-planning" size="sm">
        {t('communityPlanning.back')}
      </Anchor>
      <div>
        <Title order={1}>{a.title || t('communityPlanning.needs.heading')}</Title>
        <Text c="dimmed" size="sm">
          {en ? a.hromada.nameEn : a.hromada.nameUk} · {a.year} · {t('communityPlanning.needs.horizon', { year: a.horizonYear })} · {a.publishedOn ? t('communityPlanning.needs.publishedOn', { date: formatDate(a.publishedOn) }) : t('communityPlanning.needs.notPublished')}
        </Text>
      </div>
      {a.allowedActions.includes('publish') && (
        <Group>
          <Button onClick={() => publish.mutate(a.version)} loading={publish.isPending}>
            {t('communityPlanning.needs.publish')}
          </Button>
        </Group>
      )}
      {publish.error && <ErrorAlert error={publish.error} />}
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="na-system">
        <Title order={2} size="h3" id="na-system">
          {t('communityPlanning.needs.system')}
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          {t('communityPlanning.needs.systemHint')}
        </Text>
        <RecordsTable caption={t('communityPlanning.needs.system')} rows={a.systemCounts} rowKey={(c) => c.groupKey} empty={t('communityPlanning.none')} columns={[{ key: 'g', header: t('communityPlanning.needs.group'), rowHeader: true, cell: (c) => groupLabel(t, c.groupKey) }, { key: 'n', header: t('communityPlanning.needs.count'), nowrap: true, cell: (c) => c.count }]} />
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="na-compare">
        <Title order={2} size="h3" id="na-compare" mb="xs">
          {t('communityPlanning.needs.comparison')}
        </Title>
        <RecordsTable
          caption={t('communityPlanning.needs.comparisonCaption')}
          rows={a.comparisons}
          rowKey={(c) => `${c.groupKey}-${c.sourceName}`}
          empty={t('communityPlanning.none')}
          columns={[
            { key: 'g', header: t('communityPlanning.needs.group'), rowHeader: true, cell: (c) => c.label },
            { key: 's', header: t('communityPlanning.needs.systemCount'), nowrap: true, cell: (c) => c.systemCount },
            { key: 'e', header: t('communityPlanning.needs.enteredValue'), nowrap: true, cell: (c) => c.entered },
            { key: 'd', header: t('communityPlanning.needs.difference'), nowrap: true, cell: (c) => (c.difference > 0 ? `+${c.difference}` : c.difference) },
            { key: 'src', header: t('communityPlanning.needs.source'), cell: (c) => c.sourceName },
          ]}
        />
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="na-entered">
        <Title order={2} size="h3" id="na-entered" mb="xs">
          {t('communityPlanning.needs.entered')}
        </Title>
        <RecordsTable
          caption={t('communityPlanning.needs.entered')}
          rows={a.figures}
          rowKey={(f) => `${f.label}-${f.sourceName}`}
          empty={t('communityPlanning.none')}
          columns={[
            { key: 'l', header: t('communityPlanning.needs.group'), rowHeader: true, cell: (f) => f.label },
            { key: 'v', header: t('communityPlanning.needs.count'), nowrap: true, cell: (f) => f.value },
            { key: 's', header: t('communityPlanning.needs.source'), cell: (f) => `${f.sourceName} (${t(`communityPlanning.needs.sourceKinds.${f.sourceKind}`)})` },
            { key: 'd', header: t('communityPlanning.needs.sourceDate'), nowrap: true, cell: (f) => formatDate(f.sourceDate) },
          ]}
        />
        {a.findings.length > 0 && (
          <>
            <Title order={3} size="h4" mt="md">
              {t('communityPlanning.needs.findings')}
            </Title>
            {a.findings.map((f) => (
              <Text key={`${f.sourceName}-${f.sourceDate}`} size="sm">
                {f.finding} — {f.sourceName}, {formatDate(f.sourceDate)}
              </Text>
            ))}
          </>
        )}
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="na-gaps">
        <Title order={2} size="h3" id="na-gaps" mb="xs">
          {t('communityPlanning.needs.gaps')}
        </Title>
        <RecordsTable
          caption={t('communityPlanning.needs.gaps')}
          rows={a.gaps}
          rowKey={(g) => g.serviceCode}
          empty={t('communityPlanning.none')}
          columns={[
            { key: 's', header: t('communityPlanning.costing.service'), rowHeader: true, cell: (g) => (en ? g.nameEn : g.nameUk) },
            { key: 'd', header: t('communityPlanning.needs.demand'), nowrap: true, cell: (g) => g.demand },
            { key: 'c', header: t('communityPlanning.needs.capacity'), nowrap: true, cell: (g) => g.capacity ?? '—' },
            { key: 'r', header: t('communityPlanning.needs.gaps'), cell: (g) => g.reasons.map((r) => t(`communityPlanning.needs.gapReasons.${r}`)).join(', ') },
          ]}
        />
        <Title order={3} size="h4" mt="md" mb="xs">
          {t('communityPlanning.needs.providers')}
        </Title>
        <RecordsTable
          caption={t('communityPlanning.needs.providers')}
          rows={a.providerMap}
          rowKey={(m) => m.serviceCode}
          empty={t('communityPlanning.none')}
          columns={[
            { key: 's', header: t('communityPlanning.costing.service'), rowHeader: true, cell: (m) => (en ? m.nameEn : m.nameUk) },
            { key: 'p', header: t('providers.nav'), cell: (m) => m.providers.map((x) => (en ? x.nameEn : x.nameUk)).join('; ') },
            { key: 'c', header: t('communityPlanning.needs.capacity'), nowrap: true, cell: (m) => m.capacity ?? '—' },
          ]}
        />
      </Paper>
    </Stack>
  );
}

/** The oblast costed implementation plan: activities, totals per year and pillar, funding gap, XLSX (SPEC §9). */
export function OblastPlanPage() {
  const { t, i18n } = useTranslation();
  const { planId } = useParams({ from: '/app/community-planning/oblast-plans/$planId' });
  const q = useQuery({ queryKey: ['community-planning', 'oblast-plan', planId], queryFn: () => fetchOblastPlan(planId) });
  usePageTitle(q.data?.title ?? t('communityPlanning.oblast.heading'));
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const p = q.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/community-planning" size="sm">
        {t('communityPlanning.back')}
      </Anchor>
      <div>
        <Title order={1}>{p.title}</Title>
        <Text c="dimmed" size="sm">
          {i18n.language === 'en' ? p.oblast.nameEn : p.oblast.nameUk} · {p.fromYear}–{p.toYear}
        </Text>
      </div>
      <Group>
        <Button component="a" href={`/api/v1/oblast-plans/${p.id}/export.xlsx`} variant="light" download>
          {t('communityPlanning.export.xlsx')}
        </Button>
      </Group>
      <RecordsTable
        caption={t('communityPlanning.oblast.caption')}
        showCaption
        rows={p.activities}
        rowKey={(a) => a.key}
        empty={t('communityPlanning.none')}
        columns={[
          { key: 'a', header: t('communityPlanning.oblast.activity'), rowHeader: true, cell: (a) => a.title },
          { key: 'p', header: t('communityPlanning.oblast.pillar'), cell: (a) => t(`communityPlanning.oblast.pillars.${a.pillar}`) },
          { key: 'c', header: t('communityPlanning.oblast.component'), cell: (a) => t(`communityPlanning.oblast.components.${a.component}`) },
          { key: 'r', header: t('communityPlanning.oblast.responsible'), cell: (a) => a.responsible },
          { key: 'f', header: t('communityPlanning.oblast.funding'), cell: (a) => t(`communityPlanning.oblast.sources.${a.fundingSource}`) },
          { key: 'cost', header: t('communityPlanning.oblast.cost'), nowrap: true, cell: (a) => money(a.totals.cost) },
          { key: 's', header: t('communityPlanning.oblast.secured'), nowrap: true, cell: (a) => money(a.totals.secured) },
          { key: 'g', header: t('communityPlanning.oblast.gap'), nowrap: true, cell: (a) => money(a.totals.gap) },
        ]}
      />
      <RecordsTable
        caption={t('communityPlanning.oblast.byYear')}
        showCaption
        rows={[...p.byYear.map((y) => ({ label: String(y.year), ...y })), { label: t('communityPlanning.oblast.total'), ...p.total }]}
        rowKey={(y) => y.label}
        empty=""
        columns={[
          { key: 'y', header: t('communityPlanning.year'), rowHeader: true, cell: (y) => y.label },
          { key: 'c', header: t('communityPlanning.oblast.cost'), nowrap: true, cell: (y) => money(y.cost) },
          { key: 's', header: t('communityPlanning.oblast.secured'), nowrap: true, cell: (y) => money(y.secured) },
          { key: 'g', header: t('communityPlanning.oblast.gap'), nowrap: true, cell: (y) => money(y.gap) },
        ]}
      />
      <RecordsTable
        caption={t('communityPlanning.oblast.byPillar')}
        showCaption
        rows={p.byPillar}
        rowKey={(x) => x.pillar}
        empty=""
        columns={[
          { key: 'p', header: t('communityPlanning.oblast.pillar'), rowHeader: true, cell: (x) => t(`communityPlanning.oblast.pillars.${x.pillar}`) },
          { key: 'c', header: t('communityPlanning.oblast.cost'), nowrap: true, cell: (x) => money(x.cost) },
          { key: 's', header: t('communityPlanning.oblast.secured'), nowrap: true, cell: (x) => money(x.secured) },
          { key: 'g', header: t('communityPlanning.oblast.gap'), nowrap: true, cell: (x) => money(x.gap) },
        ]}
      />
    </Stack>
  );
}
