import { Alert, Anchor, Button, Checkbox, Group, List, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { findPlanGaps, type PlanGap } from '#domain/cases/case-plan.ts';
import { ApiError, isApiError } from '../../ui/api-client.ts';
import { ConflictMerge, type FieldLabels } from '../../ui/conflict-merge.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDateTime, formatTime, todayInKyiv } from '../../ui/format.ts';
import { UnsavedChangesGuard } from '../../ui/unsaved-changes-guard.tsx';
import type { CaseDetail } from '../cases/cases.api.ts';
import { usePlanLabels } from './plan-labels.ts';
import { fieldId, GoalFields } from './plan-goal-fields.tsx';
import type { PlanView } from './plans.api.ts';
import { DateField } from './service-picker.tsx';
import { emptyMeasure, newUid, toContent, usePlanEditor, type EditPlan } from './use-plan-editor.ts';

const sections = ['goals', 'child', 'family'] as const;
type Section = (typeof sections)[number];
const sectionOf = (g: PlanGap): Section => (g.path === 'childViews' ? 'child' : g.path.startsWith('agreement') ? 'family' : 'goals');

function isGapList(v: unknown): v is PlanGap[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'object' && x !== null && typeof (x as PlanGap).path === 'string');
}

function focusField(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  const control = el.matches('input, textarea, select, button') ? el : el.querySelector<HTMLElement>('input:not([type=hidden]), textarea, select, button');
  el.scrollIntoView({ block: 'center' });
  (control ?? el).focus({ preventScroll: true });
}

/** Where a missing part is fixed, as a field id. */
function gapTarget(plan: EditPlan, g: PlanGap): string {
  const goal = plan.goals.find((x) => x.key === g.goalKey || x.uid === g.goalKey);
  const measure = goal?.measures.find((x) => x.key === g.measureKey || x.uid === g.measureKey);
  if (g.path === 'goals') return 'plan-section-goals';
  if (g.path === 'childViews') return 'plan-child-views';
  if (g.path.startsWith('agreement.date')) return 'plan-agreed-on';
  if (g.path === 'agreement.signedBy') return 'plan-signed-by';
  if (measure) return fieldId(measure.uid, g.path.replace('measure.', ''));
  if (goal) return fieldId(goal.uid, g.path === 'goal.text' ? 'text' : 'measures');
  return 'plan-section-goals';
}

/** The editor of a draft version of the social support plan (Order 1005; SPEC §2.8) in three sections. */
export function PlanEditor({ c, view, onReload }: { c: CaseDetail; view: PlanView; onReload: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const labels = usePlanLabels(c);
  const editor = usePlanEditor(c.id, view);
  const { plan, update } = editor;
  const [agreedOn, setAgreedOn] = useState<string | null>(todayInKyiv());
  const [signedBy, setSignedBy] = useState('');
  const [serverGaps, setServerGaps] = useState<PlanGap[] | null>(null);
  const [agreeError, setAgreeError] = useState<unknown>(null);
  const [agreeing, setAgreeing] = useState(false);
  const [done, setDone] = useState(false);
  const [newDomain, setNewDomain] = useState('');
  const gapsNow = useMemo(() => findPlanGaps({ ...toContent(plan), agreedOn: 'x', signedBy: 'x' }), [plan]);
  const gapLabel = (g: PlanGap) => {
    const goalIndex = plan.goals.findIndex((x) => x.key === g.goalKey || x.uid === g.goalKey);
    const measureIndex = goalIndex >= 0 ? (plan.goals[goalIndex]?.measures.findIndex((x) => x.key === g.measureKey || x.uid === g.measureKey) ?? -1) : -1;
    const part = t(`plan.missing.${g.path}` as 'plan.missing.goals', { defaultValue: g.path });
    if (measureIndex >= 0) return t('plan.missing.inMeasure', { goal: goalIndex + 1, n: measureIndex + 1, part });
    if (goalIndex >= 0) return t('plan.missing.inGoal', { goal: goalIndex + 1, part });
    return part;
  };

  const onAgree = async () => {
    setAgreeError(null);
    setServerGaps(null);
    setAgreeing(true);
    try {
      await editor.agree(agreedOn ?? '', signedBy);
      setDone(true);
      await queryClient.invalidateQueries({ queryKey: ['plans', c.id] });
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      await navigate({ to: '/cases/$caseId', params: { caseId: c.id }, search: { tab: 'plan' } });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'plan_incomplete' && isGapList(e.problem.details?.missing)) {
        setServerGaps(e.problem.details.missing);
        window.setTimeout(() => document.getElementById('plan-missing')?.focus(), 30);
      } else if (!(e instanceof Error && e.message === 'save_failed')) setAgreeError(e);
    } finally {
      setAgreeing(false);
    }
  };

  const count = (s: Section) => gapsNow.filter((g) => sectionOf(g) === s).length;
  const saveText = { saving: t('plan.editor.saving'), saved: t('plan.editor.saved', { time: formatTime(new Date()) }), dirty: t('plan.editor.unsaved'), error: t('plan.editor.saveFailed'), idle: '', conflict: '' }[editor.saveState];

  return (
    <Stack gap="md">
      <UnsavedChangesGuard shouldBlock={() => !done && editor.hasUnsavedChanges()} />
      {editor.restoredFrom && editor.saveState === 'dirty' && <Alert color="blue" variant="light">{t('plan.editor.restored', { time: formatDateTime(editor.restoredFrom) })}</Alert>}
      <ConflictMerge conflict={editor.conflict} labels={planMergeLabels(t)} onReload={onReload} />
      {isApiError(agreeError, 'version_conflict') && (
        <Alert color="red" variant="light" title={t('plan.editor.conflictTitle')} role="alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('errors.version_conflict')}</Text>
            <Button color="red" size="sm" onClick={onReload}>
              {t('plan.editor.conflictReload')}
            </Button>
          </Stack>
        </Alert>
      )}
      {editor.saveState === 'error' && <ErrorAlert error={editor.saveError} title={t('plan.editor.saveFailed')} />}

      <Paper withBorder p="sm" radius="md" component="nav" aria-label={t('plan.editor.sectionsNav')}>
        <Group gap="md" wrap="wrap">
          {sections.map((s) => (
            <Anchor key={s} component="button" type="button" size="sm" onClick={() => focusField(`plan-section-${s}`)}>
              {t(`plan.section.${s}`)} — {count(s) === 0 ? t('plan.editor.sectionComplete') : t('plan.editor.sectionMissing', { n: count(s) })}
            </Anchor>
          ))}
        </Group>
      </Paper>

      <Stack gap="sm">
        <Title order={2} size="h3" id="plan-section-goals" tabIndex={-1}>
          {t('plan.section.goals')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('plan.editor.goalsHint')}
        </Text>
        {plan.goals.map((g, gi) => (
          <GoalFields key={g.uid} c={c} goal={g} gi={gi} update={update} />
        ))}
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NativeSelect
            label={t('plan.editor.newGoalDomain')}
            value={newDomain}
            onChange={(e) => setNewDomain(e.currentTarget.value)}
            data={[{ value: '', label: t('plan.editor.chooseDomain'), disabled: true }, ...labels.domains.map((d) => ({ value: d.code, label: `${labels.domainName(d.code)} (${t(`plan.subject.${d.subject}`)})` }))]}
          />
          <Button
            variant="default"
            disabled={!newDomain}
            onClick={() => {
              update((d) => {
                d.goals.push({ uid: newUid(), domain: newDomain, text: '', measures: [emptyMeasure()] });
              });
              setNewDomain('');
            }}
          >
            {t('plan.editor.addGoal')}
          </Button>
        </Group>
      </Stack>

      <Paper withBorder p="md" radius="md" bg="blue.0" component="section" aria-labelledby="plan-section-child">
        <Stack gap="sm">
          <Title order={2} size="h3" id="plan-section-child" tabIndex={-1}>
            {t('plan.childViews.title')}
          </Title>
          <Text size="sm">{t('plan.childViews.hint')}</Text>
          <Textarea id="plan-child-views" label={t('plan.childViews.views')} autosize minRows={3} value={plan.childViews} onChange={(e) => { const v = e.currentTarget.value; update((d) => { d.childViews = v; }); }} />
          <TextInput
            label={t('plan.childViews.notHeardReason')}
            description={t('plan.childViews.notHeardHint')}
            value={plan.childViewsNotHeardReason}
            onChange={(e) => { const v = e.currentTarget.value; update((d) => { d.childViewsNotHeardReason = v; }); }}
          />
        </Stack>
      </Paper>

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="plan-section-family">
        <Stack gap="sm">
          <Title order={2} size="h3" id="plan-section-family" tabIndex={-1}>
            {t('plan.section.family')}
          </Title>
          <Textarea label={t('plan.family.participation')} description={t('plan.family.participationHint')} autosize minRows={2} value={plan.familyParticipation} onChange={(e) => { const v = e.currentTarget.value; update((d) => { d.familyParticipation = v; }); }} />
          <Checkbox label={t('plan.family.conferenceHeld')} checked={plan.familyConferenceHeld} onChange={(e) => { const v = e.currentTarget.checked; update((d) => { d.familyConferenceHeld = v; if (!v) d.familyConferenceDate = null; }); }} />
          {plan.familyConferenceHeld && (
            <DateField label={t('plan.family.conferenceDate')} value={plan.familyConferenceDate} maxDate={todayInKyiv()} onChange={(v) => update((d) => { d.familyConferenceDate = v; })} />
          )}
          <Title order={3} size="h5">
            {t('plan.family.agreementTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('plan.family.agreementHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <DateField id="plan-agreed-on" label={t('plan.family.agreedOn')} required value={agreedOn} maxDate={todayInKyiv()} onChange={setAgreedOn} />
            <TextInput id="plan-signed-by" label={t('plan.family.signedBy')} description={t('plan.family.signedByHint')} required value={signedBy} onChange={(e) => setSignedBy(e.currentTarget.value)} />
          </SimpleGrid>
        </Stack>
      </Paper>

      {serverGaps && serverGaps.length > 0 && (
        <Alert color="red" variant="light" title={t('plan.editor.missingTitle')} id="plan-missing" tabIndex={-1} role="alert">
          <Stack gap={6}>
            <Text size="sm">{t('errors.plan_incomplete')}</Text>
            <List size="sm" spacing={2}>
              {serverGaps.map((g, i) => (
                <List.Item key={`${g.path}-${g.goalKey ?? ''}-${g.measureKey ?? ''}-${i}`}>
                  <Anchor component="button" type="button" size="sm" onClick={() => focusField(gapTarget(plan, g))}>
                    {gapLabel(g)}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </Stack>
        </Alert>
      )}
      {agreeError !== null && !isApiError(agreeError, 'version_conflict') && <ErrorAlert error={agreeError} />}

      <Paper withBorder p="sm" radius="md" className="na-actions">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Text size="sm" c={editor.saveState === 'error' ? 'red.8' : 'dimmed'} role="status" aria-live="polite" miw={140}>
            {saveText}
          </Text>
          <Group gap="sm" wrap="wrap">
            <Button variant="default" onClick={() => void editor.save()} loading={editor.saveState === 'saving'} disabled={editor.saveState === 'conflict'}>
              {t('plan.editor.saveDraft')}
            </Button>
            <Button onClick={() => void onAgree()} loading={agreeing} disabled={editor.saveState === 'conflict'}>
              {t('plan.editor.agree')}
            </Button>
          </Group>
        </Group>
      </Paper>
    </Stack>
  );
}

/** Labels of the plan's fields for the merge view. */
function planMergeLabels(t: TFunction): FieldLabels {
  return {
    childViews: t('plan.childViews.views'),
    childViewsNotHeardReason: t('plan.childViews.notHeardReason'),
    familyParticipation: t('plan.family.participation'),
    familyConferenceHeld: t('plan.family.conferenceHeld'),
    familyConferenceDate: t('plan.family.conferenceDate'),
    goals: t('plan.goal.text'),
    domain: t('plan.goal.domain'),
    text: t('plan.goal.text'),
    action: t('plan.measure.action'),
    measureType: t('plan.measure.type'),
    responsibleKind: t('plan.measure.responsible'),
    personId: t('plan.measure.familyMember'),
    userId: t('plan.measure.responsible'),
    name: t('plan.measure.responsible'),
    deadline: t('plan.measure.deadline'),
    expectedResult: t('plan.measure.expectedResult'),
    serviceCode: t('plan.measure.service'),
  };
}
