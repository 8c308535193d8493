import { Alert, Badge, Button, Group, Paper, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDate } from '../../ui/format.ts';
import { DeadlineInfo } from '../cases/case-badges.tsx';
import { CaseSection } from '../cases/case-sections.tsx';
import type { CaseDetail } from '../cases/cases.api.ts';
import { agreedPlanQuery, planReportsQuery } from './implementation.queries.ts';
import { PlanReportModal, quarterLabel } from './plan-report-modal.tsx';

/** Quarterly reports on the individual plan to the Child Affairs Service (Resolution 585), newest quarter first. */
export function PlanReportsSection({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const reports = useQuery(planReportsQuery(c.id));
  const plan = useQuery(agreedPlanQuery(c.id));
  const [adding, setAdding] = useState(false);
  const items = reports.data?.items ?? [];
  const canCreate = (reports.data?.allowedActions.includes('create') ?? false) && !!plan.data;
  return (
    <CaseSection id="reports-title" title={t('work.reports.title')}>
      <Text size="sm" c="dimmed">
        {t('work.reports.intro585')}
      </Text>
      <ErrorAlert error={reports.error ?? plan.error} />
      {reports.data?.nextReport && (
        <Paper withBorder p="sm" radius="sm" bg="gray.0">
          <Text size="sm" fw={600}>
            {t('work.reports.next')}
          </Text>
          <DeadlineInfo deadline={reports.data.nextReport} withName={false} />
        </Paper>
      )}
      {reports.data?.needsCommission && (
        <Alert color="red" variant="light" title={t('work.reports.commissionTitle')}>
          {t('work.reports.commissionBody')}
        </Alert>
      )}
      {reports.data && items.length === 0 && <Text size="sm">{plan.data === null ? t('work.reports.emptyNoPlan') : canCreate ? t('work.reports.emptyCanAdd') : t('work.reports.empty')}</Text>}
      {canCreate && (
        <Group>
          <Button variant="light" onClick={() => setAdding(true)}>
            {t('work.reports.add')}
          </Button>
        </Group>
      )}
      {items.map((r) => (
        <Paper key={r.id} withBorder p="sm" radius="sm">
          <Group gap="xs" wrap="wrap">
            <Text size="sm" fw={700}>
              {quarterLabel(t, r.period)}
            </Text>
            <Badge variant="light" color={r.overallStatus === 'on_track' ? 'green' : r.overallStatus === 'partly_on_track' ? 'yellow' : 'red'}>
              {t(`work.overallStatus.${r.overallStatus}`)}
            </Badge>
            {r.needsCommission && (
              <Badge color="red" variant="filled">
                {t('work.reports.toCommission')}
              </Badge>
            )}
            <Text size="xs" c="dimmed">
              {t('work.reports.submittedBy', { name: r.submittedBy.name, date: formatDate(r.submittedAt) })}
            </Text>
          </Group>
          {r.commissionGround && <Text size="sm">{t(`work.commissionGround.${r.commissionGround}`)}</Text>}
          {r.overallComment && (
            <Text size="sm" className="prewrap">
              {r.overallComment}
            </Text>
          )}
          <div className="table-scroll">
            <Table verticalSpacing={4} mt={4}>
              <Table.Caption className="visually-hidden">{t('work.reports.measuresCaption', { period: quarterLabel(t, r.period) })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('work.reports.columns.measure')}</Table.Th>
                  <Table.Th scope="col">{t('work.reports.columns.status')}</Table.Th>
                  <Table.Th scope="col">{t('work.reports.columns.comment')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.measures.map((m) => (
                  <Table.Tr key={m.measureKey}>
                    <Table.Td>{m.action}</Table.Td>
                    <Table.Td>{t(`work.measureStatus.${m.status}`)}</Table.Td>
                    <Table.Td>{m.comment || t('common.none')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        </Paper>
      ))}
      {adding && plan.data && <PlanReportModal c={c} plan={plan.data} reported={items.map((r) => r.period)} onClose={() => setAdding(false)} />}
    </CaseSection>
  );
}
