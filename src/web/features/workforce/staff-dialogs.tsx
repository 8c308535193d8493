import { Button, Modal, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { employments, staffKinds, trainingKinds } from '#contracts/workforce.contract.ts';
import { isApiError } from '../../ui/api-client.ts';
import { ConflictChoice, plainText } from '../../ui/conflict-merge.tsx';
import { DateField } from '../../ui/date-field.tsx';
import { ErrorAlert, fieldErrorsOf } from '../../ui/error-alert.tsx';
import { ModalFormActions } from '../../ui/form-actions.tsx';
import { todayInKyiv } from '../../ui/format.ts';
import { useConflictMerge } from '../../ui/use-conflict-merge.ts';
import { addTraining, fetchStaffRegister, fetchTerritories, updateStaff, type StaffRegister } from './workforce.api.ts';

type Person = StaffRegister['staff'][number];
/** A register entry as the edit form has it. */
type StaffValues = { position: string; qualification: string; employment: string; fte: number | string; staffKind: string; territoryId: string | null; endedOn: string | null };
const staffValuesOf = (p: Person): StaffValues => ({ position: p.position, qualification: p.qualification, employment: p.employment, fte: p.fte, staffKind: p.staffKind, territoryId: p.territory?.id ?? null, endedOn: p.endedOn });

/** Hromadas and starostats, the territories a worker may cover. */
function useTerritoryOptions() {
  const { i18n, t } = useTranslation();
  const hromadas = useQuery({ queryKey: ['territories', 'hromada'], queryFn: () => fetchTerritories('hromada'), staleTime: 10 * 60_000 });
  const starostats = useQuery({ queryKey: ['territories', 'starostat'], queryFn: () => fetchTerritories('starostat'), staleTime: 10 * 60_000 });
  const en = i18n.language === 'en';
  const byId = new Map((hromadas.data ?? []).map((h) => [h.id, en ? h.nameEn : h.nameUk]));
  return [
    ...(hromadas.data ?? []).map((h) => ({ value: h.id, label: t('workforce.staff.edit.hromadaOption', { name: en ? h.nameEn : h.nameUk }) })),
    ...(starostats.data ?? []).map((s) => ({ value: s.id, label: t('workforce.staff.edit.starostatOption', { name: en ? s.nameEn : s.nameUk, hromada: (s.parentId && byId.get(s.parentId)) ?? '' }) })),
  ];
}

/** Editing a register entry: position, qualification, employment and FTE, status, territory covered, end date. */
function EditStaffForm({ person, onClose }: { person: Person; onClose: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const territories = useTerritoryOptions();
  const [v, setV] = useState<StaffValues>(() => staffValuesOf(person));
  // No lost updates (SPEC §11): after a 409 both versions are shown — keep mine (saved over theirs) or take theirs.
  const baseRef = useRef<StaffValues>(staffValuesOf(person));
  const versionRef = useRef(person.version);
  // The fields this form does not edit are sent as last loaded (after a conflict: as the other person saved them).
  const stored = useRef<Person>(person);
  const [theirTerritory, setTheirTerritory] = useState<{ id: string; nameUk: string } | null>(null);
  const conflict = useConflictMerge<StaffValues>(
    async () => {
      const fresh = (await fetchStaffRegister(person.organisationId)).staff.find((s) => s.id === person.id);
      if (!fresh) return null;
      setTheirTerritory(fresh.territory ?? null);
      stored.current = fresh;
      return { value: staffValuesOf(fresh), version: fresh.version };
    },
    (value, version, how) => {
      versionRef.current = version;
      setV(value);
      if (how.save) save.mutate(value);
      else {
        baseRef.current = value;
        save.reset();
      }
    },
  );
  const set = <K extends keyof typeof v>(k: K, x: (typeof v)[K]) => setV((o) => ({ ...o, [k]: x }));
  const extra = [person.territory, theirTerritory].filter((x, i, all): x is { id: string; nameUk: string } => !!x && !territories.some((o) => o.value === x.id) && all.findIndex((y) => y?.id === x.id) === i);
  const options = [...extra.map((x) => ({ value: x.id, label: x.nameUk })), ...territories];
  const save = useMutation({
    mutationFn: (x: StaffValues) =>
      updateStaff(person.id, {
        version: versionRef.current,
        userId: stored.current.userId,
        surname: stored.current.surname,
        givenName: stored.current.givenName,
        patronymic: stored.current.patronymic,
        position: x.position,
        qualification: x.qualification,
        employment: x.employment as Person['employment'],
        fte: Number(x.fte),
        staffKind: x.staffKind as Person['staffKind'],
        isHead: stored.current.isHead,
        territoryId: x.territoryId,
        startedOn: stored.current.startedOn,
        endedOn: x.endedOn,
        supervisionIntervalDays: stored.current.supervisionIntervalDays,
      }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['workforce', 'staff'] });
      onClose(true);
    },
    onError: (e, x) => void conflict.onConflict(e, baseRef.current, x),
  });
  const errors = fieldErrorsOf(t, save.error);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(v);
      }}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('workforce.staff.position')} required value={v.position} onChange={(e) => set('position', e.currentTarget.value)} error={errors.position} />
          <TextInput label={t('workforce.staff.qualification')} value={v.qualification} onChange={(e) => set('qualification', e.currentTarget.value)} error={errors.qualification} />
          <Select label={t('workforce.staff.employmentLabel')} data={employments.map((k) => ({ value: k, label: t(`workforce.staff.employment.${k}`) }))} value={v.employment} onChange={(x) => x && set('employment', x)} allowDeselect={false} />
          <NumberInput label={t('workforce.staff.fte')} min={0.05} max={1.5} step={0.25} decimalScale={2} value={v.fte} onChange={(x) => set('fte', x)} error={errors.fte} />
          <Select label={t('workforce.staff.kindLabel')} data={staffKinds.map((k) => ({ value: k, label: t(`workforce.staff.kind.${k}`) }))} value={v.staffKind} onChange={(x) => x && set('staffKind', x)} allowDeselect={false} />
          <Select label={t('workforce.staff.edit.territory')} data={options} value={v.territoryId} onChange={(x) => set('territoryId', x)} searchable clearable limit={50} nothingFoundMessage={t('workforce.staff.edit.noTerritory')} error={errors.territoryId} />
          <DateField label={t('workforce.staff.edit.endedOn')} value={v.endedOn} onChange={(x) => set('endedOn', x)} clearLabel={t('workforce.staff.edit.clearEndedOn')} error={errors.endedOn} />
        </SimpleGrid>
        <ConflictChoice
          conflict={conflict}
          labels={{
            position: t('workforce.staff.position'),
            qualification: t('workforce.staff.qualification'),
            employment: t('workforce.staff.employmentLabel'),
            fte: t('workforce.staff.fte'),
            staffKind: t('workforce.staff.kindLabel'),
            territoryId: t('workforce.staff.edit.territory'),
            endedOn: t('workforce.staff.edit.endedOn'),
          }}
          textOf={(c, x) => {
            const field = c.path[c.path.length - 1];
            if (field === 'employment' && typeof x === 'string') return t(`workforce.staff.employment.${x as Person['employment']}`);
            if (field === 'staffKind' && typeof x === 'string') return t(`workforce.staff.kind.${x as Person['staffKind']}`);
            if (field === 'territoryId' && typeof x === 'string') return options.find((o) => o.value === x)?.label ?? x;
            return plainText(x, t);
          }}
          onReload={() => {
            void qc.invalidateQueries({ queryKey: ['workforce', 'staff'] });
            onClose(false);
          }}
        />
        {save.error && !(isApiError(save.error, 'version_conflict') && (conflict.active || conflict.settled)) && <ErrorAlert error={save.error} />}
        <ModalFormActions onCancel={() => onClose(false)} pending={save.isPending} />
      </Stack>
    </form>
  );
}

/** Adding a training record: pre-service or in-service, topic, hours, date, certificate. */
function TrainingForm({ person, onClose }: { person: Person; onClose: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [v, setV] = useState({ kind: 'in_service' as string, topic: '', hours: '' as number | string, completedOn: todayInKyiv() as string | null, certificateNumber: '' });
  const set = <K extends keyof typeof v>(k: K, x: (typeof v)[K]) => setV((o) => ({ ...o, [k]: x }));
  const save = useMutation({
    mutationFn: () => addTraining(person.id, { kind: v.kind as (typeof trainingKinds)[number], topic: v.topic, hours: v.hours === '' ? 0 : Number(v.hours), completedOn: v.completedOn ?? '', certificateNumber: v.certificateNumber }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['workforce', 'staff'] });
      onClose(true);
    },
  });
  const errors = fieldErrorsOf(t, save.error);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm">
        <Select label={t('workforce.staff.training.kind')} data={trainingKinds.map((k) => ({ value: k, label: t(`workforce.staff.training.kinds.${k}`) }))} value={v.kind} onChange={(x) => x && set('kind', x)} allowDeselect={false} />
        <TextInput label={t('workforce.staff.training.topic')} required value={v.topic} onChange={(e) => set('topic', e.currentTarget.value)} maxLength={300} error={errors.topic} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput label={t('workforce.staff.training.hours')} required min={0.5} max={2000} decimalScale={1} value={v.hours} onChange={(x) => set('hours', x)} error={errors.hours} />
          <DateField label={t('workforce.staff.training.completedOn')} required value={v.completedOn} onChange={(x) => set('completedOn', x)} error={errors.completedOn} />
          <TextInput label={t('workforce.staff.training.certificate')} value={v.certificateNumber} onChange={(e) => set('certificateNumber', e.currentTarget.value)} maxLength={100} error={errors.certificateNumber} />
        </SimpleGrid>
        {save.error && Object.keys(errors).length === 0 ? <ErrorAlert error={save.error} /> : null}
        <ModalFormActions onCancel={() => onClose(false)} pending={save.isPending} />
      </Stack>
    </form>
  );
}

/** The row's actions: edit the entry, add a training record (each in a dialog); `onSaved` tells the page what was saved. */
export function StaffRowActions({ person, onSaved }: { person: Person; onSaved: (what: 'edited' | 'training') => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'edit' | 'training' | null>(null);
  const close = (what: 'edited' | 'training') => (saved: boolean) => {
    setOpen(null);
    if (saved) onSaved(what);
  };
  return (
    <>
      <Stack gap={4} align="flex-start">
        <Button size="compact-sm" variant="light" onClick={() => setOpen('edit')} aria-label={t('workforce.staff.edit.buttonNamed', { name: person.name })}>
          {t('workforce.staff.edit.button')}
        </Button>
        <Button size="compact-sm" variant="subtle" onClick={() => setOpen('training')} aria-label={t('workforce.staff.training.buttonNamed', { name: person.name })}>
          {t('workforce.staff.training.button')}
        </Button>
      </Stack>
      {open === 'edit' && (
        <Modal opened onClose={() => setOpen(null)} title={t('workforce.staff.edit.title', { name: person.name })} closeButtonProps={{ 'aria-label': t('common.close') }} size="lg">
          <EditStaffForm person={person} onClose={close('edited')} />
        </Modal>
      )}
      {open === 'training' && (
        <Modal opened onClose={() => setOpen(null)} title={t('workforce.staff.training.title', { name: person.name })} closeButtonProps={{ 'aria-label': t('common.close') }} size="lg">
          <TrainingForm person={person} onClose={close('training')} />
        </Modal>
      )}
    </>
  );
}
