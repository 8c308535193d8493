import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDate } from '../../ui/format.ts';
import { ButtonLink } from '../../ui/links.tsx';
import { CaseSection } from '../cases/case-sections.tsx';
import type { CaseDetail } from '../cases/cases.api.ts';
import { BenchmarkCharts, BenchmarkTable, seriesCsv } from './benchmark-chart.tsx';
import type { BenchmarkConfig, BenchmarksList } from './benchmarks.api.ts';
import { benchmarkConfigQuery, benchmarksQuery } from './benchmarks.queries.ts';
import { useDomainName } from './score-fields.tsx';

function ChildProgress({ series, config, index }: { series: BenchmarksList['series'][number]; config: BenchmarkConfig; index: number }) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const domainName = useDomainName(config);
  const download = () => {
    const blob = new Blob(['\uFEFF', seriesCsv(series, config, domainName)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `benchmarks-${index + 1}.csv`;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="wrap">
        <Title order={3} size="h5">
          {t('benchmarks.childProgress', { name: series.child.name })}
        </Title>
        <Group gap="xs">
          <Button size="xs" variant="light" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
            {asTable ? t('benchmarks.showChart') : t('benchmarks.showTable')}
          </Button>
          <Button size="xs" variant="subtle" onClick={download}>
            {t('benchmarks.downloadCsv')}
          </Button>
        </Group>
      </Group>
      {asTable ? <BenchmarkTable series={series} config={config} /> : <BenchmarkCharts series={series} config={config} />}
    </Stack>
  );
}

/** Well-being benchmarks on the assessment tab: progress per domain over time (chart or table), the records, a link to score. */
export function BenchmarksSection({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const config = useQuery(benchmarkConfigQuery);
  const list = useQuery(benchmarksQuery(c.id));
  const canRecord = list.data?.allowedActions.includes('record') ?? false;
  const hasRecords = (list.data?.items.length ?? 0) > 0;
  return (
    <CaseSection id="benchmarks-title" title={t('benchmarks.title')}>
      <Text size="sm" c="dimmed">
        {t('benchmarks.intro', { threshold: config.data?.scale.closureThreshold ?? 3 })}
      </Text>
      {(config.error || list.error) && <ErrorAlert error={config.error ?? list.error} />}
      {config.data && list.data && (
        <>
          {!hasRecords ? (
            <Text size="sm">{canRecord ? t('benchmarks.emptyCanRecord') : t('benchmarks.empty')}</Text>
          ) : (
            list.data.series.map((s, i) => <ChildProgress key={s.child.personId} series={s} config={config.data} index={i} />)
          )}
          {hasRecords && (
            <Stack gap={4}>
              <Title order={3} size="h5">
                {t('benchmarks.recordsTitle')}
              </Title>
              <Table verticalSpacing={4}>
                <Table.Caption className="visually-hidden">{t('benchmarks.recordsTitle')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('benchmarks.columns.date')}</Table.Th>
                    <Table.Th scope="col">{t('benchmarks.columns.occasion')}</Table.Th>
                    <Table.Th scope="col">{t('benchmarks.columns.child')}</Table.Th>
                    <Table.Th scope="col">{t('benchmarks.columns.below')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...list.data.items].reverse().map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(r.recordedOn)}</Table.Td>
                      <Table.Td>{t(`benchmarks.occasion.${r.occasion}`)}</Table.Td>
                      <Table.Td>{r.child.name}</Table.Td>
                      <Table.Td>
                        {r.belowThreshold.length === 0 ? (
                          <Badge color="green" variant="light">
                            {t('benchmarks.allAtThreshold')}
                          </Badge>
                        ) : (
                          <Text size="sm">{t('benchmarks.belowCount', { count: r.belowThreshold.length })}</Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          )}
          {canRecord && (
            <Group>
              <ButtonLink to="/cases/$caseId/benchmarks/new" params={{ caseId: c.id }} variant={hasRecords ? 'light' : 'filled'}>
                {t('benchmarks.record')}
              </ButtonLink>
            </Group>
          )}
        </>
      )}
    </CaseSection>
  );
}
