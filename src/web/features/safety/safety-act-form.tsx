import { Alert, Anchor, Badge, Button, Group, List, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { safetyAssessmentGaps, type SafetyAssessmentGap } from '#domain/cases/safety-assessment.ts';
import { ApiError, isApiError } from '../../ui/api-client.ts';
import type { TFunction } from 'i18next';
import type { MergePath } from '#domain/merge/three-way-merge.ts';
import { ConflictMerge, plainText, type FieldLabels } from '../../ui/conflict-merge.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useConflictMerge } from '../../ui/use-conflict-merge.ts';
import { formatDateTime, formatTime, localDateTimeToInstant } from '../../ui/format.ts';
import { AnchorLink } from '../../ui/links.tsx';
import { UnsavedChangesGuard } from '../../ui/unsaved-changes-guard.tsx';
import type { CaseDetail } from '../cases/cases.api.ts';
import { caseTitleOf } from '../cases/case-title.ts';
import { caseQuery } from '../cases/cases.queries.ts';
import { AssessmentPart, CaregiversPart, ChildPart, type SafetyActDraft } from './safety-act-fields.tsx';
import { ActionsPart } from './safety-actions-part.tsx';
import { completeSafetyAct, fetchSafetyActs, safetyActPdfUrl, saveSafetyAct, type SafetyAct } from './safety.api.ts';
import { safetyActsQuery } from './safety.queries.ts';
import { AssessmentStatusBadge, SafetyLevelBadge } from './safety-labels.tsx';

// Unsaved edits are kept on this device under the prefix that logout clears (ui/local-drafts.ts).
const backupKey = (id: string) => `rodyna.na.unsaved.safety.${id}`;
type Backup = { version: number; savedAt: string; draft: SafetyActDraft };

function readBackup(act: SafetyAct): Backup | null {
  try {
    const raw = window.localStorage.getItem(backupKey(act.id));
    const b = raw ? (JSON.parse(raw) as Backup) : null;
    return b && b.version === act.version && act.status === 'draft' ? b : null;
  } catch {
    return null;
  }
}
function writeBackup(id: string, b: Backup | null): void {
  try {
    if (b) window.localStorage.setItem(backupKey(id), JSON.stringify(b));
    else window.localStorage.removeItem(backupKey(id));
  } catch {
    // storage unavailable: the explicit save still works
  }
}

function draftOf(act: SafetyAct): SafetyActDraft {
  return {
    childStatus: act.childStatus,
    documentType: act.documentType,
    documentNumber: act.documentNumber,
    contacts: act.contacts,
    caregivers: structuredClone(act.caregivers),
    level: act.level,
    threats: act.threats,
    participants: [...act.participants],
    assessedAt: dayjs(act.assessedAt).format('YYYY-MM-DD HH:mm:ss'),
  };
}

const isGapList = (v: unknown): v is SafetyAssessmentGap[] => Array.isArray(v) && v.every((x) => (safetyAssessmentGaps as readonly unknown[]).includes(x));

/** Where each missing part is filled in. */
const gapTarget: Record<SafetyAssessmentGap, string> = { level: 'sa-level', immediate_action: 'sa-add-action' };

function focusTarget(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  const control = el.matches('input, textarea, select, button') ? el : el.querySelector<HTMLElement>('input, textarea, select, button');
  el.scrollIntoView({ block: 'center' });
  (control ?? el).focus({ preventScroll: true });
}

/** The safety-assessment act (Resolution 585 Annex 10): its four parts, save as draft, immediate actions, completion. */
export function SafetyActForm({ c, initial, onReload }: { c: CaseDetail; initial: SafetyAct; onReload: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [restored] = useState(() => readBackup(initial));
  const [act, setAct] = useState(initial);
  const [draft, setDraft] = useState<SafetyActDraft>(() => restored?.draft ?? draftOf(initial));
  const [dirty, setDirty] = useState(restored !== null);
  const dirtyRef = useRef(restored !== null);
  // The act as stored at the version this form is based on: the base of a three-way merge after a 409.
  const baseRef = useRef<SafetyActDraft>(draftOf(initial));
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState<SafetyAssessmentGap[] | null>(null);
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [completing, setCompleting] = useState(false);
  const editable = act.status === 'draft' && act.allowedActions.includes('update');

  const markDirty = (v: boolean) => {
    dirtyRef.current = v;
    setDirty(v);
  };
  const update = (change: (d: SafetyActDraft) => void) => {
    setDraft((prev) => {
      const next = structuredClone(prev);
      change(next);
      writeBackup(act.id, { version: act.version, savedAt: new Date().toISOString(), draft: next });
      return next;
    });
    markDirty(true);
  };

  const refresh = async () => {
    await Promise.all([queryClient.invalidateQueries({ queryKey: safetyActsQuery(c.id).queryKey }), queryClient.invalidateQueries({ queryKey: caseQuery(c.id).queryKey })]);
  };

  // No lost updates (SPEC §11): a 409 opens the merge view — base is the act as this form last loaded or saved it.
  const conflict = useConflictMerge<SafetyActDraft>(
    async () => {
      const current = (await fetchSafetyActs(c.id)).items.find((a) => a.id === act.id);
      if (!current || current.status !== 'draft') return null;
      setAct(current);
      baseRef.current = draftOf(current);
      return { value: draftOf(current), version: current.version, updatedAt: current.updatedAt };
    },
    (value, version, how) => {
      setDraft(value);
      setAct((prev) => ({ ...prev, version }));
      if (how.save) {
        writeBackup(act.id, { version, savedAt: new Date().toISOString(), draft: value });
        void save({ draft: value, version });
      } else {
        writeBackup(act.id, null);
        markDirty(false);
      }
    },
  );

  const save = async (over?: { draft: SafetyActDraft; version: number }): Promise<SafetyAct | null> => {
    setSaving(true);
    setError(null);
    const sent = over?.draft ?? draft;
    try {
      const { assessedAt, ...rest } = sent;
      const saved = await saveSafetyAct(c.id, act.id, over?.version ?? act.version, { ...rest, caregivers: rest.caregivers.filter((g) => g.name.trim() !== ''), ...(assessedAt ? { assessedAt: localDateTimeToInstant(assessedAt) } : {}) });
      setAct(saved);
      baseRef.current = draftOf(saved);
      writeBackup(act.id, null);
      markDirty(false);
      setSavedAt(new Date());
      void refresh();
      return saved;
    } catch (e) {
      if (!conflict.onConflict(e, baseRef.current, sent)) setError(e);
      return null;
    } finally {
      setSaving(false);
    }
  };

  const complete = async () => {
    setConfirmOpen(false);
    setCompleting(true);
    setMissing(null);
    setError(null);
    try {
      const current = dirtyRef.current ? await save() : act;
      if (!current) return;
      await completeSafetyAct(c.id, current.id, current.version);
      markDirty(false);
      await refresh();
      await navigate({ to: '/cases/$caseId', params: { caseId: c.id }, search: { tab: 'assessment' } });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'safety_assessment_incomplete' && isGapList(e.problem.details?.missing)) {
        setMissing(e.problem.details.missing);
        window.setTimeout(() => document.getElementById('sa-missing')?.focus(), 30);
      } else {
        setError(e);
      }
    } finally {
      setCompleting(false);
    }
  };

  return (
    <Stack gap="md">
      <UnsavedChangesGuard shouldBlock={() => dirtyRef.current && editable} />
      <Paper withBorder p="md" radius="md" component="header">
        <Stack gap={6}>
          <div>
            <AnchorLink to="/cases/$caseId" params={{ caseId: c.id }} search={{ tab: 'assessment' }} size="sm">
              ← {t('safetyAct.caseLink', { number: c.number })} · {caseTitleOf(c)}
            </AnchorLink>
          </div>
          <Group gap="sm" wrap="wrap" align="center">
            <Title order={1}>{t('safetyAct.title')}</Title>
            <AssessmentStatusBadge status={act.status} scope="safetyAct" />
            {act.level && <SafetyLevelBadge level={act.level} />}
          </Group>
          <Text size="sm" c="dimmed">{t('safetyAct.actName')}</Text>
          <Text size="sm">{t('safetyAct.deadlineNote')}</Text>
          <Text size="sm">
            {t('safetyAct.assessedBy')}: {act.assessedBy.name}
            {act.completedAt ? ` · ${t('safetyAct.completedAt', { date: formatDateTime(act.completedAt) })}` : ''}
          </Text>
          <Group gap="sm">
            <Anchor href={safetyActPdfUrl(c.id)} target="_blank" rel="noopener" size="sm">
              {t('safetyAct.print')}
            </Anchor>
          </Group>
        </Stack>
      </Paper>

      {restored && dirty && <Alert color="blue" variant="light">{t('safetyAct.restored', { time: formatDateTime(restored.savedAt) })}</Alert>}
      {act.status === 'completed' && <Alert color="gray" variant="light">{t('safetyAct.readOnly')}</Alert>}
      {act.status === 'draft' && !editable && <Alert color="gray" variant="light">{t('safetyAct.noRight')}</Alert>}

      <fieldset disabled={!editable} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="md">
          <ChildPart act={act} draft={draft} update={update} />
          <CaregiversPart draft={draft} update={update} />
          <AssessmentPart draft={draft} update={update} />
        </Stack>
      </fieldset>
      <ActionsPart caseId={c.id} act={act} unsafe={draft.level === 'unsafe'} editable={editable} onChanged={(a) => setAct((prev) => ({ ...a, version: Math.max(a.version, prev.version) }))} />

      {missing && missing.length > 0 && (
        <Alert color="red" variant="light" title={t('safetyAct.missingTitle')} id="sa-missing" tabIndex={-1} role="alert">
          <Stack gap={6}>
            <Text size="sm">{t('errors.safety_assessment_incomplete')}</Text>
            <Text size="sm">{t('safetyAct.missingIntro')}</Text>
            <List size="sm">
              {missing.map((m) => (
                <List.Item key={m}>
                  <Anchor component="button" type="button" size="sm" onClick={() => focusTarget(gapTarget[m])}>
                    {t(`safetyAct.gap.${m}`)}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </Stack>
        </Alert>
      )}
      <ConflictMerge conflict={conflict} labels={safetyActLabels(t)} onReload={onReload} textOf={(c, v) => safetyValueText(c.path, v, t)} />
      {error !== null && <ErrorAlert error={error} onReload={isApiError(error, 'version_conflict') ? onReload : undefined} />}

      {editable && (
        <Paper withBorder p="sm" radius="md">
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Text size="sm" c="dimmed" role="status" aria-live="polite">
              {dirty ? t('safetyAct.unsaved') : savedAt ? t('safetyAct.saved', { time: formatTime(savedAt) }) : ''}
            </Text>
            <Group gap="sm" wrap="wrap">
              <Button variant="default" onClick={() => void save()} loading={saving} disabled={conflict.active}>
                {t('safetyAct.saveDraft')}
              </Button>
              {act.allowedActions.includes('complete') && (
                <Button onClick={() => setConfirmOpen(true)} loading={completing}>
                  {t('safetyAct.complete')}
                </Button>
              )}
            </Group>
          </Group>
        </Paper>
      )}
      {act.status === 'completed' && (
        <Group>
          <Badge color="green" variant="light">{t('safetyAct.completedNotice')}</Badge>
        </Group>
      )}
      <Modal opened={confirmOpen} onClose={() => setConfirmOpen(false)} title={t('safetyAct.complete')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Text size="sm">{t('safetyAct.completeConfirm')}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirmOpen(false)}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void complete()} data-autofocus>
            {t('safetyAct.complete')}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}

/** Labels of the act's fields for the merge view. */
function safetyActLabels(t: TFunction): FieldLabels {
  return {
    childStatus: t('safetyAct.fields.childStatus'),
    documentType: t('safetyAct.fields.documentType'),
    documentNumber: t('safetyAct.fields.documentNumber'),
    contacts: t('safetyAct.fields.contacts'),
    caregivers: t('safetyAct.sections.caregivers'),
    kind: t('safetyAct.caregiver.kind'),
    name: t('safetyAct.caregiver.name'),
    relation: t('safetyAct.caregiver.relation'),
    contact: t('safetyAct.caregiver.contact'),
    present: t('safetyAct.caregiver.present'),
    level: t('safetyAct.fields.level'),
    threats: t('safetyAct.fields.threats'),
    participants: t('safetyAct.fields.participants'),
    assessedAt: t('safetyAct.fields.assessedAt'),
  };
}

/** A value of the act as text: the level and participants translated, the rest as plain text. */
function safetyValueText(path: MergePath, value: unknown, t: TFunction): string {
  const last = path[path.length - 1];
  if (last === 'level' && typeof value === 'string') return t(`safetyAct.level.${value}`, { defaultValue: value });
  if (last === 'participants' && Array.isArray(value)) return value.map((p) => t(`safetyAct.participant.${String(p)}`, { defaultValue: String(p) })).join('; ');
  return plainText(value, t);
}
