import { Alert, List, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import type { ClosureRequests } from './approvals.api.ts';
import { benchmarkConfigQuery, caseBenchmarksQuery, closureRequestsQuery } from './approvals.queries.ts';

type Request = ClosureRequests['items'][number];
const criteriaKeys = ['goalsMet', 'benchmarksAtThreshold', 'safeStableCare', 'supportInPlace'] as const;

function BenchmarkSummary({ caseId, request }: { caseId: string; request: Request }) {
  const { t, i18n } = useTranslation();
  const records = useQuery(caseBenchmarksQuery(caseId));
  const config = useQuery(benchmarkConfigQuery);
  if (records.isPending || config.isPending) return <PageLoader />;
  if (!records.data || !config.data) return <ErrorAlert error={records.error ?? config.error} />;
  const mine = records.data.items.filter((r) => r.closureRequestId === request.id || request.benchmarkRecordIds.includes(r.id));
  if (mine.length === 0) return <Text size="sm">{t('approvals.closure.benchmarksNone')}</Text>;
  const domainName = (code: string) => {
    const d = config.data.domains.find((x) => x.code === code);
    return d ? (i18n.language === 'en' ? d.nameEn : d.nameUk) : code;
  };
  return (
    <List size="sm" spacing={4}>
      {mine.map((r) => (
        <List.Item key={r.id}>
          {r.belowThreshold.length === 0
            ? t('approvals.closure.benchmarksAllAtThreshold', { child: r.child.name, threshold: config.data.scale.closureThreshold })
            : t('approvals.closure.benchmarksBelow', { child: r.child.name, domains: r.belowThreshold.map(domainName).join(', ') })}
        </List.Item>
      ))}
    </List>
  );
}

function Labelled({ label, value }: { label: string; value: string }) {
  if (!value.trim()) return null;
  return (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} className="wrap-anywhere">
        {value}
      </Text>
    </div>
  );
}

/** What the supervisor approves when closing a case: criteria, views, goals, the results report and the benchmarks. */
export function ClosureSummary({ caseId, closureRequestId }: { caseId: string; closureRequestId: string }) {
  const { t } = useTranslation();
  const query = useQuery(closureRequestsQuery(caseId));
  if (query.isPending) return <PageLoader />;
  if (!query.data) return <ErrorAlert error={query.error} />;
  const request = query.data.items.find((r) => r.id === closureRequestId);
  if (!request) return <Alert color="yellow">{t('approvals.closure.notFound')}</Alert>;
  return (
    <Stack gap="md">
      <section>
        <Title order={3} size="h5" mb={4}>
          {t('approvals.closure.criteriaHeading')}
        </Title>
        <List size="sm" spacing={4}>
          {criteriaKeys.map((k) => (
            <List.Item key={k}>
              <Text span size="sm" fw={600}>
                {t(`approvals.closure.criteria.${k}`)}: {request.criteria[k].met ? t('approvals.closure.met') : t('approvals.closure.notMet')}
              </Text>
              {request.criteria[k].note && <Text size="sm">{request.criteria[k].note}</Text>}
            </List.Item>
          ))}
        </List>
      </section>
      <section>
        <Title order={3} size="h5" mb={4}>
          {t('approvals.closure.viewsHeading')}
        </Title>
        <Stack gap={6}>
          <Labelled label={t('approvals.closure.childViews')} value={request.childViews} />
          <Labelled label={t('approvals.closure.childViewsNotHeard')} value={request.childViewsNotHeardReason} />
          <Labelled label={t('approvals.closure.familyViews')} value={request.familyViews} />
        </Stack>
      </section>
      {request.goalResults.length > 0 && (
        <section>
          <Title order={3} size="h5" mb={4}>
            {t('approvals.closure.goalsHeading')}
          </Title>
          <List size="sm" spacing={4}>
            {request.goalResults.map((g) => (
              <List.Item key={g.goalKey}>
                {g.goal} — <strong>{t(`approvals.closure.achievement.${g.achievement}`)}</strong>
                {g.comment ? `. ${g.comment}` : ''}
              </List.Item>
            ))}
          </List>
        </section>
      )}
      <section>
        <Title order={3} size="h5" mb={4}>
          {t('approvals.closure.reportHeading')}
        </Title>
        <Text size="sm" fw={600}>
          {t('approvals.closure.servicesProvided')}
        </Text>
        {request.report.servicesProvided.length === 0 ? (
          <Text size="sm">{t('approvals.closure.noServices')}</Text>
        ) : (
          <List size="sm" spacing={2} mb="xs">
            {request.report.servicesProvided.map((s, i) => (
              <List.Item key={i}>{s.description || s.serviceCode}</List.Item>
            ))}
          </List>
        )}
        <div className="table-scroll">
          <Table verticalSpacing={4} fz="sm" captionSide="top" withTableBorder>
            <Table.Caption style={{ textAlign: 'left' }}>{t('approvals.closure.reportHeading')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('approvals.closure.reportCriterionColumn')}</Table.Th>
                <Table.Th scope="col">{t('approvals.closure.atStart')}</Table.Th>
                <Table.Th scope="col">{t('approvals.closure.atEnd')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {request.report.statusByCriterion.map((row) => (
                <Table.Tr key={row.criterion}>
                  <Table.Th scope="row">{t(`approvals.closure.reportCriterion.${row.criterion}`)}</Table.Th>
                  <Table.Td>{row.atStart}</Table.Td>
                  <Table.Td>{row.atEnd}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
        <Labelled label={t('approvals.closure.recommendations')} value={request.report.recommendations} />
      </section>
      <section>
        <Title order={3} size="h5" mb={4}>
          {t('approvals.closure.benchmarksHeading')}
        </Title>
        <BenchmarkSummary caseId={caseId} request={request} />
      </section>
    </Stack>
  );
}
