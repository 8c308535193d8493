import { Alert, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HiddenMarker } from '../features/consent/hidden-marker.tsx';
import type { Matching } from '../features/caregivers/caregivers.api.ts';
import { matchingQuery } from '../features/caregivers/caregivers.queries.ts';
import { MatchingList } from '../features/caregivers/matching-list.tsx';
import { PlacementConfirm } from '../features/caregivers/placement-confirm.tsx';
import { formatFullName } from '../features/persons/person-name.ts';
import { isApiError } from '../ui/api-client.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { AnchorLink } from '../ui/links.tsx';
import { NotFound } from '../ui/not-found.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { usePageTitle } from '../ui/page-title.ts';

/** «Підбір альтернативної сім’ї» for a child of a case: ranked families with reasons, choose, confirm the decision (SPEC §5.2, §2.11). */
export function MatchingPage() {
  const { t } = useTranslation();
  const { caseId } = useParams({ from: '/app/cases/$caseId/matching' });
  const { childId } = useSearch({ from: '/app/cases/$caseId/matching' });
  usePageTitle(t('caregivers.matching.title'));
  const q = useQuery({ ...matchingQuery(caseId, childId ?? ''), enabled: !!childId });
  const [chosen, setChosen] = useState<Matching['candidates'][number] | null>(null);
  if (!childId || isApiError(q.error, 404)) return <NotFound />;
  if (q.isPending) return <PageLoader />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const m = q.data;
  return (
    <Stack gap="md">
      <AnchorLink to="/cases/$caseId" params={{ caseId }} search={{ tab: 'care' }} size="sm">
        {t('caregivers.matching.back')}
      </AnchorLink>
      <div>
        <Title order={1}>{t('caregivers.matching.title')}</Title>
        <Text c="dimmed" size="sm" maw={820}>
          {t('caregivers.matching.intro')}
        </Text>
      </div>
      <Text>
        {t('caregivers.matching.child')}: <strong>{t('caregivers.matching.childInfo', { name: formatFullName(m.child), age: m.child.ageYears })}</strong>
        {m.child.disability ? `, ${t('caregivers.matching.disability')}` : ''}
        {m.maskedFields.includes('disability') && (
          <>
            {`, ${t('caregivers.matching.disability')}: `}
            <HiddenMarker />
          </>
        )}
      </Text>
      {m.siblingGroupSize > 1 && <Text size="sm">{t('caregivers.matching.siblings', { count: m.siblingGroupSize })}</Text>}
      {chosen && <PlacementConfirm key={chosen.caregiver.id} caseId={caseId} childId={childId} candidate={chosen} onCancel={() => setChosen(null)} />}
      {m.candidates.length === 0 ? (
        <Alert color="gray" variant="light" role="status">
          {t('caregivers.matching.empty')}
        </Alert>
      ) : (
        <MatchingList m={m} onChoose={setChosen} />
      )}
    </Stack>
  );
}
