import { Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AvailabilityForm } from '../features/caregivers/availability-form.tsx';
import { HouseholdSummary, PlacementsSection } from '../features/caregivers/caregiver-summary.tsx';
import { caregiverQuery } from '../features/caregivers/caregivers.queries.ts';
import { StageBadge } from '../features/caregivers/caregivers-table.tsx';
import { StageSection } from '../features/caregivers/stage-section.tsx';
import { SupportSection } from '../features/caregivers/support-section.tsx';
import { isApiError } from '../ui/api-client.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDate } from '../ui/format.ts';
import { AnchorLink } from '../ui/links.tsx';
import { NotFound } from '../ui/not-found.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { usePageTitle } from '../ui/page-title.ts';

/** One alternative family: the stages with their dates, the next stage, what it accepts, support and placements (SPEC §5.2). */
export function CaregiverPage() {
  const { t, i18n } = useTranslation();
  const { caregiverId } = useParams({ from: '/app/caregivers/$caregiverId' });
  const q = useQuery(caregiverQuery(caregiverId));
  usePageTitle(q.data?.name ?? t('caregivers.title'));
  if (q.isPending) return <PageLoader />;
  if (isApiError(q.error, 404)) return <NotFound />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const c = q.data;
  return (
    <Stack gap="md">
      <AnchorLink to="/caregivers" size="sm">
        {t('caregivers.page.back')}
      </AnchorLink>
      <div>
        <Title order={1}>{c.name}</Title>
        <Group gap="sm" mt={4}>
          <Text size="sm">{t(`caregivers.type.${c.caregiverType}`)}</Text>
          <Text size="sm">{i18n.language === 'en' ? c.hromada.nameEn : c.hromada.nameUk}</Text>
          <StageBadge stage={c.stage} />
          <Text size="sm">{formatDate(c.stageDate)}</Text>
        </Group>
        {c.address && <Text size="sm" c="dimmed">{c.address}{c.phone ? `, ${c.phone}` : ''}</Text>}
      </div>
      <StageSection c={c} />
      {c.allowedActions.includes('caregiver.edit') ? <AvailabilityForm c={c} /> : <HouseholdSummary c={c} />}
      <SupportSection c={c} />
      <PlacementsSection c={c} />
    </Stack>
  );
}
