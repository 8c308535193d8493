import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { needsAssessmentSections, type NeedsAssessmentSection } from '#domain/cases/needs-assessment.ts';
import { caseQuery } from '../features/cases/cases.queries.ts';
import { NeedsAssessmentForm } from '../features/needs-assessment/needs-assessment-form.tsx';
import { needsAssessmentQuery } from '../features/needs-assessment/needs-assessment.queries.ts';
import { isApiError } from '../ui/api-client.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { NotFound } from '../ui/not-found.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { usePageTitle } from '../ui/page-title.ts';

const isSection = (s: unknown): s is NeedsAssessmentSection => typeof s === 'string' && (needsAssessmentSections as readonly string[]).includes(s);

/** The needs-assessment act of a case. */
export function NeedsAssessmentPage() {
  const { t } = useTranslation();
  usePageTitle(t('needsAssessment.title'));
  const { caseId } = useParams({ from: '/app/cases/$caseId/needs-assessment' });
  const search = useSearch({ from: '/app/cases/$caseId/needs-assessment' });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [generation, setGeneration] = useState(0);
  const caseResult = useQuery(caseQuery(caseId));
  const naResult = useQuery(needsAssessmentQuery(caseId));
  const section: NeedsAssessmentSection = isSection(search.section) ? search.section : 'members';

  if (caseResult.isPending || naResult.isPending) return <PageLoader />;
  if (isApiError(caseResult.error, 404) || isApiError(naResult.error, 404)) return <NotFound />;
  if (!caseResult.data) return <ErrorAlert error={caseResult.error} />;
  if (!naResult.data) return <ErrorAlert error={naResult.error} />;

  const reload = async () => {
    await Promise.all([
      queryClient.refetchQueries({ queryKey: ['needs-assessment', caseId] }),
      queryClient.refetchQueries({ queryKey: ['cases', 'detail', caseId] }),
    ]);
    setGeneration((g) => g + 1);
  };

  return (
    <NeedsAssessmentForm
      key={`${naResult.data.id}-${generation}`}
      c={caseResult.data}
      view={naResult.data}
      section={section}
      onSection={(s) => void navigate({ to: '.', search: { section: s }, replace: true })}
      onReload={() => void reload()}
    />
  );
}
