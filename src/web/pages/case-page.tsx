import { Alert, Badge, Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ComplexityBadge, UrgentBadge } from '../features/cases/case-badges.tsx';
import { CaseDeadlines, CaseMembers, CaseNeedsAssessment, CaseNotification, CaseTimeline } from '../features/cases/case-sections.tsx';
import { caseTitleOf } from '../features/cases/case-title.ts';
import { CaseTransitions } from '../features/cases/case-transitions.tsx';
import { caseQuery } from '../features/cases/cases.queries.ts';
import { StepTracker } from '../features/cases/step-tracker.tsx';
import { isApiError } from '../ui/api-client.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDate } from '../ui/format.ts';
import { NotFound } from '../ui/not-found.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { usePageTitle } from '../ui/page-title.ts';

/** The case page: header, steps (global and legal), deadlines, family, notification, needs assessment, timeline, transitions. */
export function CasePage() {
  const { t } = useTranslation();
  const { caseId } = useParams({ from: '/app/cases/$caseId' });
  const { registered } = useSearch({ from: '/app/cases/$caseId' });
  const navigate = useNavigate();
  const query = useQuery(caseQuery(caseId));
  const c = query.data;
  const title = c ? caseTitleOf(c) : '';
  usePageTitle(c ? `${t('casePage.title', { number: c.number })} · ${title}` : t('common.loading'));

  if (query.isPending) return <PageLoader />;
  if (isApiError(query.error, 404) || isApiError(query.error, 403)) return <NotFound />;
  if (!c) return <ErrorAlert error={query.error} />;

  return (
    <Stack gap="md">
      {registered && (
        <Alert color="green" variant="light" role="status" title={t('intake.createdCase', { number: c.number })} withCloseButton closeButtonLabel={t('common.close')} onClose={() => void navigate({ to: '.', search: {}, replace: true })}>
          {registered === 'urgent' && <Text fw={700}>{t('intake.createdUrgent')}</Text>}
        </Alert>
      )}
      <Paper withBorder p="md" radius="md" component="header">
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('casePage.title', { number: c.number })}
          </Text>
          <Group gap="sm" wrap="wrap" align="center">
            <Title order={1} className="wrap-anywhere">
              {title}
            </Title>
            {c.urgent && <UrgentBadge />}
          </Group>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
            <div>
              <Text size="xs" c="dimmed" fw={600}>{t('casePage.type')}</Text>
              <Text size="sm">{t(`caseType.${c.caseType}`)}</Text>
            </div>
            <div>
              <Text size="xs" c="dimmed" fw={600}>{t('casePage.status')}</Text>
              <Badge variant="light" color={c.status === 'open' ? 'blue' : 'gray'}>{t(`caseStatus.${c.status}`)}</Badge>
            </div>
            <div>
              <Text size="xs" c="dimmed" fw={600}>{t('casePage.complexity')}</Text>
              {c.complexity ? <ComplexityBadge complexity={c.complexity} /> : <Text size="sm">{t('casePage.complexityNotAssessed')}</Text>}
            </div>
            <div>
              <Text size="xs" c="dimmed" fw={600}>{t('casePage.registeredOn')}</Text>
              <Text size="sm">{formatDate(c.registeredOn)}</Text>
            </div>
            <div>
              <Text size="xs" c="dimmed" fw={600}>{t('casePage.caseManager')}</Text>
              <Text size="sm">{c.caseManager.name}</Text>
            </div>
            <div>
              <Text size="xs" c="dimmed" fw={600}>{t('casePage.organisation')}</Text>
              <Text size="sm">{c.organisation.name}</Text>
            </div>
            <div>
              <Text size="xs" c="dimmed" fw={600}>{t('casePage.hromada')}</Text>
              <Text size="sm">{c.hromada.name}</Text>
            </div>
          </SimpleGrid>
        </Stack>
      </Paper>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <CaseNeedsAssessment c={c} />
            <CaseDeadlines c={c} />
            <CaseMembers c={c} />
            <CaseNotification c={c} />
            <CaseTimeline c={c} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <StepTracker c={c} />
            <CaseTransitions c={c} onMoved={() => undefined} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
