import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { groupLabel } from '../features/community-planning/group-label.ts';
import { fetchPublishedSummaries, fetchPublishedSummary } from '../features/community-planning/community-planning.api.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDate } from '../ui/format.ts';
import { AnchorLink } from '../ui/links.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { usePageTitle } from '../ui/page-title.ts';
import { RecordsTable } from '../ui/records-table.tsx';

/** «Оприлюднені оцінки потреб» — every hromada's published needs-assessment summary, for every signed-in user (SPEC §8). */
export function CommunitySummariesPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('communityPlanning.summaries.title'));
  const q = useQuery({ queryKey: ['community-planning', 'summaries'], queryFn: fetchPublishedSummaries });
  const en = i18n.language === 'en';
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('communityPlanning.summaries.title')}</Title>
        <Text c="dimmed" size="sm" maw={820}>
          {t('communityPlanning.summaries.intro')}
        </Text>
      </div>
      {q.isPending ? (
        <PageLoader />
      ) : q.error ? (
        <ErrorAlert error={q.error} />
      ) : (
        <RecordsTable
          caption={t('communityPlanning.summaries.title')}
          rows={q.data.items}
          rowKey={(s) => s.id}
          empty={t('communityPlanning.summaries.none')}
          columns={[
            { key: 'title', header: t('communityPlanning.columns.title'), rowHeader: true, cell: (s) => <AnchorLink to="/community-planning/summaries/$summaryId" params={{ summaryId: s.id }}>{s.title || String(s.year)}</AnchorLink> },
            { key: 'hromada', header: t('communityPlanning.columns.hromada'), cell: (s) => (en ? s.hromada.nameEn : s.hromada.nameUk) },
            { key: 'year', header: t('communityPlanning.columns.year'), nowrap: true, cell: (s) => `${s.year}–${s.horizonYear}` },
            { key: 'pub', header: t('communityPlanning.columns.published'), nowrap: true, cell: (s) => (s.publishedOn ? formatDate(s.publishedOn) : '—') },
          ]}
        />
      )}
    </Stack>
  );
}

/** One published summary: aggregates only, cells of 1–4 shown as «<5». */
export function CommunitySummaryPage() {
  const { t, i18n } = useTranslation();
  const { summaryId } = useParams({ from: '/app/community-planning/summaries/$summaryId' });
  const q = useQuery({ queryKey: ['community-planning', 'summary', summaryId], queryFn: () => fetchPublishedSummary(summaryId) });
  usePageTitle(q.data?.title || t('communityPlanning.summaries.title'));
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const s = q.data;
  const en = i18n.language === 'en';
  const shown = (n: number | null) => (n === null ? t('communityPlanning.needs.suppressed') : n);
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/community-planning/summaries" size="sm">
        {t('communityPlanning.summaries.back')}
      </Anchor>
      <div>
        <Title order={1}>{s.title || t('communityPlanning.needs.heading')}</Title>
        <Text c="dimmed" size="sm">
          {en ? s.hromada.nameEn : s.hromada.nameUk} · {s.year} · {t('communityPlanning.needs.horizon', { year: s.horizonYear })} · {t('communityPlanning.needs.publishedOn', { date: formatDate(s.publishedOn) })}
        </Text>
        <Text size="sm" mt={4}>
          {t('communityPlanning.summaries.suppressionHint')}
        </Text>
      </div>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="sum-system">
        <Title order={2} size="h3" id="sum-system" mb="xs">
          {t('communityPlanning.needs.system')}
        </Title>
        <RecordsTable caption={t('communityPlanning.needs.system')} rows={s.counts} rowKey={(c) => c.groupKey} empty={t('communityPlanning.none')} columns={[{ key: 'g', header: t('communityPlanning.needs.group'), rowHeader: true, cell: (c) => groupLabel(t, c.groupKey) }, { key: 'n', header: t('communityPlanning.needs.count'), nowrap: true, cell: (c) => shown(c.count) }]} />
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="sum-entered">
        <Title order={2} size="h3" id="sum-entered" mb="xs">
          {t('communityPlanning.needs.entered')}
        </Title>
        <RecordsTable
          caption={t('communityPlanning.needs.entered')}
          rows={s.figures}
          rowKey={(f) => `${f.label}-${f.sourceName}`}
          empty={t('communityPlanning.none')}
          columns={[
            { key: 'l', header: t('communityPlanning.needs.group'), rowHeader: true, cell: (f) => f.label },
            { key: 'v', header: t('communityPlanning.needs.count'), nowrap: true, cell: (f) => shown(f.value) },
            { key: 's', header: t('communityPlanning.needs.source'), cell: (f) => `${f.sourceName} (${t(`communityPlanning.needs.sourceKinds.${f.sourceKind}`)})` },
            { key: 'd', header: t('communityPlanning.needs.sourceDate'), nowrap: true, cell: (f) => formatDate(f.sourceDate) },
          ]}
        />
        {s.findings.length > 0 && (
          <>
            <Title order={3} size="h4" mt="md">
              {t('communityPlanning.needs.findings')}
            </Title>
            {s.findings.map((f, i) => (
              <Text key={i} size="sm">
                {f.finding} — {f.sourceName} ({t(`communityPlanning.needs.sourceKinds.${f.sourceKind}`)}), {formatDate(f.sourceDate)}
              </Text>
            ))}
          </>
        )}
        {s.conclusions && (
          <>
            <Title order={3} size="h4" mt="md">
              {t('communityPlanning.needs.conclusions')}
            </Title>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {s.conclusions}
            </Text>
          </>
        )}
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="sum-gaps">
        <Title order={2} size="h3" id="sum-gaps" mb="xs">
          {t('communityPlanning.needs.gaps')}
        </Title>
        <RecordsTable
          caption={t('communityPlanning.needs.gaps')}
          rows={s.gaps}
          rowKey={(g) => g.serviceCode}
          empty={t('communityPlanning.none')}
          columns={[
            { key: 's', header: t('communityPlanning.costing.service'), rowHeader: true, cell: (g) => (en ? g.nameEn : g.nameUk) },
            { key: 'r', header: t('communityPlanning.needs.gaps'), cell: (g) => g.reasons.map((r) => t(`communityPlanning.needs.gapReasons.${r}`)).join(', ') },
          ]}
        />
      </Paper>
    </Stack>
  );
}
