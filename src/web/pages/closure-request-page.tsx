import { Alert, Button, Checkbox, Group, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { closureCriteria, reportCriteria, type ClosureBlocker, type ClosureCriterion, type ReportCriterion } from '#domain/cases/closure.ts';
import type { BenchmarkConfig } from '../features/benchmarks/benchmarks.api.ts';
import { benchmarkConfigQuery } from '../features/benchmarks/benchmarks.queries.ts';
import { ChildScoreFields, emptyScores, toChildBenchmarks, useDomainName, type ChildScoresDraft } from '../features/benchmarks/score-fields.tsx';
import type { CaseDetail } from '../features/cases/cases.api.ts';
import { caseQuery } from '../features/cases/cases.queries.ts';
import { requestClosure } from '../features/closure/closure.api.ts';
import { ClosureBlockers, isBlockerList } from '../features/closure/closure-blockers.tsx';
import { GoalResultsFields, toGoalResults, type GoalDraft } from '../features/closure/goal-results-fields.tsx';
import { caseChildren } from '../features/cases/case-title.ts';
import { CaseFormPage } from '../features/implementation/case-form-page.tsx';
import type { PlanView } from '../features/implementation/implementation.api.ts';
import { agreedPlanQuery, serviceCatalogueQuery } from '../features/implementation/implementation.queries.ts';
import { formatFullName } from '../features/persons/person-name.ts';
import { ApiError } from '../ui/api-client.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { UnsavedChangesGuard } from '../ui/unsaved-changes-guard.tsx';

type Criterion = { met: boolean; note: string };
type StatusRow = { atStart: string; atEnd: string; note: string };

function ClosureForm({ c, plan, config }: { c: CaseDetail; plan: PlanView; config: BenchmarkConfig }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const catalogue = useQuery(serviceCatalogueQuery);
  const domainName = useDomainName(config);
  const dirty = useRef(false);
  const children = caseChildren(c);
  const [criteria, setCriteria] = useState<Record<ClosureCriterion, Criterion>>(() => Object.fromEntries(closureCriteria.map((k) => [k, { met: false, note: '' }])) as Record<ClosureCriterion, Criterion>);
  const [childViews, setChildViews] = useState('');
  const [notHeard, setNotHeard] = useState('');
  const [familyViews, setFamilyViews] = useState('');
  const [goals, setGoals] = useState<Record<string, GoalDraft>>({});
  const [scores, setScores] = useState<Record<string, ChildScoresDraft>>(() => Object.fromEntries(children.map((ch) => [ch.personId, emptyScores(config)])));
  const [services, setServices] = useState<Array<{ serviceCode: string; description: string }>>([{ serviceCode: '', description: '' }]);
  const [status, setStatus] = useState<Record<ReportCriterion, StatusRow>>(() => Object.fromEntries(reportCriteria.map((k) => [k, { atStart: '', atEnd: '', note: '' }])) as Record<ReportCriterion, StatusRow>);
  const [recommendations, setRecommendations] = useState('');
  const [tried, setTried] = useState(false);

  const save = useMutation({
    mutationFn: () =>
      requestClosure(c.id, {
        criteria,
        childViews,
        childViewsNotHeardReason: notHeard,
        familyViews,
        goalResults: toGoalResults(plan, goals),
        benchmarks: children.map((ch) => toChildBenchmarks(config, ch.personId, scores[ch.personId] ?? {})),
        report: {
          servicesProvided: services.filter((s) => s.serviceCode || s.description.trim()).map((s) => ({ serviceCode: s.serviceCode || null, description: s.description })),
          statusByCriterion: reportCriteria.map((criterion) => ({ criterion, ...status[criterion] })),
          recommendations,
        },
      }),
    onSuccess: async () => {
      dirty.current = false;
      await queryClient.invalidateQueries({ queryKey: caseQuery(c.id).queryKey });
      await navigate({ to: '/cases/$caseId', params: { caseId: c.id }, search: { tab: 'review' } });
    },
    onError: () => window.setTimeout(() => document.getElementById('closure-blockers')?.focus(), 30),
  });
  const blockers: ClosureBlocker[] | null = save.error instanceof ApiError && save.error.code === 'closure_blocked' && isBlockerList(save.error.problem.details?.blockers) ? save.error.problem.details.blockers : null;
  const childName = (id: string) => {
    const m = c.members.find((x) => x.personId === id);
    return m ? formatFullName(m) : id;
  };
  const svcName = (s: { nameUk: string; nameEn: string }) => (i18n.language === 'en' ? s.nameEn : s.nameUk);

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        save.mutate();
      }}
      onChange={() => (dirty.current = true)}
      noValidate
    >
      <UnsavedChangesGuard shouldBlock={() => dirty.current} />
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('closure.form.intro', { threshold: config.scale.closureThreshold })}
        </Text>
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="cl-criteria-title" id="cl-criteria">
          <Stack gap="sm">
            <Title order={2} size="h4" id="cl-criteria-title">
              {t('closure.form.criteriaTitle')}
            </Title>
            {closureCriteria.map((k) => (
              <Stack key={k} gap={4}>
                <Checkbox label={t(`closure.criterion.${k}`)} checked={criteria[k].met} onChange={(e) => { const met = e.currentTarget.checked; setCriteria((cr) => ({ ...cr, [k]: { ...cr[k], met } })); }} />
                <Textarea label={t('closure.form.criterionNote', { criterion: t(`closure.criterion.${k}`) })} autosize minRows={1} value={criteria[k].note} onChange={(e) => { const note = e.currentTarget.value; setCriteria((cr) => ({ ...cr, [k]: { ...cr[k], note } })); }} />
              </Stack>
            ))}
          </Stack>
        </Paper>
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="cl-views-title" style={{ borderLeft: '4px solid var(--mantine-color-blue-6)' }}>
          <Stack gap="sm">
            <Title order={2} size="h4" id="cl-views-title">
              {t('closure.form.viewsTitle')}
            </Title>
            <Textarea id="cl-child-views" label={t('closure.form.childViews')} autosize minRows={3} value={childViews} onChange={(e) => setChildViews(e.currentTarget.value)} />
            {!childViews.trim() && <Textarea label={t('closure.form.notHeardReason')} autosize minRows={1} value={notHeard} onChange={(e) => setNotHeard(e.currentTarget.value)} />}
            <Textarea id="cl-family-views" label={t('closure.form.familyViews')} required autosize minRows={3} value={familyViews} onChange={(e) => setFamilyViews(e.currentTarget.value)} />
          </Stack>
        </Paper>
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="cl-goals-title">
          <Stack gap="sm">
            <Title order={2} size="h4" id="cl-goals-title">
              {t('closure.form.goalsTitle', { version: plan.versionNo })}
            </Title>
            <GoalResultsFields plan={plan} value={goals} onChange={setGoals} showMissing={tried} domainName={domainName} idPrefix="cl-goal" commentRequiredFor={['partially']} />
          </Stack>
        </Paper>
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="cl-bm-title">
          <Stack gap="sm">
            <Title order={2} size="h4" id="cl-bm-title">
              {t('closure.form.benchmarksTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('closure.form.benchmarksHint', { threshold: config.scale.closureThreshold })}
            </Text>
            {children.map((ch) => (
              <Stack key={ch.personId} gap="xs" id={`cl-child-${ch.personId}`}>
                <Title order={3} size="h5">
                  {formatFullName(ch)}
                </Title>
                <ChildScoreFields config={config} idPrefix={`cl-bm-${ch.personId}`} value={scores[ch.personId] ?? {}} onChange={(next) => setScores((s) => ({ ...s, [ch.personId]: next }))} showMissing={[]} headingOrder={4} />
              </Stack>
            ))}
          </Stack>
        </Paper>
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="cl-report-title" id="cl-report">
          <Stack gap="sm">
            <Title order={2} size="h4" id="cl-report-title">
              {t('closure.form.reportTitle')}
            </Title>
            <Title order={3} size="h5">
              {t('closure.form.servicesProvided')}
            </Title>
            {services.map((s, i) => (
              <Group key={i} grow align="flex-start" wrap="wrap">
                <NativeSelect
                  label={t('closure.form.service', { n: i + 1 })}
                  value={s.serviceCode}
                  onChange={(e) => { const v = e.currentTarget.value; setServices((ss) => ss.map((x, j) => (j === i ? { ...x, serviceCode: v } : x))); }}
                  data={[{ value: '', label: t('closure.form.serviceNone') }, ...(catalogue.data ?? []).map((x) => ({ value: x.code, label: svcName(x) }))]}
                />
                <Textarea label={t('closure.form.serviceDescription', { n: i + 1 })} autosize minRows={1} value={s.description} onChange={(e) => { const v = e.currentTarget.value; setServices((ss) => ss.map((x, j) => (j === i ? { ...x, description: v } : x))); }} />
              </Group>
            ))}
            <Group>
              <Button variant="subtle" size="xs" onClick={() => setServices((ss) => [...ss, { serviceCode: '', description: '' }])}>
                {t('closure.form.addService')}
              </Button>
            </Group>
            <Title order={3} size="h5">
              {t('closure.form.statusTitle')}
            </Title>
            {reportCriteria.map((k) => (
              <Stack key={k} gap={4}>
                <Text size="sm" fw={600}>
                  {t(`closure.reportCriterion.${k}`)}
                </Text>
                <Group grow align="flex-start" wrap="wrap">
                  <Textarea label={t('closure.form.atStart', { criterion: t(`closure.reportCriterion.${k}`) })} required autosize minRows={2} value={status[k].atStart} onChange={(e) => { const v = e.currentTarget.value; setStatus((st) => ({ ...st, [k]: { ...st[k], atStart: v } })); }} />
                  <Textarea label={t('closure.form.atEnd', { criterion: t(`closure.reportCriterion.${k}`) })} required autosize minRows={2} value={status[k].atEnd} onChange={(e) => { const v = e.currentTarget.value; setStatus((st) => ({ ...st, [k]: { ...st[k], atEnd: v } })); }} />
                </Group>
              </Stack>
            ))}
            <Textarea label={t('closure.form.recommendations')} required autosize minRows={3} value={recommendations} onChange={(e) => setRecommendations(e.currentTarget.value)} />
          </Stack>
        </Paper>
        {blockers && (
          <ClosureBlockers
            blockers={blockers}
            plan={plan}
            childName={childName}
            domainName={domainName}
            anchors={{
              goal: (k) => `cl-goal-${k}`,
              domain: (ch, d) => `cl-bm-${ch}-${d}`,
              child: (ch) => `cl-child-${ch}`,
              criteria: 'cl-criteria',
              childViews: 'cl-child-views',
              familyViews: 'cl-family-views',
              report: 'cl-report',
              plan: `/cases/${c.id}?tab=plan`,
            }}
          />
        )}
        {!blockers && <ErrorAlert error={save.error} />}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('closure.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The closure request with the Order 1005 results report, sent to the supervisor for approval (SPEC §2.14). */
export function ClosureRequestPage() {
  const { t } = useTranslation();
  const { caseId } = useParams({ from: '/app/cases/$caseId/closure/new' });
  const plan = useQuery(agreedPlanQuery(caseId));
  const config = useQuery(benchmarkConfigQuery);
  return (
    <CaseFormPage caseId={caseId} title={t('closure.form.title')} backTab="review">
      {(c) =>
        plan.isPending || config.isPending ? (
          <PageLoader />
        ) : plan.data && config.data ? (
          <ClosureForm c={c} plan={plan.data} config={config.data} />
        ) : plan.data === null ? (
          <Alert color="yellow" variant="light">{t('review.needsPlan')}</Alert>
        ) : (
          <ErrorAlert error={plan.error ?? config.error} />
        )
      }
    </CaseFormPage>
  );
}
