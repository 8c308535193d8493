import { Alert, Anchor, Box, Button, Checkbox, Group, List, Modal, Radio, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { careCapacities, familyAssessmentGaps, readinessLevels, type FamilyAssessmentGap } from '#domain/cases/family-tracing.ts';
import { ApiError, isApiError } from '../../ui/api-client.ts';
import { ConflictMerge, plainText, type FieldLabels } from '../../ui/conflict-merge.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useConflictMerge } from '../../ui/use-conflict-merge.ts';
import { formatDateTime } from '../../ui/format.ts';
import { UnsavedChangesGuard } from '../../ui/unsaved-changes-guard.tsx';
import { CaseSection } from '../cases/case-sections.tsx';
import type { CaseDetail } from '../cases/cases.api.ts';
import { caseQuery } from '../cases/cases.queries.ts';
import { AssessmentStatusBadge } from '../safety/safety-labels.tsx';
import { completeFamilyAssessment, fetchFamilyAssessments, saveFamilyAssessment, startFamilyAssessment, type FamilyAssessment, type FamilyAssessmentContent } from './tracing.api.ts';
import { familyAssessmentsQuery } from './tracing.queries.ts';

const textFields = ['riskFactors', 'protectiveFactors', 'strengths', 'siblingsResilience', 'separationView', 'socioEconomic'] as const;
const contentKeys = [...textFields, 'readiness', 'readinessNotes', 'capacity', 'capacityNotes', 'apartFromChild', 'place', 'childViews', 'childViewsNotHeardReason'] as const;
const contentOf = (fa: FamilyAssessment): FamilyAssessmentContent => Object.fromEntries(contentKeys.map((k) => [k, fa[k]])) as FamilyAssessmentContent;
const fieldId = (k: string) => `fa-${k}`;
const isGapList = (v: unknown): v is FamilyAssessmentGap[] => Array.isArray(v) && v.every((x) => (familyAssessmentGaps as readonly unknown[]).includes(x));
const backupKey = (id: string) => `rodyna.na.unsaved.family.${id}`;

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>{label}</Text>
      <Box fz="sm" className="prewrap">{children}</Box>
    </div>
  );
}

/** A family assessment read-only. */
function FamilyAssessmentView({ fa }: { fa: FamilyAssessment }) {
  const { t } = useTranslation();
  const none = t('familyAssessment.notFilled');
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {textFields.map((k) => <Field key={k} label={t(`familyAssessment.fields.${k}`)}>{fa[k] || none}</Field>)}
        <Field label={t('familyAssessment.fields.readiness')}>
          {fa.readiness ? t(`familyAssessment.readiness.${fa.readiness}`) : none}
          {fa.readinessNotes ? ` — ${fa.readinessNotes}` : ''}
        </Field>
        <Field label={t('familyAssessment.fields.capacity')}>
          {fa.capacity ? t(`familyAssessment.capacity.${fa.capacity}`) : none}
          {fa.capacityNotes ? ` — ${fa.capacityNotes}` : ''}
        </Field>
        <Field label={t('familyAssessment.fields.childViews')}>{fa.childViews || fa.childViewsNotHeardReason || none}</Field>
        {fa.apartFromChild && <Field label={t('familyAssessment.fields.place')}>{fa.place || none}</Field>}
      </SimpleGrid>
    </Stack>
  );
}

/** Labels of the assessment's fields for the merge view. */
function familyLabels(t: TFunction): FieldLabels {
  return Object.fromEntries(contentKeys.map((k) => [k, t(`familyAssessment.fields.${k}`)]));
}
/** A value of the assessment as text: readiness and capacity translated. */
function familyValueText(field: string, value: unknown, t: TFunction): string {
  if (field === 'readiness' && typeof value === 'string') return t(`familyAssessment.readiness.${value}`, { defaultValue: value });
  if (field === 'capacity' && typeof value === 'string') return t(`familyAssessment.capacity.${value}`, { defaultValue: value });
  return plainText(value, t);
}

/** The editable family assessment: save as draft (kept on this device until saved), complete with the missing parts linked. */
function FamilyAssessmentEditor({ c, fa, onClose }: { c: CaseDetail; fa: FamilyAssessment; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [d, setD] = useState<FamilyAssessmentContent>(() => {
    try {
      const raw = window.localStorage.getItem(backupKey(fa.id));
      const b = raw ? (JSON.parse(raw) as { version: number; content: FamilyAssessmentContent }) : null;
      if (b && b.version === fa.version) return b.content;
    } catch {
      // no backup
    }
    return contentOf(fa);
  });
  const version = useRef(fa.version);
  const dirty = useRef(false);
  // The assessment as stored at `version`: the base of a three-way merge when someone else saves meanwhile (SPEC §11).
  const baseRef = useRef<FamilyAssessmentContent>(contentOf(fa));
  const [missing, setMissing] = useState<FamilyAssessmentGap[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirm, setConfirm] = useState(false);
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: familyAssessmentsQuery(c.id).queryKey }), queryClient.invalidateQueries({ queryKey: caseQuery(c.id).queryKey })]);
  const set = <K extends keyof FamilyAssessmentContent>(k: K, v: FamilyAssessmentContent[K]) => {
    dirty.current = true;
    setNotice(null);
    setD((x) => {
      const next = { ...x, [k]: v };
      try {
        window.localStorage.setItem(backupKey(fa.id), JSON.stringify({ version: version.current, content: next }));
      } catch {
        // storage unavailable
      }
      return next;
    });
  };
  const persist = async (content: FamilyAssessmentContent = d) => {
    const saved = await saveFamilyAssessment(c.id, fa.id, version.current, content);
    version.current = saved.version;
    baseRef.current = contentOf(saved);
    dirty.current = false;
    window.localStorage.removeItem(backupKey(fa.id));
    return saved;
  };
  const conflict = useConflictMerge<FamilyAssessmentContent>(
    async () => {
      const current = (await fetchFamilyAssessments(c.id)).items.find((x) => x.id === fa.id);
      if (!current || current.status !== 'draft') return null;
      return { value: contentOf(current), version: current.version, updatedAt: current.updatedAt };
    },
    (value, ver, how) => {
      version.current = ver;
      setD(value);
      if (how.save) save.mutate(value);
      else {
        baseRef.current = value;
        dirty.current = false;
        window.localStorage.removeItem(backupKey(fa.id));
        save.reset();
      }
    },
  );
  const save = useMutation({
    mutationFn: (content?: FamilyAssessmentContent) => persist(content),
    onSuccess: () => { setNotice(t('familyAssessment.saved')); void refresh(); },
    onError: (e, content) => void conflict.onConflict(e, baseRef.current, content ?? d),
  });
  const complete = useMutation({
    mutationFn: async () => {
      if (dirty.current) await persist();
      return completeFamilyAssessment(c.id, fa.id, version.current);
    },
    onSuccess: async () => {
      await refresh();
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'family_assessment_incomplete' && isGapList(e.problem.details?.missing)) {
        setMissing(e.problem.details.missing);
        window.setTimeout(() => document.getElementById('fa-missing')?.focus(), 30);
      }
    },
  });
  // A version conflict of a save is shown by the merge view, not as an error.
  const saveError = isApiError(save.error, 'version_conflict') && (conflict.active || conflict.settled) ? null : save.error;
  const error = saveError ?? (isApiError(complete.error, 'family_assessment_incomplete') ? null : complete.error);
  const focus = (k: FamilyAssessmentGap) => {
    const el = document.getElementById(fieldId(k));
    const control = el?.matches('input, textarea') ? el : el?.querySelector<HTMLElement>('input, textarea');
    (control ?? el)?.focus();
  };
  const text = (k: (typeof textFields)[number] | 'readinessNotes' | 'capacityNotes' | 'childViews' | 'childViewsNotHeardReason', extra: { description?: string; required?: boolean } = {}) => (
    <Textarea id={fieldId(k)} label={t(`familyAssessment.fields.${k}`)} autosize minRows={2} value={d[k]} onChange={(e) => set(k, e.currentTarget.value)} {...extra} />
  );
  return (
    <Stack gap="sm" component="form" onSubmit={(e) => { e.preventDefault(); save.mutate(undefined); }}>
      <UnsavedChangesGuard shouldBlock={() => dirty.current} />
      {text('riskFactors', { required: true })}
      {text('protectiveFactors', { required: true })}
      {text('strengths', { required: true })}
      {text('siblingsResilience')}
      {text('separationView', { required: true })}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Radio.Group id={fieldId('readiness')} label={t('familyAssessment.fields.readiness')} required value={d.readiness ?? ''} onChange={(v) => set('readiness', v as FamilyAssessmentContent['readiness'])}>
          <Stack gap={4} mt={6}>{readinessLevels.map((r) => <Radio key={r} value={r} label={t(`familyAssessment.readiness.${r}`)} />)}</Stack>
        </Radio.Group>
        <Radio.Group id={fieldId('capacity')} label={t('familyAssessment.fields.capacity')} required value={d.capacity ?? ''} onChange={(v) => set('capacity', v as FamilyAssessmentContent['capacity'])}>
          <Stack gap={4} mt={6}>{careCapacities.map((r) => <Radio key={r} value={r} label={t(`familyAssessment.capacity.${r}`)} />)}</Stack>
        </Radio.Group>
      </SimpleGrid>
      {text('readinessNotes')}
      {text('capacityNotes')}
      {text('socioEconomic', { required: true })}
      <Checkbox label={t('familyAssessment.fields.apartFromChild')} checked={d.apartFromChild} onChange={(e) => set('apartFromChild', e.currentTarget.checked)} />
      {d.apartFromChild && <TextInput id={fieldId('place')} label={t('familyAssessment.fields.place')} required value={d.place} onChange={(e) => set('place', e.currentTarget.value)} />}
      {text('childViews', { description: t('familyAssessment.fields.childViewsHint') })}
      {text('childViewsNotHeardReason')}
      {missing && missing.length > 0 && (
        <Alert color="red" variant="light" title={t('familyAssessment.missingTitle')} id="fa-missing" tabIndex={-1} role="alert">
          <Text size="sm">{t('familyAssessment.missingIntro')}</Text>
          <List size="sm">
            {missing.map((m) => (
              <List.Item key={m}>
                <Anchor component="button" type="button" size="sm" onClick={() => focus(m)}>{t(`familyAssessment.fields.${m}`)}</Anchor>
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <ConflictMerge conflict={conflict} labels={familyLabels(t)} textOf={(cf, v) => familyValueText(String(cf.path[cf.path.length - 1]), v, t)} onReload={() => { window.localStorage.removeItem(backupKey(fa.id)); void refresh(); onClose(); }} />
      {error && <ErrorAlert error={error} onReload={isApiError(error, 'version_conflict') ? () => { window.localStorage.removeItem(backupKey(fa.id)); void refresh(); onClose(); } : undefined} />}
      {notice && <Text size="sm" c="green.9" role="status">{notice}</Text>}
      <Group gap="sm" wrap="wrap">
        <Button type="submit" variant="default" loading={save.isPending} disabled={conflict.active}>{t('familyAssessment.saveDraft')}</Button>
        {fa.allowedActions.includes('complete') && <Button onClick={() => setConfirm(true)} loading={complete.isPending}>{t('familyAssessment.complete')}</Button>}
      </Group>
      <Modal opened={confirm} onClose={() => setConfirm(false)} title={t('familyAssessment.complete')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Text size="sm">{t('familyAssessment.completeConfirm')}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirm(false)}>{t('common.cancel')}</Button>
          <Button data-autofocus onClick={() => { setConfirm(false); setMissing(null); complete.mutate(); }}>{t('familyAssessment.complete')}</Button>
        </Group>
      </Modal>
    </Stack>
  );
}

/** The latest family assessment: view, edit the draft, complete, or start the next round (SPEC §2.7; 000 §3.4). */
export function FamilyAssessmentSection({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const q = useQuery(familyAssessmentsQuery(c.id));
  const [gen, setGen] = useState(0);
  const latest = q.data?.items[0];
  const mayStart = c.allowedActions.includes('needs_assessment.edit') && c.status === 'open';
  const start = useMutation({
    mutationFn: () => startFamilyAssessment(c.id),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: familyAssessmentsQuery(c.id).queryKey }), queryClient.invalidateQueries({ queryKey: caseQuery(c.id).queryKey })]),
  });
  const editable = latest?.status === 'draft' && latest.allowedActions.includes('update');
  return (
    <CaseSection id="family-assessment-title" title={t('familyAssessment.title')} intro={t('familyAssessment.intro')}>
      {q.error && <ErrorAlert error={q.error} />}
      {q.data && !latest && <Text size="sm">{t('familyAssessment.none')}</Text>}
      {latest && (
        <Stack gap="xs">
          <Group gap="sm" wrap="wrap">
            <Title order={3} size="h5">{t('familyAssessment.round', { round: latest.round })}</Title>
            <AssessmentStatusBadge status={latest.status} scope="familyAssessment" />
          </Group>
          <Text size="sm">
            {t('familyAssessment.assessedBy', { name: latest.assessedBy.name })}
            {latest.completedAt ? ` · ${t('familyAssessment.completedAt', { date: formatDateTime(latest.completedAt) })}` : ''}
          </Text>
          {editable ? <FamilyAssessmentEditor key={`${latest.id}-${gen}`} c={c} fa={latest} onClose={() => setGen((g) => g + 1)} /> : <FamilyAssessmentView fa={latest} />}
        </Stack>
      )}
      {mayStart && latest?.status !== 'draft' && (
        <Group>
          <Button variant={latest ? 'default' : 'filled'} loading={start.isPending} onClick={() => start.mutate()}>
            {latest ? t('familyAssessment.startNext') : t('familyAssessment.start')}
          </Button>
        </Group>
      )}
      {start.error && <ErrorAlert error={start.error} />}
    </CaseSection>
  );
}
