import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDate } from '../../ui/format.ts';
import { AnchorLink } from '../../ui/links.tsx';
import type { CaseDetail } from '../cases/cases.api.ts';
import { caseTitleOf } from '../cases/case-title.ts';
import { PlanApprovalStatus, PlanStatusBadge, PlanSummary } from './plan-summary.tsx';
import { createPlanVersion, planPdfUrl, type PlanView } from './plans.api.ts';

/** The page header of a plan version: case link, title, status, who created it, the legal source. */
export function PlanHeader({ c, plan }: { c: CaseDetail; plan: PlanView }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" component="header">
      <Stack gap={6}>
        <div>
          <AnchorLink to="/cases/$caseId" params={{ caseId: c.id }} search={{ tab: 'plan' }} size="sm">
            ← {t('plan.page.caseLink', { number: c.number })} · {caseTitleOf(c)}
          </AnchorLink>
        </div>
        <Group gap="sm" wrap="wrap" align="center">
          <Title order={1}>{t('plan.page.title', { n: plan.versionNo })}</Title>
          <PlanStatusBadge status={plan.status} />
        </Group>
        <Text size="sm" c="dimmed">
          {t('plan.tab.legal')}
        </Text>
        <Text size="sm">{t('plan.page.createdBy', { name: plan.createdBy.name, date: formatDate(plan.createdAt) })}</Text>
      </Stack>
    </Paper>
  );
}

/** An agreed or superseded version, read-only, with print, the supervisor's approval and the start of a revision. */
export function PlanReadOnly({ c, plan }: { c: CaseDetail; plan: PlanView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const revise = useMutation({
    mutationFn: () => createPlanVersion(c.id),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ['plans', c.id] });
      await queryClient.invalidateQueries({ queryKey: ['cases', 'detail', c.id] });
      await navigate({ to: '/cases/$caseId/plans/$planId', params: { caseId: c.id, planId: created.id } });
    },
  });
  return (
    <Stack gap="md">
      <Alert color="gray" variant="light">
        {plan.status === 'draft' ? t('plan.page.readOnlyDraft') : t('plan.page.readOnly')}
      </Alert>
      <Group gap="sm" wrap="wrap">
        {plan.status !== 'draft' && (
          <Button component="a" href={planPdfUrl(c.id, plan.id)} variant="default" target="_blank" rel="noopener">
            {t('plan.tab.print')}
          </Button>
        )}
        {plan.allowedActions.includes('revise') && (
          <Button onClick={() => revise.mutate()} loading={revise.isPending}>
            {t('plan.tab.createVersion')}
          </Button>
        )}
      </Group>
      {revise.isError && <ErrorAlert error={revise.error} />}
      <PlanApprovalStatus plan={plan} />
      <Paper withBorder p="md" radius="md">
        <PlanSummary c={c} plan={plan} headingOrder={2} />
      </Paper>
    </Stack>
  );
}
