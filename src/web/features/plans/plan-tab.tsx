import { Alert, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDate } from '../../ui/format.ts';
import { AnchorLink, ButtonLink } from '../../ui/links.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import type { CaseDetail } from '../cases/cases.api.ts';
import { caseQuery } from '../cases/cases.queries.ts';
import { AgreementsSection } from '../decisions/agreements-section.tsx';
import { DecisionsSection } from '../decisions/decisions-section.tsx';
import { PlanCompare } from './plan-compare.tsx';
import { PlanApprovalStatus, PlanStatusBadge, PlanSummary } from './plan-summary.tsx';
import { createPlanVersion, planPdfUrl, requestPlanApproval, type PlansList } from './plans.api.ts';
import { planQuery, plansQuery } from './plans.queries.ts';

function VersionsTable({ c, items }: { c: CaseDetail; items: PlansList['items'] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped withTableBorder verticalSpacing="xs">
        <Table.Caption>{t('plan.tab.versionsCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('plan.col.version')}</Table.Th>
            <Table.Th scope="col">{t('plan.col.status')}</Table.Th>
            <Table.Th scope="col">{t('plan.col.content')}</Table.Th>
            <Table.Th scope="col">{t('plan.col.agreedOn')}</Table.Th>
            <Table.Th scope="col">{t('plan.col.createdBy')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((v) => (
            <Table.Tr key={v.id}>
              <Table.Th scope="row">
                <AnchorLink to="/cases/$caseId/plans/$planId" params={{ caseId: c.id, planId: v.id }}>
                  {t('plan.versionNo', { n: v.versionNo })}
                </AnchorLink>
              </Table.Th>
              <Table.Td>
                <PlanStatusBadge status={v.status} />
              </Table.Td>
              <Table.Td>{t('plan.tab.counts', { goals: v.goalCount, measures: v.measureCount })}</Table.Td>
              <Table.Td>{v.agreedOn ? formatDate(v.agreedOn) : t('common.none')}</Table.Td>
              <Table.Td>
                {v.createdByName}, {formatDate(v.createdAt)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The agreed version in force with its approval, the print link and the request to the supervisor. */
function CurrentPlan({ c, planId }: { c: CaseDetail; planId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const plan = useQuery(planQuery(c.id, planId));
  const ask = useMutation({
    mutationFn: () => requestPlanApproval(c.id, planId),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['plans', c.id] });
      await queryClient.invalidateQueries({ queryKey: caseQuery(c.id).queryKey });
    },
  });
  if (plan.isPending) return <PageLoader />;
  if (!plan.data) return <ErrorAlert error={plan.error} />;
  const p = plan.data;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="plan-current-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3} size="h4" id="plan-current-title">
            {t('plan.tab.current', { n: p.versionNo, date: formatDate(p.agreement.agreedOn) })}
          </Title>
          <Group gap="xs">
            <Button component="a" href={planPdfUrl(c.id, p.id)} variant="default" size="xs" target="_blank" rel="noopener">
              {t('plan.tab.print')}
            </Button>
            {p.allowedActions.includes('request_approval') && (
              <Button size="xs" onClick={() => ask.mutate()} loading={ask.isPending}>
                {p.approval?.status === 'returned' ? t('plan.approval.requestAgain') : t('plan.approval.request')}
              </Button>
            )}
          </Group>
        </Group>
        <PlanApprovalStatus plan={p} />
        {ask.isError && <ErrorAlert error={ask.error} />}
        <PlanSummary c={c} plan={p} headingOrder={4} />
      </Stack>
    </Paper>
  );
}

/** The case page's plan tab: versions, the plan in force, comparison, decisions on services and agreements (SPEC §2.8–§2.9). */
export function PlanTab({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const plans = useQuery(plansQuery(c.id));
  const create = useMutation({
    mutationFn: () => createPlanVersion(c.id),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ['plans', c.id] });
      await queryClient.invalidateQueries({ queryKey: caseQuery(c.id).queryKey });
      await navigate({ to: '/cases/$caseId/plans/$planId', params: { caseId: c.id, planId: created.id } });
    },
  });
  if (plans.isPending) return <PageLoader />;
  if (!plans.data) return <ErrorAlert error={plans.error} />;
  const items = plans.data.items;
  const draft = items.find((v) => v.status === 'draft');
  const agreed = items.find((v) => v.status === 'agreed');
  const canCreate = plans.data.allowedActions.includes('create');

  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="plan-versions-title">
        <Stack gap="sm">
          <Title order={2} size="h3" id="plan-versions-title">
            {t('plan.tab.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('plan.tab.legal')}
          </Text>
          {items.length === 0 ? <Text size="sm">{t('plan.tab.noPlans')}</Text> : <VersionsTable c={c} items={items} />}
          <Group gap="sm" wrap="wrap">
            {draft && (
              <ButtonLink to="/cases/$caseId/plans/$planId" params={{ caseId: c.id, planId: draft.id }}>
                {t('plan.tab.continueDraft', { n: draft.versionNo })}
              </ButtonLink>
            )}
            {canCreate && (
              <Button variant={items.length === 0 ? 'filled' : 'default'} onClick={() => create.mutate()} loading={create.isPending}>
                {items.length === 0 ? t('plan.tab.create') : t('plan.tab.createVersion')}
              </Button>
            )}
          </Group>
          {create.isError && <ErrorAlert error={create.error} />}
        </Stack>
      </Paper>
      {agreed ? (
        <CurrentPlan c={c} planId={agreed.id} />
      ) : (
        items.length > 0 && (
          <Alert color="yellow" variant="light">
            {t('plan.tab.noAgreed')}
          </Alert>
        )
      )}
      <PlanCompare c={c} versions={items} />
      <DecisionsSection c={c} />
      <AgreementsSection c={c} agreedPlan={agreed ?? null} />
    </Stack>
  );
}
