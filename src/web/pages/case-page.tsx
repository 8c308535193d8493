import { Alert, Badge, Grid, Group, Paper, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ComplexityBadge, UrgentBadge } from '../features/cases/case-badges.tsx';
import { CaseDeadlines, CaseMembers, CaseNeedsAssessment, CaseNotification, CaseTimeline } from '../features/cases/case-sections.tsx';
import { caseTitleOf } from '../features/cases/case-title.ts';
import { CaseTransitions } from '../features/cases/case-transitions.tsx';
import type { CaseDetail } from '../features/cases/cases.api.ts';
import { caseQuery } from '../features/cases/cases.queries.ts';
import { StepTracker } from '../features/cases/step-tracker.tsx';
import { BenchmarksSection } from '../features/benchmarks/benchmarks-section.tsx';
import { ReviewTab } from '../features/closure/review-tab.tsx';
import { ConsentSection } from '../features/consent/consent-section.tsx';
import { WorkTab } from '../features/implementation/work-tab.tsx';
import { CaseReferrals } from '../features/referrals/case-referrals.tsx';
import { CareTab } from '../features/placement/care-tab.tsx';
import { CasePanelSection } from '../features/panels/case-panel-section.tsx';
import { PlanTab } from '../features/plans/plan-tab.tsx';
import { SafetyActSection } from '../features/safety/safety-act-section.tsx';
import { FamilyTab } from '../features/tracing/family-tab.tsx';
import type { CaseTab } from '../router.tsx';
import { stepsByCaseType } from '#domain/cases/workflow.ts';
import { isApiError } from '../ui/api-client.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDate } from '../ui/format.ts';
import { NotFound } from '../ui/not-found.tsx';
import { EmergencyAccessOffer } from '../features/emergency-access/emergency-access-offer.tsx';
import { EmergencyBanner } from '../features/emergency-access/emergency-banner.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { usePageTitle } from '../ui/page-title.ts';

/** Whether the case type goes through family tracing (reintegration pathways, SPEC §2.2). */
function hasTracing(caseType: CaseDetail['caseType']): boolean {
  return stepsByCaseType[caseType].includes('family_tracing');
}

/**
 * The case page: header; tabs for the work of each stage (overview, assessment, family, plan, implementation,
 * care arrangements, review and closure, history), kept in the address so a link opens the same tab;
 * the steps (global and legal) and the next move beside them on every tab.
 */
export function CasePage() {
  const { t } = useTranslation();
  const { caseId } = useParams({ from: '/app/cases/$caseId' });
  const { registered, tab } = useSearch({ from: '/app/cases/$caseId' });
  const navigate = useNavigate();
  const query = useQuery(caseQuery(caseId));
  const c = query.data;
  const title = c ? caseTitleOf(c) : '';
  usePageTitle(c ? `${t('casePage.title', { number: c.number })} · ${title}` : t('common.loading'));

  if (query.isPending) return <PageLoader />;
  if (isApiError(query.error, 404) || isApiError(query.error, 403)) {
    return (
      <Stack gap="md">
        <NotFound />
        <EmergencyAccessOffer caseId={caseId} />
      </Stack>
    );
  }
  if (!c) return <ErrorAlert error={query.error} />;

  const tabs: CaseTab[] = ['overview', 'assessment', ...(hasTracing(c.caseType) ? (['family'] as const) : []), 'plan', 'work', 'care', 'review', 'history'];
  const activeTab: CaseTab = tab && tabs.includes(tab) ? tab : 'overview';

  return (
    <Stack gap="md">
      <EmergencyBanner c={c} />
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
          <Tabs
            value={activeTab}
            onChange={(v) => void navigate({ to: '.', search: (prev) => ({ ...prev, tab: (v ?? 'overview') as CaseTab }), replace: true })}
            keepMounted={false}
            variant="outline"
          >
            <Tabs.List aria-label={t('casePage.tabs.label')}>
              {tabs.map((k) => (
                <Tabs.Tab key={k} value={k}>
                  {t(`casePage.tabs.${k}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            <Tabs.Panel value="overview" pt="md">
              <Stack gap="md">
                <CaseDeadlines c={c} />
                <CaseMembers c={c} />
                <ConsentSection c={c} />
                <CaseNotification c={c} />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="assessment" pt="md">
              <Stack gap="md">
                <SafetyActSection c={c} />
                <CaseNeedsAssessment c={c} />
                <BenchmarksSection c={c} />
              </Stack>
            </Tabs.Panel>
            {hasTracing(c.caseType) && (
              <Tabs.Panel value="family" pt="md">
                <FamilyTab c={c} />
              </Tabs.Panel>
            )}
            <Tabs.Panel value="plan" pt="md">
              <PlanTab c={c} />
            </Tabs.Panel>
            <Tabs.Panel value="work" pt="md">
              <Stack gap="md">
                <WorkTab c={c} />
                <CaseReferrals c={c} />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="care" pt="md">
              <Stack gap="md">
                <CareTab c={c} />
                <CasePanelSection c={c} />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="review" pt="md">
              <ReviewTab c={c} />
            </Tabs.Panel>
            <Tabs.Panel value="history" pt="md">
              <CaseTimeline c={c} />
            </Tabs.Panel>
          </Tabs>
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
