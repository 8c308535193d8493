import { Stack } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseQuery } from '../features/cases/cases.queries.ts';
import { PlanEditor } from '../features/plans/plan-editor.tsx';
import { PlanHeader, PlanReadOnly } from '../features/plans/plan-header.tsx';
import { benchmarkConfigQuery, planQuery, serviceCatalogueQuery } from '../features/plans/plans.queries.ts';
import { isApiError } from '../ui/api-client.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { NotFound } from '../ui/not-found.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { usePageTitle } from '../ui/page-title.ts';

/** One version of the social support plan: the editor of a draft, or the agreed version read-only. */
export function PlanPage() {
  const { t } = useTranslation();
  const { caseId, planId } = useParams({ from: '/app/cases/$caseId/plans/$planId' });
  const queryClient = useQueryClient();
  const [generation, setGeneration] = useState(0);
  const caseResult = useQuery(caseQuery(caseId));
  const planResult = useQuery(planQuery(caseId, planId));
  // The editor needs the domains and the catalogue for its choices.
  const config = useQuery(benchmarkConfigQuery);
  const catalogue = useQuery(serviceCatalogueQuery);
  usePageTitle(planResult.data ? t('plan.page.title', { n: planResult.data.versionNo }) : t('common.loading'));

  if (caseResult.isPending || planResult.isPending || config.isPending || catalogue.isPending) return <PageLoader />;
  if (isApiError(caseResult.error, 404) || isApiError(planResult.error, 404)) return <NotFound />;
  if (!caseResult.data) return <ErrorAlert error={caseResult.error} />;
  if (!planResult.data) return <ErrorAlert error={planResult.error} />;
  const c = caseResult.data;
  const plan = planResult.data;

  const reload = async () => {
    await Promise.all([queryClient.refetchQueries({ queryKey: ['plans', caseId, 'version', planId] }), queryClient.refetchQueries({ queryKey: caseQuery(caseId).queryKey })]);
    setGeneration((g) => g + 1);
  };

  return (
    <Stack gap="md">
      <PlanHeader c={c} plan={plan} />
      {plan.status === 'draft' && plan.allowedActions.includes('edit') ? (
        <PlanEditor key={`${plan.id}-${generation}`} c={c} view={plan} onReload={() => void reload()} />
      ) : (
        <PlanReadOnly c={c} plan={plan} />
      )}
    </Stack>
  );
}
