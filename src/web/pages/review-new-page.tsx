import { Alert, Button, Checkbox, Group, List, Paper, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reviewDecisions, reviewKinds, type ReviewDecision, type ReviewKind } from '#domain/cases/review.ts';
import type { BenchmarkConfig } from '../features/benchmarks/benchmarks.api.ts';
import { benchmarkConfigQuery } from '../features/benchmarks/benchmarks.queries.ts';
import { ChildScoreFields, emptyScores, incompleteDomains, toChildBenchmarks, useDomainName, type ChildScoresDraft } from '../features/benchmarks/score-fields.tsx';
import type { CaseDetail } from '../features/cases/cases.api.ts';
import { caseQuery } from '../features/cases/cases.queries.ts';
import { createReview } from '../features/closure/closure.api.ts';
import { GoalResultsFields, toGoalResults, unjudgedGoals, type GoalDraft } from '../features/closure/goal-results-fields.tsx';
import { caseChildren } from '../features/cases/case-title.ts';
import { CaseFormPage, DateField } from '../features/implementation/case-form-page.tsx';
import type { PlanView } from '../features/implementation/implementation.api.ts';
import { agreedPlanQuery } from '../features/implementation/implementation.queries.ts';
import { formatFullName } from '../features/persons/person-name.ts';
import { ApiError } from '../ui/api-client.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { todayInKyiv } from '../ui/format.ts';
import { PageLoader } from '../ui/page-loader.tsx';
import { UnsavedChangesGuard } from '../ui/unsaved-changes-guard.tsx';

type Participant = { name: string; role: string; organisation: string };

function ReviewForm({ c, plan, config }: { c: CaseDetail; plan: PlanView; config: BenchmarkConfig }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const domainName = useDomainName(config);
  const dirty = useRef(false);
  const children = caseChildren(c);
  const [kind, setKind] = useState<ReviewKind>('periodic_review');
  const [heldOn, setHeldOn] = useState(todayInKyiv());
  const [participants, setParticipants] = useState<Participant[]>([{ name: c.caseManager.name, role: t('review.caseManagerRole'), organisation: c.organisation.name }]);
  const [childPresent, setChildPresent] = useState(false);
  const [familyPresent, setFamilyPresent] = useState(false);
  const [childViews, setChildViews] = useState('');
  const [notHeard, setNotHeard] = useState('');
  const [goals, setGoals] = useState<Record<string, GoalDraft>>({});
  const [rescore, setRescore] = useState(true);
  const [scores, setScores] = useState<Record<string, ChildScoresDraft>>(() => Object.fromEntries(children.map((ch) => [ch.personId, emptyScores(config)])));
  const [decision, setDecision] = useState<ReviewDecision>('continue');
  const [decisionNotes, setDecisionNotes] = useState('');
  const [permanency, setPermanency] = useState('');
  const [tried, setTried] = useState(false);
  const scoring = kind === 'periodic_review' || rescore;
  const missingScores = scoring ? children.filter((ch) => incompleteDomains(config, scores[ch.personId] ?? {}).length > 0) : [];
  const problems = [
    ...(!childViews.trim() && !notHeard.trim() ? [t('review.missing.childViews')] : []),
    ...(unjudgedGoals(plan, goals).length > 0 ? [t('review.missing.goalResults')] : []),
    ...(kind === 'case_conference' && participants.filter((p) => p.name.trim()).length === 0 ? [t('review.missing.participants')] : []),
    ...missingScores.map((ch) => t('review.missing.benchmarksOf', { name: formatFullName(ch) })),
  ];

  const save = useMutation({
    mutationFn: () =>
      createReview(c.id, {
        kind,
        heldOn,
        participants: participants.filter((p) => p.name.trim()),
        childPresent,
        familyPresent,
        childViews,
        childViewsNotHeardReason: notHeard,
        goalResults: toGoalResults(plan, goals),
        benchmarks: scoring ? children.map((ch) => toChildBenchmarks(config, ch.personId, scores[ch.personId] ?? {})) : [],
        decision,
        decisionNotes,
        permanencyPlanning: permanency,
      }),
    onSuccess: async () => {
      dirty.current = false;
      await queryClient.invalidateQueries({ queryKey: caseQuery(c.id).queryKey });
      await navigate({ to: '/cases/$caseId', params: { caseId: c.id }, search: { tab: 'review' } });
    },
  });
  const serverMissing = save.error instanceof ApiError && save.error.code === 'review_incomplete' && Array.isArray(save.error.problem.details?.missing) ? (save.error.problem.details.missing as Array<{ path: string }>) : [];

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (problems.length === 0) save.mutate();
        else window.setTimeout(() => document.getElementById('rv-missing')?.focus(), 30);
      }}
      onChange={() => (dirty.current = true)}
      noValidate
    >
      <UnsavedChangesGuard shouldBlock={() => dirty.current} />
      <Stack gap="md">
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="rv-meeting">
          <Stack gap="sm">
            <Title order={2} size="h4" id="rv-meeting">
              {t('review.form.meeting')}
            </Title>
            <Radio.Group label={t('review.form.kind')} value={kind} onChange={(v) => setKind(v as ReviewKind)}>
              <Group gap="md" mt={4}>
                {reviewKinds.map((k) => (
                  <Radio key={k} value={k} label={t(`review.kind.${k}`)} />
                ))}
              </Group>
            </Radio.Group>
            <DateField label={t('review.form.heldOn')} value={heldOn} onChange={setHeldOn} maxDate={todayInKyiv()} required maw={240} />
            <Text size="sm" fw={600}>
              {t('review.form.participants')}
            </Text>
            {participants.map((p, i) => (
              <Group key={i} grow align="flex-end" wrap="wrap">
                <TextInput label={t('review.form.participantName', { n: i + 1 })} value={p.name} onChange={(e) => { const v = e.currentTarget.value; setParticipants((ps) => ps.map((x, j) => (j === i ? { ...x, name: v } : x))); }} />
                <TextInput label={t('review.form.participantRole', { n: i + 1 })} value={p.role} onChange={(e) => { const v = e.currentTarget.value; setParticipants((ps) => ps.map((x, j) => (j === i ? { ...x, role: v } : x))); }} />
                <TextInput label={t('review.form.participantOrg', { n: i + 1 })} value={p.organisation} onChange={(e) => { const v = e.currentTarget.value; setParticipants((ps) => ps.map((x, j) => (j === i ? { ...x, organisation: v } : x))); }} />
              </Group>
            ))}
            <Group>
              <Button variant="subtle" size="xs" onClick={() => setParticipants((ps) => [...ps, { name: '', role: '', organisation: '' }])}>
                {t('review.form.addParticipant')}
              </Button>
            </Group>
            <Checkbox label={t('review.form.childPresent')} checked={childPresent} onChange={(e) => setChildPresent(e.currentTarget.checked)} />
            <Checkbox label={t('review.form.familyPresent')} checked={familyPresent} onChange={(e) => setFamilyPresent(e.currentTarget.checked)} />
          </Stack>
        </Paper>
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="rv-child" style={{ borderLeft: '4px solid var(--mantine-color-blue-6)' }}>
          <Stack gap="sm">
            <Title order={2} size="h4" id="rv-child">
              {t('review.form.childViewsTitle')}
            </Title>
            <Textarea label={t('review.form.childViews')} autosize minRows={3} value={childViews} onChange={(e) => setChildViews(e.currentTarget.value)} />
            {!childViews.trim() && <Textarea label={t('review.form.notHeardReason')} autosize minRows={1} value={notHeard} onChange={(e) => setNotHeard(e.currentTarget.value)} error={tried && !notHeard.trim() ? t('review.missing.childViews') : undefined} />}
          </Stack>
        </Paper>
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="rv-goals">
          <Stack gap="sm">
            <Title order={2} size="h4" id="rv-goals">
              {t('review.form.goalsTitle', { version: plan.versionNo })}
            </Title>
            <GoalResultsFields plan={plan} value={goals} onChange={setGoals} showMissing={tried} domainName={domainName} idPrefix="rv-goal" />
          </Stack>
        </Paper>
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="rv-bm">
          <Stack gap="sm">
            <Title order={2} size="h4" id="rv-bm">
              {t('review.form.benchmarksTitle')}
            </Title>
            {kind === 'case_conference' && <Checkbox label={t('review.form.rescore')} checked={rescore} onChange={(e) => setRescore(e.currentTarget.checked)} />}
            {scoring &&
              children.map((ch) => (
                <Stack key={ch.personId} gap="xs">
                  <Title order={3} size="h5">
                    {formatFullName(ch)}
                  </Title>
                  <ChildScoreFields config={config} idPrefix={`rv-${ch.personId}`} value={scores[ch.personId] ?? {}} onChange={(next) => setScores((s) => ({ ...s, [ch.personId]: next }))} showMissing={tried ? incompleteDomains(config, scores[ch.personId] ?? {}) : []} headingOrder={4} />
                </Stack>
              ))}
          </Stack>
        </Paper>
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="rv-decision">
          <Stack gap="sm">
            <Title order={2} size="h4" id="rv-decision">
              {t('review.form.decisionTitle')}
            </Title>
            <Radio.Group label={t('review.form.decision')} value={decision} onChange={(v) => setDecision(v as ReviewDecision)} required>
              <Stack gap={6} mt={4}>
                {reviewDecisions.map((d) => (
                  <Radio key={d} value={d} label={t(`review.decision.${d}`)} />
                ))}
              </Stack>
            </Radio.Group>
            <Textarea label={t('review.form.decisionNotes')} autosize minRows={2} value={decisionNotes} onChange={(e) => setDecisionNotes(e.currentTarget.value)} />
            <Textarea label={t('review.form.permanency')} description={t('review.form.permanencyHint')} autosize minRows={2} value={permanency} onChange={(e) => setPermanency(e.currentTarget.value)} error={serverMissing.some((m) => m.path === 'permanencyPlanning') ? t('review.missing.permanencyPlanning') : undefined} />
          </Stack>
        </Paper>
        {tried && problems.length > 0 && (
          <Alert color="red" variant="light" role="alert" id="rv-missing" tabIndex={-1} title={t('review.missing.title')}>
            <List size="sm">
              {problems.map((p) => (
                <List.Item key={p}>{p}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {serverMissing.length > 0 && (
          <Alert color="red" variant="light" role="alert" title={t('review.missing.title')}>
            <List size="sm">
              {serverMissing.map((m) => (
                <List.Item key={m.path}>{t(`review.missing.${m.path}` as 'review.missing.childViews', { defaultValue: m.path })}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <ErrorAlert error={save.error} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('review.form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Records a periodic review or a case conference (SPEC §2.13). */
export function ReviewNewPage() {
  const { t } = useTranslation();
  const { caseId } = useParams({ from: '/app/cases/$caseId/reviews/new' });
  const plan = useQuery(agreedPlanQuery(caseId));
  const config = useQuery(benchmarkConfigQuery);
  return (
    <CaseFormPage caseId={caseId} title={t('review.form.title')} backTab="review">
      {(c) =>
        plan.isPending || config.isPending ? (
          <PageLoader />
        ) : plan.data && config.data ? (
          <ReviewForm c={c} plan={plan.data} config={config.data} />
        ) : plan.data === null ? (
          <Alert color="yellow" variant="light">{t('review.needsPlan')}</Alert>
        ) : (
          <ErrorAlert error={plan.error ?? config.error} />
        )
      }
    </CaseFormPage>
  );
}
