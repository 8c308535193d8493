import { ActionIcon, Button, Fieldset, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { milestoneStatuses, targetProfiles, transformationPlanStatuses, type MilestoneStatus, type TargetProfile, type TransformationPlanStatus } from '#domain/institutions/transformation.ts';
import { isApiError } from '../../ui/api-client.ts';
import { ConflictMerge, plainText } from '../../ui/conflict-merge.tsx';
import { ErrorAlert, fieldErrorsOf } from '../../ui/error-alert.tsx';
import { useConflictMerge } from '../../ui/use-conflict-merge.ts';
import { todayInKyiv } from '../../ui/format.ts';
import { DateField } from '../implementation/case-form-page.tsx';
import { saveTransformationPlan, type Institution } from './institutions.api.ts';
import { institutionQuery } from './institutions.queries.ts';

type Row = { key: number; id?: string | undefined; title: string; dueDate: string; responsible: string; status: MilestoneStatus; doneDate: string };
type Plan = NonNullable<Institution['plan']>;
/** The plan as this form edits it (milestones keyed by id once saved, so a merge matches them one by one). */
type PlanValues = {
  targetProfile: TargetProfile | null;
  status: TransformationPlanStatus;
  approvedOn: string;
  approvedBy: string;
  resourcesRedirected: string;
  notes: string;
  milestones: Array<{ id?: string | undefined; title: string; dueDate: string; responsible: string; status: MilestoneStatus; doneDate: string }>;
};
const planValuesOf = (p: Plan): PlanValues => ({
  targetProfile: p.targetProfile,
  status: p.status,
  approvedOn: p.approvedOn ?? '',
  approvedBy: p.approvedBy,
  resourcesRedirected: p.resourcesRedirected,
  notes: p.notes,
  milestones: p.milestones.map((m) => ({ id: m.id, title: m.title, dueDate: m.dueDate, responsible: m.responsible, status: m.status, doneDate: m.doneDate ?? '' })),
});

/** The milestones of a plan as sent back (with their ids) — for the whole-plan PUT. */
export function milestonesBody(plan: Plan, change?: { id: string; status: MilestoneStatus; doneDate: string | null }) {
  return plan.milestones.map((m) => {
    const c = change && change.id === m.id ? change : null;
    return { id: m.id, title: m.title, dueDate: m.dueDate, responsible: m.responsible, status: c ? c.status : m.status, doneDate: c ? c.doneDate : m.doneDate };
  });
}

/** The plan fields as sent back unchanged. */
export function planFieldsBody(plan: Plan) {
  return { targetProfile: plan.targetProfile, status: plan.status, approvedOn: plan.approvedOn, approvedBy: plan.approvedBy, resourcesRedirected: plan.resourcesRedirected, notes: plan.notes };
}

/**
 * Draws up or changes the institution's transformation plan (001 §6.xi): target profile, status, approval, resources
 * redirected and the milestones. A conflict reloads the plan's version while the typed values stay.
 */
export function PlanForm({ i, onClose }: { i: Institution; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const plan = i.plan;
  const [targetProfile, setTargetProfile] = useState<TargetProfile | null>(plan?.targetProfile ?? null);
  const [status, setStatus] = useState<TransformationPlanStatus>(plan?.status ?? 'draft');
  const [approvedOn, setApprovedOn] = useState(plan?.approvedOn ?? '');
  const [approvedBy, setApprovedBy] = useState(plan?.approvedBy ?? '');
  const [resources, setResources] = useState(plan?.resourcesRedirected ?? '');
  const [notes, setNotes] = useState(plan?.notes ?? '');
  const [rows, setRows] = useState<Row[]>(() => (plan?.milestones ?? []).map((m, k) => ({ key: k, id: m.id, title: m.title, dueDate: m.dueDate, responsible: m.responsible, status: m.status, doneDate: m.doneDate ?? '' })));
  const [baseVersion, setBaseVersion] = useState<number | undefined>(plan?.version);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const nowValues = (): PlanValues => ({ targetProfile, status, approvedOn, approvedBy: approvedBy.trim(), resourcesRedirected: resources.trim(), notes: notes.trim(), milestones: rows.map(({ key: _key, ...m }) => ({ ...m, title: m.title.trim(), responsible: m.responsible.trim() })) });
  // No lost updates (SPEC §11): the plan as loaded is the base of a three-way merge after a 409.
  const baseRef = useRef<PlanValues | null>(plan ? planValuesOf(plan) : null);
  const versionRef = useRef(baseVersion);
  versionRef.current = baseVersion;
  const conflict = useConflictMerge<PlanValues>(
    async () => {
      const fresh = await queryClient.fetchQuery({ ...institutionQuery(i.id), staleTime: 0 });
      return fresh.plan ? { value: planValuesOf(fresh.plan), version: fresh.plan.version } : null;
    },
    (v, version, how) => {
      versionRef.current = version;
      setBaseVersion(version);
      setTargetProfile(v.targetProfile);
      setStatus(v.status);
      setApprovedOn(v.approvedOn);
      setApprovedBy(v.approvedBy);
      setResources(v.resourcesRedirected);
      setNotes(v.notes);
      setRows(v.milestones.map((m, k) => ({ key: k, ...m })));
      if (how.save) mutation.mutate(v);
      else {
        baseRef.current = v;
        mutation.reset();
      }
    },
  );
  const mutation = useMutation({
    mutationFn: (over?: PlanValues) => {
      const v = over ?? nowValues();
      return saveTransformationPlan(i.id, {
        targetProfile: v.targetProfile as TargetProfile,
        status: v.status,
        approvedOn: v.approvedOn || null,
        approvedBy: v.approvedBy,
        resourcesRedirected: v.resourcesRedirected,
        notes: v.notes,
        milestones: v.milestones.map((r) => ({ ...(r.id ? { id: r.id } : {}), title: r.title, dueDate: r.dueDate, responsible: r.responsible, status: r.status, doneDate: r.status === 'done' ? r.doneDate || null : null })),
        ...(versionRef.current !== undefined ? { version: versionRef.current } : {}),
      });
    },
    onError: (e, over) => {
      if (baseRef.current) conflict.onConflict(e, baseRef.current, over ?? nowValues());
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(institutionQuery(i.id).queryKey, saved);
      void queryClient.invalidateQueries({ queryKey: ['institutions', 'list'] });
      onClose();
    },
  });
  const serverErrors = fieldErrorsOf(t, mutation.error);
  const submit = () => {
    const next: Record<string, string> = {};
    const required = t('institutions.form.required');
    if (!targetProfile) next.targetProfile = required;
    rows.forEach((r, k) => {
      if (!r.title.trim()) next[`milestones.${k}.title`] = required;
      if (!r.dueDate) next[`milestones.${k}.dueDate`] = required;
      if (r.status === 'done' && !r.doneDate) next[`milestones.${k}.doneDate`] = required;
    });
    setErrors(next);
    if (Object.keys(next).length === 0) mutation.mutate(undefined);
  };
  const err = (k: string) => errors[k] ?? serverErrors[k];
  const setRow = (key: number, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <Modal opened onClose={onClose} title={plan ? t('institutions.plan.formTitleEdit') : t('institutions.plan.formTitleNew')} size="xl" closeButtonProps={{ 'aria-label': t('common.close') }} closeOnEscape={false}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        noValidate
      >
        <Stack gap="sm">
          <Group grow align="flex-start" wrap="wrap">
            <Select
              label={t('institutions.plan.targetProfile')}
              data={targetProfiles.map((p) => ({ value: p, label: t(`institutions.plan.target.${p}`) }))}
              value={targetProfile}
              onChange={(v) => setTargetProfile(v as TargetProfile | null)}
              error={err('targetProfile')}
              required
              miw={240}
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label={t('institutions.plan.status')}
              data={transformationPlanStatuses.map((s) => ({ value: s, label: t(`institutions.plan.planStatus.${s}`) }))}
              value={status}
              onChange={(v) => v && setStatus(v as TransformationPlanStatus)}
              allowDeselect={false}
              miw={180}
              comboboxProps={{ withinPortal: true }}
            />
          </Group>
          <Group grow align="flex-start" wrap="wrap">
            <DateField label={t('institutions.plan.approvedOn')} value={approvedOn} onChange={setApprovedOn} clearable miw={180} />
            <TextInput label={t('institutions.plan.approvedBy')} value={approvedBy} onChange={(e) => setApprovedBy(e.currentTarget.value)} maxLength={300} miw={240} />
          </Group>
          <Textarea label={t('institutions.plan.resourcesRedirected')} value={resources} onChange={(e) => setResources(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
          <Fieldset legend={t('institutions.plan.milestones')} variant="unstyled" styles={{ legend: { fontWeight: 700, fontSize: 'var(--mantine-font-size-sm)' } }}>
            <Stack gap="sm">
              {rows.map((r, k) => (
                <Stack key={r.key} gap={4} p="xs" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}>
                  <Group align="flex-end" wrap="nowrap" gap="xs">
                    <TextInput label={t('institutions.plan.milestone.titleRow', { n: k + 1 })} value={r.title} onChange={(e) => setRow(r.key, { title: e.currentTarget.value })} error={err(`milestones.${k}.title`)} maxLength={300} required style={{ flex: 1 }} />
                    <ActionIcon variant="subtle" color="red" size="lg" mb={2} aria-label={t('institutions.plan.milestone.remove', { n: k + 1 })} onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>
                      ×
                    </ActionIcon>
                  </Group>
                  <Group grow align="flex-start" wrap="wrap">
                    <DateField label={`${t('institutions.plan.milestone.dueDate')} (${k + 1})`} value={r.dueDate} onChange={(v) => setRow(r.key, { dueDate: v })} error={err(`milestones.${k}.dueDate`)} required miw={160} />
                    <TextInput label={`${t('institutions.plan.milestone.responsible')} (${k + 1})`} value={r.responsible} onChange={(e) => setRow(r.key, { responsible: e.currentTarget.value })} maxLength={300} miw={180} />
                    <Select
                      label={`${t('institutions.plan.milestone.status')} (${k + 1})`}
                      data={milestoneStatuses.map((s) => ({ value: s, label: t(`institutions.plan.milestoneStatus.${s}`) }))}
                      value={r.status}
                      onChange={(v) => v && setRow(r.key, { status: v as MilestoneStatus, doneDate: v === 'done' ? r.doneDate || todayInKyiv() : '' })}
                      allowDeselect={false}
                      miw={150}
                      comboboxProps={{ withinPortal: true }}
                    />
                    {r.status === 'done' && <DateField label={`${t('institutions.plan.milestone.doneDate')} (${k + 1})`} value={r.doneDate} onChange={(v) => setRow(r.key, { doneDate: v })} maxDate={todayInKyiv()} error={err(`milestones.${k}.doneDate`)} required miw={160} />}
                  </Group>
                </Stack>
              ))}
              <div>
                <Button variant="light" size="xs" onClick={() => setRows((rs) => [...rs, { key: Math.max(0, ...rs.map((x) => x.key)) + 1, title: '', dueDate: '', responsible: '', status: 'planned', doneDate: '' }])}>
                  {t('institutions.plan.milestone.add')}
                </Button>
              </div>
            </Stack>
          </Fieldset>
          <Textarea label={t('institutions.plan.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
          <ConflictMerge
            conflict={conflict}
            labels={{
              targetProfile: t('institutions.plan.targetProfile'),
              status: t('institutions.plan.status'),
              approvedOn: t('institutions.plan.approvedOn'),
              approvedBy: t('institutions.plan.approvedBy'),
              resourcesRedirected: t('institutions.plan.resourcesRedirected'),
              notes: t('institutions.plan.notes'),
              milestones: t('institutions.plan.milestones'),
              'milestones.title': t('institutions.plan.milestone.title'),
              'milestones.dueDate': t('institutions.plan.milestone.dueDate'),
              'milestones.responsible': t('institutions.plan.milestone.responsible'),
              'milestones.status': t('institutions.plan.milestone.status'),
              'milestones.doneDate': t('institutions.plan.milestone.doneDate'),
            }}
            textOf={(c, v) => {
              const path = c.path.filter((p): p is string => typeof p === 'string').join('.');
              if (path === 'targetProfile' && typeof v === 'string') return t(`institutions.plan.target.${v as TargetProfile}`);
              if (path === 'status' && typeof v === 'string') return t(`institutions.plan.planStatus.${v as TransformationPlanStatus}`);
              if (path === 'milestones.status' && typeof v === 'string') return t(`institutions.plan.milestoneStatus.${v as MilestoneStatus}`);
              return plainText(v, t);
            }}
          />
          <ErrorAlert
            error={isApiError(mutation.error, 'version_conflict') && (conflict.active || conflict.settled) ? null : mutation.error}
            onReload={() => {
              void queryClient.fetchQuery({ ...institutionQuery(i.id), staleTime: 0 }).then((fresh) => {
                setBaseVersion(fresh.plan?.version);
                mutation.reset();
              });
            }}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('institutions.plan.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
