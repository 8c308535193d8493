import { Button, Group, Modal, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  institutionGovernanceLevels,
  institutionOwnerships,
  institutionStatuses,
  institutionSubordinations,
  institutionTypes,
  type InstitutionGovernanceLevel,
  type InstitutionOwnership,
  type InstitutionStatus,
  type InstitutionSubordination,
  type InstitutionType,
} from '#domain/institutions/institutions.ts';
import { isApiError } from '../../ui/api-client.ts';
import { ConflictMerge, plainText } from '../../ui/conflict-merge.tsx';
import { ErrorAlert, fieldErrorsOf } from '../../ui/error-alert.tsx';
import { useConflictMerge } from '../../ui/use-conflict-merge.ts';
import { createInstitution, updateInstitution, type Institution } from './institutions.api.ts';
import { institutionQuery, usePlaceOptions } from './institutions.queries.ts';

type Props = { institution?: Institution | undefined; onClose: () => void; onSaved: (i: Institution) => void };
/** The institution as this form edits it (the body of a save, without the version). */
type InstitutionValues = {
  nameUk: string;
  nameEn: string;
  type: InstitutionType;
  subordination: InstitutionSubordination;
  ownership: InstitutionOwnership;
  governanceLevel: InstitutionGovernanceLevel;
  capacity: number;
  status: InstitutionStatus;
  oblastId: string;
  hromadaId: string | null;
  address: string;
  edrpou: string;
  notes: string;
};
const valuesOf = (i: Institution): InstitutionValues => ({
  nameUk: i.nameUk,
  nameEn: i.nameEn,
  type: i.type,
  subordination: i.subordination,
  ownership: i.ownership,
  governanceLevel: i.governanceLevel,
  capacity: i.capacity,
  status: i.status,
  oblastId: i.oblast.id,
  hromadaId: i.hromada?.id ?? null,
  address: i.address,
  edrpou: i.edrpou,
  notes: i.notes,
});
const codeFields: Record<string, string> = { type: 'institutions.type', subordination: 'institutions.subordination', ownership: 'institutions.ownership', governanceLevel: 'institutions.governanceLevel', status: 'institutions.status' };

/**
 * Creates or changes an institution of the register (SPEC §6): names, type, subordination, ownership, founder level,
 * places, place and status. What was typed stays when the server refuses (e.g. a stale version: reload offered).
 */
export function InstitutionForm({ institution, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const places = usePlaceOptions();
  const i = institution;
  const [nameUk, setNameUk] = useState(i?.nameUk ?? '');
  const [nameEn, setNameEn] = useState(i?.nameEn ?? '');
  const [type, setType] = useState<InstitutionType | null>(i?.type ?? null);
  const [subordination, setSubordination] = useState<InstitutionSubordination | null>(i?.subordination ?? null);
  const [ownership, setOwnership] = useState<InstitutionOwnership | null>(i?.ownership ?? null);
  const [governanceLevel, setGovernanceLevel] = useState<InstitutionGovernanceLevel | null>(i?.governanceLevel ?? null);
  const [capacity, setCapacity] = useState<number | string>(i?.capacity ?? '');
  const [status, setStatus] = useState<InstitutionStatus>(i?.status ?? 'operating');
  const [oblastId, setOblastId] = useState<string | null>(i?.oblast.id ?? (places.oblasts.length === 1 ? (places.oblasts[0]?.value ?? null) : null));
  const [hromadaId, setHromadaId] = useState<string | null>(i?.hromada?.id ?? null);
  const [address, setAddress] = useState(i?.address ?? '');
  const [edrpou, setEdrpou] = useState(i?.edrpou ?? '');
  const [notes, setNotes] = useState(i?.notes ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  // The version the change is based on; a conflict reloads it while the typed values stay.
  const [baseVersion, setBaseVersion] = useState(i?.version ?? 0);
  // No lost updates (SPEC §11): the institution as loaded is the base of a three-way merge after a 409.
  const baseRef = useRef<InstitutionValues | null>(i ? valuesOf(i) : null);
  const versionRef = useRef(baseVersion);
  versionRef.current = baseVersion;
  const conflict = useConflictMerge<InstitutionValues>(
    async () => {
      if (!i) return null;
      const fresh = await queryClient.fetchQuery({ ...institutionQuery(i.id), staleTime: 0 });
      return { value: valuesOf(fresh), version: fresh.version };
    },
    (v, version, how) => {
      versionRef.current = version;
      setBaseVersion(version);
      setNameUk(v.nameUk);
      setNameEn(v.nameEn);
      setType(v.type);
      setSubordination(v.subordination);
      setOwnership(v.ownership);
      setGovernanceLevel(v.governanceLevel);
      setCapacity(v.capacity);
      setStatus(v.status);
      setOblastId(v.oblastId);
      setHromadaId(v.hromadaId);
      setAddress(v.address);
      setEdrpou(v.edrpou);
      setNotes(v.notes);
      if (how.save) mutation.mutate(v);
      else {
        baseRef.current = v;
        mutation.reset();
      }
    },
  );
  const mutation = useMutation({
    mutationFn: (over?: InstitutionValues) => {
      const body: InstitutionValues = over ?? {
        nameUk: nameUk.trim(),
        nameEn: nameEn.trim(),
        type: type as InstitutionType,
        subordination: subordination as InstitutionSubordination,
        ownership: ownership as InstitutionOwnership,
        governanceLevel: governanceLevel as InstitutionGovernanceLevel,
        capacity: Number(capacity),
        status,
        oblastId: oblastId ?? '',
        hromadaId,
        address: address.trim(),
        edrpou: edrpou.trim(),
        notes: notes.trim(),
      };
      return i ? updateInstitution(i.id, { ...body, version: versionRef.current }) : createInstitution(body);
    },
    onError: (e, over) => {
      if (i && baseRef.current) {
        conflict.onConflict(e, baseRef.current, over ?? { nameUk: nameUk.trim(), nameEn: nameEn.trim(), type: type as InstitutionType, subordination: subordination as InstitutionSubordination, ownership: ownership as InstitutionOwnership, governanceLevel: governanceLevel as InstitutionGovernanceLevel, capacity: Number(capacity), status, oblastId: oblastId ?? '', hromadaId, address: address.trim(), edrpou: edrpou.trim(), notes: notes.trim() });
      }
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['institutions'] });
      onSaved(saved);
    },
  });
  const serverErrors = fieldErrorsOf(t, mutation.error);
  const err = (k: string) => errors[k] ?? serverErrors[k];
  const submit = () => {
    const next: Record<string, string> = {};
    const required = t('institutions.form.required');
    if (!nameUk.trim()) next.nameUk = required;
    if (!type) next.type = required;
    if (!subordination) next.subordination = required;
    if (!ownership) next.ownership = required;
    if (!governanceLevel) next.governanceLevel = required;
    if (capacity === '') next.capacity = required;
    if (!oblastId) next.oblastId = required;
    if (edrpou.trim() && !/^\d{8}$/.test(edrpou.trim())) next.edrpou = t('institutions.form.edrpouInvalid');
    setErrors(next);
    if (Object.keys(next).length === 0) mutation.mutate(undefined);
  };
  const options = <T extends string>(codes: readonly T[], prefix: string) => codes.map((c) => ({ value: c, label: t(`${prefix}.${c}` as 'institutions.nav') }));
  return (
    <Modal opened onClose={onClose} title={i ? t('institutions.form.titleEdit') : t('institutions.form.titleNew')} size="xl" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        noValidate
      >
        <Stack gap="sm">
          <TextInput label={t('institutions.form.nameUk')} value={nameUk} onChange={(e) => setNameUk(e.currentTarget.value)} error={err('nameUk')} maxLength={300} required />
          <TextInput label={t('institutions.form.nameEn')} value={nameEn} onChange={(e) => setNameEn(e.currentTarget.value)} maxLength={300} />
          <Group grow align="flex-start" wrap="wrap">
            <Select label={t('institutions.form.type')} data={options(institutionTypes, 'institutions.type')} value={type} onChange={(v) => setType(v as InstitutionType | null)} error={err('type')} required miw={220} comboboxProps={{ withinPortal: true }} />
            <Select
              label={t('institutions.form.subordination')}
              data={options(institutionSubordinations, 'institutions.subordination')}
              value={subordination}
              onChange={(v) => setSubordination(v as InstitutionSubordination | null)}
              error={err('subordination')}
              required
              miw={220}
              comboboxProps={{ withinPortal: true }}
            />
          </Group>
          <Group grow align="flex-start" wrap="wrap">
            <Select label={t('institutions.form.ownership')} data={options(institutionOwnerships, 'institutions.ownership')} value={ownership} onChange={(v) => setOwnership(v as InstitutionOwnership | null)} error={err('ownership')} required miw={160} comboboxProps={{ withinPortal: true }} />
            <Select
              label={t('institutions.form.governanceLevel')}
              data={options(institutionGovernanceLevels, 'institutions.governanceLevel')}
              value={governanceLevel}
              onChange={(v) => setGovernanceLevel(v as InstitutionGovernanceLevel | null)}
              error={err('governanceLevel')}
              required
              miw={160}
              comboboxProps={{ withinPortal: true }}
            />
            <NumberInput label={t('institutions.form.capacity')} value={capacity} onChange={setCapacity} min={0} max={100000} allowDecimal={false} allowNegative={false} error={err('capacity')} required miw={120} />
          </Group>
          <Group grow align="flex-start" wrap="wrap">
            <Select
              label={t('institutions.form.oblast')}
              data={places.oblasts}
              value={oblastId}
              onChange={(v) => {
                setOblastId(v);
                setHromadaId(null);
              }}
              error={err('oblastId')}
              required
              searchable
              miw={200}
              comboboxProps={{ withinPortal: true }}
            />
            <Select label={t('institutions.form.hromada')} description={t('institutions.form.hromadaHint')} data={places.hromadasOf(oblastId)} value={hromadaId} onChange={setHromadaId} error={err('hromadaId')} searchable clearable miw={200} comboboxProps={{ withinPortal: true }} />
          </Group>
          <Select label={t('institutions.form.status')} data={options(institutionStatuses, 'institutions.status')} value={status} onChange={(v) => v && setStatus(v as InstitutionStatus)} allowDeselect={false} comboboxProps={{ withinPortal: true }} />
          <Group grow align="flex-start" wrap="wrap">
            <TextInput label={t('institutions.form.address')} value={address} onChange={(e) => setAddress(e.currentTarget.value)} maxLength={500} miw={240} />
            <TextInput label={t('institutions.form.edrpou')} value={edrpou} onChange={(e) => setEdrpou(e.currentTarget.value)} error={err('edrpou')} inputMode="numeric" maxLength={8} miw={140} />
          </Group>
          <Textarea label={t('institutions.form.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
          <ConflictMerge
            conflict={conflict}
            labels={{
              nameUk: t('institutions.form.nameUk'),
              nameEn: t('institutions.form.nameEn'),
              type: t('institutions.form.type'),
              subordination: t('institutions.form.subordination'),
              ownership: t('institutions.form.ownership'),
              governanceLevel: t('institutions.form.governanceLevel'),
              capacity: t('institutions.form.capacity'),
              status: t('institutions.form.status'),
              oblastId: t('institutions.form.oblast'),
              hromadaId: t('institutions.form.hromada'),
              address: t('institutions.form.address'),
              edrpou: t('institutions.form.edrpou'),
              notes: t('institutions.form.notes'),
            }}
            textOf={(c, v) => {
              const field = String(c.path[c.path.length - 1]);
              const prefix = codeFields[field];
              if (prefix && typeof v === 'string') return t(`${prefix}.${v}` as 'institutions.nav', { defaultValue: v });
              if (field === 'oblastId' && typeof v === 'string') return places.oblasts.find((o) => o.value === v)?.label ?? v;
              if (field === 'hromadaId' && typeof v === 'string') return places.hromadasOf(baseRef.current?.oblastId ?? oblastId).find((h) => h.value === v)?.label ?? v;
              return plainText(v, t);
            }}
          />
          <ErrorAlert
            error={isApiError(mutation.error, 'version_conflict') && (conflict.active || conflict.settled) ? null : mutation.error}
            onReload={
              i
                ? () => {
                    void queryClient.fetchQuery({ ...institutionQuery(i.id), staleTime: 0 }).then((fresh) => {
                      setBaseVersion(fresh.version);
                      mutation.reset();
                    });
                  }
                : undefined
            }
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('institutions.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
